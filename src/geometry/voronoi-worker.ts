import { workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import type { VoronoiJob } from "./voronoi-parallel";
import { runVoronoiChunks } from "./voronoi-parallel";

/**
 * Worker-thread entry of the parallel Voronoi tessellation: computes chunks of the shared job, posts its faces
 * on `port` (buffers transferred), then raises `done[0]` so that a main thread blocked in Atomics.wait
 * can read the message synchronously.
 */
interface WorkerInput {
  job: VoronoiJob;
  port: MessagePort;
  /** Raised (index 0) when this worker is done. */
  done: Int32Array;
  /** This worker's slot in job.owners (1, 2, ...). */
  slot: number;
  threads: number;
}

const input = workerData as WorkerInput;
const DONE = 0;
try {
  const faces = runVoronoiChunks(input.job, input.slot, input.threads);
  input.port.postMessage({ faces }, [faces.neighbor.buffer, faces.vector.buffer, faces.area.buffer, faces.edges.buffer, faces.distance.buffer] as ArrayBuffer[]);
} catch (e) {
  input.port.postMessage({ error: (e as Error).stack ?? String(e) });
} finally {
  input.port.close();
  Atomics.store(input.done, DONE, 1);
  Atomics.notify(input.done, DONE);
}
