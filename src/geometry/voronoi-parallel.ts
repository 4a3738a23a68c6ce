import { CellList } from "../neighbors/cell-list";
import { Cell } from "../structure/cell";
import { FaceSink } from "./face-sink";
import { VoronoiCellKernel } from "./voronoi-cell";

/**
 * The shared description of one tessellation job: inputs and per-atom outputs live in SharedArrayBuffers so
 * that the main thread and worker threads read the same points and write disjoint atoms' results. The atoms
 * are renumbered in cell-list bin order first (`positions`, `radii` and all per-atom outputs are in that
 * order), so neighboring atoms are computed one after another and every memory access is local: about 15 %
 * faster than a random atom order at 10^5 atoms. Chunks of consecutive atoms are handed out through an atomic
 * counter; each thread keeps its faces in its own sink and records where each atom's faces are.
 */
export interface VoronoiJob {
  n: number;
  matrix: number[];
  origin: number[];
  periodic: [boolean, boolean, boolean];
  /** N x 3 positions in bin order (SharedArrayBuffer-backed when threads > 1). */
  positions: Float64Array;
  /** Per-atom radii for radical cells (bin order), or null. */
  radii: Float64Array | null;
  tolerance: number;
  minEdgeLength: number;
  chunkSize: number;
  /** [next chunk to take] */
  counter: Int32Array;
  volumes: Float64Array;
  flags: Uint8Array;
  faceCounts: Int32Array;
  /** Index of each atom's first face in its thread's sink. */
  faceStarts: Int32Array;
  /** Slot of the thread that computed each atom (0: the calling thread). */
  owners: Uint8Array;
}

/** Faces computed by one thread (views of its sink); atoms point into them through faceStarts/owners. */
export interface ThreadFaces {
  slot: number;
  neighbor: Int32Array;
  vector: Float64Array;
  area: Float64Array;
  edges: Int32Array;
  distance: Float64Array;
}

/** Bin size of the tessellation's cell list: about 1.4 mean spacings (the first search radius, 1.9 spacings,
 * then spans 3-4 bins per direction). */
export function voronoiBinSize(cell: Cell, n: number): number {
  return 1.4 * Math.cbrt(cell.volume / Math.max(n, 1));
}

/** Allocates a SharedArrayBuffer-backed typed array (or a plain one when sharing is not needed). */
export function sharedFloat64(length: number, shared: boolean): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length);
}

/**
 * Takes chunks from the job's counter until none is left; returns the faces this thread (`slot`) produced.
 * `onChunk`, when given, is told after each chunk this thread computed how many chunks all threads have taken.
 */
export function runVoronoiChunks(
  job: VoronoiJob,
  slot: number,
  threads: number,
  onChunk?: (taken: number) => void,
): ThreadFaces {
  const cell = new Cell(job.matrix, job.origin, job.periodic);
  const cells = new CellList(cell, job.positions, voronoiBinSize(cell, job.n));
  const kernel = new VoronoiCellKernel(cells, job.radii, job.tolerance, job.minEdgeLength);
  // About 16 faces per atom of this thread's share (a glass has 14-15): the sink rarely has to grow.
  const sink = new FaceSink(Math.max(1024, Math.ceil((16 * job.n) / threads)));
  const nChunks = Math.ceil(job.n / job.chunkSize);
  for (;;) {
    const c = Atomics.add(job.counter, 0, 1);
    if (c >= nChunks) break;
    const end = Math.min(job.n, (c + 1) * job.chunkSize);
    for (let i = c * job.chunkSize; i < end; i++) {
      const before = sink.count;
      kernel.compute(i, sink);
      job.volumes[i] = kernel.volume;
      job.flags[i] = kernel.flags;
      job.faceCounts[i] = sink.count - before;
      job.faceStarts[i] = before;
      job.owners[i] = slot;
    }
    onChunk?.(c + 1);
  }
  const m = sink.count;
  // Views, not copies: the caller copies them into the final arrays in atom order.
  return {
    slot,
    neighbor: sink.neighbor.subarray(0, m),
    vector: sink.vector.subarray(0, 3 * m),
    area: sink.area.subarray(0, m),
    edges: sink.edges.subarray(0, m),
    distance: sink.distance.subarray(0, m),
  };
}

/** What each worker thread of the tessellation receives (besides the shared job, its slot and the thread count). */
export interface VoronoiWorkerInput {
  job: VoronoiJob;
  /** This worker's slot in job.owners (1, 2, ...; 0 is the calling thread). */
  slot: number;
  threads: number;
}

/**
 * Worker-thread handler of the parallel tessellation (run through parallel/worker-pool): computes chunks of the
 * shared job and posts its faces, transferring their buffers.
 */
export function voronoiWorker(
  input: VoronoiWorkerInput,
  post: (message: unknown, transfer?: ArrayBuffer[]) => void,
): void {
  const faces = runVoronoiChunks(input.job, input.slot, input.threads);
  post(faces, [
    faces.neighbor.buffer,
    faces.vector.buffer,
    faces.area.buffer,
    faces.edges.buffer,
    faces.distance.buffer,
  ] as ArrayBuffer[]);
}
