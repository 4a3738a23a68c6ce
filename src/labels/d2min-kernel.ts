import { CandidateBuffer } from "../neighbors/candidate-buffer";
import type { CellList } from "../neighbors/cell-list";
import { cutoffCellList, gatherCutoffRow } from "../neighbors/cutoff-neighbors";
import { Cell } from "../structure/cell";
import { lagrangianStrain, volumetricStrain, vonMisesShearStrain } from "./atomic-strain";
import { pseudoInverse3 } from "./symmetric-eigen3";

/** Bit flags of D2min.flags (re-exported by d2min.ts). */
export const D2minFlag = {
  /** Fewer than 3 neighbors in the reference frame: the fit is under-determined (D2min 0 unless bonds are collinear). */
  FewNeighbors: 1,
  /** The reference bonds span fewer than 3 dimensions (coplanar or collinear): J solved by pseudo-inverse. */
  Degenerate: 2,
} as const;

/** A cell as plain data, so a worker thread rebuilds the same Cell. */
export interface CellData {
  readonly matrix: number[];
  readonly origin: number[];
  readonly periodic: [boolean, boolean, boolean];
}

/** The cell as plain data. */
export function cellData(cell: Cell): CellData {
  return {
    matrix: Array.from(cell.matrix),
    origin: Array.from(cell.origin),
    periodic: [cell.periodic[0], cell.periodic[1], cell.periodic[2]],
  };
}

/**
 * One D2min computation, shared by every thread: inputs are read-only, each atom's outputs are written by the
 * one thread that took its chunk (through an atomic counter), so the result does not depend on the threads.
 * With more than one thread every array lives on a SharedArrayBuffer.
 */
export interface D2minJob {
  readonly n: number;
  readonly cutoff: number;
  /** Divide the sum by the neighbor count ("neighbors" normalisation). */
  readonly perNeighbor: boolean;
  readonly rcond: number;
  /** Unwrapped displacements with the reference bond's image (true) or the deformed minimum image (false). */
  readonly exact: boolean;
  readonly referenceCell: CellData;
  readonly deformedCell: CellData;
  /** Reference positions the neighbors are searched in (the frame's positions). */
  readonly searchPositions: Float64Array;
  /** Reference positions the bond images refer to (unwrapped when exact). */
  readonly referencePositions: Float64Array;
  readonly deformedPositions: Float64Array;
  /** Index in the deformed frame of each reference atom. */
  readonly map: Int32Array;
  /** Given neighbors (rows in reference order), or null for the atoms within `cutoff`. */
  readonly neighbors: { offsets: Int32Array; indices: Int32Array; vectors: Float64Array } | null;
  readonly chunkSize: number;
  /** [next chunk to take] */
  readonly counter: Int32Array;
  readonly d2min: Float64Array;
  readonly shearStrain: Float64Array;
  readonly volumetricStrain: Float64Array;
  readonly neighborCounts: Int32Array;
  readonly flags: Uint8Array;
  readonly deformationGradients: Float64Array;
}

/** A Float64Array on a SharedArrayBuffer when `shared`, holding a copy of `from` when given. */
export function float64(length: number, shared: boolean, from?: ArrayLike<number>): Float64Array {
  const a = shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length);
  if (from) a.set(from);
  return a;
}

/** An Int32Array on a SharedArrayBuffer when `shared`, holding a copy of `from` when given. */
export function int32(length: number, shared: boolean, from?: ArrayLike<number>): Int32Array {
  const a = shared ? new Int32Array(new SharedArrayBuffer(4 * length)) : new Int32Array(length);
  if (from) a.set(from);
  return a;
}

/**
 * Takes chunks of atoms from the job's counter until none is left and computes their D2min, strains, counts,
 * flags and deformation gradients (the formulas are documented on D2min in d2min.ts). `onChunk`, when given, is
 * told after each chunk this thread computed how many chunks all threads have taken.
 */
export function runD2minChunks(job: D2minJob, onChunk?: (taken: number) => void): void {
  const refCell = new Cell(job.referenceCell.matrix, job.referenceCell.origin, job.referenceCell.periodic);
  const defCell = new Cell(job.deformedCell.matrix, job.deformedCell.origin, job.deformedCell.periodic);
  const given = job.neighbors;
  const cells: CellList | null =
    given === null ? cutoffCellList({ cell: refCell, positions: job.searchPositions }, job.cutoff) : null;
  const buf = new CandidateBuffer(64);
  const v = refCell.inverse;
  const periodic = refCell.periodic;
  const hd = defCell.matrix;
  const refPositions = job.referencePositions;
  const defPositions = job.deformedPositions;
  const map = job.map;
  let capacity = 64;
  let rowJ = new Int32Array(capacity);
  let rowV = new Float64Array(3 * capacity);
  let rowM = new Int32Array(3 * capacity);
  let dd = new Float64Array(3 * capacity);
  const x = new Float64Array(9);
  const y = new Float64Array(9);
  const yp = new Float64Array(9);
  const p0 = new Float64Array(9);
  const ev = new Float64Array(3);
  const evec = new Float64Array(9);
  const j = new Float64Array(9);
  const e = new Float64Array(9);
  const tmp = new Float64Array(3);
  const nChunks = Math.ceil(job.n / job.chunkSize);

  for (;;) {
    const c = Atomics.add(job.counter, 0, 1);
    if (c >= nChunks) break;
    const last = Math.min(job.n, (c + 1) * job.chunkSize);
    for (let i = c * job.chunkSize; i < last; i++) {
      // The row of atom i: the given list's, or the cutoff row cutoffNeighbors would hold (same order).
      let count: number;
      let order: Int32Array | null = null;
      if (given === null) {
        order = gatherCutoffRow(cells as CellList, i, job.cutoff, buf);
        count = buf.count;
      } else {
        count = given.offsets[i + 1] - given.offsets[i];
      }
      if (count > capacity) {
        capacity = Math.max(count, 2 * capacity);
        rowJ = new Int32Array(capacity);
        rowV = new Float64Array(3 * capacity);
        rowM = new Int32Array(3 * capacity);
        dd = new Float64Array(3 * capacity);
      }
      if (order !== null) {
        for (let q = 0; q < count; q++) {
          const o = order[q];
          rowJ[q] = buf.index[o];
          rowV[3 * q] = buf.dx[o];
          rowV[3 * q + 1] = buf.dy[o];
          rowV[3 * q + 2] = buf.dz[o];
        }
      } else if (given !== null) {
        const start = given.offsets[i];
        for (let q = 0; q < count; q++) {
          rowJ[q] = given.indices[start + q];
          rowV[3 * q] = given.vectors[3 * (start + q)];
          rowV[3 * q + 1] = given.vectors[3 * (start + q) + 1];
          rowV[3 * q + 2] = given.vectors[3 * (start + q) + 2];
        }
      }
      if (job.exact) {
        // The image m of each bond, as neighbors/image-neighbors.ts bondImages: m = round((d - (r_j - r_i)) H^-1).
        for (let q = 0; q < count; q++) {
          const jj = rowJ[q];
          const bx = rowV[3 * q] - (refPositions[3 * jj] - refPositions[3 * i]);
          const by = rowV[3 * q + 1] - (refPositions[3 * jj + 1] - refPositions[3 * i + 1]);
          const bz = rowV[3 * q + 2] - (refPositions[3 * jj + 2] - refPositions[3 * i + 2]);
          rowM[3 * q] = periodic[0] ? Math.round(bx * v[0] + by * v[3] + bz * v[6]) : 0;
          rowM[3 * q + 1] = periodic[1] ? Math.round(bx * v[1] + by * v[4] + bz * v[7]) : 0;
          rowM[3 * q + 2] = periodic[2] ? Math.round(bx * v[2] + by * v[5] + bz * v[8]) : 0;
        }
      }

      const ii = map[i];
      x.fill(0);
      y.fill(0);
      for (let q = 0; q < count; q++) {
        const jj = map[rowJ[q]];
        const r0 = rowV[3 * q];
        const r1 = rowV[3 * q + 1];
        const r2 = rowV[3 * q + 2];
        let d0: number;
        let d1: number;
        let dz: number;
        if (job.exact) {
          const ma = rowM[3 * q];
          const mb = rowM[3 * q + 1];
          const mc = rowM[3 * q + 2];
          d0 = defPositions[3 * jj] - defPositions[3 * ii] + ma * hd[0] + mb * hd[3] + mc * hd[6];
          d1 = defPositions[3 * jj + 1] - defPositions[3 * ii + 1] + ma * hd[1] + mb * hd[4] + mc * hd[7];
          dz = defPositions[3 * jj + 2] - defPositions[3 * ii + 2] + ma * hd[2] + mb * hd[5] + mc * hd[8];
        } else {
          tmp[0] = defPositions[3 * jj] - defPositions[3 * ii];
          tmp[1] = defPositions[3 * jj + 1] - defPositions[3 * ii + 1];
          tmp[2] = defPositions[3 * jj + 2] - defPositions[3 * ii + 2];
          defCell.minimumImage(tmp);
          d0 = tmp[0];
          d1 = tmp[1];
          dz = tmp[2];
        }
        dd[3 * q] = d0;
        dd[3 * q + 1] = d1;
        dd[3 * q + 2] = dz;
        // Falk & Langer eqs. 2.12-2.13: X = sum d_def d_ref^T, Y = sum d_ref d_ref^T.
        x[0] += d0 * r0;
        x[1] += d0 * r1;
        x[2] += d0 * r2;
        x[3] += d1 * r0;
        x[4] += d1 * r1;
        x[5] += d1 * r2;
        x[6] += dz * r0;
        x[7] += dz * r1;
        x[8] += dz * r2;
        y[0] += r0 * r0;
        y[1] += r0 * r1;
        y[2] += r0 * r2;
        y[4] += r1 * r1;
        y[5] += r1 * r2;
        y[8] += r2 * r2;
      }
      y[3] = y[1];
      y[6] = y[2];
      y[7] = y[5];
      const { rank } = pseudoInverse3(y, job.rcond, yp, p0, ev, evec);
      // J = X Y+ + P0 (eq. 2.14 with a pseudo-inverse; P0 = identity on the unprobed directions).
      for (let r = 0; r < 3; r++) {
        for (let col = 0; col < 3; col++) {
          j[3 * r + col] =
            x[3 * r] * yp[col] + x[3 * r + 1] * yp[3 + col] + x[3 * r + 2] * yp[6 + col] + p0[3 * r + col];
        }
      }
      // D2min, eq. 2.11, summed explicitly (no cancellation-prone closed form).
      let sum = 0;
      for (let q = 0; q < count; q++) {
        const r0 = rowV[3 * q];
        const r1 = rowV[3 * q + 1];
        const r2 = rowV[3 * q + 2];
        const a0 = dd[3 * q] - (j[0] * r0 + j[1] * r1 + j[2] * r2);
        const a1 = dd[3 * q + 1] - (j[3] * r0 + j[4] * r1 + j[5] * r2);
        const a2 = dd[3 * q + 2] - (j[6] * r0 + j[7] * r1 + j[8] * r2);
        sum += a0 * a0 + a1 * a1 + a2 * a2;
      }
      job.d2min[i] = job.perNeighbor ? (count > 0 ? sum / count : 0) : sum;
      lagrangianStrain(j, e);
      job.shearStrain[i] = vonMisesShearStrain(e);
      job.volumetricStrain[i] = volumetricStrain(e);
      job.neighborCounts[i] = count;
      job.flags[i] = (count < 3 ? D2minFlag.FewNeighbors : 0) | (rank < 3 ? D2minFlag.Degenerate : 0);
      job.deformationGradients.set(j, 9 * i);
    }
    onChunk?.(c + 1);
  }
}

/** Worker-thread handler of a threaded D2min (run through parallel/worker-pool): computes chunks of the job. */
export function d2minWorker(job: D2minJob, post: (message: unknown) => void): void {
  runD2minChunks(job);
  post("done");
}
