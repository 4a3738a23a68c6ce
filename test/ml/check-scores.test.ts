import * as assert from "node:assert/strict";
import { checkLabelsScores } from "../../src/ml/metrics/check-scores";

describe("ml/metrics/check-scores", () => {
  it("accepts 0/1 labels with finite scores of the same length", () => {
    assert.doesNotThrow(() => checkLabelsScores([0, 1, 1], Float64Array.of(0.2, -3, 1e300)));
  });

  it("names the first bad label or score and a length mismatch", () => {
    assert.throws(() => checkLabelsScores([0, 1], [0.5]), /yTrue has 2 labels but scores has 1 values/);
    assert.throws(() => checkLabelsScores([0, 2], [0.5, 0.5]), /yTrue\[1\] = 2; labels must be 0 or 1/);
    assert.throws(() => checkLabelsScores([0, 1], [0.5, NaN], "qs"), /qs\[1\] = NaN; must be finite/);
  });
});
