import * as assert from "node:assert/strict";
import { AveragingClassifier } from "../../src/ml/averaging-classifier";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";
import { loadClassifier } from "../../src/ml/model-io";
import { EasyEnsembleClassifier } from "../../src/ml/sampling/easy-ensemble";
import { randomUndersample } from "../../src/ml/sampling/undersample";
import { synthetic } from "./helpers";

describe("undersampling and EasyEnsemble", () => {
  const y = Array.from({ length: 1000 }, (_, i) => (i % 20 === 3 ? 1 : 0));

  it("randomUndersample keeps every minority sample and as many distinct majority samples, seeded", () => {
    const keep = randomUndersample(y, 7);
    assert.equal(keep.length, 100);
    assert.equal(Array.from(keep).filter((i) => y[i] === 1).length, 50);
    assert.equal(new Set(keep).size, 100);
    for (let k = 1; k < keep.length; k++) assert.ok(keep[k] > keep[k - 1]);
    assert.deepEqual(randomUndersample(y, 7), keep);
    assert.notDeepEqual(randomUndersample(y, 8), keep);
    assert.equal(randomUndersample(y, 1, 2).length, 150);
    assert.throws(() => randomUndersample([0, 0, 0], 1), /only one class/);
  });

  it("EasyEnsemble averages members fitted on different balanced subsets; saved as an AveragingClassifier", () => {
    const { X, nFeatures } = synthetic(1000, 4, 31);
    const yy = Uint8Array.from(y);
    for (let i = 0; i < 1000; i++) if (yy[i] === 1) X[i * 4] += 2; // make the minority learnable
    const ee = new EasyEnsembleClassifier(new GradientBoostingClassifier({ nEstimators: 10, maxDepth: 2 }), {
      nSubsets: 3,
      randomState: 2,
    }).fit({ X, nFeatures }, yy);
    assert.equal(ee.members.length, 3);
    const probes = ee.members.map((m) => m.predictProba({ X, nFeatures }));
    assert.notDeepEqual(probes[0], probes[1]);
    const p = ee.predictProba({ X, nFeatures });
    for (const i of [0, 3, 500]) assert.ok(Math.abs(p[i] - (probes[0][i] + probes[1][i] + probes[2][i]) / 3) < 1e-15);
    const back = loadClassifier(JSON.parse(JSON.stringify(ee.toJSON())) as object);
    assert.ok(back instanceof AveragingClassifier);
    assert.deepEqual(back.predictProba({ X, nFeatures }), p);
  });
});
