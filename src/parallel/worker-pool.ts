import * as path from "node:path";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { WorkerMessage, WorkerStart } from "./worker-entry";

/** A function exported by `module` that runs in each worker thread (see WorkerHandler). */
export interface WorkerTask {
  /** Absolute path of the module without extension, e.g. `path.join(__dirname, "voronoi-parallel")`. */
  readonly module: string;
  /** Name of its exported handler `(input, post) => void`. */
  readonly handler: string;
}

interface Running {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly done: Int32Array;
}

/**
 * Worker threads that each run one handler on one input, started from a real entry file (no eval'd code):
 * worker-entry.js from the compiled package, or worker-entry.ts under tsx (tests, scripts), which the worker then
 * loads through tsx's require hook. Inputs travel by structured clone (typed arrays on SharedArrayBuffers are
 * shared, not copied). The one worker pool of qsoft: the Voronoi tessellation waits for its workers
 * synchronously (`waitSync`, so `compute` stays synchronous), the feature-set comparison asynchronously (`run`).
 */
export class WorkerThreads {
  private constructor(private readonly running: Running[]) {}

  /** Starts one worker per input, each running `task.handler(input, post)`. */
  static start(task: WorkerTask, inputs: readonly unknown[], what: string): WorkerThreads {
    const ts = __filename.endsWith(".ts");
    const entry = path.join(__dirname, ts ? "worker-entry.ts" : "worker-entry.js");
    // Under tsx the worker loads its .ts entry through tsx's require hook; otherwise it inherits the node options.
    const execArgv = ts ? ["--require", require.resolve("tsx/cjs")] : undefined;
    const running: Running[] = [];
    try {
      for (const input of inputs) {
        const { port1, port2 } = new MessageChannel();
        const done = new Int32Array(new SharedArrayBuffer(4));
        const start: WorkerStart = { module: task.module, handler: task.handler, input, port: port2, done };
        const worker = new Worker(entry, { workerData: start, transferList: [port2], execArgv, name: what });
        worker.unref();
        running.push({ worker, port: port1, done });
      }
    } catch (e) {
      for (const r of running) void r.worker.terminate();
      throw e;
    }
    return new WorkerThreads(running);
  }

  get size(): number {
    return this.running.length;
  }

  /**
   * Blocks the calling thread (Atomics.wait) until every worker is done; returns the messages each posted, in
   * order. Throws the first worker's error ("a worker thread failed: ...").
   */
  waitSync(): unknown[][] {
    const out: unknown[][] = [];
    let error: string | null = null;
    for (const r of this.running) {
      while (Atomics.wait(r.done, 0, 0, 1000) === "timed-out") {
        // Still computing (or still starting): keep waiting.
      }
      const messages: unknown[] = [];
      for (let m = receiveMessageOnPort(r.port); m !== undefined; m = receiveMessageOnPort(r.port)) {
        const body = m.message as WorkerMessage;
        if ("error" in body) error ??= body.error;
        else messages.push(body.message);
      }
      r.port.close();
      out.push(messages);
    }
    this.terminate();
    if (error !== null) throw new Error(`a worker thread failed: ${error}`);
    return out;
  }

  /**
   * Calls `onMessage(message, worker)` for every message as it arrives; resolves when every worker is done.
   * Rejects (and stops every worker) on the first worker error, on a worker that exits early, or when
   * `onMessage` throws.
   */
  run(onMessage: (message: unknown, worker: number) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let open = this.running.length;
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        this.terminate();
        reject(e instanceof Error ? e : new Error(String(e)));
      };
      if (open === 0) resolve();
      this.running.forEach((r, k) => {
        r.port.on("message", (body: WorkerMessage) => {
          if (failed) return;
          if ("error" in body) return fail(new Error(`a worker thread failed: ${body.error}`));
          try {
            onMessage(body.message, k);
          } catch (e) {
            fail(e);
          }
        });
        // The entry closes its port after the last message: that worker is done.
        r.port.on("close", () => {
          if (failed) return;
          if (--open === 0) {
            this.terminate();
            resolve();
          }
        });
        r.worker.on("error", fail);
        r.worker.on("exit", (code) => {
          if (Atomics.load(r.done, 0) === 0)
            fail(new Error(`a worker thread exited (code ${code}) before it was done`));
        });
        r.worker.ref();
      });
    });
  }

  /** Stops every worker (idempotent). */
  terminate(): void {
    for (const r of this.running) void r.worker.terminate();
  }
}
