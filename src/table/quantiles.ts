/**
 * The quantile conventions of the numpy/scipy functions scikit-learn calls, on sorted data, so that bin edges
 * and grids match scikit-learn's (numpy/lib/function_base.py `percentile`; scipy.stats.mstats `mquantiles`).
 * The one percentile of qsoft: ml (bins, calibration, PDP grids), plot (box statistics), labels (thresholds)
 * and analysis all use these.
 */

/** numpy.linspace(start, stop, num): start + k * step with step = (stop - start) / (num - 1), last = stop. */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  if (num === 1) {
    out[0] = start;
    return out;
  }
  const step = (stop - start) / (num - 1);
  for (let k = 0; k < num; k++) out[k] = k * step + start;
  out[num - 1] = stop;
  return out;
}

/** numpy's `_lerp`: a + (b - a) t, computed from b when t >= 0.5 (as numpy does, for monotonicity). */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** numpy.percentile(x, q) with the default "linear" method; `sorted` increasing, q in [0, 100]. */
export function percentileLinear(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error("percentile of an empty array");
  const v = (q / 100) * (n - 1);
  const lo = Math.max(0, Math.min(Math.floor(v), n - 1));
  const hi = Math.min(lo + 1, n - 1);
  return lerp(sorted[lo], sorted[hi], v - lo);
}

/** numpy.percentile(x, q, method="midpoint"): the mean of the two order statistics around q (n - 1). */
export function percentileMidpoint(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error("percentile of an empty array");
  const v = (q / 100) * (n - 1);
  const lo = Math.max(0, Math.min(Math.floor(v), n - 1));
  const hi = Math.min(Math.ceil(v), n - 1);
  return lo === hi ? sorted[lo] : lerp(sorted[lo], sorted[hi], 0.5);
}

/**
 * scipy.stats.mstats.mquantiles(x, prob) with its defaults alphap = betap = 0.4 (used by scikit-learn's
 * partial-dependence grid): m = alphap + p (1 - alphap - betap), aleph = n p + m, k = floor(clip(aleph, 1,
 * n - 1)), gamma = clip(aleph - k, 0, 1), result (1 - gamma) x[k - 1] + gamma x[k].
 */
export function mquantile(sorted: ArrayLike<number>, p: number, alphap = 0.4, betap = 0.4): number {
  const n = sorted.length;
  if (n === 0) throw new Error("quantile of an empty array");
  if (n === 1) return sorted[0];
  const m = alphap + p * (1 - alphap - betap);
  const aleph = n * p + m;
  const k = Math.floor(Math.min(Math.max(aleph, 1), n - 1));
  const gamma = Math.min(Math.max(aleph - k, 0), 1);
  return (1 - gamma) * sorted[k - 1] + gamma * sorted[k];
}
