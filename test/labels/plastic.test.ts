import * as assert from "node:assert/strict";
import {
  PLASTIC_STRAIN,
  PLASTIC_THRESHOLD,
  plasticFraction,
  plasticLabels,
  thresholdForFraction,
} from "../../src/labels/plastic";

describe("labels/plastic label and threshold helper", () => {
  it("labels D2min strictly above the paper's 5.0 A^2 at 4 % strain", () => {
    assert.equal(PLASTIC_STRAIN, 0.04);
    assert.equal(PLASTIC_THRESHOLD, 5.0);
    const d2 = [0, 4.99, 5.0, 5.01, 12, NaN];
    assert.deepEqual(Array.from(plasticLabels(d2)), [0, 0, 0, 1, 1, 0]);
    assert.equal(plasticFraction(d2), 2 / 6);
    assert.equal(plasticFraction(d2, 1), 4 / 6);
  });

  it("finds the threshold of a target fraction as numpy.quantile(d2min, 1 - fraction)", () => {
    // numpy: np.quantile([3, 1, 4, 1, 5, 9, 2, 6, 5, 3], 0.95) = 7.65; np.quantile(..., 0.5) = 3.5
    const d2 = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
    assert.ok(Math.abs(thresholdForFraction(d2, 0.05) - 7.65) < 1e-12);
    assert.equal(thresholdForFraction(d2, 0.5), 3.5);
    assert.equal(thresholdForFraction(d2, 0), 9);
    assert.equal(thresholdForFraction(d2, 1), 1);
    // With distinct values, round(fraction * N) atoms lie strictly above the threshold of that fraction.
    const many = Array.from({ length: 1000 }, (_, i) => Math.sqrt(i));
    assert.equal(plasticFraction(many, thresholdForFraction(many, 0.05)), 0.05);
    assert.throws(() => thresholdForFraction([], 0.05), /no values/);
    assert.throws(() => thresholdForFraction(d2, 1.5), /fraction/);
  });
});
