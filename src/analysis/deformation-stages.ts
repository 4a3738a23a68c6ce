import * as path from "node:path";
import { readLammpsLog, thermoColumn } from "../dataset/lammps-log";
import { defaultDataDir, type ManifestEntry } from "../dataset/manifest";

/** A stress-strain curve: compressive engineering strain and compressive stress (GPa), strain ascending. */
export interface StressStrainCurve {
  strain: Float64Array;
  stress: Float64Array;
}

/**
 * The stress-strain curve of a shipped sample from its deformation log: `v_strain` = (Lz0 - Lz) / Lz0 and the
 * compressive stress -`v_szz_GPa` (= pzz / 10^4, data/lammps/templates/deform.in), of the log's last run.
 */
export function sampleStressStrain(entry: ManifestEntry, dataDir: string = defaultDataDir()): StressStrainCurve {
  const rel = entry.files.logs.find((f) => path.basename(f).startsWith("log.deform."));
  if (rel === undefined) throw new Error(`sample ${entry.id}: no deform log among ${entry.files.logs.join(", ")}`);
  const file = path.join(dataDir, rel);
  const runs = readLammpsLog(file);
  if (runs.length === 0) throw new Error(`${file}: no thermo output`);
  const run = runs[runs.length - 1];
  return {
    strain: thermoColumn(run, "v_strain", file),
    stress: thermoColumn(run, "v_szz_GPa", file).map((x) => -x),
  };
}

/** A stage of the deformation, from one strain to another. */
export interface DeformationStage {
  name: string;
  from: number;
  to: number;
}

/** The marks of a stress-strain curve, returned by `deformationStages`. */
export interface DeformationStages {
  /** Slope (GPa per unit strain) and intercept (GPa) of the straight line fitted to the elastic start. */
  modulus: number;
  intercept: number;
  /** Strain range of that fit. */
  fitRange: [number, number];
  /** First strain from which the smoothed stress stays more than `tolerance` below the line. */
  elasticLimit: { strain: number; stress: number };
  /** Maximum of the smoothed stress (the yield peak). */
  peak: { strain: number; stress: number };
  /** Mean stress after the peak (NaN when the curve ends at the peak). */
  flowStress: number;
  /** The smoothed stress (running mean), same length as the curve. */
  smoothed: Float64Array;
  /** Nominal elastic, yielding, shear banding and flow: the paper's Figure 3e stages. */
  stages: DeformationStage[];
}

export interface DeformationStageOptions {
  /** Upper strain of the straight-line fit (default 0.02: well inside the linear start of a metallic glass). */
  fitMax?: number;
  /** Relative deviation below the line that ends the elastic stage (default 0.05 = 5 %). */
  tolerance?: number;
  /** Points of the centred running mean that smooths thermal noise before the marks are read (default 9, odd). */
  window?: number;
}

/**
 * Marks the stages of a compression curve (the paper, Figure 3e: "nominal elastic stage", then "shear banding and
 * shear band propagation"): a least-squares line through the points with strain <= fitMax; the elastic limit where
 * the smoothed stress leaves that line for good by more than `tolerance` (the usual proportional-limit reading of a
 * stress-strain curve); the peak of the smoothed stress; the flow after it.
 */
export function deformationStages(curve: StressStrainCurve, options: DeformationStageOptions = {}): DeformationStages {
  const { strain, stress } = curve;
  const n = strain.length;
  if (stress.length !== n) throw new Error(`deformationStages: ${n} strains but ${stress.length} stresses`);
  const fitMax = options.fitMax ?? 0.02;
  const tolerance = options.tolerance ?? 0.05;
  const window = options.window ?? 9;
  if (!(tolerance > 0 && tolerance < 1)) throw new Error(`deformationStages: tolerance ${tolerance} must be in (0, 1)`);
  if (!(Number.isInteger(window) && window >= 1 && window % 2 === 1))
    throw new Error(`deformationStages: window ${window} must be an odd integer >= 1`);
  for (let i = 1; i < n; i++)
    if (!(strain[i] >= strain[i - 1])) throw new Error(`deformationStages: strain not ascending at point ${i}`);
  // Least-squares line over the fit range.
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n && strain[i] <= fitMax; i++) {
    sx += strain[i];
    sy += stress[i];
    m++;
  }
  if (m < 3) throw new Error(`deformationStages: only ${m} points with strain <= ${fitMax} to fit the elastic line`);
  const mx = sx / m;
  const my = sy / m;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < m; i++) {
    sxx += (strain[i] - mx) ** 2;
    sxy += (strain[i] - mx) * (stress[i] - my);
  }
  const modulus = sxy / sxx;
  const intercept = my - modulus * mx;
  // Centred running mean, shrinking at the ends.
  const half = (window - 1) / 2;
  const smoothed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - half);
    const b = Math.min(n - 1, i + half);
    let s = 0;
    for (let k = a; k <= b; k++) s += stress[k];
    smoothed[i] = s / (b - a + 1);
  }
  // The elastic limit: one past the last point (after the fit range) still within the tolerance band of the line.
  let lastIn = m - 1;
  for (let i = m; i < n; i++) {
    const line = intercept + modulus * strain[i];
    if (smoothed[i] >= (1 - tolerance) * line) lastIn = i;
  }
  const limit = Math.min(n - 1, lastIn + 1);
  let peak = 0;
  for (let i = 1; i < n; i++) if (smoothed[i] > smoothed[peak]) peak = i;
  let flow = 0;
  for (let i = peak + 1; i < n; i++) flow += stress[i];
  const flowStress = peak < n - 1 ? flow / (n - 1 - peak) : NaN;
  const eLimit = Math.min(strain[limit], strain[peak]);
  const stages: DeformationStage[] = [{ name: "nominal elastic", from: strain[0], to: eLimit }];
  if (strain[peak] > eLimit) stages.push({ name: "yielding", from: eLimit, to: strain[peak] });
  if (peak < n - 1) stages.push({ name: "shear banding and flow", from: strain[peak], to: strain[n - 1] });
  return {
    modulus,
    intercept,
    fitRange: [strain[0], strain[m - 1]],
    elasticLimit: { strain: eLimit, stress: smoothed[Math.min(limit, peak)] },
    peak: { strain: strain[peak], stress: smoothed[peak] },
    flowStress,
    smoothed,
    stages,
  };
}
