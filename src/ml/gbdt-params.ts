import * as os from "node:os";
import type { GrowerMode } from "./grower-data";

/**
 * Hyper-parameters of GradientBoostingClassifier, named after scikit-learn's (camelCase). Numbers that
 * scikit-learn reads as "int = count, float = fraction" follow one rule here, since JavaScript has one number
 * type: an integer is a count, a non-integer in (0, 1) a fraction.
 */
export interface GradientBoostingParams {
  /** Boosting stages (one tree each). sklearn n_estimators. */
  nEstimators: number;
  /** Shrinkage of each tree's contribution, in (0, 1]. */
  learningRate: number;
  /** Maximum tree depth (edges root to leaf); null = unlimited. */
  maxDepth: number | null;
  /** Minimum samples to split a node: count >= 2, or fraction (ceil(f n), at least 2). */
  minSamplesSplit: number;
  /** Minimum samples in each leaf: count >= 1, or fraction (ceil(f n)). The paper uses 0.001. */
  minSamplesLeaf: number;
  /** Fraction of the training samples drawn (without replacement) for each tree; 1 = all. */
  subsample: number;
  /** Features tried per node: "sqrt" (floor(sqrt d)), "log2", a count, a fraction (floor(f d), at least 1), or null = all. */
  maxFeatures: "sqrt" | "log2" | number | null;
  /** Seed of every random choice (feature sampling, subsampling, validation split, binning subsample). */
  randomState: number;
  /** Fraction of the training data held out for early stopping (only with nIterNoChange). */
  validationFraction: number;
  /** Stop when the validation deviance has not improved by `tol` for this many stages; null = no early stopping. */
  nIterNoChange: number | null;
  /** Improvement needed by early stopping. */
  tol: number;
  /** Tree growing: "hist" (binned, fast) or "exact" (every threshold). */
  mode: GrowerMode;
  /** hist mode: maximum number of bins per feature (<= 255, as scikit-learn's max_bins). */
  maxBins: number;
  /**
   * Threads that build the gradient histograms during fit (hist mode with every feature per node and at least
   * 500,000 cells, else 1); null = all cores (os.availableParallelism()). The fitted model is bitwise the same
   * for any value (scikit-learn's n_jobs / OpenMP threads).
   */
  nThreads: number | null;
}

/** scikit-learn's GradientBoostingClassifier defaults, with randomState 0 (deterministic) and hist mode. */
export const DEFAULT_GBDT_PARAMS: Readonly<GradientBoostingParams> = Object.freeze({
  nEstimators: 100,
  learningRate: 0.1,
  maxDepth: 3,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  subsample: 1,
  maxFeatures: null,
  randomState: 0,
  validationFraction: 0.1,
  nIterNoChange: null,
  tol: 1e-4,
  mode: "hist",
  maxBins: 255,
  nThreads: null,
});

/**
 * The model of Wang & Jain (Methods, "Machine Learning"): GradientBoostingClassifier with max_depth 2,
 * 300 trees, max_features "sqrt", learning rate 0.1, min_samples_leaf 0.001 (a fraction).
 */
export const PAPER_GBDT_PARAMS: Readonly<Partial<GradientBoostingParams>> = Object.freeze({
  nEstimators: 300,
  maxDepth: 2,
  maxFeatures: "sqrt",
  learningRate: 0.1,
  minSamplesLeaf: 0.001,
});

const KEYS = Object.keys(DEFAULT_GBDT_PARAMS) as (keyof GradientBoostingParams)[];

/** Parameter objects that went through {@link resolveGbdtParams} (frozen): they pass through it unchanged. */
const RESOLVED = new WeakSet<object>();

/**
 * The one resolver of GBDT parameters: the defaults overlaid with `params`, every value checked once (the message
 * names the parameter, echoes the value and gives the allowed range). The result is frozen; resolving it again
 * returns it as is, so an estimator, its clones and its fit share one checked object.
 */
export function resolveGbdtParams(params: Partial<GradientBoostingParams> = {}): Readonly<GradientBoostingParams> {
  if (RESOLVED.has(params)) return params as Readonly<GradientBoostingParams>;
  const p = Object.freeze(withDefaults(params));
  validateParams(p);
  RESOLVED.add(p);
  return p;
}

/** Defaults overlaid with `params`; unknown keys are refused (listing the valid ones). */
function withDefaults(params: Partial<GradientBoostingParams>): GradientBoostingParams {
  for (const k of Object.keys(params)) {
    if (!(KEYS as string[]).includes(k))
      throw new Error(`unknown GradientBoostingClassifier parameter "${k}" (valid: ${KEYS.join(", ")})`);
  }
  const out = { ...DEFAULT_GBDT_PARAMS } as GradientBoostingParams;
  for (const k of KEYS) if (params[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = params[k];
  return out;
}

function isCountOrFraction(x: number, minCount: number): boolean {
  return Number.isFinite(x) && ((Number.isInteger(x) && x >= minCount) || (x > 0 && x < 1));
}

/** Checks every parameter's type and range; messages echo the bad value (as scikit-learn's). */
function validateParams(p: GradientBoostingParams): void {
  const bad = (name: string, v: unknown, rule: string): never => {
    throw new Error(`${name}=${JSON.stringify(v)} ${rule}`);
  };
  if (!Number.isInteger(p.nEstimators) || p.nEstimators < 1)
    bad("nEstimators", p.nEstimators, "must be an integer >= 1");
  // Friedman (2001), Ann. Statist. 29, 1189, eq. 36: shrinkage 0 < nu <= 1 (a larger step overflows the raw score).
  if (!(p.learningRate > 0 && p.learningRate <= 1)) bad("learningRate", p.learningRate, "must be in (0, 1]");
  if (p.maxDepth !== null && (!Number.isInteger(p.maxDepth) || p.maxDepth < 1))
    bad("maxDepth", p.maxDepth, "must be an integer >= 1 or null");
  if (!isCountOrFraction(p.minSamplesSplit, 2))
    bad("minSamplesSplit", p.minSamplesSplit, "must be an integer >= 2 or a fraction in (0, 1)");
  if (!isCountOrFraction(p.minSamplesLeaf, 1))
    bad("minSamplesLeaf", p.minSamplesLeaf, "must be an integer >= 1 or a fraction in (0, 1)");
  if (!(p.subsample > 0 && p.subsample <= 1)) bad("subsample", p.subsample, "must be in (0, 1]");
  const mf = p.maxFeatures;
  if (!(mf === null || mf === "sqrt" || mf === "log2" || (typeof mf === "number" && isCountOrFraction(mf, 1)))) {
    bad("maxFeatures", mf, 'must be "sqrt", "log2", an integer >= 1, a fraction in (0, 1) or null');
  }
  if (!Number.isSafeInteger(p.randomState) || p.randomState < 0)
    bad("randomState", p.randomState, "must be a non-negative integer");
  if (!(p.validationFraction > 0 && p.validationFraction < 1))
    bad("validationFraction", p.validationFraction, "must be in (0, 1)");
  if (p.nIterNoChange !== null && (!Number.isInteger(p.nIterNoChange) || p.nIterNoChange < 1)) {
    bad("nIterNoChange", p.nIterNoChange, "must be an integer >= 1 or null");
  }
  if (!(p.tol >= 0) || !Number.isFinite(p.tol)) bad("tol", p.tol, "must be a finite number >= 0");
  if (p.mode !== "hist" && p.mode !== "exact") bad("mode", p.mode, 'must be "hist" or "exact"');
  if (!Number.isInteger(p.maxBins) || p.maxBins < 2 || p.maxBins > 255)
    bad("maxBins", p.maxBins, "must be an integer in [2, 255]");
  if (p.nThreads !== null && (!Number.isInteger(p.nThreads) || p.nThreads < 1 || p.nThreads > 256))
    bad("nThreads", p.nThreads, "must be an integer in [1, 256] or null (all cores)");
}

/** Threads of a fit: `nThreads`, or all cores when null. */
export function resolveThreads(p: Readonly<GradientBoostingParams>): number {
  return p.nThreads ?? os.availableParallelism();
}

/** Counts resolved from fractions for a training set of `nSamples` x `nFeatures` (scikit-learn's rules). */
export interface ResolvedCounts {
  minSamplesLeaf: number;
  minSamplesSplit: number;
  maxFeatures: number;
}

export function resolveCounts(
  p: Readonly<GradientBoostingParams>,
  nSamples: number,
  nFeatures: number,
): ResolvedCounts {
  // sklearn/tree/_classes.py, BaseDecisionTree.fit
  const minSamplesLeaf = Number.isInteger(p.minSamplesLeaf) ? p.minSamplesLeaf : Math.ceil(p.minSamplesLeaf * nSamples);
  const minSamplesSplit = Number.isInteger(p.minSamplesSplit)
    ? p.minSamplesSplit
    : Math.max(2, Math.ceil(p.minSamplesSplit * nSamples));
  let maxFeatures: number;
  const mf = p.maxFeatures;
  if (mf === null) maxFeatures = nFeatures;
  else if (mf === "sqrt") maxFeatures = Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  else if (mf === "log2") maxFeatures = Math.max(1, Math.floor(Math.log2(nFeatures)));
  else if (Number.isInteger(mf)) {
    if (mf > nFeatures) throw new Error(`maxFeatures=${mf} is larger than the number of features (${nFeatures})`);
    maxFeatures = mf;
  } else maxFeatures = Math.max(1, Math.floor(mf * nFeatures));
  return { minSamplesLeaf, minSamplesSplit: Math.max(minSamplesSplit, 2 * minSamplesLeaf), maxFeatures };
}
