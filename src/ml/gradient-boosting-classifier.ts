import { baselineLogOdds, binomialDeviance, devianceAndGradient, expit, gradientHessian } from "./binomial-loss";
import { requireBothClasses, toBinaryLabels } from "./binary-labels";
import type { FitOptions, ImportanceClassifier, LabelInput } from "./classifier";
import { NotFittedError } from "./classifier";
import type { DesignMatrix, MatrixInput } from "./design-matrix";
import { alignColumns, featureMajor, takeRows, readDesignMatrix, toDesignMatrix } from "./design-matrix";
import { PackedTrees } from "./packed-trees";
import type { GradientBoostingParams, ResolvedCounts } from "./gbdt-params";
import { resolveCounts, resolveGbdtParams, resolveThreads } from "./gbdt-params";
import { prepareGrowerData } from "./grower-data";
import type { HistogramThreads } from "./histogram-threads";
import { stratifiedTrainTestSplit } from "./model-selection/train-test-split";
import type { Explanation } from "./inspection/tree-shap";
import { treeEnsembleShap } from "./inspection/tree-shap";
import { Random } from "./random";
import { toSampleWeight } from "./sample-weight";
import type { MlCartRegressionJSON } from "./regression-tree";
import { RegressionTree } from "./regression-tree";
import { TreeGrower } from "./tree-grower";

/** Format tag and version of GradientBoostingClassifier JSON. */
export const GBDT_FORMAT = "qsoft.GradientBoostingClassifier";
export const GBDT_VERSION = 1;

/** Versioned JSON of a fitted GradientBoostingClassifier. Trees are ml-cart `DecisionTreeRegression` JSON. */
export interface GradientBoostingJSON {
  format: typeof GBDT_FORMAT;
  version: number;
  params: GradientBoostingParams;
  /** Column names seen at fit (null when X had none). */
  featureLabels: string[] | null;
  nFeatures: number;
  /** Raw prediction before any tree (log-odds of the training class-1 frequency). */
  baseline: number;
  /** Each tree's output is already multiplied by the learning rate: F(x) = baseline + sum of tree outputs. */
  trees: MlCartRegressionJSON[];
  /** Training facts: samples used, counts resolved from fractions, per-stage deviances. */
  fit: {
    nSamples: number;
    counts: ResolvedCounts;
    trainScore: number[];
    validationScore: number[] | null;
  };
}

/** The packed trees of each fitted state, made on first prediction. */
const PACKED = new WeakMap<object, PackedTrees>();

/** What `fit` learns. */
interface FittedState {
  featureLabels: string[] | null;
  nFeatures: number;
  baseline: number;
  trees: RegressionTree[];
  nSamples: number;
  counts: ResolvedCounts;
  trainScore: number[];
  validationScore: number[] | null;
}

/**
 * Gradient-boosted decision trees for two classes with the binomial deviance (log-loss), as scikit-learn's
 * `GradientBoostingClassifier` (Friedman, Ann. Statist. 29, 1189, 2001): F_0 = log-odds of the class-1
 * frequency; stage m fits a regression tree to the residuals y - p (friedman_mse splits, see TreeGrower), sets
 * each leaf to one Newton step sum(y - p) / sum(p (1 - p)) and adds learningRate times it; P(y = 1) = expit(F).
 * The model of Wang & Jain uses PAPER_GBDT_PARAMS.
 *
 * Differences from scikit-learn, all documented: random streams are ours (same seed, same model, but not
 * sklearn's numbers); the default mode "hist" bins features into at most 255 quantile bins (use mode "exact"
 * for sklearn's every-threshold search). As in sklearn, a tree sees only its in-bag rows of nonzero weight
 * (sklearn gives out-of-bag rows weight 0, and its splitter drops zero-weight samples).
 */
export class GradientBoostingClassifier implements ImportanceClassifier {
  private params: Readonly<GradientBoostingParams>;
  private state: FittedState | null = null;

  constructor(params: Partial<GradientBoostingParams> = {}) {
    this.params = resolveGbdtParams(params);
  }

  /** The hyper-parameters (a copy). */
  getParams(): GradientBoostingParams {
    return { ...this.params };
  }

  /** Changes hyper-parameters (unknown names are refused); the model must be fitted again. */
  setParams(params: Partial<GradientBoostingParams>): this {
    this.params = resolveGbdtParams({ ...this.params, ...params });
    this.state = null;
    return this;
  }

  clone(): GradientBoostingClassifier {
    return new GradientBoostingClassifier(this.params);
  }

  get isFitted(): boolean {
    return this.state !== null;
  }

  private fitted(): FittedState {
    if (this.state === null) throw new NotFittedError("GradientBoostingClassifier");
    return this.state;
  }

  /**
   * Fits on X (see MatrixInput) and 0/1 labels y. Deterministic for a given randomState.
   *
   * `options.sampleWeight` (scikit-learn's GradientBoostingClassifier.fit(sample_weight)): the baseline is the
   * weighted class-1 prior, each tree is grown on the weighted criterion, leaves are weighted Newton steps
   * sum(w g) / sum(w h), deviances are weighted means; minSamplesLeaf/minSamplesSplit still count samples
   * (sklearn's min_samples_leaf, not min_weight_fraction_leaf). Binning ignores the weights (as sklearn's
   * HistGradientBoosting). Node covers (TreeSHAP) are summed weights. All weights 1 gives the unweighted model.
   */
  fit(X: MatrixInput, y: LabelInput, options: FitOptions = {}): this {
    const p = this.params;
    const all = toDesignMatrix(X);
    const yAll = toBinaryLabels(y, all.nSamples);
    requireBothClasses(yAll);
    const wAll = options.sampleWeight === undefined ? null : toSampleWeight(options.sampleWeight, all.nSamples);
    const rng = new Random(p.randomState);

    let train: DesignMatrix = all;
    let yTrain = yAll;
    let wTrain = wAll;
    let val: DesignMatrix | null = null;
    let yVal: Uint8Array | null = null;
    let wVal: Float64Array | null = null;
    if (p.nIterNoChange !== null) {
      const split = stratifiedTrainTestSplit(yAll, p.validationFraction, rng);
      train = takeRows(all, split.train);
      yTrain = Uint8Array.from(split.train, (i) => yAll[i]);
      val = takeRows(all, split.test);
      yVal = Uint8Array.from(split.test, (i) => yAll[i]);
      requireBothClasses(yTrain, "y (training part after the early-stopping split)");
      if (wAll !== null) {
        wTrain = toSampleWeight(
          Float64Array.from(split.train, (i) => wAll[i]),
          split.train.length,
          "sampleWeight (training part after the early-stopping split)",
        );
        wVal = toSampleWeight(
          Float64Array.from(split.test, (i) => wAll[i]),
          split.test.length,
          "sampleWeight (validation part of the early-stopping split)",
        );
      }
    }
    const n = train.nSamples;
    const counts = resolveCounts(p, n, train.nFeatures);
    const baseline = baselineLogOdds(yTrain, undefined, wTrain);
    const growerOptions = {
      maxDepth: p.maxDepth,
      minSamplesSplit: counts.minSamplesSplit,
      minSamplesLeaf: counts.minSamplesLeaf,
      maxFeatures: counts.maxFeatures,
      learningRate: p.learningRate,
      nThreads: resolveThreads(p),
    };
    // The histogram workers start first and load while the data are binned straight into their shared memory.
    const threads = TreeGrower.startThreads(n, train.nFeatures, p.mode, growerOptions);
    try {
      const data = prepareGrowerData(train, p.mode, rng, p.maxBins, threads?.codes);
      const grower = new TreeGrower(data, growerOptions, threads);
      this.state = this.boost(p, all, train, yTrain, wTrain, val, yVal, wVal, grower, threads, rng, counts, baseline);
    } finally {
      threads?.close();
    }
    return this;
  }

  /** The boosting stages of `fit` (see there); returns the fitted state. */
  private boost(
    p: Readonly<GradientBoostingParams>,
    all: DesignMatrix,
    train: DesignMatrix,
    yTrain: Uint8Array,
    wTrain: Float64Array | null,
    val: DesignMatrix | null,
    yVal: Uint8Array | null,
    wVal: Float64Array | null,
    grower: TreeGrower,
    threads: HistogramThreads | null,
    rng: Random,
    counts: ResolvedCounts,
    baseline: number,
  ): FittedState {
    const n = train.nSamples;

    // With histogram threads, the boosting vectors live in their shared memory and each stage's gradients and
    // deviance are computed in row blocks on the threads (lossAndGradient).
    const raw = (threads?.raw ?? new Float64Array(n)).fill(baseline);
    const g = threads?.g ?? new Float64Array(n);
    const h = threads?.h ?? new Float64Array(n);
    if (threads !== null) {
      threads.y.set(yTrain);
      if (wTrain !== null) threads.w.set(wTrain);
    }
    const nInBag = Math.max(1, Math.floor(p.subsample * n));
    const allRows = new Int32Array(n);
    for (let i = 0; i < n; i++) allRows[i] = i;
    const rawVal = val ? new Float64Array(val.nSamples).fill(baseline) : null;
    const lossHistory = p.nIterNoChange !== null ? new Float64Array(p.nIterNoChange).fill(Infinity) : null;

    const trees: RegressionTree[] = [];
    const trainScore: number[] = [];
    const validationScore: number[] | null = val ? [] : null;
    // sklearn/tree/_splitter.pyx, Splitter.init: a tree is grown on the samples of nonzero weight only (they
    // count towards no min_samples_* rule and move no threshold); their raw predictions follow by traversal.
    const positive: Uint8Array | null = wTrain?.some((v) => v === 0)
      ? Uint8Array.from(wTrain, (v) => (v > 0 ? 1 : 0))
      : null;
    gradientHessian(yTrain, raw, g, h);
    for (let stage = 0; stage < p.nEstimators; stage++) {
      const inBag = nInBag < n ? rng.sampleWithoutReplacement(n, nInBag) : allRows;
      const grown = positive === null ? inBag : inBag.filter((i) => positive[i] === 1);
      if (grown.length === 0)
        throw new Error(`stage ${stage}: every in-bag sample has weight 0 (raise subsample or give more weights)`);
      const tree = grower.grow(grown, g, h, rng, wTrain);
      // Rows the tree was grown on: the leaf the grower put them in (the same leaf x < threshold leads to);
      // others (out of bag, weight 0): traversal.
      const leafOf = grower.sampleLeaf;
      const value = tree.value;
      if (grown.length < n) {
        const bag = new Uint8Array(n);
        for (let k = 0; k < grown.length; k++) bag[grown[k]] = 1;
        for (let i = 0; i < n; i++)
          raw[i] += value[bag[i] ? leafOf[i] : tree.leafOf(train.values, i * train.nFeatures)];
      } else {
        for (let i = 0; i < n; i++) raw[i] += value[leafOf[i]];
      }
      trees.push(tree);
      // The next stage's gradients come from the same raw predictions as this stage's deviance.
      if (nInBag < n) {
        trainScore.push(binomialDeviance(yTrain, raw, inBag, wTrain));
        gradientHessian(yTrain, raw, g, h);
      } else
        trainScore.push(
          threads !== null ? threads.lossAndGradient(wTrain !== null) : devianceAndGradient(yTrain, raw, g, h, wTrain),
        );
      if (val && rawVal && yVal && lossHistory && validationScore) {
        // sklearn/ensemble/_gb.py, _fit_stages: continue while the validation deviance beats (by tol) at least
        // one of the last nIterNoChange values.
        tree.addTo(rawVal, val);
        const loss = binomialDeviance(yVal, rawVal, undefined, wVal);
        validationScore.push(loss);
        let improved = false;
        for (let k = 0; k < lossHistory.length; k++) if (loss + p.tol < lossHistory[k]) improved = true;
        if (!improved) break;
        lossHistory[stage % lossHistory.length] = loss;
      }
    }
    return {
      featureLabels: all.featureLabels,
      nFeatures: all.nFeatures,
      baseline,
      trees,
      nSamples: n,
      counts,
      trainScore,
      validationScore,
    };
  }

  /** Number of fitted stages (fewer than nEstimators after early stopping). */
  get nEstimatorsFitted(): number {
    return this.fitted().trees.length;
  }

  /** Column names seen at fit, or null. */
  get featureLabels(): string[] | null {
    return this.fitted().featureLabels?.slice() ?? null;
  }

  get nFeatures(): number {
    return this.fitted().nFeatures;
  }

  /** Raw prediction before the first tree. */
  get baseline(): number {
    return this.fitted().baseline;
  }

  /** The fitted trees (outputs already scaled by the learning rate). */
  get trees(): readonly RegressionTree[] {
    return this.fitted().trees;
  }

  /** Deviance on the (in-bag) training samples after each stage (scikit-learn's train_score_). */
  get trainScore(): number[] {
    return this.fitted().trainScore.slice();
  }

  /** Deviance on the early-stopping validation part after each stage, or null without early stopping. */
  get validationScore(): number[] | null {
    return this.fitted().validationScore?.slice() ?? null;
  }

  private design(X: MatrixInput): DesignMatrix {
    const s = this.fitted();
    return alignColumns(readDesignMatrix(X), s.featureLabels, s.nFeatures);
  }

  /** Raw log-odds F(x) of every row (row by row over the packed trees: bitwise the per-tree sums). */
  decisionFunction(X: MatrixInput): Float64Array {
    const s = this.fitted();
    const m = this.design(X);
    const out = new Float64Array(m.nSamples).fill(s.baseline);
    let packed = PACKED.get(s);
    if (packed === undefined) {
      packed = PackedTrees.pack(s.trees);
      PACKED.set(s, packed);
    }
    packed.addRowMajor(out, m.values, m.nSamples, m.nFeatures);
    return out;
  }

  /**
   * Per-row feature contributions to the log-odds (exact path-dependent TreeSHAP, see tree-shap.ts): each row
   * plus `expectedValue` equals `decisionFunction` of that row.
   */
  explain(X: MatrixInput): Explanation {
    const s = this.fitted();
    return treeEnsembleShap(s.trees, s.baseline, this.design(X), "GradientBoostingClassifier");
  }

  /** P(y = 1) of every row. */
  predictProba(X: MatrixInput): Float64Array {
    const raw = this.decisionFunction(X);
    for (let i = 0; i < raw.length; i++) raw[i] = expit(raw[i]);
    return raw;
  }

  /** Class labels: 1 where P(y = 1) > threshold (0.5 = scikit-learn's argmax). */
  predict(X: MatrixInput, threshold = 0.5): Uint8Array {
    const p = this.predictProba(X);
    return Uint8Array.from(p, (v) => (v > threshold ? 1 : 0));
  }

  /** Raw predictions after each stage (scikit-learn's staged_decision_function). */
  *stagedDecisionFunction(X: MatrixInput): Generator<Float64Array> {
    const s = this.fitted();
    const m = this.design(X);
    const columns = featureMajor(m);
    const raw = new Float64Array(m.nSamples).fill(s.baseline);
    for (const t of s.trees) {
      t.addToFeatureMajor(raw, columns, m.nSamples);
      yield raw.slice();
    }
  }

  /** P(y = 1) after each stage (scikit-learn's staged_predict_proba, class-1 column). */
  *stagedPredictProba(X: MatrixInput): Generator<Float64Array> {
    for (const raw of this.stagedDecisionFunction(X)) {
      for (let i = 0; i < raw.length; i++) raw[i] = expit(raw[i]);
      yield raw;
    }
  }

  /**
   * Impurity-based importances (scikit-learn's feature_importances_): the mean over trees with at least one
   * split of each tree's unnormalised squared-error decrease per feature, normalised to sum 1 (all 0 when no
   * tree split).
   */
  featureImportances(): Float64Array {
    const s = this.fitted();
    const sum = new Float64Array(s.nFeatures);
    let used = 0;
    for (const t of s.trees) {
      if (t.nodeCount <= 1) continue;
      used++;
      const imp = t.featureImportances(s.nFeatures);
      for (let f = 0; f < s.nFeatures; f++) sum[f] += imp[f];
    }
    if (used === 0) return sum;
    let total = 0;
    for (let f = 0; f < s.nFeatures; f++) total += sum[f] / used;
    for (let f = 0; f < s.nFeatures; f++) sum[f] = total > 0 ? sum[f] / used / total : 0;
    return sum;
  }

  /** Tree `k` as ml-cart JSON (`DecisionTreeRegression.load(json).predict(rows)` gives its outputs). */
  treeToMlCart(k: number): MlCartRegressionJSON {
    const s = this.fitted();
    const t = s.trees[k];
    if (t === undefined) throw new Error(`no tree ${k} (the model has ${s.trees.length})`);
    return t.toMlCart({ minNumSamples: s.counts.minSamplesSplit - 1, maxDepth: this.params.maxDepth ?? t.depth });
  }

  toJSON(): GradientBoostingJSON {
    const s = this.fitted();
    const json: GradientBoostingJSON = {
      format: GBDT_FORMAT,
      version: GBDT_VERSION,
      params: this.getParams(),
      featureLabels: s.featureLabels,
      nFeatures: s.nFeatures,
      baseline: s.baseline,
      trees: s.trees.map((_, k) => this.treeToMlCart(k)),
      fit: {
        nSamples: s.nSamples,
        counts: { ...s.counts },
        trainScore: s.trainScore.slice(),
        validationScore: s.validationScore?.slice() ?? null,
      },
    };
    assertJsonSafe(json, "GradientBoostingClassifier.toJSON");
    return json;
  }

  /** Rebuilds a fitted model from `toJSON()` output, validating format, version, parameters and every tree. */
  static fromJSON(json: GradientBoostingJSON): GradientBoostingClassifier {
    if (json === null || typeof json !== "object" || json.format !== GBDT_FORMAT) {
      throw new Error(`not a ${GBDT_FORMAT} model (format ${String((json as { format?: unknown })?.format)})`);
    }
    if (json.version !== GBDT_VERSION)
      throw new Error(`${GBDT_FORMAT} version ${json.version} is not supported (expected ${GBDT_VERSION})`);
    const model = new GradientBoostingClassifier(json.params);
    const d = json.nFeatures;
    if (!Number.isInteger(d) || d < 1) throw new Error(`model: bad nFeatures ${d}`);
    if (json.featureLabels !== null && (!Array.isArray(json.featureLabels) || json.featureLabels.length !== d)) {
      throw new Error(`model: featureLabels must be null or ${d} names`);
    }
    if (!Number.isFinite(json.baseline)) throw new Error(`model: baseline ${json.baseline} is not finite`);
    if (!Array.isArray(json.trees) || json.trees.length === 0) throw new Error("model: no trees");
    const trees = json.trees.map((t, k) => RegressionTree.fromMlCart(t, d, `model tree ${k}`));
    model.state = {
      featureLabels: json.featureLabels?.slice() ?? null,
      nFeatures: d,
      baseline: json.baseline,
      trees,
      nSamples: json.fit?.nSamples ?? 0,
      counts: json.fit?.counts ?? resolveCounts(model.params, 1, d),
      trainScore: json.fit?.trainScore?.slice() ?? [],
      validationScore: json.fit?.validationScore?.slice() ?? null,
    };
    return model;
  }
}

/** Throws if `value` holds a number JSON cannot represent (Infinity, NaN). */
export function assertJsonSafe(value: unknown, what: string, path = ""): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${what}: ${path || "value"} is ${value}, which JSON cannot store`);
  } else if (Array.isArray(value)) {
    value.forEach((v, k) => assertJsonSafe(v, what, `${path}[${k}]`));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) assertJsonSafe(v, what, path ? `${path}.${k}` : k);
  }
}
