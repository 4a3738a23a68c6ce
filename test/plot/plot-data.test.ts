import * as assert from "node:assert/strict";
import {
  checkLength,
  checkNonEmpty,
  finiteRange,
  firstNonFinite,
  roundData,
  toData,
  toLogData,
} from "../../src/plot/plot-data";

describe("plot/plot-data", () => {
  it("turns non-finite values into gaps (null), and also non-positive ones for log axes", () => {
    assert.deepEqual(toData(Float64Array.of(1.5, NaN, Infinity, -Infinity, 0)), [1.5, null, null, null, 0]);
    assert.deepEqual(toLogData([2, 0, -1, NaN, 1e-300]), [2, null, null, null, 1e-300]);
  });

  it("finds the first non-finite value and the range of the finite ones", () => {
    assert.equal(firstNonFinite([1, 2, NaN, Infinity]), 2);
    assert.equal(firstNonFinite([1, 2]), -1);
    assert.deepEqual(finiteRange([3, NaN, -2, Infinity, 7]), [-2, 7]);
    assert.deepEqual(finiteRange([NaN]), [NaN, NaN]);
  });

  it("rounds to significant digits, keeping gaps", () => {
    assert.deepEqual(roundData([12.3456, null, 0.000123456], 3), [12.3, null, 0.000123]);
  });

  it("names the option and the reference in length errors", () => {
    assert.throws(
      () => checkLength("colors", [1, 2], 3, "positions / 3"),
      /colors has 2 values but positions \/ 3 has 3/,
    );
    assert.throws(() => checkNonEmpty("x", []), /x is empty/);
    assert.doesNotThrow(() => checkLength("y", [1], 1, "x"));
  });
});
