import { mean, standardDeviation } from "simple-statistics";

/** Per-bin statistics of a binary outcome against a score, returned by `conditionalProbability`. */
export interface BinnedProbability {
  /** Bin edges (length bins + 1). */
  edges: Float64Array;
  /** Bin centres. */
  centers: Float64Array;
  /** Atoms in each bin. */
  counts: Int32Array;
  /** Positive (plastic) atoms in each bin. */
  positives: Int32Array;
  /** P(positive | score in bin); NaN for empty bins. */
  probability: Float64Array;
  /** P(positive | bin) / P(positive): the right axis of the paper's Figure 3b. */
  ratio: Float64Array;
  /** Overall P(positive). */
  base: number;
}

function checkLengths(a: ArrayLike<unknown>, b: ArrayLike<unknown>, what: string): void {
  if (a.length !== b.length) throw new Error(`${what}: arrays of different lengths (${a.length} and ${b.length})`);
  if (a.length === 0) throw new Error(`${what}: no atoms`);
}

/**
 * P(plastic | QS) in equal-width QS bins over [lo, hi] and its ratio to P(plastic) (paper, Figure 3b; the
 * "softness" analysis of Schoenholz et al. 2016, ref. 26). Scores outside [lo, hi] go to the end bins.
 */
export function conditionalProbability(
  score: ArrayLike<number>,
  positive: ArrayLike<number | boolean>,
  options: { bins?: number; lo?: number; hi?: number } = {},
): BinnedProbability {
  checkLengths(score, positive, "conditionalProbability");
  const bins = options.bins ?? 20;
  const lo = options.lo ?? 0;
  const hi = options.hi ?? 1;
  if (!(hi > lo) || bins < 1)
    throw new Error(`conditionalProbability: need hi > lo and bins >= 1 (got [${lo}, ${hi}], ${bins})`);
  const edges = new Float64Array(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = lo + ((hi - lo) * b) / bins;
  const counts = new Int32Array(bins);
  const positives = new Int32Array(bins);
  let total = 0;
  for (let i = 0; i < score.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(((score[i] - lo) / (hi - lo)) * bins)));
    counts[b]++;
    if (positive[i]) {
      positives[b]++;
      total++;
    }
  }
  const base = total / score.length;
  const centers = new Float64Array(bins);
  const probability = new Float64Array(bins);
  const ratio = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    centers[b] = 0.5 * (edges[b] + edges[b + 1]);
    probability[b] = counts[b] > 0 ? positives[b] / counts[b] : NaN;
    ratio[b] = probability[b] / base;
  }
  return { edges, centers, counts, positives, probability, ratio, base };
}

/** The hardest and softest groups of the paper (Figure 3): QS < hard and QS > soft. */
export interface SoftnessGroups {
  hard: Uint8Array;
  soft: Uint8Array;
  hardFraction: number;
  softFraction: number;
  /** std(QS), population (the paper's structural-heterogeneity measure, Figure 3f). */
  std: number;
  mean: number;
}

/** Splits atoms by QS into the paper's hardest (QS < 0.1) and softest (QS > 0.7) groups (thresholds configurable). */
export function softnessGroups(qs: ArrayLike<number>, options: { hard?: number; soft?: number } = {}): SoftnessGroups {
  if (qs.length === 0) throw new Error("softnessGroups: no atoms");
  const hardT = options.hard ?? 0.1;
  const softT = options.soft ?? 0.7;
  const hard = new Uint8Array(qs.length);
  const soft = new Uint8Array(qs.length);
  let nh = 0;
  let ns = 0;
  for (let i = 0; i < qs.length; i++) {
    if (qs[i] < hardT) {
      hard[i] = 1;
      nh++;
    }
    if (qs[i] > softT) {
      soft[i] = 1;
      ns++;
    }
  }
  const values = Array.from(qs);
  return {
    hard,
    soft,
    hardFraction: nh / qs.length,
    softFraction: ns / qs.length,
    std: standardDeviation(values),
    mean: mean(values),
  };
}

/**
 * Fraction of atoms predicted positive (score > threshold) as a function of an observed value (the paper's
 * Figure 2b: fraction predicted plastic, QS > 0.5, versus D2min), in bins given by `edges` (e.g. log-spaced).
 */
export function fractionPredictedByValue(
  value: ArrayLike<number>,
  score: ArrayLike<number>,
  edges: ArrayLike<number>,
  threshold = 0.5,
): { centers: Float64Array; fraction: Float64Array; counts: Int32Array } {
  checkLengths(value, score, "fractionPredictedByValue");
  const nb = edges.length - 1;
  if (nb < 1) throw new Error("fractionPredictedByValue: need at least two bin edges");
  const counts = new Int32Array(nb);
  const hits = new Int32Array(nb);
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (!(v >= edges[0]) || v > edges[nb]) continue;
    let b = 0;
    while (b < nb - 1 && v >= edges[b + 1]) b++;
    counts[b]++;
    if (score[i] > threshold) hits[b]++;
  }
  const centers = new Float64Array(nb);
  const fraction = new Float64Array(nb);
  for (let b = 0; b < nb; b++) {
    centers[b] =
      edges[b] > 0 && edges[b + 1] / edges[b] > 1.5
        ? Math.sqrt(edges[b] * edges[b + 1])
        : 0.5 * (edges[b] + edges[b + 1]);
    fraction[b] = counts[b] > 0 ? hits[b] / counts[b] : NaN;
  }
  return { centers, fraction, counts };
}

/** n + 1 logarithmically spaced edges from lo to hi (both > 0). */
export function logEdges(lo: number, hi: number, n: number): Float64Array {
  if (!(lo > 0 && hi > lo && n >= 1)) throw new Error(`logEdges: need 0 < lo < hi and n >= 1 (got ${lo}, ${hi}, ${n})`);
  const out = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) out[k] = lo * (hi / lo) ** (k / n);
  return out;
}
