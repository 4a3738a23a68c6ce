import type { DesignMatrix } from "./design-matrix";
import { linspace, percentileMidpoint } from "../table/quantiles";
import { RadixSorter } from "./radix-sort";
import type { Random } from "./random";

/**
 * Quantile binning of continuous features, as scikit-learn's `_BinMapper`
 * (sklearn/ensemble/_hist_gradient_boosting/binning.py): per feature, when it has at most `maxBins` distinct
 * values the thresholds are the midpoints between consecutive distinct values, otherwise the `maxBins - 1`
 * percentiles (numpy's "midpoint" method) of the column, computed on a random subsample of `subsample` rows for
 * large inputs; duplicated percentiles are merged, so a feature may get fewer bins.
 *
 * Convention (ml-cart's split rule `x < threshold` goes left): bin(x) = number of thresholds <= x, so that
 * "bin <= b" is exactly "x < thresholds[b]" and a split found on bins is exported as a real-valued threshold
 * that sends every training sample the same way. scikit-learn uses `x <= threshold`; the two differ only for a
 * value equal to a threshold.
 */
export class BinMapper {
  /** Per feature, the increasing thresholds (at most maxBins - 1). */
  thresholds: Float64Array[] = [];
  /** Per feature, the number of bins (thresholds + 1). */
  nBins: Int32Array = new Int32Array(0);

  constructor(
    readonly maxBins = 255,
    readonly subsample = 200000,
  ) {
    if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > 256)
      throw new Error(`maxBins must be an integer in [2, 256], got ${maxBins}`);
  }

  /** Learns thresholds from `X`; `rng` draws the row subsample when X has more than `subsample` rows. */
  fit(X: DesignMatrix, rng: Random | null): this {
    const { nSamples: n, nFeatures: d, values } = X;
    let rows: Int32Array | null = null;
    if (n > this.subsample) {
      if (rng === null) throw new Error("BinMapper.fit: a random generator is needed to subsample");
      rows = rng.sampleWithoutReplacement(n, this.subsample);
    }
    const m = rows ? rows.length : n;
    const col = new Float64Array(m);
    this.thresholds = [];
    this.nBins = new Int32Array(d);
    for (let f = 0; f < d; f++) {
      for (let r = 0; r < m; r++) col[r] = values[(rows ? rows[r] : r) * d + f];
      col.sort();
      const thr = findThresholds(col, this.maxBins);
      this.thresholds.push(thr);
      this.nBins[f] = thr.length + 1;
    }
    return this;
  }

  /**
   * `fit(X, rng)` then `transform(X)` in one sort per feature: when every row is used for the thresholds, the
   * sorted column (radix argsort) gives each row's code by a walk along the thresholds, with the same thresholds
   * and codes as the two calls (which it falls back to when rows are subsampled).
   */
  fitTransform(X: DesignMatrix, rng: Random | null, out?: Uint8Array): Uint8Array {
    const { nSamples: n, nFeatures: d, values } = X;
    if (n > this.subsample) return this.fit(X, rng).transform(X, out);
    const col = new Float64Array(n);
    const sorted = new Float64Array(n);
    const order = new Int32Array(n);
    const sorter = new RadixSorter(n);
    const codes = codesArray(n * d, out);
    this.thresholds = [];
    this.nBins = new Int32Array(d);
    for (let f = 0; f < d; f++) {
      for (let i = 0; i < n; i++) col[i] = values[i * d + f];
      sorter.argsort(col, n, order);
      for (let j = 0; j < n; j++) sorted[j] = col[order[j]];
      const thr = findThresholds(sorted, this.maxBins);
      this.thresholds.push(thr);
      this.nBins[f] = thr.length + 1;
      // code = number of thresholds <= x (upperBound), non-decreasing along the sorted column
      const base = f * n;
      let b = 0;
      for (let j = 0; j < n; j++) {
        const x = sorted[j];
        while (b < thr.length && thr[b] <= x) b++;
        codes[base + order[j]] = b;
      }
    }
    return codes;
  }

  /** Bin codes, feature-major: codes[f * nSamples + i] is the bin of sample i for feature f (into `out` if given). */
  transform(X: DesignMatrix, out?: Uint8Array): Uint8Array {
    const { nSamples: n, nFeatures: d, values } = X;
    if (d !== this.thresholds.length)
      throw new Error(`BinMapper: X has ${d} features, fitted with ${this.thresholds.length}`);
    const codes = codesArray(n * d, out);
    for (let f = 0; f < d; f++) {
      const thr = this.thresholds[f];
      const base = f * n;
      for (let i = 0; i < n; i++) codes[base + i] = upperBound(thr, values[i * d + f]);
    }
    return codes;
  }
}

/** Number of entries of the sorted array `a` that are <= x. */
/** `out` (checked to hold `length` codes) or a new array. */
function codesArray(length: number, out: Uint8Array | undefined): Uint8Array {
  if (out === undefined) return new Uint8Array(length);
  if (out.length !== length) throw new Error(`BinMapper: the output has room for ${out.length} codes, not ${length}`);
  return out;
}

export function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A threshold t with a < t <= b, so that `x < t` separates a from b: the midpoint, or b if rounding ties it to a. */
export function midpoint(a: number, b: number): number {
  const t = (a + b) / 2;
  return t > a && t <= b ? t : b;
}

/** Thresholds of one sorted column (see BinMapper). */
function findThresholds(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
    if (distinct.length > maxBins) break;
  }
  if (distinct.length <= maxBins) {
    const out = new Float64Array(Math.max(distinct.length - 1, 0));
    for (let j = 0; j + 1 < distinct.length; j++) out[j] = midpoint(distinct[j], distinct[j + 1]);
    return out;
  }
  // numpy.percentile(col, linspace(0, 100, maxBins + 1)[1:-1], method="midpoint")
  const q = linspace(0, 100, maxBins + 1);
  const out: number[] = [];
  for (let k = 1; k < maxBins; k++) {
    const v = percentileMidpoint(sorted, q[k]);
    if (out.length === 0 || v > out[out.length - 1]) out.push(v);
  }
  return Float64Array.from(out);
}
