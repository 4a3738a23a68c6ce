import * as assert from "node:assert/strict";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";
import { defaultGlassCv, stackGlasses, trainOnGlasses } from "../../src/ml/glass-training";
import { rocAucScore } from "../../src/ml/metrics/roc-auc";
import { coordinateBlocks } from "../../src/ml/model-selection/coordinate-blocks";
import { searchGbdt, stagedAuc } from "../../src/ml/model-selection/gbdt-search";
import { LeaveOneGroupOut } from "../../src/ml/model-selection/leave-one-group-out";
import type { LabeledSample } from "../../src/ml/paper-protocol";
import { Random } from "../../src/ml/random";
import { balancedSampleWeights } from "../../src/ml/sampling/class-weights";

/** A glass of n atoms: plastic when f0 (sign `sign`) plus noise is large; f1 is noise. */
function glass(name: string, n: number, seed: number, sign = 1, withBlocks = false): LabeledSample {
  const rng = new Random(seed);
  const X: number[] = [];
  const y: number[] = [];
  const groups: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = rng.normal();
    X.push(a, b);
    y.push(sign * a + 0.7 * rng.normal() > 1 ? 1 : 0);
    groups.push(i % 4);
  }
  return {
    name,
    X: { X, nFeatures: 2, featureLabels: ["f0", "f1"] },
    y,
    ...(withBlocks ? { groups } : {}),
  };
}

describe("multi-glass training (glass-training, class weights, leave one glass out, search)", () => {
  it("balanced sample weights are n / (2 n_c): each class carries half the weight (hand-worked)", () => {
    // y = 0,0,0,1: n = 4, n_0 = 3, n_1 = 1 -> 4/6 and 4/2 (scikit-learn compute_sample_weight("balanced")).
    const w = balancedSampleWeights([0, 0, 0, 1]);
    assert.deepEqual(Array.from(w), [2 / 3, 2 / 3, 2 / 3, 2]);
    assert.throws(() => balancedSampleWeights([1, 1]), /only one class/);
    assert.throws(() => balancedSampleWeights([0, 2]), /must be 0 or 1/);
  });

  it("LeaveOneGroupOut tests each group once, groups in sorted order (scikit-learn's folds by hand)", () => {
    const cv = new LeaveOneGroupOut();
    const s = cv.split([0, 1, 0, 1, 0], [2, 1, 2, 3, 1]);
    assert.equal(cv.nSplits, 3);
    assert.deepEqual(
      s.map((f) => Array.from(f.test)),
      [[1, 4], [0, 2], [3]],
    );
    assert.deepEqual(Array.from(s[0].train), [0, 2, 3]);
    assert.throws(() => cv.split([0, 1], [1, 1]), /at least 2 groups/);
  });

  it("coordinate blocks cut the bounding box into equal blocks (hand-worked)", () => {
    // x spans 0..10 in 2 blocks, y and z single blocks: x < 5 -> block 0, x >= 5 -> block 1; the maximum stays in 1.
    const b = coordinateBlocks(
      [
        [0, 4.9, 5, 10],
        [1, 2, 3, 4],
        [0, 0, 0, 0],
      ],
      [2, 1, 1],
    );
    assert.deepEqual(Array.from(b), [0, 0, 1, 1]);
    // (bx * ny + by) * nz + bz with 2 x 2 x 1 blocks.
    const c = coordinateBlocks(
      [
        [0, 1, 0, 1],
        [0, 0, 1, 1],
        [0, 0, 0, 0],
      ],
      [2, 2, 1],
    );
    assert.deepEqual(Array.from(c), [0, 2, 1, 3]);
  });

  it("stacking keeps each row's glass and aligns columns by name", () => {
    const a = glass("a", 50, 1);
    const b: LabeledSample = {
      name: "b",
      X: { X: [5, 6, 7, 8], nFeatures: 2, featureLabels: ["f1", "f0"] },
      y: [0, 1],
    };
    const t = stackGlasses([a, b]);
    assert.deepEqual(t.names, ["a", "b"]);
    assert.equal(t.X.nSamples, 52);
    assert.deepEqual(Array.from(t.glass.subarray(48)), [0, 0, 1, 1]);
    // b's columns are reordered to f0, f1.
    assert.deepEqual(Array.from(t.X.values.subarray(100)), [6, 5, 8, 7]);
    assert.equal(t.blocks, null);
    assert.equal(defaultGlassCv(t), "glass");
    assert.equal(defaultGlassCv({ names: ["a"], blocks: new Int32Array(1) }), "blocks");
    assert.equal(defaultGlassCv({ names: ["a"], blocks: null }), "shuffled");
    assert.throws(() => stackGlasses([a, { ...a }]), /two glasses are named "a"/);
  });

  it("leave-one-glass-out scores every glass with a model that never saw it", () => {
    // Glass "inverted" has the opposite signal: only a model trained without it scores it below 0.5.
    const glasses = [glass("g1", 300, 1), glass("g2", 300, 2), glass("g3", 300, 3), glass("inverted", 300, 4, -1)];
    const params = { nEstimators: 20, maxDepth: 2, maxFeatures: null };
    const calls: string[] = [];
    const r = trainOnGlasses({
      glasses,
      cv: "glass",
      balance: "undersample",
      params,
      onProgress: (done, total, stage) => calls.push(`${stage} ${done}/${total}`),
    });
    assert.deepEqual(calls, ["cv 1/4", "cv 2/4", "cv 3/4", "cv 4/4", "refit 0/1", "refit 1/1"]);
    assert.equal(r.cvKind, "glass");
    assert.deepEqual(r.foldNames, ["g1", "g2", "g3", "inverted"]);
    r.cv.splits.forEach((s, f) => assert.ok(Array.from(s.test).every((i) => r.table.glass[i] === f)));
    r.foldNames.forEach((name, f) => assert.equal(r.glassAuc[name], r.cv.folds[f].auc));
    assert.ok(r.glassAuc.inverted < 0.3, `inverted glass AUC ${r.glassAuc.inverted}`);
    for (const g of ["g1", "g2", "g3"]) assert.ok(r.glassAuc[g] > 0.7, `${g}: ${r.glassAuc[g]}`);
    assert.ok(r.model);
    // Block CV never splits a block of a glass.
    const blocks = trainOnGlasses({
      glasses: glasses.slice(0, 2).map((g, k) => glass(g.name as string, 300, k + 1, 1, true)),
      cv: "blocks",
      nSplits: 4,
      params,
      refit: false,
    });
    for (const s of blocks.cv.splits) {
      const key = (i: number) => `${blocks.table.glass[i]}:${(blocks.table.blocks as Int32Array)[i]}`;
      const testKeys = new Set(Array.from(s.test, key));
      assert.ok(Array.from(s.train).every((i) => !testKeys.has(key(i))));
    }
    assert.equal(blocks.model, null);
    assert.throws(() => trainOnGlasses({ glasses: glasses.slice(0, 1), cv: "glass", params }), /at least 2 glasses/);
    assert.throws(() => trainOnGlasses({ glasses: glasses.slice(0, 1), cv: "blocks", params }), /spatial block/);
  });

  it("balance weight fits every row with the n / (2 n_c) weights; undersample fits an equal-class subset", () => {
    const glasses = [glass("g1", 200, 1), glass("g2", 200, 2)];
    const params = { nEstimators: 10, maxDepth: 2, maxFeatures: null };
    const t = stackGlasses(glasses);
    const r = trainOnGlasses({ glasses, cv: "glass", balance: "weight", params });
    const direct = new GradientBoostingClassifier({ randomState: 0, ...params }).fit(t.X, t.y, {
      sampleWeight: balancedSampleWeights(t.y),
    });
    assert.deepEqual(r.model?.predictProba(t.X), direct.predictProba(t.X));
    const plain = new GradientBoostingClassifier({ randomState: 0, ...params }).fit(t.X, t.y);
    assert.notDeepEqual(plain.predictProba(t.X), direct.predictProba(t.X));
  });

  it("staged AUC of the last stage is the model's AUC; the search keeps the early-stopped tree count", () => {
    const g = glass("g", 400, 9);
    const t = stackGlasses([g]);
    const model = new GradientBoostingClassifier({ nEstimators: 25, maxDepth: 2 }).fit(t.X, t.y);
    const curve = stagedAuc(model, t.X, t.y, 10);
    assert.deepEqual(
      curve.map((p) => p.trees),
      [10, 20, 25],
    );
    assert.equal(curve[2].auc, rocAucScore(t.y, model.predictProba(t.X)));

    const table = stackGlasses([glass("g1", 300, 1), glass("g2", 300, 2), glass("g3", 300, 3)]);
    const space = { maxDepth: [1, 2], learningRate: [0.1], subsample: [1], maxFeatures: [null], minSamplesLeaf: [1] };
    const r = searchGbdt({ table, cv: "glass", balance: "none", strategy: "grid", space, maxEstimators: 30, step: 10 });
    assert.equal(r.results.length, 2);
    assert.ok(r.results.every((e) => e.foldAuc.length === 3 && e.foldTrees.every((n) => n % 10 === 0 && n <= 30)));
    assert.equal(r.best.meanAuc, Math.max(...r.results.map((e) => e.meanAuc)));
    assert.equal(r.bestParams.maxDepth, r.best.params.maxDepth);
    const sorted = r.best.foldTrees.slice().sort((a, b) => a - b);
    assert.equal(r.bestParams.nEstimators, sorted[1]);
    const random = searchGbdt({ table, cv: "glass", balance: "none", strategy: 1, space, maxEstimators: 10 });
    assert.equal(random.results.length, 1);
    assert.throws(
      () =>
        searchGbdt({
          table: stackGlasses([glass("a", 50, 1), glass("b", 50, 2)]),
          cv: "glass",
          balance: "none",
          strategy: 1,
        }),
      /at least 3 glasses/,
    );
  });
});
