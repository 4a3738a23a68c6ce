import { strict as assert } from "node:assert";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";
import { PackedTrees } from "../../src/ml/packed-trees";
import { synthetic } from "./helpers";

describe("ml/packed-trees", () => {
  it("gives bitwise the per-tree sweep's sums: the staged prediction's last stage", () => {
    const { X, y, nFeatures } = synthetic(500, 6, 9);
    const model = new GradientBoostingClassifier({ nEstimators: 40, maxDepth: 3, randomState: 1 }).fit(
      { X, nFeatures },
      y,
    );
    const test = synthetic(300, 6, 10).X;
    const raw = model.decisionFunction({ X: test, nFeatures });
    let last: Float64Array | null = null;
    for (const stage of model.stagedDecisionFunction({ X: test, nFeatures })) last = stage;
    assert.ok(last);
    for (let i = 0; i < 300; i++) assert.ok(Object.is(raw[i], last[i]), `row ${i}: ${raw[i]} vs ${last[i]}`);
  });

  it("walks each tree to the leaf the rule x < threshold picks, and NaN goes right", () => {
    // A hand-made ensemble seen through its packed arrays: one stump on feature 1 at 0.5 (leaves 1 and 10).
    const stump = {
      nodeCount: 3,
      feature: Int32Array.from([1, -1, -1]),
      threshold: Float64Array.from([0.5, 0, 0]),
      left: Int32Array.from([1, -1, -1]),
      right: Int32Array.from([2, -1, -1]),
      value: Float64Array.from([0, 1, 10]),
    };
    const packed = PackedTrees.pack([stump, stump] as never);
    const out = Float64Array.from([100, 100, 100]);
    packed.addRowMajor(out, Float64Array.from([9, 0.4, 9, 0.5, 9, Number.NaN]), 3, 2);
    assert.deepEqual(Array.from(out), [102, 120, 120]);
  });

  it("pads a shallow leaf of an uneven tree to the full depth (rows in fours and the rest)", () => {
    // Root f0 < 0.5 -> leaf 1; else f1 < 0.5 -> leaf 2, else leaf 3. Five rows: one group of four, one left over.
    const uneven = {
      nodeCount: 5,
      feature: Int32Array.from([0, -1, 1, -1, -1]),
      threshold: Float64Array.from([0.5, 0, 0.5, 0, 0]),
      left: Int32Array.from([1, -1, 3, -1, -1]),
      right: Int32Array.from([2, -1, 4, -1, -1]),
      value: Float64Array.from([0, 1, 0, 2, 3]),
    };
    const rows = [0.1, 0.9, 0.7, 0.1, 0.7, 0.9, 0.2, 0.2, 0.6, Number.NaN];
    const out = new Float64Array(5);
    PackedTrees.pack([uneven] as never).addRowMajor(out, Float64Array.from(rows), 5, 2);
    assert.deepEqual(Array.from(out), [1, 2, 3, 1, 3]);
  });

  it("keeps the linked walk for trees deeper than the padded layout allows (a chain of depth 12)", () => {
    // Node 2k splits f0 < k + 0.5: left to leaf 2k+1 (value k), right to node 2k+2; the last node is a leaf 12.
    const depth = 12;
    const n = 2 * depth + 1;
    const feature = new Int32Array(n).fill(-1);
    const threshold = new Float64Array(n);
    const left = new Int32Array(n).fill(-1);
    const right = new Int32Array(n).fill(-1);
    const value = new Float64Array(n);
    for (let k = 0; k < depth; k++) {
      feature[2 * k] = 0;
      threshold[2 * k] = k + 0.5;
      left[2 * k] = 2 * k + 1;
      right[2 * k] = 2 * k + 2;
      value[2 * k + 1] = k;
    }
    value[n - 1] = depth;
    const chain = { nodeCount: n, feature, threshold, left, right, value };
    const out = new Float64Array(4);
    PackedTrees.pack([chain] as never).addRowMajor(out, Float64Array.from([0, 3, 11.7, 40]), 4, 1);
    assert.deepEqual(Array.from(out), [0, 3, 12, 12]);
  });
});
