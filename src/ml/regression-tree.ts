import type { DesignMatrix } from "./design-matrix";

/** A node of ml-cart's `DecisionTreeRegression` JSON (node_modules/ml-cart/src/TreeNode.js). */
export interface MlCartNode {
  /** Internal node: the sample goes left iff `row[splitColumn] < splitValue`. */
  splitColumn?: number;
  splitValue?: number;
  /** ml-cart's meaning for regression: the summed squared error of the two children (what its trainer minimises). */
  gain?: number;
  numberSamples?: number;
  /** qsoft's addition (ignored by ml-cart): the squared-error decrease of this split, for feature importances. */
  impurityDecrease?: number;
  /** qsoft's addition, written only by weighted fits: the summed sample weight of the node (else numberSamples). */
  cover?: number;
  left?: MlCartNode;
  right?: MlCartNode;
  /** Leaf value; ml-cart treats a node with `distribution` as a leaf. */
  distribution?: number;
}

/** The JSON of an ml-cart `DecisionTreeRegression` (its `toJSON()` shape, loadable by `DecisionTreeRegression.load`). */
export interface MlCartRegressionJSON {
  name: "DTRegression";
  options: {
    gainFunction: "regression";
    splitFunction: "mean";
    minNumSamples: number;
    maxDepth: number;
    kind: "regression";
  };
  root: MlCartNode;
}

/**
 * A fitted binary regression tree as flat arrays (scikit-learn's `Tree` layout): node 0 is the root; for an
 * internal node `left[k]`/`right[k]` index the children and a sample goes left iff `x[feature[k]] <
 * threshold[k]` (ml-cart's rule); a leaf has `left[k] = -1` and its output in `value[k]`.
 */
export class RegressionTree {
  constructor(
    readonly feature: Int32Array,
    readonly threshold: Float64Array,
    readonly left: Int32Array,
    readonly right: Int32Array,
    readonly value: Float64Array,
    /** Training samples that reached the node. */
    readonly nSamples: Int32Array,
    /** Summed squared error of the children of an internal node (ml-cart's `gain`), 0 for leaves. */
    readonly childrenError: Float64Array,
    /** Squared-error decrease of an internal node's split (0 for leaves). */
    readonly impurityDecrease: Float64Array,
    /**
     * Summed sample weight of the training samples that reached the node (sklearn's weighted_n_node_samples,
     * TreeSHAP's cover); equal to nSamples for an unweighted fit.
     */
    readonly cover: Float64Array = Float64Array.from(nSamples),
  ) {}

  /** Whether some node's cover differs from its sample count (a weighted fit). */
  get weighted(): boolean {
    for (let k = 0; k < this.nodeCount; k++) if (this.cover[k] !== this.nSamples[k]) return true;
    return false;
  }

  get nodeCount(): number {
    return this.feature.length;
  }

  /** Number of edges from the root to the deepest leaf. */
  get depth(): number {
    const depthOf = new Int32Array(this.nodeCount);
    let max = 0;
    for (let k = 0; k < this.nodeCount; k++) {
      if (this.left[k] >= 0) {
        depthOf[this.left[k]] = depthOf[k] + 1;
        depthOf[this.right[k]] = depthOf[k] + 1;
        max = Math.max(max, depthOf[k] + 1);
      }
    }
    return max;
  }

  /** Leaf index reached by the row starting at `values[offset]`. */
  leafOf(values: Float64Array, offset: number): number {
    let k = 0;
    while (this.left[k] >= 0) k = values[offset + this.feature[k]] < this.threshold[k] ? this.left[k] : this.right[k];
    return k;
  }

  /** Outputs for every row of X. */
  predict(X: DesignMatrix): Float64Array {
    const out = new Float64Array(X.nSamples);
    this.addTo(out, X);
    return out;
  }

  /** `out[i] += tree(X row i)`. */
  addTo(out: Float64Array, X: DesignMatrix): void {
    const d = X.nFeatures;
    const v = X.values;
    for (let i = 0; i < X.nSamples; i++) out[i] += this.value[this.leafOf(v, i * d)];
  }

  /** `out[i] += tree(row i)` for a feature-major matrix (`columns[k * n + i]`, see featureMajor) of n rows. */
  addToFeatureMajor(out: Float64Array, columns: Float64Array, n: number): void {
    const { left, right, feature, threshold, value } = this;
    for (let i = 0; i < n; i++) {
      let k = 0;
      while (left[k] >= 0) k = columns[feature[k] * n + i] < threshold[k] ? left[k] : right[k];
      out[i] += value[k];
    }
  }

  /** Leaf index of every row (scikit-learn's `apply`). */
  apply(X: DesignMatrix): Int32Array {
    const out = new Int32Array(X.nSamples);
    for (let i = 0; i < X.nSamples; i++) out[i] = this.leafOf(X.values, i * X.nFeatures);
    return out;
  }

  /**
   * Unnormalised impurity importances: per feature, the summed squared-error decrease of its splits divided by
   * the root's (weighted) sample count (scikit-learn's `compute_feature_importances(normalize=False)`, whose
   * weighted impurity decrease N_t imp_t - N_L imp_L - N_R imp_R is this decrease for the MSE criterion).
   */
  featureImportances(nFeatures: number): Float64Array {
    const out = new Float64Array(nFeatures);
    for (let k = 0; k < this.nodeCount; k++) if (this.left[k] >= 0) out[this.feature[k]] += this.impurityDecrease[k];
    const n0 = this.cover[0];
    if (n0 > 0) for (let f = 0; f < nFeatures; f++) out[f] /= n0;
    return out;
  }

  /** The tree in ml-cart's JSON; `DecisionTreeRegression.load(json).predict(X)` gives the same outputs. */
  toMlCart(options: { minNumSamples?: number; maxDepth?: number } = {}): MlCartRegressionJSON {
    const weighted = this.weighted;
    const node = (k: number): MlCartNode => {
      const cover = weighted ? { cover: this.cover[k] } : {};
      if (this.left[k] < 0) return { distribution: this.value[k], numberSamples: this.nSamples[k], ...cover };
      return {
        splitColumn: this.feature[k],
        splitValue: this.threshold[k],
        gain: this.childrenError[k],
        numberSamples: this.nSamples[k],
        ...cover,
        impurityDecrease: this.impurityDecrease[k],
        left: node(this.left[k]),
        right: node(this.right[k]),
      };
    };
    return {
      name: "DTRegression",
      options: {
        gainFunction: "regression",
        splitFunction: "mean",
        minNumSamples: options.minNumSamples ?? 3,
        maxDepth: options.maxDepth ?? this.depth,
        kind: "regression",
      },
      root: node(0),
    };
  }

  /**
   * Rebuilds a tree from ml-cart JSON (its own trainer's or ours), checking every node: a leaf needs a finite
   * `distribution`, an internal node a `splitColumn` in [0, nFeatures), a finite `splitValue` and both children.
   */
  static fromMlCart(json: MlCartRegressionJSON, nFeatures: number, what = "tree"): RegressionTree {
    if (json === null || typeof json !== "object" || json.name !== "DTRegression") {
      throw new Error(
        `${what}: not an ml-cart DecisionTreeRegression (name ${String((json as { name?: unknown })?.name)})`,
      );
    }
    const nodes = new TreeNodes();
    const add = (node: MlCartNode | undefined, path: string): number => {
      if (node === null || typeof node !== "object") throw new Error(`${what}: node ${path} is missing`);
      const count = Number.isInteger(node.numberSamples) ? (node.numberSamples as number) : 0;
      if (
        node.cover !== undefined &&
        !(typeof node.cover === "number" && node.cover >= 0 && Number.isFinite(node.cover))
      )
        throw new Error(`${what}: node ${path} has cover ${String(node.cover)}, expected a finite number >= 0`);
      const k = nodes.add(count, node.cover ?? count);
      if (node.distribution !== undefined) {
        if (typeof node.distribution !== "number" || !Number.isFinite(node.distribution)) {
          throw new Error(`${what}: leaf ${path} has a non-finite distribution ${String(node.distribution)}`);
        }
        nodes.value[k] = node.distribution;
        return k;
      }
      const c = node.splitColumn;
      if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c >= nFeatures) {
        throw new Error(`${what}: node ${path} has splitColumn ${String(c)}, expected an integer in [0, ${nFeatures})`);
      }
      if (typeof node.splitValue !== "number" || !Number.isFinite(node.splitValue)) {
        throw new Error(`${what}: node ${path} has a non-finite splitValue ${String(node.splitValue)}`);
      }
      nodes.feature[k] = c;
      nodes.threshold[k] = node.splitValue;
      nodes.childrenError[k] = Number.isFinite(node.gain) ? (node.gain as number) : 0;
      nodes.impurityDecrease[k] = Number.isFinite(node.impurityDecrease) ? (node.impurityDecrease as number) : 0;
      nodes.left[k] = add(node.left, path + "L");
      nodes.right[k] = add(node.right, path + "R");
      return k;
    };
    add(json.root, "root:");
    return nodes.build();
  }
}

/** The node arrays of a tree under construction; `add` appends a leaf (value 0), `build` makes the RegressionTree. */
export class TreeNodes {
  readonly feature: number[] = [];
  readonly threshold: number[] = [];
  readonly left: number[] = [];
  readonly right: number[] = [];
  readonly value: number[] = [];
  readonly nSamples: number[] = [];
  readonly childrenError: number[] = [];
  readonly impurityDecrease: number[] = [];
  readonly cover: number[] = [];

  /** Appends a leaf reached by `nSamples` training samples of summed weight `cover`; returns its index. */
  add(nSamples: number, cover = nSamples): number {
    this.cover.push(cover);
    this.feature.push(-1);
    this.threshold.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(0);
    this.nSamples.push(nSamples);
    this.childrenError.push(0);
    this.impurityDecrease.push(0);
    return this.feature.length - 1;
  }

  build(): RegressionTree {
    return new RegressionTree(
      Int32Array.from(this.feature),
      Float64Array.from(this.threshold),
      Int32Array.from(this.left),
      Int32Array.from(this.right),
      Float64Array.from(this.value),
      Int32Array.from(this.nSamples),
      Float64Array.from(this.childrenError),
      Float64Array.from(this.impurityDecrease),
      Float64Array.from(this.cover),
    );
  }
}
