import * as assert from "node:assert/strict";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";
import { crossValidate } from "../../src/ml/model-selection/cross-validate";
import { gridSearch, parameterCombinations } from "../../src/ml/model-selection/grid-search";
import { GroupKFold } from "../../src/ml/model-selection/group-kfold";
import { KFold } from "../../src/ml/model-selection/kfold";
import { StratifiedKFold } from "../../src/ml/model-selection/stratified-kfold";
import { stratifiedTrainTestSplit } from "../../src/ml/model-selection/train-test-split";
import type { GradientBoostingParams } from "../../src/ml/gbdt-params";
import { fixture, synthetic } from "./helpers";

interface FoldCase {
  kind: "stratified" | "group";
  nSplits: number;
  y: number[];
  groups?: number[];
  test: number[][];
}

describe("cross-validation splitters", () => {
  const folds = fixture<{ folds: FoldCase[] }>("kfold.json").folds;
  for (const f of folds) {
    it(`${f.kind} ${f.nSplits}-fold on ${f.y.length} samples = scikit-learn's folds`, () => {
      const cv = f.kind === "stratified" ? new StratifiedKFold(f.nSplits) : new GroupKFold(f.nSplits);
      const splits = cv.split(f.y, f.groups);
      assert.deepEqual(
        splits.map((s) => Array.from(s.test)),
        f.test,
      );
      for (const s of splits) assert.equal(s.train.length + s.test.length, f.y.length);
    });
  }

  it("StratifiedKFold with shuffle keeps scikit-learn's per-fold class counts and partitions the samples", () => {
    const f = folds[1];
    const plain = new StratifiedKFold(f.nSplits).split(f.y);
    const shuffled = new StratifiedKFold(f.nSplits, true, 3).split(f.y);
    const count = (idx: Int32Array) => [idx.length, Array.from(idx).filter((i) => f.y[i] === 1).length];
    assert.deepEqual(
      shuffled.map((s) => count(s.test)),
      plain.map((s) => count(s.test)),
    );
    const seen = shuffled.flatMap((s) => Array.from(s.test)).sort((a, b) => a - b);
    assert.deepEqual(
      seen,
      f.y.map((_, i) => i),
    );
    assert.notDeepEqual(
      shuffled.map((s) => Array.from(s.test)),
      plain.map((s) => Array.from(s.test)),
    );
  });

  it("KFold sizes follow n // k (+1 for the first n % k folds); GroupKFold never splits a group", () => {
    assert.deepEqual(
      new KFold(3).split(new Array(10).fill(0)).map((s) => s.test.length),
      [4, 3, 3],
    );
    const groups = Array.from({ length: 40 }, (_, i) => i % 7);
    for (const s of new GroupKFold(3).split(new Array(40).fill(0), groups)) {
      const inTest = new Set(Array.from(s.test, (i) => groups[i]));
      for (const i of s.train) assert.ok(!inTest.has(groups[i]));
    }
  });

  it("errors: too many folds, missing groups", () => {
    assert.throws(() => new StratifiedKFold(5).split([0, 1, 0, 1]), /cannot be greater than the number of members/);
    assert.throws(() => new GroupKFold(3).split([0, 1]), /needs groups/);
    assert.throws(() => new GroupKFold(3).split([0, 1, 0], [1, 1, 2]), /number of groups \(2\)/);
    assert.throws(() => new KFold(1), /nSplits=1/);
  });

  it("stratifiedTrainTestSplit keeps both classes in both parts, in proportion", () => {
    const y = Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const s = stratifiedTrainTestSplit(y, 0.25, 1);
    assert.equal(s.test.length, 50);
    assert.equal(Array.from(s.test).filter((i) => y[i] === 1).length, 5);
    assert.equal(s.train.length + s.test.length, 200);
  });
});

describe("crossValidate and gridSearch", () => {
  const { X, y, nFeatures } = synthetic(600, 5, 21);
  it("scores every fold, out-of-fold probabilities cover all samples, mean/std consistent", () => {
    const cv = crossValidate(new GradientBoostingClassifier({ nEstimators: 30, maxDepth: 2 }), { X, nFeatures }, y, {
      cv: 4,
    });
    assert.equal(cv.folds.length, 4);
    assert.equal(cv.models.length, 4);
    assert.ok(cv.oofProba.every((p) => p >= 0 && p <= 1));
    const m = cv.folds.reduce((a, f) => a + f.auc, 0) / 4;
    assert.ok(Math.abs(cv.mean.auc - m) < 1e-15);
    assert.ok(cv.mean.auc > 0.85, `CV AUC ${cv.mean.auc}`);
    assert.ok(cv.std.auc >= 0 && cv.std.auc < 0.1);
    // fold model k predicts exactly the out-of-fold values of fold k
    const s = cv.splits[2];
    const rows = new Float64Array(s.test.length * 5);
    s.test.forEach((i, r) => rows.set(X.subarray(i * 5, i * 5 + 5), r * 5));
    assert.deepEqual(
      Array.from(cv.models[2].predictProba({ X: rows, nFeatures: 5 })),
      Array.from(s.test, (i) => cv.oofProba[i]),
    );
  });

  it("gridSearch tries every combination and picks the best mean AUC", () => {
    const grid = { maxDepth: [1, 3], nEstimators: [2, 40] };
    assert.deepEqual(parameterCombinations(grid), [
      { maxDepth: 1, nEstimators: 2 },
      { maxDepth: 1, nEstimators: 40 },
      { maxDepth: 3, nEstimators: 2 },
      { maxDepth: 3, nEstimators: 40 },
    ]);
    const r = gridSearch<GradientBoostingParams>((p) => new GradientBoostingClassifier(p), grid, { X, nFeatures }, y, {
      cv: 3,
    });
    assert.equal(r.results.length, 4);
    const best = Math.max(...r.results.map((e) => e.meanAuc));
    assert.equal(r.bestScore, best);
    assert.deepEqual(r.bestParams, { maxDepth: 3, nEstimators: 40 });
  });
});
