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
