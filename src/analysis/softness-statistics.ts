import { mean, quantileSorted, standardDeviation } from "simple-statistics";
import { Random } from "../ml/random";

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
  /** 95 % Wilson score interval of P(positive | bin) (binomial; NaN for empty bins). */
  low: Float64Array;
  high: Float64Array;
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
  const low = new Float64Array(bins);
  const high = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    centers[b] = 0.5 * (edges[b] + edges[b + 1]);
    probability[b] = counts[b] > 0 ? positives[b] / counts[b] : NaN;
    ratio[b] = probability[b] / base;
    const w = wilsonInterval(positives[b], counts[b]);
    low[b] = w.low;
    high[b] = w.high;
  }
  return { edges, centers, counts, positives, probability, ratio, base, low, high };
}

/**
 * Quantile of the standard normal distribution (the inverse of its CDF) for 0 < p < 1: P. J. Acklam's rational
 * approximations (relative error < 1.2e-9; as scipy.stats.norm.ppf to that precision). simple-statistics'
 * `probit` is accurate to only ~1e-3, too coarse for a confidence interval compared with scipy.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`normalQuantile: p ${p} must be in (0, 1)`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  if (p < pLow || p > 1 - pLow) {
    const q = Math.sqrt(-2 * Math.log(p < pLow ? p : 1 - p));
    const x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    return p < pLow ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * Wilson score interval of a binomial proportion k / n (Wilson, J. Am. Stat. Assoc. 22, 209 (1927); as
 * scipy.stats.binomtest(k, n).proportion_ci(method="wilson")). Unlike the normal approximation it stays inside
 * [0, 1] and is not of zero width at k = 0 or k = n, which matters for the sparse bins at the ends of Figure 3b.
 * NaN for n = 0.
 */
export function wilsonInterval(k: number, n: number, confidence = 0.95): { low: number; high: number } {
  if (!(confidence > 0 && confidence < 1))
    throw new Error(`wilsonInterval: confidence ${confidence} must be in (0, 1)`);
  if (!(Number.isInteger(k) && Number.isInteger(n) && k >= 0 && k <= n))
    throw new Error(`wilsonInterval: need integers 0 <= k <= n, got k=${k}, n=${n}`);
  if (n === 0) return { low: NaN, high: NaN };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The span of a binned probability, in decades, over the bins with enough atoms and a non-zero value. */
export interface DecadeSpan {
  /** log10(highest / lowest) probability among the kept bins; NaN with fewer than two. */
  decades: number;
  /** Index of the bin with the lowest and the highest kept probability (-1 when none). */
  lowBin: number;
  highBin: number;
  /** The bins kept: at least `minAtoms` atoms and at least one positive. */
  kept: Uint8Array;
}

/**
 * How many orders of magnitude P(plastic | QS) rises over QS (the paper, Figure 3b: "increasing by several orders
 * of magnitude"), counting only bins with at least `minAtoms` atoms (default 20) and a positive atom: a bin of a
 * few atoms gives 0 or 1 by chance.
 */
export function decadesSpanned(binned: Pick<BinnedProbability, "counts" | "positives">, minAtoms = 20): DecadeSpan {
  const nb = binned.counts.length;
  const kept = new Uint8Array(nb);
  let lowBin = -1;
  let highBin = -1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let b = 0; b < nb; b++) {
    if (binned.counts[b] < minAtoms || binned.positives[b] === 0) continue;
    kept[b] = 1;
    const p = binned.positives[b] / binned.counts[b];
    if (p < lo) {
      lo = p;
      lowBin = b;
    }
    if (p > hi) {
      hi = p;
      highBin = b;
    }
  }
  let n = 0;
  for (let b = 0; b < nb; b++) n += kept[b];
  return { decades: n >= 2 ? Math.log10(hi / lo) : NaN, lowBin, highBin, kept };
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

/** Fraction predicted positive per bin of an observed value, returned by `fractionPredictedByValue`. */
export interface FractionByValue {
  centers: Float64Array;
  /** Hits / atoms per bin; NaN for empty bins. */
  fraction: Float64Array;
  counts: Int32Array;
  /** Percentile-bootstrap interval of each bin's fraction (atoms of the bin resampled); NaN for empty bins. */
  low: Float64Array;
  high: Float64Array;
}

/**
 * Fraction of atoms predicted positive (score > threshold) as a function of an observed value (the paper's
 * Figure 2b: fraction predicted plastic, QS > 0.5, versus D2min), in bins given by `edges` (e.g. log-spaced).
 * Each bin's interval is a percentile bootstrap (Efron & Tibshirani 1993, ch. 13): its atoms resampled with
 * replacement `nBootstrap` times (default 1000, seeded), the (1 -/+ confidence) / 2 quantiles of the fraction.
 */
export function fractionPredictedByValue(
  value: ArrayLike<number>,
  score: ArrayLike<number>,
  edges: ArrayLike<number>,
  threshold = 0.5,
  options: { nBootstrap?: number; confidence?: number; randomState?: number } = {},
): FractionByValue {
  checkLengths(value, score, "fractionPredictedByValue");
  const { nBootstrap = 1000, confidence = 0.95, randomState = 0 } = options;
  if (!Number.isInteger(nBootstrap) || nBootstrap < 1)
    throw new Error(`fractionPredictedByValue: nBootstrap=${nBootstrap} must be an integer >= 1`);
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
  const low = new Float64Array(nb).fill(NaN);
  const high = new Float64Array(nb).fill(NaN);
  const rng = new Random(randomState);
  const alpha = (1 - confidence) / 2;
  const reps = new Array<number>(nBootstrap);
  for (let b = 0; b < nb; b++) {
    centers[b] =
      edges[b] > 0 && edges[b + 1] / edges[b] > 1.5
        ? Math.sqrt(edges[b] * edges[b + 1])
        : 0.5 * (edges[b] + edges[b + 1]);
    const n = counts[b];
    fraction[b] = n > 0 ? hits[b] / n : NaN;
    if (n === 0) continue;
    // Resampling the bin's atoms only needs its hit count: atom k of the bin is a hit when k < hits[b].
    for (let r = 0; r < nBootstrap; r++) {
      let h = 0;
      for (let k = 0; k < n; k++) if (rng.nextInt(n) < hits[b]) h++;
      reps[r] = h / n;
    }
    reps.sort((x, y) => x - y);
    low[b] = quantileSorted(reps, alpha);
    high[b] = quantileSorted(reps, 1 - alpha);
  }
  return { centers, fraction, counts, low, high };
}

/** n + 1 logarithmically spaced edges from lo to hi (both > 0). */
export function logEdges(lo: number, hi: number, n: number): Float64Array {
  if (!(lo > 0 && hi > lo && n >= 1)) throw new Error(`logEdges: need 0 < lo < hi and n >= 1 (got ${lo}, ${hi}, ${n})`);
  const out = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) out[k] = lo * (hi / lo) ** (k / n);
  return out;
}

/** One glass condition of Figure 3f and the paper's condition it stands for. */
export interface Figure3fCondition {
  /** "Cu65Zr35@1e13". */
  condition: string;
  composition: string;
  quenchRate: number;
  /** The paper's condition in the same role, e.g. "Cu50Zr50 @ 5e10 K/s". */
  paperCondition: string;
  /** The paper's std(QS) of that condition where it gives one (Results: 0.196, 0.230, 0.234). */
  paperStd?: number;
}

/**
 * The conditions of Figure 3f picked from those available: the paper shows Cu50Zr50 and Cu80Zr20 at its slowest
 * quench (5e10 K/s) and Cu65Zr35 at faster quenches (5e11, 5e12 K/s) to separate composition from thermal history.
 * Ours: Cu50Zr50 and Cu80Zr20 at their slowest available rate, Cu65Zr35 at its slowest and its fastest available
 * rate, so a Cu65Zr35@5e12 glass (the paper's own rate) is picked as soon as the data set has it.
 * `available`: condition name ("Cu65Zr35@1e13") -> number of glasses; conditions with none are skipped.
 */
export function figure3fConditions(available: ReadonlyMap<string, number>): Figure3fCondition[] {
  const parsed = [...available.entries()]
    .filter(([name, n]) => n > 0 && !name.includes("/"))
    .map(([name]) => {
      const [composition, rate] = name.split("@");
      return { condition: name, composition, quenchRate: Number(rate) };
    })
    .filter((c) => Number.isFinite(c.quenchRate));
  const ofComposition = (comp: string) =>
    parsed.filter((c) => c.composition === comp).sort((a, b) => a.quenchRate - b.quenchRate);
  const out: Figure3fCondition[] = [];
  for (const [comp, paperStd] of [
    ["Cu50Zr50", 0.196],
    ["Cu80Zr20", 0.234],
  ] as const) {
    const list = ofComposition(comp);
    if (list.length > 0) out.push({ ...list[0], paperCondition: `${comp} @ 5e10 K/s`, paperStd });
  }
  const cu65 = ofComposition("Cu65Zr35");
  if (cu65.length > 0) {
    const slow = cu65[0];
    out.push({
      ...slow,
      paperCondition: slow.quenchRate === 5e12 ? "Cu65Zr35 @ 5e12 K/s" : "Cu65Zr35 @ 5e10 K/s (Figure 3a)",
      ...(slow.quenchRate === 5e12 ? {} : { paperStd: 0.23 }),
    });
    if (cu65.length > 1) {
      // With the paper's own 5e12 in the slow role, the fast one has no counterpart: it extends the paper's trend.
      const fast = cu65[cu65.length - 1];
      out.push({
        ...fast,
        paperCondition:
          slow.quenchRate === 5e12
            ? "none: faster than the paper's fastest (5e12 K/s)"
            : "Cu65Zr35 @ 5e12 K/s (its fastest)",
      });
    }
  }
  return out;
}
