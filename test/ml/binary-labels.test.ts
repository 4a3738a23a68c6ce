import * as assert from "node:assert/strict";
import { classCounts, requireBothClasses, toBinaryLabels } from "../../src/ml/binary-labels";

describe("ml/binary-labels", () => {
  it("accepts 0/1 and booleans", () => {
    assert.deepEqual([...toBinaryLabels([1, 0, true, false], 4)], [1, 0, 1, 0]);
  });

  it("refuses other values with their position, and a length that is not the number of samples", () => {
    assert.throws(() => toBinaryLabels([0, 1, 2], 3), /y\[2\] = 2; labels must be 0 or 1/);
    assert.throws(() => toBinaryLabels([0, NaN], 2, "labels"), /labels\[1\] = NaN/);
    assert.throws(() => toBinaryLabels([0, 1], 3), /y has 2 labels but X has 3 samples/);
  });

  it("counts the classes and refuses a one-class problem", () => {
    assert.deepEqual(classCounts(Uint8Array.of(1, 0, 1, 1)), [1, 3]);
    assert.throws(() => requireBothClasses(Uint8Array.of(1, 1)), /only one class \(0 zeros, 2 ones\)/);
    assert.doesNotThrow(() => requireBothClasses(Uint8Array.of(0, 1)));
  });
});
