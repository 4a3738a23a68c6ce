/** The generation plan data/lammps/conditions.json, as read by generate.ts and data/report.ts. */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

export interface Condition {
  composition: string;
  elements: [string, string];
  /** Fraction of type 2 atoms. */
  fracB: number;
  /** Quench rate, K/s. */
  quenchRate: number;
  lattice: string;
  a0: number;
  cells: [number, number, number];
  potential: string;
  seeds: number[];
  /** The sample (1-based) deformed on to the extended strain with finer snapshots. */
  extendedSample?: number;
  /**
   * Tells apart conditions of the same composition and rate, e.g. "32k" for a larger cell: part of the sample ids
   * (Cu65Zr35_1e13_32k_s1) and of the condition name (Cu65Zr35@1e13/32k).
   */
  variant?: string;
  /**
   * "x": free surfaces along x (the paper's Cu-Zr slabs): the relaxation opens the periodic box along x into a
   * shrink-wrapped slab and the deformation keeps it; absent: periodic in x, y and z.
   */
  surfaces?: "x";
}

export interface Plan {
  timestepPs: number;
  meltTemperatureK: number;
  glassTemperatureK: number;
  meltSteps: number;
  relaxSteps: number;
  strainRatePerS: number;
  deformAxis: string;
  maxStrain: number;
  dumpStrain: number;
  extended: { maxStrain: number; dumpStrain: number };
  conditions: Condition[];
  potentials: Record<string, { dir: string; source: string }>;
  /** Steps between LAMMPS restart files within a stage (default 5,000). */
  restartEvery?: number;
  /** Steps between thermo lines (default: each template's own, 250 to 1,000). */
  thermoEvery?: number;
  /**
   * The atoms of a slab kept for the ML dataset: those at least `surfaceMarginA` Angstrom from both free surfaces
   * of the quenched glass (paper, Methods: "we select atoms of ~10-20 A away from the surfaces").
   */
  selection?: { surfaceMarginA: number; source: string };
}

/** The plans shipped in data/lammps/, by the name `data:generate -- --plan NAME` takes. */
export const NAMED_PLANS: Record<string, string> = {
  default: "conditions.json",
  paper: "conditions.paper.json",
  "paper-smoke": "conditions.paper-smoke.json",
};

/** The file of a plan given as a name of {@link NAMED_PLANS} or a path; throws listing the names. */
export function planFile(nameOrFile: string, lammpsDir: string): string {
  const named = NAMED_PLANS[nameOrFile];
  if (named) return path.join(lammpsDir, named);
  if (fs.existsSync(nameOrFile)) return path.resolve(nameOrFile);
  throw new Error(
    `--plan ${nameOrFile}: neither a plan name (${Object.keys(NAMED_PLANS).join(", ")}) nor an existing file`,
  );
}

/** Atoms of a condition: 4 (fcc) or 2 (bcc) per lattice cell times the cells. */
export function atomsOf(c: Condition): number {
  return (c.lattice === "bcc" ? 2 : 4) * c.cells[0] * c.cells[1] * c.cells[2];
}

/** MD steps of the quench of `c` under `plan`: (melt - glass temperature) / rate / timestep. */
export function quenchStepsOf(plan: Plan, c: Condition): number {
  const quenchPs = ((plan.meltTemperatureK - plan.glassTemperatureK) / c.quenchRate) * 1e12;
  return Math.round(quenchPs / plan.timestepPs);
}

export function readPlan(file: string): Plan {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Plan;
}

/**
 * The file of potential `name`: $QSOFT_POTENTIALS/name if set and present, else the folder conditions.json names
 * for it (relative to the repository root `repo`). Throws naming both places.
 */
export function potentialPath(plan: Plan, repo: string, name: string): string {
  const p = plan.potentials[name];
  if (!p) throw new Error(`conditions.json: no entry for potential ${name}`);
  const dir = path.isAbsolute(p.dir) ? p.dir : path.resolve(repo, p.dir);
  const envDir = process.env.QSOFT_POTENTIALS;
  const candidates = [envDir ? path.join(envDir, name) : "", path.join(dir, name)].filter((s) => s !== "");
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new Error(
    `potential ${name} not found (looked in ${candidates.join(", ")}); install Debian's lammps-data or set QSOFT_POTENTIALS`,
  );
}

export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** The version line of the `lmp` on PATH (e.g. "29 Sep 2021 - Update 2"), or "unknown". */
export function lammpsVersion(): string {
  const r = spawnSync("lmp", ["-h"], { encoding: "utf8" });
  const m = /Simulator - (.+)$/m.exec(r.stdout ?? "");
  return m ? m[1].trim() : "unknown";
}
