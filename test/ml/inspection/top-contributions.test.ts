import { strict as assert } from "node:assert";
import { topContributions } from "../../../src/ml/inspection/top-contributions";

describe("ml/inspection/top-contributions", () => {
  const e = {
    // row 0: |-3| > |2| = |-2| (tie: column 1 before 3) > |0.5|; row 1: no prediction (NaN row)
    values: Float64Array.from([0.5, 2, -3, -2, Number.NaN, Number.NaN, Number.NaN, Number.NaN]),
    nSamples: 2,
    nFeatures: 4,
    featureLabels: ["a", "b", "c", "d"],
    expectedValue: 0,
  };

  it("ranks by |contribution|, ties by column, keeps the sign (hand-worked)", () => {
    const t = topContributions(e, 3);
    assert.equal(t.k, 3);
    assert.deepEqual(Array.from(t.feature.subarray(0, 3)), [2, 1, 3]);
    assert.deepEqual(Array.from(t.value.subarray(0, 3)), [-3, 2, -2]);
  });

  it("a NaN row gets feature -1 and value NaN; k is capped at the number of features", () => {
    const t = topContributions(e, 9);
    assert.equal(t.k, 4);
    assert.deepEqual(Array.from(t.feature.subarray(4)), [-1, -1, -1, -1]);
    assert.ok(Array.from(t.value.subarray(4)).every(Number.isNaN));
    assert.throws(() => topContributions(e, 0), /k must be a positive integer, got 0/);
  });
});
