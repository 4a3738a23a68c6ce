import * as assert from "node:assert/strict";
import type { DesignMatrix } from "../../src/ml/design-matrix";
import { prepareGrowerData } from "../../src/ml/grower-data";
import { Random } from "../../src/ml/random";

describe("ml/grower-data prepareGrowerData", () => {
  // 4 samples x 2 features, row-major: feature 0 = [3, 1, 2, 1], feature 1 = [0.5, 0.5, -1, 2].
  const X: DesignMatrix = {
    values: Float64Array.of(3, 0.5, 1, 0.5, 2, -1, 1, 2),
    nSamples: 4,
    nFeatures: 2,
    featureLabels: null,
  };

  it("exact: presorts every feature's sample indices by value, ties by index (hand-worked)", () => {
    const d = prepareGrowerData(X, "exact", new Random(0));
    assert.deepEqual([...(d.presorted ?? [])], [1, 3, 2, 0, 2, 0, 1, 3]);
    assert.equal(d.codes, null);
    assert.equal(d.X, X.values);
  });

  it("hist: bins every feature so that bin order follows value order", () => {
    const d = prepareGrowerData(X, "hist", new Random(0));
    assert.equal(d.presorted, null);
    const codes = d.codes as Uint8Array;
    assert.equal(codes.length, 8);
    for (let f = 0; f < 2; f++) {
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          const vi = X.values[i * 2 + f];
          const vj = X.values[j * 2 + f];
          if (vi < vj) assert.ok(codes[f * 4 + i] < codes[f * 4 + j], `feature ${f}: ${vi} < ${vj}`);
          if (vi === vj) assert.equal(codes[f * 4 + i], codes[f * 4 + j]);
        }
      }
    }
  });
});
