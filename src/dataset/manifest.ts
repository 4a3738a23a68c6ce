import * as fs from "node:fs";
import * as path from "node:path";

/**
 * One finished LAMMPS sample as listed in data/manifest.json (written by data/lammps/generate.ts): its
 * sample.json plus `dir`, file paths relative to the data folder and the sha256 of every file by that path.
 */
export interface ManifestEntry {
  /** e.g. "Cu65Zr35_1e13_s1". */
  id: string;
  composition: string;
  elements: [string, string];
  /** LAMMPS type -> element, e.g. { "1": "Cu", "2": "Zr" }. */
  typeMap: Record<string, string>;
  /** Quench rate (K/s). */
  quenchRate: number;
  /** Set when the plan has several conditions of one composition and rate, e.g. "32k" (a larger cell). */
  variant?: string;
  /** Sample number within its condition (1, 2, 3). */
  sample: number;
  seed: number;
  velocitySeed: number;
  atoms: number;
  lattice: { style: string; a0: number; cells: [number, number, number]; fractionType2: number };
  timestepPs: number;
  protocol: {
    meltPs: number;
    meltTemperatureK: number;
    quenchPs: number;
    relaxPs: number;
    glassTemperatureK: number;
    ensemble: string;
    deformation: string;
  };
  /** Engineering strain rate of the compression (1/s). */
  strainRate: number;
  maxStrain: number;
  dumpStrain: number;
  /** Paths relative to the data folder. byStrain keys are strains written with 5 decimals ("0.04000"). */
  files: { quenched: string; byStrain: Record<string, string>; logs: string[]; commands: string; meta: string };
  /** sha256 (hex) of each file, keyed by its path relative to the data folder. */
  sha256: Record<string, string>;
  lmp: { version: string; commands: string[]; inputs: string[] };
  potential: { file: string; sha256: string; source: string };
  /** Wall-clock seconds of the whole generation (melt, quench, relax, deform) of this sample. */
  wallSeconds: number;
  finished: string;
  /** The sample's folder relative to the data folder, e.g. "samples/Cu65Zr35_1e13_s1". */
  dir: string;
}

export interface Manifest {
  description: string;
  samples: ManifestEntry[];
}

/** The repository's data folder: $QSOFT_DATA when set, else data/ next to src/ (or dist/). */
export function defaultDataDir(): string {
  const env = process.env.QSOFT_DATA;
  if (env !== undefined && env !== "") return path.resolve(env);
  return path.resolve(__dirname, "..", "..", "data");
}

/** Path of data/manifest.json in `dataDir`. */
export function manifestPath(dataDir: string = defaultDataDir()): string {
  return path.join(dataDir, "manifest.json");
}

/**
 * Reads and checks data/manifest.json. Throws, naming the file, when it is missing (no sample generated yet:
 * run `npm run data:generate`), not JSON, or when an entry lacks a field the API relies on.
 */
export function loadManifest(dataDir: string = defaultDataDir()): Manifest {
  const file = manifestPath(dataDir);
  if (!fs.existsSync(file))
    throw new Error(`${file} does not exist: no sample has been generated yet (npm run data:generate)`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof raw !== "object" || raw === null || !Array.isArray((raw as { samples?: unknown }).samples)) {
    throw new Error(`${file}: expected an object with a "samples" array`);
  }
  const manifest = raw as Manifest;
  manifest.samples.forEach((s, k) => checkEntry(s, `${file}: samples[${k}]`));
  const seen = new Set<string>();
  for (const s of manifest.samples) {
    if (seen.has(s.id)) throw new Error(`${file}: sample id "${s.id}" is listed twice`);
    seen.add(s.id);
  }
  return manifest;
}

function checkEntry(s: ManifestEntry, where: string): void {
  const need: [keyof ManifestEntry, string][] = [
    ["id", "string"],
    ["composition", "string"],
    ["quenchRate", "number"],
    ["sample", "number"],
    ["seed", "number"],
    ["atoms", "number"],
    ["strainRate", "number"],
    ["maxStrain", "number"],
    ["dir", "string"],
    ["typeMap", "object"],
    ["files", "object"],
    ["sha256", "object"],
  ];
  for (const [key, type] of need) {
    if (typeof s[key] !== type || s[key] === null)
      throw new Error(`${where}: field "${String(key)}" missing or not a ${type}`);
  }
  if (typeof s.files.quenched !== "string" || typeof s.files.byStrain !== "object") {
    throw new Error(`${where} (${s.id}): files.quenched / files.byStrain missing`);
  }
}

/** Element names by LAMMPS type: ["Cu", "Zr"] for typeMap { "1": "Cu", "2": "Zr" }. */
export function typeNames(entry: ManifestEntry): string[] {
  const types = Object.keys(entry.typeMap)
    .map(Number)
    .sort((a, b) => a - b);
  types.forEach((t, k) => {
    if (t !== k + 1)
      throw new Error(`sample ${entry.id}: typeMap must list types 1..n, got ${Object.keys(entry.typeMap).join(", ")}`);
  });
  return types.map((t) => entry.typeMap[String(t)]);
}

/** The strains with a deformed snapshot, ascending (numbers parsed from the files.byStrain keys). */
export function strainsOf(entry: ManifestEntry): number[] {
  return Object.keys(entry.files.byStrain)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Path (relative to the data folder) of the snapshot at `strain`; throws listing the available strains. */
export function strainFile(entry: ManifestEntry, strain: number): string {
  for (const [key, file] of Object.entries(entry.files.byStrain)) {
    if (Math.abs(Number(key) - strain) < 5e-6) return file;
  }
  throw new Error(`sample ${entry.id} has no snapshot at strain ${strain}; available: ${strainsOf(entry).join(", ")}`);
}

/** "1e13" for 1e13 K/s: the rate tag used in sample ids and condition names. */
export function rateTag(rate: number): string {
  return rate.toExponential(0).replace("+", "");
}

/** "Cu65Zr35@1e13" (or "Cu65Zr35@1e13/32k" for a variant): the condition (composition and quench rate) of an entry. */
export function conditionOf(entry: Pick<ManifestEntry, "composition" | "quenchRate" | "variant">): string {
  return `${entry.composition}@${rateTag(entry.quenchRate)}${entry.variant ? `/${entry.variant}` : ""}`;
}
