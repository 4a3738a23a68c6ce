import * as path from "node:path";
import type { NeighborList } from "../neighbors/neighbor-list";
import { WorkerThreads } from "../parallel/worker-pool";
import type { FeatureMatrix } from "../table/feature-matrix";
import {
  checkIntersticeInput,
  INTERSTICE_LABELS,
  type IntersticeInput,
  intersticeRowBound,
  IntersticeScratch,
  intersticeRows,
} from "./interstice-rows";

/** Atoms below which the interstices stay on the calling thread (starting workers would cost more). */
export const MIN_PARALLEL_INTERSTICE_ATOMS = 8192;

/**
 * One parallel interstice job: the input's arrays and the output live in SharedArrayBuffers; chunks of
 * consecutive atoms are handed out through an atomic counter.
 */
export interface IntersticeJob {
  readonly input: IntersticeInput;
  readonly n: number;
  readonly kmax: number;
  /** N x 16 output and N flags. */
  readonly out: Float64Array;
  readonly flags: Uint8Array;
  /** [next chunk to take] */
  readonly counter: Int32Array;
  readonly chunkSize: number;
}

/** Takes chunks of the job until none is left (the work of every thread, the calling one included). */
export function runIntersticeChunks(job: IntersticeJob): void {
  const scratch = new IntersticeScratch(job.kmax, job.input.hullTolerance);
  const chunks = Math.ceil(job.n / job.chunkSize);
  for (;;) {
    const c = Atomics.add(job.counter, 0, 1);
    if (c >= chunks) break;
    const from = c * job.chunkSize;
    intersticeRows(job.input, from, Math.min(job.n, from + job.chunkSize), job.out, job.flags, scratch);
  }
}

/** Worker-thread handler of the parallel interstices (run through parallel/worker-pool). */
export function intersticeWorker(input: { job: IntersticeJob }, post: (message: unknown) => void): void {
  runIntersticeChunks(input.job);
  post("done");
}

/** A typed array's copy on a SharedArrayBuffer (shared with the workers, not copied to each). */
function sharedCopy<T extends Float64Array | Int32Array | Uint8Array>(a: T): T {
  const Kind = a.constructor as new (buffer: SharedArrayBuffer) => T;
  const out = new Kind(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

/** The parts of a neighbor list the interstice kernel reads, shared (`vectors` only when `withVectors`). */
function sharedList(list: NeighborList, withVectors: boolean): NeighborList {
  return {
    n: list.n,
    offsets: sharedCopy(list.offsets),
    indices: sharedCopy(list.indices),
    distances: sharedCopy(list.distances),
    vectors: withVectors ? sharedCopy(list.vectors) : new Float64Array(0),
  };
}

/**
 * The interstice features (computeInterstices) on `threads` threads: the calling thread and threads - 1 workers
 * share copies of the lists and the output, and take chunks of atoms in turn. Each row depends on its own atom
 * only, so the matrix and flags are bitwise those of computeInterstices whoever computes each chunk.
 */
export function parallelInterstices(input: IntersticeInput, threads: number): FeatureMatrix {
  const n = checkIntersticeInput(input);
  const t = Math.max(1, Math.min(Math.floor(threads), Math.ceil(n / 1024)));
  const width = INTERSTICE_LABELS.length;
  // The convex hulls cost about 14 us an atom (4.95 s for 345,744 atoms here): with 2 threads the copies of the
  // lists (about 0.15 s there) pay for themselves many times.
  const job: IntersticeJob = {
    input: {
      ...input,
      voro: sharedList(input.voro, true),
      cut: sharedList(input.cut, false),
      radii: sharedCopy(input.radii),
      voronoiFlags: input.voronoiFlags ? sharedCopy(input.voronoiFlags) : null,
    },
    n,
    kmax: intersticeRowBound(input),
    out: new Float64Array(new SharedArrayBuffer(8 * n * width)),
    flags: new Uint8Array(new SharedArrayBuffer(n)),
    counter: new Int32Array(new SharedArrayBuffer(4)),
    chunkSize: Math.max(16, Math.min(512, Math.ceil(n / (32 * t)))),
  };
  const workers = WorkerThreads.start(
    { module: path.join(__dirname, "interstice-parallel"), handler: "intersticeWorker" },
    Array.from({ length: t - 1 }, () => ({ job })),
    "qsoft interstices",
  );
  try {
    runIntersticeChunks(job);
  } catch (e) {
    Atomics.store(job.counter, 0, 1 << 30);
    workers.terminate();
    throw e;
  }
  workers.waitSync();
  return { n, labels: INTERSTICE_LABELS.slice(), values: job.out, flags: job.flags };
}
