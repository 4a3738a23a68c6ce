import type { DesignMatrix, MatrixInput } from "../design-matrix";
import { toDesignMatrix } from "../design-matrix";

/** A feature dropped by the correlation filter, and the kept feature it duplicates. */
export interface DroppedFeature {
  readonly feature: number;
  readonly label: string | null;
  readonly correlatedWith: number;
  readonly r: number;
}

export interface CorrelationFilterResult {
  /** Kept feature indices, increasing. */
  readonly keep: number[];
  readonly keptLabels: string[] | null;
  readonly dropped: DroppedFeature[];
  /** Pearson correlation matrix (nFeatures x nFeatures, row-major; NaN for a constant feature). */
  readonly correlation: Float64Array;
}

/** Pearson correlation matrix of the columns of `m` (row-major d x d; NaN where a column is constant). */
export function correlationMatrix(m: DesignMatrix): Float64Array {
  const { nSamples: n, nFeatures: d, values } = m;
  const z = new Float64Array(n * d);
  const norm = new Float64Array(d);
  for (let f = 0; f < d; f++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[i * d + f];
    const mu = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const c = values[i * d + f] - mu;
      z[f * n + i] = c;
      ss += c * c;
    }
    norm[f] = Math.sqrt(ss);
  }
  const r = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += z[a * n + i] * z[b * n + i];
      const v = norm[a] > 0 && norm[b] > 0 ? Math.max(-1, Math.min(1, dot / (norm[a] * norm[b]))) : NaN;
      r[a * d + b] = v;
      r[b * d + a] = v;
    }
  }
  return r;
}

/**
 * Removes linearly redundant features (Wang & Jain: "remove high-linear-correlation features"): features are
 * visited in `priority` order (default: column order; pass e.g. descending importance to keep the more useful
 * of a pair) and a feature is dropped when |r| > threshold with a feature already kept, so exactly one of each
 * correlated pair survives. (The common pandas recipe "upper triangle > threshold" can drop both ends of a
 * chain a-b-c; this greedy rule cannot.) Constant features (r undefined) are kept.
 */
export function correlationFilter(
  X: MatrixInput,
  options: { threshold?: number; priority?: readonly number[] } = {},
): CorrelationFilterResult {
  const { threshold = 0.95 } = options;
  if (!(threshold >= 0 && threshold <= 1)) throw new Error(`threshold=${threshold} must be in [0, 1]`);
  const m = toDesignMatrix(X);
  const d = m.nFeatures;
  const order = options.priority ? Array.from(options.priority) : Array.from({ length: d }, (_, k) => k);
  if (order.length !== d || new Set(order).size !== d || order.some((k) => !Number.isInteger(k) || k < 0 || k >= d)) {
    throw new Error(`priority must be a permutation of 0..${d - 1}`);
  }
  const r = correlationMatrix(m);
  const kept: number[] = [];
  const dropped: DroppedFeature[] = [];
  for (const f of order) {
    const hit = kept.find((k) => Math.abs(r[f * d + k]) > threshold);
    if (hit === undefined) kept.push(f);
    else dropped.push({ feature: f, label: m.featureLabels?.[f] ?? null, correlatedWith: hit, r: r[f * d + hit] });
  }
  const keep = kept.sort((a, b) => a - b);
  return {
    keep,
    keptLabels: m.featureLabels ? keep.map((k) => (m.featureLabels as string[])[k]) : null,
    dropped,
    correlation: r,
  };
}
