import type { BinaryClassifier } from "../classifier";
import type { DesignMatrix, MatrixInput } from "../design-matrix";
import { toDesignMatrix } from "../design-matrix";
import { linspace, mquantile } from "../../table/quantiles";

export interface PartialDependence {
  /** Feature indices (1 or 2). */
  readonly features: number[];
  /** Grid values of each feature. */
  readonly grid: Float64Array[];
  /**
   * Mean response at each grid point: 1-D length g; 2-D row-major g0 x g1 (average[a * g1 + b] at
   * (grid[0][a], grid[1][b]), scikit-learn's `average[0]` layout).
   */
  readonly average: Float64Array;
}

export interface PartialDependenceOptions {
  /** Points per feature (scikit-learn's grid_resolution, default 100). */
  gridResolution?: number;
  /** Grid range as quantiles of the feature (default [0.05, 0.95]). */
  percentiles?: [number, number];
  /** Explicit grid values per feature (overrides the two options above). */
  grid?: ArrayLike<number>[];
  /** Average P(y = 1) ("proba", scikit-learn's default for classifiers) or a raw decision value ("decision"). */
  response?: "proba" | "decision";
}

/**
 * Grid of one feature as scikit-learn's `_grid_from_X`: its unique values if fewer than `gridResolution`,
 * otherwise `gridResolution` points evenly spaced between the `percentiles` quantiles (scipy's mquantiles).
 */
export function partialDependenceGrid(
  column: ArrayLike<number>,
  gridResolution = 100,
  percentiles: [number, number] = [0.05, 0.95],
): Float64Array {
  if (!Number.isInteger(gridResolution) || gridResolution < 2)
    throw new Error(`gridResolution=${gridResolution} must be an integer > 1`);
  const [p0, p1] = percentiles;
  if (!(p0 >= 0 && p1 <= 1 && p0 < p1)) throw new Error(`percentiles [${p0}, ${p1}] must satisfy 0 <= p0 < p1 <= 1`);
  const sorted = Float64Array.from(column).sort();
  const uniques: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) uniques.push(sorted[i]);
  if (uniques.length < gridResolution) return Float64Array.from(uniques);
  const lo = mquantile(sorted, p0);
  const hi = mquantile(sorted, p1);
  if (Math.abs(lo - hi) <= 1e-8 + 1e-5 * Math.abs(hi)) {
    throw new Error(
      "percentiles are too close to each other, unable to build the grid; choose percentiles further apart",
    );
  }
  return linspace(lo, hi, gridResolution);
}

/**
 * Partial dependence by brute force (Friedman 2001, Sec. 8.2; scikit-learn's method "brute"): for every grid
 * point, the chosen feature(s) of every row of X are set to the point and the model's response is averaged.
 * `features`: one or two column indices or labels.
 */
export function partialDependence(
  model: BinaryClassifier,
  X: MatrixInput,
  features: number | string | [number | string, number | string],
  options: PartialDependenceOptions = {},
): PartialDependence {
  const m = toDesignMatrix(X);
  const list = Array.isArray(features) ? features : [features];
  const idx = list.map((f) => {
    if (typeof f === "number") {
      if (!Number.isInteger(f) || f < 0 || f >= m.nFeatures)
        throw new Error(`feature ${f} is out of range [0, ${m.nFeatures})`);
      return f;
    }
    const k = m.featureLabels?.indexOf(f) ?? -1;
    if (k < 0) throw new Error(`no feature column "${f}"`);
    return k;
  });
  if (idx.length === 2 && idx[0] === idx[1]) throw new Error("partialDependence: the two features must differ");
  const d = m.nFeatures;
  const grid = idx.map((f, j) => {
    if (options.grid) {
      const g = options.grid[j];
      if (!g || g.length === 0) throw new Error(`partialDependence: empty grid for feature ${f}`);
      return Float64Array.from(g);
    }
    const col = new Float64Array(m.nSamples);
    for (let i = 0; i < m.nSamples; i++) col[i] = m.values[i * d + f];
    return partialDependenceGrid(col, options.gridResolution, options.percentiles);
  });
  const response = options.response ?? "proba";
  const decision = (model as { decisionFunction?: (X: MatrixInput) => Float64Array }).decisionFunction;
  if (response === "decision" && typeof decision !== "function") throw new Error("the model has no decisionFunction");
  const predict = (w: DesignMatrix): Float64Array =>
    response === "proba" ? model.predictProba(w) : (decision as (X: MatrixInput) => Float64Array).call(model, w);
  const work: DesignMatrix = { ...m, values: Float64Array.from(m.values) };
  const points = grid.length === 1 ? grid[0].length : grid[0].length * grid[1].length;
  const average = new Float64Array(points);
  for (let p = 0; p < points; p++) {
    const v0 = grid.length === 1 ? grid[0][p] : grid[0][Math.floor(p / grid[1].length)];
    for (let i = 0; i < m.nSamples; i++) work.values[i * d + idx[0]] = v0;
    if (grid.length === 2) {
      const v1 = grid[1][p % grid[1].length];
      for (let i = 0; i < m.nSamples; i++) work.values[i * d + idx[1]] = v1;
    }
    const r = predict(work);
    let s = 0;
    for (let i = 0; i < r.length; i++) s += r[i];
    average[p] = s / r.length;
  }
  return { features: idx, grid, average };
}
