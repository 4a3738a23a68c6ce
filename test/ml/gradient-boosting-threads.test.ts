import * as assert from "node:assert/strict";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";
import { MIN_PARALLEL_CELLS } from "../../src/ml/histogram-threads";
import { Random } from "../../src/ml/random";
import { synthetic } from "./helpers";

/** The fitted trees and fit record of a model (its JSON without the parameters, which hold nThreads). */
function fitted(model: GradientBoostingClassifier): string {
  const { params: _params, ...rest } = model.toJSON();
  return JSON.stringify(rest);
}

describe("GradientBoostingClassifier with histogram threads", () => {
  // Just above the size where worker threads are used.
  const d = 40;
  const n = Math.ceil(MIN_PARALLEL_CELLS / d) + 100;
  const data = synthetic(n, d, 41);
  // The last column repeats the first (the label's strongest feature), in another chunk of eight features: every
  // split on it ties with one on feature 0, and the threads' merged search must keep feature 0, as one thread does.
  for (let i = 0; i < n; i++) data.X[i * d + d - 1] = data.X[i * d];
  const X = { X: data.X, nFeatures: d };

  it("fits bitwise the same trees with 1, 2 and 3 threads (unweighted and weighted)", () => {
    const rng = new Random(4);
    const w = Float64Array.from({ length: n }, () => (rng.nextFloat() < 0.05 ? 0 : 0.5 + rng.nextFloat()));
    const p = { nEstimators: 3, maxDepth: 3, minSamplesLeaf: 20 };
    for (const sampleWeight of [undefined, w]) {
      const one = fitted(new GradientBoostingClassifier({ ...p, nThreads: 1 }).fit(X, data.y, { sampleWeight }));
      for (const nThreads of [2, 3]) {
        const many = fitted(new GradientBoostingClassifier({ ...p, nThreads }).fit(X, data.y, { sampleWeight }));
        assert.equal(many, one, `${nThreads} threads, weighted ${sampleWeight !== undefined}`);
      }
      const used = new GradientBoostingClassifier({ ...p, nThreads: 2 }).fit(X, data.y, { sampleWeight }).trees;
      assert.ok(used.some((t) => t.feature[0] === 0) && used.every((t) => t.feature[0] !== d - 1));
    }
  });

  it("fits the same trees run after run while histogram and loss jobs alternate on the threads", function () {
    this.timeout(120_000);
    // Jobs of different sizes (eight-feature chunks, then blocks of rows) follow each other thousands of times: a
    // worker still looping over the last job's counters must never take a chunk of the next one twice.
    const p = { nEstimators: 40, maxDepth: 4, minSamplesLeaf: 20 };
    const one = fitted(new GradientBoostingClassifier({ ...p, nThreads: 1 }).fit(X, data.y));
    for (let run = 0; run < 6; run++) {
      const nThreads = 2 + (run % 2);
      assert.equal(fitted(new GradientBoostingClassifier({ ...p, nThreads }).fit(X, data.y)), one, `run ${run}`);
    }
  });

  it("nThreads defaults to all cores (null) and is validated once, with a clear message", () => {
    assert.equal(new GradientBoostingClassifier().getParams().nThreads, null);
    assert.throws(() => new GradientBoostingClassifier({ nThreads: 0 }), /nThreads=0 must be an integer in \[1, 256\]/);
    assert.throws(() => new GradientBoostingClassifier({ nThreads: 1.5 }), /nThreads=1.5/);
  });
});
