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
});
