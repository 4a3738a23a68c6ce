import type { MessagePort } from "node:worker_threads";
import { workerData } from "node:worker_threads";

/** What {@link startWorkers} hands each worker thread. */
export interface WorkerStart {
  /** Module to load (absolute path without extension: .ts under tsx, .js from dist/). */
  readonly module: string;
  /** Name of the exported function that does the work: `(input, post) => void`. */
  readonly handler: string;
  readonly input: unknown;
  /** Where the handler's messages go, then an error if it threw (or could not be loaded). */
  readonly port: MessagePort;
  /** Raised (index 0) when the handler has returned or failed, so a thread blocked in Atomics.wait wakes up. */
  readonly done: Int32Array;
}

/** A message on a worker's port: something the handler posted, or the error that ended it. */
export type WorkerMessage = { readonly message: unknown } | { readonly error: string };

/** The work of a worker thread: posts its results with `post` (transferring buffers when given), then returns. */
export type WorkerHandler<I> = (input: I, post: (message: unknown, transfer?: ArrayBuffer[]) => void) => void;

// The entry of every worker thread (see worker-pool.ts): loads the module, runs the handler, reports a load or
// run error on the same port as the results, and raises `done` whatever happened.
const start = workerData as WorkerStart;
try {
  const handler = (require(start.module) as Record<string, unknown>)[start.handler];
  if (typeof handler !== "function") throw new Error(`${start.module} exports no function ${start.handler}`);
  (handler as WorkerHandler<unknown>)(start.input, (message, transfer) =>
    start.port.postMessage({ message } satisfies WorkerMessage, transfer),
  );
} catch (e) {
  start.port.postMessage({ error: String((e as Error)?.stack ?? e) } satisfies WorkerMessage);
} finally {
  start.port.close();
  Atomics.store(start.done, 0, 1);
  Atomics.notify(start.done, 0);
}
