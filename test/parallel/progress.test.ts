import { strict as assert } from "node:assert";
import { Voronoi } from "../../src/geometry/voronoi";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";
import { crossValidate } from "../../src/ml/model-selection/cross-validate";
import { type ProgressCallback, progressReporter } from "../../src/parallel/progress";
import { Cell } from "../../src/structure/cell";
import { randomFrame } from "../geometry/test-frames";
import { synthetic } from "../ml/helpers";

type Call = [done: number, total: number, stage: string];

function recorder(): { calls: Call[]; onProgress: ProgressCallback } {
  const calls: Call[] = [];
  return { calls, onProgress: (done, total, stage) => calls.push([done, total, stage]) };
}

/** Within each stage: done strictly increases and the stage's last call is done === total. */
function assertMonotonic(calls: Call[], stage: string, total: number): void {
  const mine = calls.filter((c) => c[2] === stage);
  assert.ok(mine.length >= 1, `no ${stage} report`);
  for (let k = 1; k < mine.length; k++) assert.ok(mine[k][0] > mine[k - 1][0], `${stage} report ${k} goes back`);
  assert.ok(
    mine.every((c) => c[1] === total),
    `${stage} totals ${mine.map((c) => c[1])}`,
  );
  assert.deepEqual(mine.at(-1), [total, total, stage]);
}

describe("parallel/progress", () => {
  it("progressReporter reports about every 1/steps of the total and exactly once at the end", () => {
    const { calls, onProgress } = recorder();
    const tick = progressReporter(onProgress, 1000, "work", 10);
    for (let i = 1; i <= 1000; i++) tick(i);
    tick(1000);
    assert.deepEqual(
      calls.map((c) => c[0]),
      [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000],
    );
    assertMonotonic(calls, "work", 1000);
  });

  it("progressReporter skips done values that go back, clamps at the total, and reports an empty job once", () => {
    const { calls, onProgress } = recorder();
    const tick = progressReporter(onProgress, 10, "jump", 2);
    tick(7);
    tick(3);
    tick(8);
    tick(50);
    tick(10);
    assert.deepEqual(calls, [
      [7, 10, "jump"],
      [10, 10, "jump"],
    ]);
    const empty = recorder();
    const none = progressReporter(empty.onProgress, 0, "nothing");
    none(0);
    none(0);
    assert.deepEqual(empty.calls, [[0, 0, "nothing"]]);
    assert.doesNotThrow(() => progressReporter(undefined, 10, "silent")(5));
  });

  it("Voronoi reports monotonic atoms ending at the total, on one thread and on two, with the same cells", () => {
    const frame = randomFrame(Cell.orthogonal(20, 21, 22), 2000, 5);
    const plain = new Voronoi().compute(frame);
    for (const threads of [1, 2]) {
      const { calls, onProgress } = recorder();
      const t = new Voronoi({ threads }).compute(frame, { onProgress });
      assert.ok(calls.length >= 2, `${calls.length} reports with ${threads} thread(s)`);
      assertMonotonic(calls, "voronoi", 2000);
      assert.deepEqual(Array.from(t.volumes), Array.from(plain.volumes));
      assert.deepEqual(Array.from(t.faceNeighbors), Array.from(plain.faceNeighbors));
    }
  });

  it("crossValidate reports each fold once (stage cv), ending at the number of folds", () => {
    const { X, y, nFeatures } = synthetic(300, 4, 3);
    const { calls, onProgress } = recorder();
    crossValidate(new GradientBoostingClassifier({ nEstimators: 5, maxDepth: 2 }), { X, nFeatures }, y, {
      cv: 3,
      onProgress,
    });
    assert.deepEqual(calls, [
      [1, 3, "cv"],
      [2, 3, "cv"],
      [3, 3, "cv"],
    ]);
  });
});
