/** The generation plan data/lammps/conditions.json, as read by generate.ts and data/report.ts. */
import * as fs from "node:fs";

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
