import * as assert from "node:assert/strict";
import * as path from "node:path";
import { WorkerThreads } from "../../src/parallel/worker-pool";

const module = path.join(__dirname, "handlers");

describe("parallel/WorkerThreads (the one worker pool)", () => {
  it("waitSync returns every worker's messages in order; shared arrays are shared", () => {
    const shared = new Int32Array(new SharedArrayBuffer(4 * 10));
    const workers = WorkerThreads.start(
      { module, handler: "incrementShared" },
      [
        { shared, from: 0, to: 5 },
        { shared, from: 5, to: 10 },
      ],
      "test",
    );
    assert.deepEqual(workers.waitSync(), [["done"], ["done"]]);
    assert.deepEqual(Array.from(shared), new Array(10).fill(1));
    const many = WorkerThreads.start(
      { module, handler: "doubleEach" },
      [{ values: [1, 2, 3] }, { values: [] }],
      "test",
    );
    assert.deepEqual(many.waitSync(), [[2, 4, 6], []]);
  });

  it("run delivers messages as they come and resolves when all workers are done", async () => {
    const seen: [unknown, number][] = [];
    await WorkerThreads.start({ module, handler: "doubleEach" }, [{ values: [1, 2] }, { values: [10] }], "test").run(
      (m, k) => seen.push([m, k]),
    );
    assert.deepEqual(
      seen.sort((a, b) => Number(a[0]) - Number(b[0])),
      [
        [2, 0],
        [4, 0],
        [20, 1],
      ],
    );
  });

  it("reports a handler's error, a missing handler and an onMessage error", async () => {
    assert.throws(
      () => WorkerThreads.start({ module, handler: "failAfterOne" }, [null], "test").waitSync(),
      /a worker thread failed: Error: handler failed on purpose/,
    );
    assert.throws(
      () => WorkerThreads.start({ module, handler: "nope" }, [null], "test").waitSync(),
      /exports no function nope/,
    );
    assert.throws(
      () =>
        WorkerThreads.start(
          { module: path.join(__dirname, "no-such-module"), handler: "x" },
          [null],
          "test",
        ).waitSync(),
      /Cannot find module/,
    );
    await assert.rejects(
      WorkerThreads.start({ module, handler: "failAfterOne" }, [null], "test").run(() => undefined),
      /handler failed on purpose/,
    );
    await assert.rejects(
      WorkerThreads.start({ module, handler: "doubleEach" }, [{ values: [1] }], "test").run(() => {
        throw new Error("consumer failed");
      }),
      /consumer failed/,
    );
  });
});
