import { workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import type { VoronoiJob } from "./voronoi-parallel";
import { runVoronoiChunks } from "./voronoi-parallel";

/**
 * Worker-thread entry of the parallel Voronoi tessellation: computes chunks of the shared job, posts its faces
 * on `port` (buffers transferred), then raises `done[slot]` so that a main thread blocked in Atomics.wait
 * can read the message synchronously.
 */
interface WorkerInput {
  job: VoronoiJob;
  port: MessagePort;
  done: Int32Array;
  slot: number;
}

const input = workerData as WorkerInput;
try {
  const faces = runVoronoiChunks(input.job);
  input.port.postMessage({ faces }, [faces.neighbor.buffer, faces.vector.buffer, faces.area.buffer, faces.edges.buffer, faces.distance.buffer, faces.chunks.buffer] as ArrayBuffer[]);
} catch (e) {
  input.port.postMessage({ error: (e as Error).stack ?? String(e) });
} finally {
  input.port.close();
  Atomics.store(input.done, input.slot, 1);
  Atomics.notify(input.done, input.slot);
}
