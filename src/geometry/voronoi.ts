import * as path from "node:path";
import { type ProgressCallback, progressReporter } from "../parallel/progress";
import { WorkerThreads } from "../parallel/worker-pool";
import type { Frame } from "../structure/frame";
import type { Tessellation } from "./tessellation";
import type { ThreadFaces, VoronoiJob, VoronoiWorkerInput } from "./voronoi-parallel";
import { CellList } from "../neighbors/cell-list";
import { runVoronoiChunks, sharedFloat64, voronoiBinSize } from "./voronoi-parallel";

export { VORONOI_EMPTY, VORONOI_FAILED, VORONOI_WALL } from "./voronoi-cell";

export interface VoronoiOptions {
  /**
   * Radical (Laguerre, power) tessellation: the plane between atoms i and j sits at (d^2 + r_i^2 - r_j^2)/(2d)
   * from i instead of d/2 (voro++ `-r`, OVITO "use radii"). Needs `radii`.
   */
  readonly radical?: boolean;
  /** Per-atom radii (Angstrom), length natoms, for `radical` (e.g. `atomRadii(frame)` of src/features/radii). */
  readonly radii?: Float64Array;
  /**
   * Threads: 1 computes on the calling thread; n > 1 adds n - 1 worker threads (worker_threads) that share the
   * points through SharedArrayBuffers and take chunks of atoms from an atomic counter, while the calling thread
   * computes too and then waits for them in Atomics.wait (so `compute` stays synchronous). The result is
   * identical for any number of threads. A frame of n atoms uses at most ceil(n / 256) threads.
   */
  readonly threads?: number;
  /**
   * Relative geometric tolerance: a vertex closer to a plane than tolerance x (mean atomic spacing) is taken
   * to lie on it, which merges the vertices where 4 or more cell planes meet in crystals. Default 1e-10.
   */
  readonly tolerance?: number;
  /**
   * Edges shorter than this (Angstrom) are not counted in `faceEdges` (OVITO's `edge_threshold`; the face, its
   * area and the volume are unchanged). Default 0: every edge counts, as in voro++ and LAMMPS. A small value
   * (e.g. 1e-6) makes Voronoi indices of nearly perfect crystals insensitive to vertices split by roundoff.
   */
  readonly minEdgeLength?: number;
}

/**
 * Exact per-atom Voronoi (or radical Voronoi) cells of a frame, in orthogonal or triclinic cells, periodic or
 * not along each direction (along a non-periodic direction cells are cut by the walls of the box, widened to
 * hold every atom, and the wall faces are not listed: flag VORONOI_WALL). Compute object in the style of
 * freud.locality.Voronoi: configure once, then `compute(frame)` for each frame.
 *
 * Method: each cell is cut out of a large cube by the bisecting planes of its neighbors taken in order of
 * distance until the farthest vertex proves that no farther neighbor can cut (voro++'s approach, Rycroft,
 * Chaos 19, 041111 (2009)), in double precision, with periodic images found by a cell list. Faces are listed
 * per atom in order of bond length with the neighbor index, the bond vector r_j(image) - r_i, the area, the
 * number of edges and the normal distance from the atom to the face. An atom whose cell cannot be built
 * consistently (e.g. two atoms on the same point) gets flags VORONOI_FAILED, volume 0 and no faces; the run
 * goes on.
 *
 * Per-atom `flags` (bits): VORONOI_FAILED = 1 (no cell), VORONOI_WALL = 2 (cell cut by a wall of a
 * non-periodic direction; wall faces are not listed but bound the volume), VORONOI_EMPTY = 4 (radical cell
 * swallowed by bigger neighbors: volume 0, no faces, a valid result). Volumes of all cells sum to the volume of
 * the box (widened along non-periodic directions to hold every atom).
 */
export class Voronoi {
  readonly radical: boolean;
  readonly threads: number;
  readonly tolerance: number;
  readonly minEdgeLength: number;
  private readonly radii: Float64Array | null;

  constructor(options: VoronoiOptions = {}) {
    this.radical = options.radical ?? false;
    this.threads = options.threads ?? 1;
    this.tolerance = options.tolerance ?? 1e-10;
    this.minEdgeLength = options.minEdgeLength ?? 0;
    if (!(this.minEdgeLength >= 0 && Number.isFinite(this.minEdgeLength)))
      throw new Error(`Voronoi: minEdgeLength must be a number >= 0 (Angstrom), got ${options.minEdgeLength}`);
    if (!Number.isInteger(this.threads) || this.threads < 1)
      throw new Error(`Voronoi: threads must be a positive integer, got ${options.threads}`);
    if (!(this.tolerance > 0 && this.tolerance < 1e-3))
      throw new Error(`Voronoi: tolerance must be in (0, 1e-3), got ${options.tolerance}`);
    if (this.radical && !options.radii)
      throw new Error("Voronoi: radical: true needs radii (one per atom, e.g. atomRadii(frame))");
    if (!this.radical && options.radii)
      throw new Error("Voronoi: radii are used only by the radical tessellation: pass radical: true");
    this.radii = options.radii ?? null;
    if (this.radii) {
      for (let i = 0; i < this.radii.length; i++) {
        if (!(this.radii[i] >= 0) || !Number.isFinite(this.radii[i]))
          throw new Error(`Voronoi: radius of atom ${i} is ${this.radii[i]}, expected a finite number >= 0`);
      }
    }
  }

  /**
   * Tessellates the frame; blocks until all threads are done. `onProgress` is told the atoms done (stage
   * "voronoi"; counted by the chunks the calling thread has taken, so it runs slightly ahead with threads).
   */
  compute(
    frame: Pick<Frame, "cell" | "positions" | "natoms">,
    options: { readonly onProgress?: ProgressCallback } = {},
  ): Tessellation {
    const n = frame.natoms;
    if (frame.positions.length !== 3 * n)
      throw new Error(`Voronoi: frame has ${n} atoms but ${frame.positions.length / 3} positions`);
    if (this.radii && this.radii.length !== n) throw new Error(`Voronoi: ${this.radii.length} radii for ${n} atoms`);
    for (let k = 0; k < frame.positions.length; k++) {
      if (!Number.isFinite(frame.positions[k]))
        throw new Error(`Voronoi: atom ${Math.floor(k / 3)} has a non-finite coordinate`);
    }
    const threads = Math.max(1, Math.min(this.threads, Math.ceil(n / 256)));
    const shared = threads > 1;
    // Renumber the atoms in bin order (see VoronoiJob); perm[k] is the frame index of atom k.
    const perm = new CellList(frame.cell, frame.positions, voronoiBinSize(frame.cell, n)).binAtoms;
    const positions = sharedFloat64(3 * n, shared);
    for (let k = 0; k < n; k++) {
      const i = perm[k];
      positions[3 * k] = frame.positions[3 * i];
      positions[3 * k + 1] = frame.positions[3 * i + 1];
      positions[3 * k + 2] = frame.positions[3 * i + 2];
    }
    let radii: Float64Array | null = null;
    if (this.radii) {
      radii = sharedFloat64(n, shared);
      for (let k = 0; k < n; k++) radii[k] = this.radii[perm[k]];
    }
    const job: VoronoiJob = {
      n,
      matrix: Array.from(frame.cell.matrix),
      origin: Array.from(frame.cell.origin),
      periodic: [frame.cell.periodic[0], frame.cell.periodic[1], frame.cell.periodic[2]],
      positions,
      radii,
      tolerance: this.tolerance,
      minEdgeLength: this.minEdgeLength,
      // One chunk on one thread, unless progress is reported (the chunking does not change the result).
      chunkSize:
        shared || options.onProgress ? Math.max(64, Math.min(1024, Math.ceil(n / (64 * threads)))) : Math.max(n, 1),
      counter: new Int32Array(shared ? new SharedArrayBuffer(4) : new ArrayBuffer(4)),
      volumes: sharedFloat64(n, shared),
      flags: new Uint8Array(shared ? new SharedArrayBuffer(n) : new ArrayBuffer(n)),
      faceCounts: new Int32Array(shared ? new SharedArrayBuffer(4 * n) : new ArrayBuffer(4 * n)),
      faceStarts: new Int32Array(shared ? new SharedArrayBuffer(4 * n) : new ArrayBuffer(4 * n)),
      owners: new Uint8Array(shared ? new SharedArrayBuffer(n) : new ArrayBuffer(n)),
    };
    const report = progressReporter(options.onProgress, n, "voronoi");
    const onChunk = options.onProgress ? (taken: number) => report(Math.min(n, taken * job.chunkSize)) : undefined;
    if (!shared) {
      const t = assemble(job, [runVoronoiChunks(job, 0, 1, onChunk)], perm);
      report(n);
      return t;
    }
    const inputs: VoronoiWorkerInput[] = Array.from({ length: threads - 1 }, (_, t) => ({ job, slot: t + 1, threads }));
    const workers = WorkerThreads.start(
      { module: path.join(__dirname, "voronoi-parallel"), handler: "voronoiWorker" },
      inputs,
      "qsoft voronoi",
    );
    let own: ThreadFaces;
    try {
      own = runVoronoiChunks(job, 0, threads, onChunk);
    } catch (e) {
      workers.terminate();
      throw e;
    }
    const all: ThreadFaces[] = [own];
    let posted: unknown[][];
    try {
      posted = workers.waitSync();
    } catch (e) {
      throw new Error(`Voronoi: ${(e as Error).message}`);
    }
    for (const messages of posted) {
      const faces = messages[0] as ThreadFaces | undefined;
      if (faces === undefined) throw new Error("Voronoi: a worker thread failed: it ended without a result");
      all[faces.slot] = faces;
    }
    const t = assemble(job, all, perm);
    report(n);
    return t;
  }
}

/** Packs the per-thread faces into one Tessellation in the frame's atom order (perm: bin order -> frame). */
function assemble(job: VoronoiJob, parts: ThreadFaces[], perm: Int32Array): Tessellation {
  const n = job.n;
  const inv = new Int32Array(n);
  for (let k = 0; k < n; k++) inv[perm[k]] = k;
  const faceOffsets = new Int32Array(n + 1);
  const volumes = new Float64Array(n);
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = inv[i];
    faceOffsets[i + 1] = faceOffsets[i] + job.faceCounts[k];
    volumes[i] = job.volumes[k];
    flags[i] = job.flags[k];
  }
  const m = faceOffsets[n];
  const faceNeighbors = new Int32Array(m);
  const faceVectors = new Float64Array(3 * m);
  const faceAreas = new Float64Array(m);
  const faceEdges = new Int32Array(m);
  const faceDistances = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const k = inv[i];
    const p = parts[job.owners[k]];
    const from = job.faceStarts[k];
    const count = job.faceCounts[k];
    const at = faceOffsets[i];
    for (let q = 0; q < count; q++) {
      faceNeighbors[at + q] = perm[p.neighbor[from + q]];
      faceAreas[at + q] = p.area[from + q];
      faceEdges[at + q] = p.edges[from + q];
      faceDistances[at + q] = p.distance[from + q];
    }
    for (let q = 0; q < 3 * count; q++) faceVectors[3 * at + q] = p.vector[3 * from + q];
  }
  return { n, volumes, faceOffsets, faceNeighbors, faceVectors, faceAreas, faceEdges, faceDistances, flags };
}
