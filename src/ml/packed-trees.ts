import type { RegressionTree } from "./regression-tree";

/**
 * The trees of an ensemble packed into one set of node arrays (child indices global), for prediction row by
 * row: a row's features stay in cache while every tree reads them, instead of each tree sweeping the columns of
 * all rows. Each row's sum is formed in tree order, as the per-tree sweep does, so the outputs are bitwise the
 * same; a row goes left iff x[feature] < threshold (ml-cart's rule; NaN goes right).
 */
export class PackedTrees {
  private constructor(
    private readonly roots: Int32Array,
    private readonly feature: Int32Array,
    private readonly threshold: Float64Array,
    private readonly left: Int32Array,
    private readonly right: Int32Array,
    private readonly value: Float64Array,
  ) {}

  static pack(trees: readonly RegressionTree[]): PackedTrees {
    let total = 0;
    for (const t of trees) total += t.nodeCount;
    const roots = new Int32Array(trees.length);
    const feature = new Int32Array(total);
    const threshold = new Float64Array(total);
    const left = new Int32Array(total);
    const right = new Int32Array(total);
    const value = new Float64Array(total);
    let at = 0;
    trees.forEach((t, k) => {
      roots[k] = at;
      for (let q = 0; q < t.nodeCount; q++) {
        feature[at + q] = t.feature[q];
        threshold[at + q] = t.threshold[q];
        left[at + q] = t.left[q] >= 0 ? at + t.left[q] : -1;
        right[at + q] = t.right[q] >= 0 ? at + t.right[q] : -1;
        value[at + q] = t.value[q];
      }
      at += t.nodeCount;
    });
    return new PackedTrees(roots, feature, threshold, left, right, value);
  }

  /** Adds the trees' outputs to `out[i]` for every row i of the row-major `values` (n rows of d features). */
  addRowMajor(out: Float64Array, values: Float64Array, n: number, d: number): void {
    const { roots, feature, threshold, left, right, value } = this;
    const nt = roots.length;
    for (let i = 0; i < n; i++) {
      const base = i * d;
      let sum = out[i];
      for (let k = 0; k < nt; k++) {
        let q = roots[k];
        while (left[q] >= 0) q = values[base + feature[q]] < threshold[q] ? left[q] : right[q];
        sum += value[q];
      }
      out[i] = sum;
    }
  }
}
