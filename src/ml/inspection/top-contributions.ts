import type { Explanation } from "./tree-shap";

/** The `k` largest contributions of each row: `feature[i * k + j]` and `value[i * k + j]` for rank j (0 = largest). */
export interface TopContributions {
  readonly k: number;
  readonly nSamples: number;
  /** Column index (into `Explanation.featureLabels`) of rank j of row i; -1 for a row without values (NaN). */
  readonly feature: Int32Array;
  /** The contribution itself (signed); NaN for a row without values. */
  readonly value: Float64Array;
}

/**
 * Per row of an explanation, the `k` features with the largest |contribution|, largest first.
 * Ties: the lower column index first. Rows whose contributions are NaN (atoms without a prediction) get feature
 * -1 and value NaN. k is capped at nFeatures.
 */
export function topContributions(e: Explanation, k: number): TopContributions {
  if (!Number.isInteger(k) || k < 1) throw new Error(`topContributions: k must be a positive integer, got ${k}`);
  const d = e.nFeatures;
  const kk = Math.min(k, d);
  const n = e.nSamples;
  const feature = new Int32Array(n * kk).fill(-1);
  const value = new Float64Array(n * kk).fill(Number.NaN);
  const order = new Int32Array(d);
  const mag = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(e.values[i * d])) continue;
    for (let f = 0; f < d; f++) {
      order[f] = f;
      mag[f] = Math.abs(e.values[i * d + f]);
    }
    // Partial selection sort: kk is small (a handful of columns shown per atom).
    for (let j = 0; j < kk; j++) {
      let best = j;
      for (let p = j + 1; p < d; p++) {
        const a = mag[order[p]];
        const b = mag[order[best]];
        if (a > b || (a === b && order[p] < order[best])) best = p;
      }
      const t = order[j];
      order[j] = order[best];
      order[best] = t;
      feature[i * kk + j] = order[j];
      value[i * kk + j] = e.values[i * d + order[j]];
    }
  }
  return { k: kk, nSamples: n, feature, value };
}
