import * as assert from "node:assert/strict";
import { paperProtocol } from "../../src/ml/paper-protocol";
import { rocAucScore } from "../../src/ml/metrics/roc-auc";
import { Random } from "../../src/ml/random";

/** A glass-like sample: 5 % positives, positives shifted in two of six features. */
function sample(n: number, seed: number): { X: Float64Array; nFeatures: number; featureLabels: string[]; y: Uint8Array } {
  const rng = new Random(seed);
  const X = new Float64Array(n * 6);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.nextFloat() < 0.05 ? 1 : 0;
    for (let k = 0; k < 6; k++) X[i * 6 + k] = rng.normal() + (y[i] && k < 2 ? 1 : 0);
  }
  return { X, nFeatures: 6, featureLabels: ["a", "b", "c", "d", "e", "f"], y };
}

describe("paperProtocol", () => {
  it("undersamples the concatenated training samples, averages 5 fold models on the unseen sample", () => {
    const s1 = sample(3000, 1);
    const s2 = sample(3000, 2);
    const s3 = sample(3000, 3);
    const r = paperProtocol({
      train: [{ X: s1, y: s1.y }, { X: s2, y: s2.y }],
      test: { X: s3, y: s3.y },
      params: { nEstimators: 60 },
    });
    const nPos = s1.y.reduce((a, b) => a + b, 0) + s2.y.reduce((a, b) => a + b, 0);
    assert.equal(r.nTrainRows, 6000);
    assert.equal(r.trainIndices.length, 2 * nPos);
    assert.equal(r.cv.folds.length, 5);
    assert.equal(r.foldTestAuc.length, 5);
    assert.equal(r.testProba.length, 3000);
    assert.deepEqual(r.model.predictProba(s3), r.testProba);
    assert.equal(r.test.auc, rocAucScore(s3.y, r.testProba));
    // separable by a shift of 1 sigma in 2 features: AUC about Phi(1) ~ 0.84 for an ideal model
    assert.ok(r.test.auc > 0.75 && r.test.auc < 0.9, `test AUC ${r.test.auc}`);
    assert.ok(r.test.recall > 0.6, `recall ${r.test.recall}`);
    assert.ok(Math.abs(r.meanFoldTestAuc - r.foldTestAuc.reduce((a, b) => a + b) / 5) < 1e-15);
  });

  it("refuses samples with different feature columns, and a one-class test sample", () => {
    const s1 = sample(500, 4);
    const other = { ...sample(500, 5), featureLabels: ["a", "b", "c", "d", "e", "g"] };
    assert.throws(() => paperProtocol({ train: [{ X: s1, y: s1.y }, { X: other, y: other.y }], test: { X: s1, y: s1.y } }), /train\[1\]\.X: missing column\(s\) "f"/);
    assert.throws(
      () => paperProtocol({ train: [{ X: s1, y: s1.y }], test: { X: s1, y: new Uint8Array(500) }, params: { nEstimators: 2 } }),
      /test labels has only one class/,
    );
  });
});
