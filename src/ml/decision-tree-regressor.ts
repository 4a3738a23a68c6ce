import type { MatrixInput } from "./design-matrix";
import { alignColumns, toDesignMatrix } from "./design-matrix";
import { NotFittedError } from "./classifier";
import type { GrowerMode } from "./grower-data";
import { prepareGrowerData } from "./grower-data";
import { Random } from "./random";
import type { MlCartRegressionJSON } from "./regression-tree";
import type { RegressionTree } from "./regression-tree";
import { TreeGrower } from "./tree-grower";

/** Hyper-parameters of DecisionTreeRegressor (counts only; see GradientBoostingParams for the boosting ones). */
export interface DecisionTreeRegressorParams {
  maxDepth: number | null;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Features tried per node; null = all (natural order, ties to the lowest feature index). */
  maxFeatures: number | null;
  randomState: number;
  mode: GrowerMode;
  maxBins: number;
}

const DEFAULTS: DecisionTreeRegressorParams = {
  maxDepth: null,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  maxFeatures: null,
  randomState: 0,
  mode: "exact",
  maxBins: 255,
};

/**
 * A least-squares regression tree (scikit-learn's `DecisionTreeRegressor`, splitter "best"; leaf = mean of y),
 * grown by the same TreeGrower as the boosted trees. With `minSamplesSplit = m + 1` and mode "exact" it makes
 * the splits of ml-cart's `DecisionTreeRegression` trained with `minNumSamples = m` (on data with distinct values).
 */
export class DecisionTreeRegressor {
  readonly params: DecisionTreeRegressorParams;
  private fittedTree: RegressionTree | null = null;
  private labels: string[] | null = null;
  private width = 0;

  constructor(params: Partial<DecisionTreeRegressorParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
    const p = this.params;
    if (p.maxDepth !== null && (!Number.isInteger(p.maxDepth) || p.maxDepth < 1))
      throw new Error(`maxDepth=${p.maxDepth} must be an integer >= 1 or null`);
    if (!Number.isInteger(p.minSamplesSplit) || p.minSamplesSplit < 2)
      throw new Error(`minSamplesSplit=${p.minSamplesSplit} must be an integer >= 2`);
    if (!Number.isInteger(p.minSamplesLeaf) || p.minSamplesLeaf < 1)
      throw new Error(`minSamplesLeaf=${p.minSamplesLeaf} must be an integer >= 1`);
  }

  fit(X: MatrixInput, y: ArrayLike<number>): this {
    const m = toDesignMatrix(X);
    if (y.length !== m.nSamples) throw new Error(`y has ${y.length} values but X has ${m.nSamples} samples`);
    if (m.nSamples === 0) throw new Error("X has no samples");
    const target = Float64Array.from(y);
    target.forEach((v, i) => {
      if (!Number.isFinite(v)) throw new Error(`y[${i}] = ${v}; targets must be finite`);
    });
    const p = this.params;
    const rng = new Random(p.randomState);
    const maxFeatures = p.maxFeatures ?? m.nFeatures;
    if (!Number.isInteger(maxFeatures) || maxFeatures < 1 || maxFeatures > m.nFeatures) {
      throw new Error(`maxFeatures=${p.maxFeatures} must be an integer in [1, ${m.nFeatures}] or null`);
    }
    const grower = new TreeGrower(prepareGrowerData(m, p.mode, rng, p.maxBins), {
      maxDepth: p.maxDepth,
      minSamplesSplit: Math.max(p.minSamplesSplit, 2 * p.minSamplesLeaf),
      minSamplesLeaf: p.minSamplesLeaf,
      maxFeatures,
      learningRate: 1,
    });
    const all = new Int32Array(m.nSamples);
    for (let i = 0; i < all.length; i++) all[i] = i;
    this.fittedTree = grower.grow(all, target, null, rng);
    this.labels = m.featureLabels;
    this.width = m.nFeatures;
    return this;
  }

  get tree(): RegressionTree {
    if (this.fittedTree === null) throw new NotFittedError("DecisionTreeRegressor");
    return this.fittedTree;
  }

  predict(X: MatrixInput): Float64Array {
    const t = this.tree;
    return t.predict(alignColumns(toDesignMatrix(X), this.labels, this.width));
  }

  /** The fitted tree in ml-cart's JSON (options mirror ours: minNumSamples = minSamplesSplit - 1). */
  toMlCart(): MlCartRegressionJSON {
    const t = this.tree;
    return t.toMlCart({ minNumSamples: this.params.minSamplesSplit - 1, maxDepth: this.params.maxDepth ?? t.depth });
  }
}
