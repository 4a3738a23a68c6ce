import { CellList } from "../neighbors/cell-list";
import { Cell } from "./cell";
import { FaceSink } from "./face-sink";
import { VoronoiCellKernel } from "./voronoi-cell";

/**
 * The shared description of one tessellation job: inputs and per-atom outputs live in SharedArrayBuffers so
 * that the main thread and worker threads read the same points and write disjoint atoms' results. Atoms are
 * handed out in chunks through an atomic counter; each thread keeps the faces of its chunks in its own sink.
 */
export interface VoronoiJob {
  n: number;
  matrix: number[];
  origin: number[];
  periodic: [boolean, boolean, boolean];
  /** N x 3 positions (SharedArrayBuffer-backed Float64Array). */
  positions: Float64Array;
  /** Per-atom radii for radical cells, or null. */
  radii: Float64Array | null;
  tolerance: number;
  minEdgeLength: number;
  chunkSize: number;
  /** [next chunk to take] */
  counter: Int32Array;
  volumes: Float64Array;
  flags: Uint8Array;
  faceCounts: Int32Array;
}

/** Faces computed by one thread: its sink and, for each chunk it did, [chunk index, first face, end face]. */
export interface ThreadFaces {
  chunks: Int32Array;
  neighbor: Int32Array;
  vector: Float64Array;
  area: Float64Array;
  edges: Int32Array;
  distance: Float64Array;
}

/** Allocates a SharedArrayBuffer-backed typed array (or a plain one when sharing is not needed). */
export function sharedFloat64(length: number, shared: boolean): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length);
}

/** Takes chunks from the job's counter until none is left; returns the faces this thread produced. */
export function runVoronoiChunks(job: VoronoiJob): ThreadFaces {
  const cell = new Cell(job.matrix, job.origin, job.periodic);
  // Bins of about 1.4 mean spacings: the first search radius (1.9 spacings) then spans 3-4 bins per direction.
  const cells = new CellList(cell, job.positions, 1.4 * Math.cbrt(cell.volume / Math.max(job.n, 1)));
  const kernel = new VoronoiCellKernel(cells, job.radii, job.tolerance, job.minEdgeLength);
  const sink = new FaceSink(Math.max(1024, 16 * Math.min(job.n, 65536)));
  const chunks: number[] = [];
  const nChunks = Math.ceil(job.n / job.chunkSize);
  for (;;) {
    const c = Atomics.add(job.counter, 0, 1);
    if (c >= nChunks) break;
    const first = sink.count;
    const end = Math.min(job.n, (c + 1) * job.chunkSize);
    for (let i = c * job.chunkSize; i < end; i++) {
      const before = sink.count;
      kernel.compute(i, sink);
      job.volumes[i] = kernel.volume;
      job.flags[i] = kernel.flags;
      job.faceCounts[i] = sink.count - before;
    }
    chunks.push(c, first, sink.count);
  }
  const m = sink.count;
  // Views, not copies: the caller copies them into the final arrays (or trims them once).
  return {
    chunks: Int32Array.from(chunks),
    neighbor: sink.neighbor.subarray(0, m),
    vector: sink.vector.subarray(0, 3 * m),
    area: sink.area.subarray(0, m),
    edges: sink.edges.subarray(0, m),
    distance: sink.distance.subarray(0, m),
  };
}
