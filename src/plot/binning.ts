/**
 * Equal-width histogram binning with numpy.histogram's conventions (numpy.org/doc/stable/reference/generated/
 * numpy.histogram.html): `bins` edges spanning `range` (default [min, max] of the data; a zero-width range becomes
 * [v - 0.5, v + 0.5]); every bin is half-open [e_k, e_k+1) except the last, which is closed [e_n-1, e_n]; values
 * outside the range are not counted. `density` divides by (total counted × bin width) so the histogram integrates
 * to 1; `probability` divides by the total counted so the bars sum to 1.
 */

export type HistogramNormalization = "count" | "probability" | "density";

export interface BinningOptions {
  /** Number of equal-width bins (default 50). */
  bins?: number;
  /** [lower, upper] edges; default: the range of the finite data. */
  range?: [number, number];
  normalization?: HistogramNormalization;
}

export interface Binned {
  /** bins + 1 edges. */
  edges: Float64Array;
  /** Per-bin heights after normalisation. */
  heights: Float64Array;
  /** Raw counts per bin. */
  counts: Float64Array;
  /** Values counted (inside the range). */
  total: number;
}

/** Bin edges shared by several data sets: the range of all of them together. */
export function sharedRange(sets: readonly ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of sets) {
    for (let i = 0; i < s.length; i++) {
      const v = s[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(lo <= hi)) throw new Error("histogram: no finite values to bin");
  // numpy.histogram widens a zero-width range by 0.5 on each side.
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

/** Counts `values` into equal-width bins (numpy.histogram semantics, see the file comment). */
export function binValues(values: ArrayLike<number>, opts: BinningOptions = {}): Binned {
  const nb = opts.bins ?? 50;
  if (!Number.isInteger(nb) || nb < 1) throw new Error(`histogram: bins must be a positive integer, got ${nb}`);
  const [lo, hi] = opts.range ?? sharedRange([values]);
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo))
    throw new Error(`histogram: range must be finite with upper > lower, got [${lo}, ${hi}]`);
  // Edges as numpy.linspace computes them: k * step + lo, the last one exactly hi.
  const edges = new Float64Array(nb + 1);
  const step = (hi - lo) / nb;
  for (let k = 0; k <= nb; k++) edges[k] = k * step + lo;
  edges[nb] = hi;
  const counts = new Float64Array(nb);
  const scale = nb / (hi - lo);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= lo && v <= hi)) continue; // outside the range, or NaN
    let k = Math.floor((v - lo) * scale);
    if (k >= nb) k = nb - 1; // the last bin is closed
    // Guard the floating-point edge cases so a value lands in [edges[k], edges[k+1]) exactly as numpy decides.
    if (k > 0 && v < edges[k]) k--;
    else if (k < nb - 1 && v >= edges[k + 1]) k++;
    counts[k]++;
    total++;
  }
  const heights = new Float64Array(nb);
  const norm = opts.normalization ?? "count";
  for (let k = 0; k < nb; k++) {
    if (norm === "count") heights[k] = counts[k];
    else if (total === 0) heights[k] = 0;
    else if (norm === "probability") heights[k] = counts[k] / total;
    else heights[k] = counts[k] / (edges[k + 1] - edges[k]) / total; // numpy: n / diff(edges) / n.sum()
  }
  return { edges, heights, counts, total };
}
