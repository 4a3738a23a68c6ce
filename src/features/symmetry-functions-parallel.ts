import * as path from "node:path";
import { AtomCutoffNeighbors } from "../neighbors/atom-cutoff-neighbors";
import { WorkerThreads } from "../parallel/worker-pool";
import { Cell } from "../structure/cell";
import type { Frame } from "../structure/frame";
import type { ResolvedSymmetryFunctionParams } from "./symmetry-functions";
import { symmetryFunctionRows, symmetryFunctionWidth } from "./symmetry-functions";

/**
 * The shared description of one parallel symmetry-function job: positions, species and the output matrix live
 * in SharedArrayBuffers; chunks of consecutive atoms are handed out through an atomic counter. Each thread
 * builds the same cell list over all atoms (AtomCutoffNeighbors: the rows of cutoffNeighbors), finds the
 * neighbors of its chunk's atoms and writes their rows, so the matrix is bitwise the one-thread matrix whatever
 * the thread count and chunk order, and no neighbor list of the whole frame (about 36 bytes per bond, 60 bonds
 * per atom within Rc = 6.3 A) is ever held.
 */
export interface SymmetryFunctionJob {
  readonly n: number;
  readonly matrix: number[];
  readonly origin: number[];
  readonly periodic: [boolean, boolean, boolean];
  readonly positions: Float64Array;
  readonly species: Int32Array;
  readonly nSpecies: number;
  readonly params: ResolvedSymmetryFunctionParams;
  /** N x F output, zero-filled. */
  readonly out: Float64Array;
  /** [next chunk to take] */
  readonly counter: Int32Array;
  readonly chunkSize: number;
}

/** Takes chunks of the job until none is left (the work of every thread, the calling one included). */
export function runSymmetryFunctionChunks(job: SymmetryFunctionJob): void {
  const cell = new Cell(job.matrix, job.origin, job.periodic);
  const p = job.params;
  const neighbors = new AtomCutoffNeighbors({ cell, positions: job.positions }, p.cutoff * p.unit);
  const chunks = Math.ceil(job.n / job.chunkSize);
  const atoms = new Int32Array(job.chunkSize);
  for (;;) {
    const c = Atomics.add(job.counter, 0, 1);
    if (c >= chunks) break;
    const from = c * job.chunkSize;
    const to = Math.min(job.n, from + job.chunkSize);
    for (let i = from; i < to; i++) atoms[i - from] = i;
    const list = neighbors.rows(atoms.subarray(0, to - from));
    symmetryFunctionRows(list, job.species, job.nSpecies, p, job.out, from);
  }
}

/** Worker-thread handler of the parallel symmetry functions (run through parallel/worker-pool). */
export function symmetryFunctionWorker(input: { job: SymmetryFunctionJob }, post: (message: unknown) => void): void {
  runSymmetryFunctionChunks(input.job);
  post("done");
}

/** Symmetry-function rows being computed on worker threads (startParallelSymmetryFunctions). */
export interface ParallelSymmetryFunctions {
  /** Computes the chunks still unclaimed on the calling thread, waits for the workers, returns the N x F rows. */
  join(): Float64Array;
  /** Stops the workers (no chunk is claimed any more); the rows are then incomplete (idempotent). */
  cancel(): void;
}

/**
 * Starts symmetryFunctions of a whole frame on `threads - 1` worker threads, which share the positions and the
 * output matrix, and returns at once: the calling thread may do other work (e.g. other feature sets) and then
 * `join`s, taking the chunks still left. The rows are bitwise those of
 * `symmetryFunctions(cutoffNeighbors(frame, Rc), species, nSpecies, p)` whoever computes each chunk.
 */
export function startParallelSymmetryFunctions(
  frame: Pick<Frame, "cell" | "positions" | "natoms">,
  species: Int32Array,
  nSpecies: number,
  p: ResolvedSymmetryFunctionParams,
  threads: number,
): ParallelSymmetryFunctions {
  const n = frame.natoms;
  const width = symmetryFunctionWidth(nSpecies, p);
  const positions = new Float64Array(new SharedArrayBuffer(8 * 3 * n));
  positions.set(frame.positions);
  const shared = new Int32Array(new SharedArrayBuffer(4 * n));
  shared.set(species);
  const c = frame.cell;
  const job: SymmetryFunctionJob = {
    n,
    matrix: Array.from(c.matrix),
    origin: Array.from(c.origin),
    periodic: [c.periodic[0], c.periodic[1], c.periodic[2]],
    positions,
    species: shared,
    nSpecies,
    params: p,
    out: new Float64Array(new SharedArrayBuffer(8 * n * width)),
    counter: new Int32Array(new SharedArrayBuffer(4)),
    chunkSize: Math.max(16, Math.min(512, Math.ceil(n / (32 * threads)))),
  };
  const workers = WorkerThreads.start(
    { module: path.join(__dirname, "symmetry-functions-parallel"), handler: "symmetryFunctionWorker" },
    Array.from({ length: threads - 1 }, () => ({ job })),
    "qsoft symmetry functions",
  );
  let state: "running" | "joined" | "cancelled" = "running";
  const cancel = () => {
    if (state !== "running") return;
    state = "cancelled";
    Atomics.store(job.counter, 0, 1 << 30);
    workers.terminate();
  };
  return {
    join() {
      if (state !== "running") throw new Error(`symmetry functions: the parallel job was already ${state}`);
      try {
        runSymmetryFunctionChunks(job);
      } catch (e) {
        cancel();
        throw e;
      }
      state = "joined";
      workers.waitSync();
      return job.out;
    },
    cancel,
  };
}

/**
 * symmetryFunctions of a whole frame on `threads` threads (the calling thread and threads - 1 workers, which
 * share the positions and the output matrix); bitwise equal to
 * `symmetryFunctions(cutoffNeighbors(frame, Rc), species, nSpecies, p)`. Blocks until every thread is done.
 */
export function parallelSymmetryFunctions(
  frame: Pick<Frame, "cell" | "positions" | "natoms">,
  species: Int32Array,
  nSpecies: number,
  p: ResolvedSymmetryFunctionParams,
  threads: number,
): Float64Array {
  return startParallelSymmetryFunctions(frame, species, nSpecies, p, threads).join();
}
