import * as assert from "node:assert/strict";
import { paperProtocol } from "../../src/ml/paper-protocol";
import { rocAucScore } from "../../src/ml/metrics/roc-auc";
import { Random } from "../../src/ml/random";

/** A glass-like sample: 5 % positives, positives shifted in two of six features. */
function sample(
  n: number,
  seed: number,
): { X: Float64Array; nFeatures: number; featureLabels: string[]; y: Uint8Array } {
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
      train: [
        { X: s1, y: s1.y },
        { X: s2, y: s2.y },
      ],
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
    assert.throws(
      () =>
        paperProtocol({
          train: [
            { X: s1, y: s1.y },
            { X: other, y: other.y },
          ],
          test: { X: s1, y: s1.y },
        }),
      /train\[1\]\.X: missing column\(s\) "f"/,
    );
    assert.throws(
      () =>
        paperProtocol({
          train: [{ X: s1, y: s1.y }],
          test: { X: s1, y: new Uint8Array(500) },
          params: { nEstimators: 2 },
        }),
      /test labels has only one class/,
    );
    // The model's parameters are checked before the samples: a bad one wins over the column mismatch.
    assert.throws(
      () =>
        paperProtocol({
          train: [
            { X: s1, y: s1.y },
            { X: other, y: other.y },
          ],
          test: { X: s1, y: s1.y },
          params: { learningRate: 1e308 },
        }),
      /learningRate=1e\+308 must be in \(0, 1\]/,
    );
  });
});

describe("paperProtocol with group (block) cross-validation", () => {
  /**
   * Rows come in groups (blocks); the label is a coin flip per group and the feature identifies the group, so a
   * model can memorise groups but nothing carries over to new groups (no real signal). Shuffled stratified CV
   * puts rows of one group on both sides and scores high; group CV keeps groups whole and scores ~0.5, as the
   * unseen sample does.
   */
  function blocky(nGroups: number, perGroup: number, seed: number) {
    const rng = new Random(seed);
    const n = nGroups * perGroup;
    const X = new Float64Array(n * 2);
    const y = new Uint8Array(n);
    const groups = new Int32Array(n);
    for (let g = 0; g < nGroups; g++) {
      const label = rng.nextFloat() < 0.5 ? 1 : 0;
      const code = rng.nextFloat();
      for (let k = 0; k < perGroup; k++) {
        const i = g * perGroup + k;
        X[2 * i] = code + 1e-4 * rng.normal();
        X[2 * i + 1] = rng.normal();
        y[i] = label;
        groups[i] = g;
      }
    }
    return { X: { values: X, nSamples: n, nFeatures: 2, featureLabels: ["code", "noise"] }, y, groups };
  }

  it("stratified CV is fooled by group memorisation; group CV and the unseen sample are not", () => {
    const a = blocky(40, 30, 11);
    const b = blocky(40, 30, 12);
    const t = blocky(40, 30, 13);
    const train = [
      { X: a.X, y: a.y, groups: a.groups },
      { X: b.X, y: b.y, groups: b.groups },
    ];
    const params = { nEstimators: 60, maxDepth: 3, maxFeatures: null };
    const strat = paperProtocol({ train, test: { X: t.X, y: t.y }, params });
    const grouped = paperProtocol({ train, test: { X: t.X, y: t.y }, params, cv: "group" });
    assert.ok(strat.cv.mean.auc > 0.9, `stratified CV AUC ${strat.cv.mean.auc}`);
    assert.ok(Math.abs(grouped.cv.mean.auc - 0.5) < 0.15, `group CV AUC ${grouped.cv.mean.auc}`);
    assert.ok(Math.abs(strat.test.auc - 0.5) < 0.15, `unseen AUC ${strat.test.auc}`);
    // no group of a sample is split between a training and a test fold (groups are distinct per sample)
    const label = (i: number) => (i < 1200 ? `0:${a.groups[i]}` : `1:${b.groups[i - 1200]}`);
    for (const s of grouped.cv.splits) {
      const testGroups = new Set(Array.from(s.test, (r) => label(grouped.trainIndices[r])));
      for (const r of s.train) assert.ok(!testGroups.has(label(grouped.trainIndices[r])));
    }
  });

  it("asks for groups when cv is 'group'", () => {
    const a = blocky(10, 10, 1);
    assert.throws(
      () =>
        paperProtocol({
          train: [{ X: a.X, y: a.y, name: "glass A" }],
          test: { X: a.X, y: a.y },
          cv: "group",
          params: { nEstimators: 2 },
        }),
      /needs groups for train\[0\] \(glass A\)/,
    );
    assert.throws(
      () =>
        paperProtocol({
          train: [{ X: a.X, y: a.y, groups: new Int32Array(3) }],
          test: { X: a.X, y: a.y },
          cv: "group",
          params: { nEstimators: 2 },
        }),
      /has 3 groups for 100 rows/,
    );
  });
});
