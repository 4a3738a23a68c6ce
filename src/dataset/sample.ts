import * as fs from "node:fs";
import * as path from "node:path";
import { readDump } from "../io/dump-reader";
import type { Frame } from "../structure/frame";
import { D2min, type D2minNormalization, resolveD2minOptions } from "../labels/d2min";
import { PLASTIC_STRAIN, plasticFraction, plasticLabels, resolvePlasticThreshold } from "../labels/plastic";
import { sha256File } from "./checksum";
import { sameValues } from "../files/file-cache";
import { labelCache, labelCacheKey, type CachedD2min } from "./label-cache";
import {
  defaultDataDir,
  loadManifest,
  rateTag,
  strainFile,
  strainsOf,
  typeNames,
  type ManifestEntry,
} from "./manifest";

/** A sample: its id, its condition and number, or its manifest entry. */
export type SampleKey =
  | string
  | { composition: string; quenchRate: number; sample: number; variant?: string }
  | ManifestEntry;

export interface LoadSampleOptions {
  /** Deformed snapshots to read (and verify) right away; others are read on first use. */
  strains?: number[];
  /** The data folder (default: the repository's data/, or $QSOFT_DATA). */
  dataDir?: string;
  /** Check each file against its sha256 in the manifest before parsing it (default true). */
  verify?: boolean;
  /** Where D2min labels are cached: "disk" (data/cache/, default), "memory" (this object only) or "none". */
  cache?: "disk" | "memory" | "none";
}

export interface LabelOptions {
  /** Neighbor cutoff in the quenched frame (Angstrom), default 5. */
  cutoff?: number;
  /** Plastic threshold on D2min (Angstrom^2), default 5.0 (the paper). */
  threshold?: number;
  /** D2min normalisation, default "none" (the paper's). */
  normalize?: D2minNormalization;
}

/** D2min labels of a sample at one strain, relative to the quenched glass, in the quenched frame's atom order. */
export interface SampleLabels extends CachedD2min {
  strain: number;
  cutoff: number;
  threshold: number;
  normalize: D2minNormalization;
  /** 1 where d2min > threshold. */
  plastic: Uint8Array;
  /** Fraction of atoms with d2min > threshold. */
  plasticFraction: number;
}

/** A shipped glass: its manifest entry, the quenched frame, the deformed snapshots and cached D2min labels. */
export interface Sample {
  entry: ManifestEntry;
  dataDir: string;
  /** The relaxed glass (data/samples/<id>/quenched.dump.gz) sorted by id, with the manifest's type map. */
  quenched: Frame;
  /** The strains with a deformed snapshot, ascending. */
  strains: number[];
  /** The snapshot at `strain` (unwrapped positions, sorted by id); read once, then kept in memory. */
  deformed(strain: number): Promise<Frame>;
  /** D2min, shear strain and plastic labels at `strain` (default 0.04) against the quenched frame; cached. */
  labels(strain?: number, options?: LabelOptions): Promise<SampleLabels>;
}

/** The manifest entry of a key; throws listing the known ids when nothing matches. */
export function findEntry(key: SampleKey, dataDir: string = defaultDataDir()): ManifestEntry {
  if (typeof key === "object" && "files" in key && "sha256" in key) return key;
  const samples = loadManifest(dataDir).samples;
  const hit =
    typeof key === "string"
      ? samples.find((s) => s.id === key)
      : samples.find(
          (s) =>
            s.composition === key.composition &&
            Math.abs(s.quenchRate - key.quenchRate) <= 1e-9 * key.quenchRate &&
            s.sample === key.sample &&
            (s.variant ?? "") === (key.variant ?? ""),
        );
  if (hit) return hit;
  const what =
    typeof key === "string" ? `"${key}"` : `${key.composition} at ${rateTag(key.quenchRate)} K/s, sample ${key.sample}`;
  const known = samples.map((s) => s.id).join(", ") || "none yet";
  throw new Error(`no sample ${what} in ${path.join(dataDir, "manifest.json")} (samples: ${known})`);
}

/**
 * Loads a generated sample: its quenched glass now, deformed snapshots and D2min labels on demand.
 *
 *   const s = await loadSample({ composition: "Cu65Zr35", quenchRate: 1e13, sample: 1 });
 *   const { plastic, d2min } = await s.labels(0.04);
 */
export async function loadSample(key: SampleKey, options: LoadSampleOptions = {}): Promise<Sample> {
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir());
  const entry = findEntry(key, dataDir);
  const verify = options.verify ?? true;
  const cacheMode = options.cache ?? "disk";
  const types = typeNames(entry);
  const hashes = new Map<string, string>();

  /** Reads a dump of the sample after checking its sha256. */
  const read = async (rel: string): Promise<Frame> => {
    const full = path.join(dataDir, rel);
    if (!fs.existsSync(full)) throw new Error(`sample ${entry.id}: file ${full} is missing`);
    const expected = entry.sha256[rel];
    if (verify) {
      if (expected === undefined) throw new Error(`sample ${entry.id}: ${rel} has no sha256 in the manifest`);
      const actual = sha256File(full);
      if (actual !== expected)
        throw new Error(`sample ${entry.id}: ${full} has sha256 ${actual}, the manifest says ${expected}`);
    }
    hashes.set(rel, expected ?? sha256File(full));
    return readDump(full, { types, sort: true });
  };

  const quenched = await read(entry.files.quenched);
  if (quenched.natoms !== entry.atoms) {
    throw new Error(
      `sample ${entry.id}: ${entry.files.quenched} has ${quenched.natoms} atoms, the manifest says ${entry.atoms}`,
    );
  }
  const frames = new Map<string, Promise<Frame>>();
  const deformed = async (strain: number): Promise<Frame> => {
    const rel = strainFile(entry, strain);
    let f = frames.get(rel);
    if (!f) {
      f = read(rel);
      frames.set(rel, f);
      f.catch(() => frames.delete(rel));
    }
    return f;
  };
  for (const s of options.strains ?? []) await deformed(s);

  const disk = cacheMode === "disk" ? labelCache(path.join(dataDir, "cache")) : null;
  const memory = new Map<string, CachedD2min>();
  const labels = async (strain: number = PLASTIC_STRAIN, opts: LabelOptions = {}): Promise<SampleLabels> => {
    const d2minOptions = resolveD2minOptions(
      { cutoff: opts.cutoff, normalize: opts.normalize },
      { cutoff: "labels: cutoff", normalize: "labels: normalize" },
    );
    const { cutoff, normalize } = d2minOptions;
    const threshold = resolvePlasticThreshold(opts.threshold, "labels: threshold");
    const rel = strainFile(entry, strain);
    const def = await deformed(strain);
    const name = `d2min_strain${Number(strain).toFixed(5)}`;
    const cacheKey = labelCacheKey({
      quenched: hashes.get(entry.files.quenched) as string,
      deformed: hashes.get(rel) as string,
      cutoff,
      normalize,
      rcond: d2minOptions.rcond,
    });
    let d =
      cacheMode === "none"
        ? null
        : (memory.get(`${name}_${cacheKey}`) ??
          disk?.read(entry.id, `${name}_${cacheKey}`, (c) => sameValues(c.ids, quenched.ids)) ??
          null);
    if (d === null) {
      const c = new D2min(d2minOptions).compute(quenched, def);
      d = {
        ids: c.ids,
        types: Int32Array.from(quenched.types),
        neighborCounts: c.neighborCounts,
        d2min: c.d2min,
        shearStrain: c.shearStrain,
        flags: c.flags,
      };
      disk?.write(entry.id, `${name}_${cacheKey}`, d);
    }
    if (cacheMode !== "none") memory.set(`${name}_${cacheKey}`, d);
    return {
      ...d,
      strain,
      cutoff,
      threshold,
      normalize,
      plastic: plasticLabels(d.d2min, threshold),
      plasticFraction: plasticFraction(d.d2min, threshold),
    };
  };

  return { entry, dataDir, quenched, strains: strainsOf(entry), deformed, labels };
}
