import * as assert from "node:assert/strict";
import { checkNSplits, splitsFromFoldIds } from "../../src/ml/model-selection/cross-validator";

describe("ml/model-selection/cross-validator", () => {
  it("turns fold numbers into train/test splits whose test folds partition the samples", () => {
    const splits = splitsFromFoldIds([1, 0, 2, 1, 0], 3);
    assert.deepEqual(
      splits.map((s) => [[...s.train], [...s.test]]),
      [
        [
          [0, 2, 3],
          [1, 4],
        ],
        [
          [1, 2, 4],
          [0, 3],
        ],
        [[0, 1, 3, 4], [2]],
      ],
    );
  });

  it("refuses fewer than two splits or a non-integer count", () => {
    assert.throws(() => checkNSplits(1), /nSplits=1 must be an integer >= 2/);
    assert.throws(() => checkNSplits(2.5), /nSplits=2.5/);
    assert.doesNotThrow(() => checkNSplits(2));
  });
});
