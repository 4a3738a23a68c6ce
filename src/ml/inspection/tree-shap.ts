import type { DesignMatrix, MatrixInput } from "../design-matrix";
import type { RegressionTree } from "../regression-tree";

/**
 * Per-row feature contributions (SHAP values) to a model's raw output, which each row sums to with expectedValue.
 * `values[i * nFeatures + k]` is feature k's contribution to row i, and for every row `expectedValue + sum_k
 * values[i * nFeatures + k]` is the explained output (a GBDT's decision function, the log-odds).
 */
export interface Explanation {
  readonly values: Float64Array;
  readonly nSamples: number;
  readonly nFeatures: number;
  /** Column names of the model (null when it was fitted without names). */
  readonly featureLabels: string[] | null;
  /** The output with no feature known: the cover-weighted mean of the model over its training samples. */
  readonly expectedValue: number;
}

/**
 * Refuses trees whose nodes carry no cover (model files written without `numberSamples`). The cover of a node is
 * the summed sample weight reaching it (the sample count when unweighted), as the cover of shap's tree_shap.h
 * and sklearn's weighted_n_node_samples: the path-dependent algorithm splits the unknown-feature mass by it.
 */
export function checkCovers(tree: RegressionTree, what = "tree"): void {
  const { left, right, nSamples, cover } = tree;
  for (let k = 0; k < tree.nodeCount; k++) {
    // A node below the root may have cover 0 (samples of weight 0 only), never the root.
    if (!(cover[k] > 0) && (k === 0 || !(nSamples[k] > 0 && cover[k] === 0))) {
      throw new Error(
        `${what}: node ${k} has no training sample count, which TreeSHAP needs as the node cover ` +
          "(the model file was written without numberSamples; fit the model again with this version of qsoft)",
      );
    }
    if (left[k] < 0) continue;
    const sum = cover[left[k]] + cover[right[k]];
    // Summed weights: equal up to rounding (exactly, for counts).
    if (!(Math.abs(sum - cover[k]) <= 1e-9 * cover[k])) {
      throw new Error(`${what}: node ${k} covers ${cover[k]} but its children ${cover[left[k]]} + ${cover[right[k]]}`);
    }
    if (cover[k] === 0 && left[k] >= 0)
      throw new Error(`${what}: node ${k} has cover 0 but splits (a split needs weight on both sides)`);
  }
}

/** Mean of the tree's output over its training samples: sum over leaves of value x cover / root cover. */
export function treeExpectedValue(tree: RegressionTree): number {
  let s = 0;
  for (let k = 0; k < tree.nodeCount; k++) if (tree.left[k] < 0) s += tree.value[k] * tree.cover[k];
  return s / tree.cover[0];
}

/**
 * Exact path-dependent TreeSHAP (Lundberg et al., Nat. Mach. Intell. 2, 56 (2020), Algorithm 2; the layout of
 * the reference implementation, shap's tree_shap.h): for one tree of depth D, O(L D^2) per row with L leaves.
 * The conditional expectation E[f(x) | x_S] follows splits on features in S and otherwise averages both
 * children weighted by their covers (training sample counts, or summed sample weights of a weighted fit). Feature contributions are added to `phi`.
 */
export class TreeShap {
  private featureIndex = new Int32Array(0);
  private zeroFraction = new Float64Array(0);
  private oneFraction = new Float64Array(0);
  private pweight = new Float64Array(0);
  private tree: RegressionTree | null = null;
  private x: Float64Array = new Float64Array(0);
  private xOffset = 0;
  private phi: Float64Array = new Float64Array(0);
  private phiOffset = 0;

  /** Sets the tree that `addRow` explains (sizes the path buffers for its depth). */
  setTree(tree: RegressionTree): void {
    const d = tree.depth + 2;
    const size = (d * (d + 1)) / 2;
    if (this.pweight.length < size) {
      this.featureIndex = new Int32Array(size);
      this.zeroFraction = new Float64Array(size);
      this.oneFraction = new Float64Array(size);
      this.pweight = new Float64Array(size);
    }
    this.tree = tree;
  }

  /** Adds the tree's SHAP values of the row `x[xOffset .. xOffset + F)` to `phi[phiOffset .. phiOffset + F)`. */
  addRow(x: Float64Array, xOffset: number, phi: Float64Array, phiOffset: number): void {
    if (this.tree === null) throw new Error("TreeShap.addRow: call setTree first");
    this.x = x;
    this.xOffset = xOffset;
    this.phi = phi;
    this.phiOffset = phiOffset;
    this.recurse(0, 0, 0, 0, 1, 1, -1);
  }

  /** The path of `depth + 1` elements at `at` (the parent's path copied, then extended). */
  private recurse(
    node: number,
    parentAt: number,
    at: number,
    depth: number,
    pZero: number,
    pOne: number,
    pFeature: number,
  ): void {
    const t = this.tree as RegressionTree;
    const { featureIndex, zeroFraction, oneFraction, pweight } = this;
    for (let i = 0; i < depth; i++) {
      featureIndex[at + i] = featureIndex[parentAt + i];
      zeroFraction[at + i] = zeroFraction[parentAt + i];
      oneFraction[at + i] = oneFraction[parentAt + i];
      pweight[at + i] = pweight[parentAt + i];
    }
    this.extend(at, depth, pZero, pOne, pFeature);
    const left = t.left[node];
    if (left < 0) {
      const v = t.value[node];
      for (let i = 1; i <= depth; i++) {
        const w = this.unwoundSum(at, depth, i);
        this.phi[this.phiOffset + featureIndex[at + i]] += w * (oneFraction[at + i] - zeroFraction[at + i]) * v;
      }
      return;
    }
    const f = t.feature[node];
    const right = t.right[node];
    const hot = this.x[this.xOffset + f] < t.threshold[node] ? left : right;
    const cold = hot === left ? right : left;
    const cover = t.cover[node];
    let inZero = 1;
    let inOne = 1;
    let k = 0;
    while (k <= depth && featureIndex[at + k] !== f) k++;
    let d = depth;
    if (k <= depth) {
      // A feature already on the path: undo its earlier extension, carry its fractions (Algorithm 2, lines 13-16).
      inZero = zeroFraction[at + k];
      inOne = oneFraction[at + k];
      this.unwind(at, d, k);
      d--;
    }
    const next = at + d + 1 + (depth - d);
    const hotZero = (t.cover[hot] / cover) * inZero;
    const coldZero = (t.cover[cold] / cover) * inZero;
    // A child reached with weight 0 both with and without f (a zero-weight subtree of a weighted fit) adds nothing;
    // skipping it avoids 0/0 when the path is unwound.
    if (hotZero !== 0 || inOne !== 0) this.recurse(hot, at, next, d + 1, hotZero, inOne, f);
    if (coldZero !== 0) this.recurse(cold, at, next, d + 1, coldZero, 0, f);
  }

  /** EXTEND of Algorithm 2: appends (feature, pZero, pOne) to the path of `depth` elements at `at`. */
  private extend(at: number, depth: number, pZero: number, pOne: number, pFeature: number): void {
    const w = this.pweight;
    this.featureIndex[at + depth] = pFeature;
    this.zeroFraction[at + depth] = pZero;
    this.oneFraction[at + depth] = pOne;
    w[at + depth] = depth === 0 ? 1 : 0;
    const one = pOne / (depth + 1);
    const zero = pZero / (depth + 1);
    for (let i = depth - 1; i >= 0; i--) {
      const wi = w[at + i];
      w[at + i + 1] += one * wi * (i + 1);
      w[at + i] = zero * wi * (depth - i);
    }
  }

  /** UNWIND of Algorithm 2: removes element `k` from the path of `depth + 1` elements at `at`. */
  private unwind(at: number, depth: number, k: number): void {
    const w = this.pweight;
    const one = this.oneFraction[at + k];
    const zero = this.zeroFraction[at + k];
    let nextOne = w[at + depth];
    for (let i = depth - 1; i >= 0; i--) {
      if (one !== 0) {
        const tmp = w[at + i];
        w[at + i] = (nextOne * (depth + 1)) / ((i + 1) * one);
        nextOne = tmp - (w[at + i] * zero * (depth - i)) / (depth + 1);
      } else {
        w[at + i] = (w[at + i] * (depth + 1)) / (zero * (depth - i));
      }
    }
    for (let i = k; i < depth; i++) {
      this.featureIndex[at + i] = this.featureIndex[at + i + 1];
      this.zeroFraction[at + i] = this.zeroFraction[at + i + 1];
      this.oneFraction[at + i] = this.oneFraction[at + i + 1];
    }
  }

  /** Sum of the path weights after unwinding element `k`, without changing the path. */
  private unwoundSum(at: number, depth: number, k: number): number {
    const w = this.pweight;
    const one = this.oneFraction[at + k];
    const zero = this.zeroFraction[at + k];
    let nextOne = w[at + depth];
    let total = 0;
    if (one !== 0) {
      const a = (depth + 1) / one;
      const b = zero / (depth + 1);
      for (let i = depth - 1; i >= 0; i--) {
        const tmp = (nextOne * a) / (i + 1);
        total += tmp;
        nextOne = w[at + i] - tmp * b * (depth - i);
      }
    } else {
      const a = (depth + 1) / zero;
      for (let i = depth - 1; i >= 0; i--) total += (w[at + i] * a) / (depth - i);
    }
    return total;
  }
}

/**
 * SHAP values of an additive tree model `baseline + sum of trees` (a GBDT's log-odds) on the rows of X (columns
 * already in the model's order): each row plus `expectedValue` equals the model's output.
 */
export function treeEnsembleShap(
  trees: readonly RegressionTree[],
  baseline: number,
  X: DesignMatrix,
  what = "model",
): Explanation {
  trees.forEach((t, k) => checkCovers(t, `${what} tree ${k}`));
  const { nSamples: n, nFeatures: d } = X;
  const values = new Float64Array(n * d);
  let expectedValue = baseline;
  for (const t of trees) expectedValue += treeExpectedValue(t);
  const shap = new TreeShap();
  for (const t of trees) {
    if (t.nodeCount <= 1) continue;
    shap.setTree(t);
    for (let i = 0; i < n; i++) shap.addRow(X.values, i * d, values, i * d);
  }
  return { values, nSamples: n, nFeatures: d, featureLabels: X.featureLabels?.slice() ?? null, expectedValue };
}

/** A model that explains its raw output (GradientBoostingClassifier, AveragingClassifier of them). */
export interface ExplainableModel {
  explain(X: MatrixInput): Explanation;
}

/** Whether `model` provides `explain(X)`. */
export function isExplainable(model: object): model is ExplainableModel {
  return typeof (model as { explain?: unknown }).explain === "function";
}
