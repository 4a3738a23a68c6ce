import * as assert from "node:assert/strict";
import {
  concatFeatureMatrices,
  emptyFeatureMatrix,
  featureColumn,
  type FeatureMatrix,
} from "../../src/table/feature-matrix";

describe("table/feature-matrix", () => {
  const a: FeatureMatrix = {
    n: 2,
    labels: ["p", "q"],
    values: Float64Array.of(1, 2, 3, 4),
    flags: Uint8Array.of(1, 0),
  };
  const b: FeatureMatrix = { n: 2, labels: ["r"], values: Float64Array.of(5, 6), flags: Uint8Array.of(2, 0) };

  it("concatenates column-wise, row-major, OR-ing the flags (hand-worked 2 x 3)", () => {
    const m = concatFeatureMatrices([a, b]);
    assert.deepEqual(m.labels, ["p", "q", "r"]);
    assert.deepEqual([...m.values], [1, 2, 5, 3, 4, 6]);
    assert.deepEqual([...(m.flags ?? [])], [3, 0]);
    assert.equal(concatFeatureMatrices([{ n: 1, labels: ["s"], values: Float64Array.of(9) }]).flags, undefined);
    assert.deepEqual(concatFeatureMatrices([]), { n: 0, labels: [], values: new Float64Array(0) });
  });

  it("refuses duplicate labels and different row counts", () => {
    assert.throws(() => concatFeatureMatrices([a, a]), /duplicate feature column "p"/);
    assert.throws(() => concatFeatureMatrices([a, emptyFeatureMatrix(3, ["z"])]), /2 and 3 rows/);
  });

  it("reads one column, naming the missing label", () => {
    assert.deepEqual([...featureColumn(a, "q")], [2, 4]);
    assert.throws(() => featureColumn(a, "zz"), /no feature "zz" \(features: p, q\)/);
    const e = emptyFeatureMatrix(2, ["u", "v"]);
    assert.deepEqual([e.n, e.labels, [...e.values]], [2, ["u", "v"], [0, 0, 0, 0]]);
  });
});
