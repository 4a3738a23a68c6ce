import type { DataFrame } from "danfojs-node";
import type { FeatureMatrix } from "../table/feature-matrix";
import { dataFrameToTable } from "../table/dataframe";

/**
 * The feature matrix every estimator in `src/ml` works on: row-major, `values[i * nFeatures + k]` is feature k
 * of sample i, all finite. `featureLabels` is null when the input had no column names.
 */
export interface DesignMatrix {
  readonly values: Float64Array;
  readonly nSamples: number;
  readonly nFeatures: number;
  readonly featureLabels: string[] | null;
}

/** A row-major matrix given as a flat array and its number of columns. */
export interface RowMajorMatrix {
  readonly X: ArrayLike<number>;
  readonly nFeatures: number;
  readonly featureLabels?: string[];
}

/**
 * What the estimators accept as X: a danfojs DataFrame (every column a feature), a qsoft FeatureMatrix, a flat
 * row-major matrix `{X, nFeatures}`, an array of rows, or a DesignMatrix.
 */
export type MatrixInput = DataFrame | FeatureMatrix | RowMajorMatrix | DesignMatrix | ArrayLike<number>[];

function isDesignMatrix(x: object): x is DesignMatrix {
  return "values" in x && "nSamples" in x && "nFeatures" in x && "featureLabels" in x;
}
function isFeatureMatrix(x: object): x is FeatureMatrix {
  return "values" in x && "labels" in x && "n" in x;
}
function isRowMajor(x: object): x is RowMajorMatrix {
  return "X" in x && "nFeatures" in x;
}
function isDataFrame(x: object): x is DataFrame {
  const df = x as { columns?: unknown; column?: unknown };
  return Array.isArray(df.columns) && typeof df.column === "function";
}

/**
 * Converts any MatrixInput to a DesignMatrix (copying), refusing ragged rows, non-numeric columns and NaN or
 * infinite values with a message naming `what`, the row and the column.
 */
export function toDesignMatrix(input: MatrixInput, what = "X"): DesignMatrix {
  return designMatrixOf(input, what, true);
}

/**
 * As toDesignMatrix, but a matrix that is already row-major Float64Array values is used as it is, not copied:
 * for reading only (prediction). A fresh 221 MB array costs 0.66 s here (page faults), longer than predicting
 * 345,600 x 80 rows with 300 trees.
 */
export function readDesignMatrix(input: MatrixInput, what = "X"): DesignMatrix {
  return designMatrixOf(input, what, false);
}

function designMatrixOf(input: MatrixInput, what: string, copy: boolean): DesignMatrix {
  const values = (v: ArrayLike<number>): Float64Array => (!copy && v instanceof Float64Array ? v : new Float64Array(v));
  let m: DesignMatrix;
  if (Array.isArray(input)) {
    const rows = input as ArrayLike<number>[];
    const d = rows.length > 0 ? rows[0].length : 0;
    const values = new Float64Array(rows.length * d);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r === null || typeof r !== "object" || r.length !== d) {
        throw new Error(`${what}: row ${i} has ${r?.length ?? "no"} values, expected ${d} (as row 0)`);
      }
      for (let k = 0; k < d; k++) values[i * d + k] = r[k];
    }
    m = { values, nSamples: rows.length, nFeatures: d, featureLabels: null };
  } else if (typeof input !== "object" || input === null) {
    throw new Error(`${what}: expected a DataFrame, a FeatureMatrix, {X, nFeatures} or an array of rows`);
  } else if (isDesignMatrix(input)) {
    m = { ...input, values: values(input.values), featureLabels: input.featureLabels?.slice() ?? null };
  } else if (isFeatureMatrix(input)) {
    m = {
      values: values(input.values),
      nSamples: input.n,
      nFeatures: input.labels.length,
      featureLabels: input.labels.slice(),
    };
  } else if (isRowMajor(input)) {
    const d = input.nFeatures;
    if (!Number.isInteger(d) || d < 1) throw new Error(`${what}: nFeatures must be a positive integer, got ${d}`);
    if (input.X.length % d !== 0)
      throw new Error(`${what}: ${input.X.length} values is not a multiple of nFeatures=${d}`);
    const labels = input.featureLabels?.slice() ?? null;
    if (labels !== null && labels.length !== d)
      throw new Error(`${what}: ${labels.length} feature labels for nFeatures=${d}`);
    m = { values: values(input.X), nSamples: input.X.length / d, nFeatures: d, featureLabels: labels };
  } else if (isDataFrame(input)) {
    const table = dataFrameToTable(input);
    const d = table.columns.length;
    const values = new Float64Array(table.rows * d);
    table.columns.forEach((name, k) => {
      const col = table.data.get(name);
      if (col === undefined || Array.isArray(col)) throw new Error(`${what}: column "${name}" is not numeric`);
      for (let i = 0; i < table.rows; i++) values[i * d + k] = col[i];
    });
    m = { values, nSamples: table.rows, nFeatures: d, featureLabels: table.columns.slice() };
  } else {
    throw new Error(`${what}: expected a DataFrame, a FeatureMatrix, {X, nFeatures} or an array of rows`);
  }
  if (m.nSamples > 0 && m.nFeatures === 0) throw new Error(`${what}: no feature columns`);
  checkFinite(m, what);
  if (m.featureLabels !== null) {
    const seen = new Set<string>();
    for (const l of m.featureLabels) {
      if (seen.has(l)) throw new Error(`${what}: duplicate feature column "${l}"`);
      seen.add(l);
    }
  }
  return m;
}

/** Throws at the first NaN or infinite value, naming the row and the column. */
export function checkFinite(m: DesignMatrix, what = "X"): void {
  const v = m.values;
  for (let p = 0; p < v.length; p++) {
    // x - x is 0 for every finite x and NaN for NaN and +-Infinity (a plain compare: Number.isFinite per value
    // took 0.5 s of a 0.8 s prediction on 345,600 x 80).
    if (v[p] - v[p] !== 0) {
      const i = Math.floor(p / m.nFeatures);
      const k = p % m.nFeatures;
      const col = m.featureLabels ? `column "${m.featureLabels[k]}"` : `column ${k}`;
      throw new Error(`${what}: row ${i}, ${col} is ${v[p]}; features must be finite numbers`);
    }
  }
}

/**
 * Feature-major copy of the values: `out[k * nSamples + i]` is feature k of sample i. Staged prediction reads it
 * tree by tree: a tree reads one or two columns per level, contiguous here (full prediction walks rows instead,
 * over all trees at once: packed-trees.ts).
 */
export function featureMajor(m: DesignMatrix): Float64Array {
  const { values, nSamples: n, nFeatures: d } = m;
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) out[k * n + i] = values[i * d + k];
  return out;
}

/** The rows `indices` of `m`, in that order (a copy). */
export function takeRows(m: DesignMatrix, indices: ArrayLike<number>): DesignMatrix {
  const d = m.nFeatures;
  const values = new Float64Array(indices.length * d);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    values.set(m.values.subarray(i * d, i * d + d), r * d);
  }
  return { values, nSamples: indices.length, nFeatures: d, featureLabels: m.featureLabels };
}

/** The columns `columns` of `m`, in that order (a copy, labels follow). */
export function takeColumns(m: DesignMatrix, columns: ArrayLike<number>): DesignMatrix {
  const d = m.nFeatures;
  const c = columns.length;
  const values = new Float64Array(m.nSamples * c);
  for (let i = 0; i < m.nSamples; i++) {
    for (let k = 0; k < c; k++) values[i * c + k] = m.values[i * d + columns[k]];
  }
  const labels = m.featureLabels ? Array.from(columns, (k) => (m.featureLabels as string[])[k]) : null;
  return { values, nSamples: m.nSamples, nFeatures: c, featureLabels: labels };
}

/** Rows of several matrices stacked (same columns, same labels or none). */
export function concatRows(parts: readonly DesignMatrix[]): DesignMatrix {
  if (parts.length === 0) throw new Error("concatRows: nothing to concatenate");
  const d = parts[0].nFeatures;
  const labels = parts[0].featureLabels;
  let n = 0;
  parts.forEach((p, k) => {
    if (p.nFeatures !== d) throw new Error(`concatRows: part ${k} has ${p.nFeatures} features, part 0 has ${d}`);
    if (labels && p.featureLabels && p.featureLabels.join("\u0000") !== labels.join("\u0000")) {
      throw new Error(`concatRows: part ${k} has different feature columns than part 0`);
    }
    n += p.nSamples;
  });
  const values = new Float64Array(n * d);
  let off = 0;
  for (const p of parts) {
    values.set(p.values, off);
    off += p.values.length;
  }
  return { values, nSamples: n, nFeatures: d, featureLabels: labels };
}

/**
 * Puts the columns of `m` in the order of `labels` (the labels an estimator was fitted with). A matrix without
 * labels is accepted when its width matches; with labels, a missing or unknown column is an error.
 */
export function alignColumns(m: DesignMatrix, labels: string[] | null, nFeatures: number, what = "X"): DesignMatrix {
  if (m.featureLabels === null || labels === null) {
    if (m.nFeatures !== nFeatures)
      throw new Error(`${what} has ${m.nFeatures} features, the model was fitted with ${nFeatures}`);
    return m;
  }
  const have = new Map(m.featureLabels.map((l, k) => [l, k]));
  const missing = labels.filter((l) => !have.has(l));
  const known = new Set(labels);
  const unknown = m.featureLabels.filter((l) => !known.has(l));
  if (missing.length > 0 || unknown.length > 0) {
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`missing column(s) ${missing.map((s) => `"${s}"`).join(", ")}`);
    if (unknown.length > 0) parts.push(`unknown column(s) ${unknown.map((s) => `"${s}"`).join(", ")}`);
    throw new Error(`${what}: ${parts.join("; ")} (the model was fitted with: ${labels.join(", ")})`);
  }
  if (labels.every((l, k) => m.featureLabels?.[k] === l)) return m;
  return takeColumns(
    m,
    labels.map((l) => have.get(l) as number),
  );
}
