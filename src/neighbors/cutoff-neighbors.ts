import type { Frame } from "../structure/frame";
import { CandidateBuffer } from "./candidate-buffer";
import { CellList } from "./cell-list";
import type { NeighborList } from "./neighbor-list";
import { NeighborListBuilder } from "./neighbor-list-builder";

/** The part of a frame that neighbor searches read. */
export type Points = Pick<Frame, "cell" | "positions">;

/**
 * All neighbors within a cutoff distance: j is a neighbor of i when 0 < |r_j(image) - r_i| < rc (strictly on
 * both sides: the convention of LAMMPS `compute coord/atom`, which counts pairs with r^2 < rc^2; an atom is
 * never its own neighbor at zero distance, and a second atom exactly on top of i is not counted either).
 *
 * Periodic directions use every image within rc, so a cutoff larger than half a periodic width is handled
 * exactly: an atom can then be its own neighbor through an image, and the same pair can appear several times
 * with different bond vectors. Non-periodic directions make no images. Orthogonal and triclinic cells.
 * The list holds both (i, j) and (j, i); rows are sorted by distance (ties by neighbor index, then vector).
 */
export function cutoffNeighbors(points: Points, rc: number): NeighborList {
  if (!(rc > 0) || !Number.isFinite(rc))
    throw new Error(`cutoffNeighbors: the cutoff must be a positive number, got ${rc}`);
  const n = points.positions.length / 3;
  const cells = cutoffCellList(points, rc);
  const buf = new CandidateBuffer(64);
  const builder = new NeighborListBuilder(n, Math.max(16, n * 16));
  for (let i = 0; i < n; i++) {
    const order = gatherCutoffRow(cells, i, rc, buf);
    builder.pushCandidates(buf, order, buf.count);
    builder.endRow();
  }
  return builder.finish();
}

/** The cell list {@link cutoffNeighbors} queries (bins of rc / 2). */
export function cutoffCellList(points: Points, rc: number): CellList {
  return new CellList(points.cell, points.positions, rc / 2);
}

/**
 * One row of {@link cutoffNeighbors}, for callers that work atom by atom (e.g. on worker threads) without
 * storing the whole list: fills `buf` with the neighbors of atom i (0 < d < rc) and returns the order that
 * sorts them as the list's row (the first `buf.count` entries).
 */
export function gatherCutoffRow(cells: CellList, i: number, rc: number, buf: CandidateBuffer): Int32Array {
  buf.clear();
  cells.gatherAround(i, 0, rc, buf);
  // Drop zero-distance entries (a duplicate atom on top of i), keeping 0 < d < rc.
  let kept = 0;
  for (let q = 0; q < buf.count; q++) {
    if (buf.d2[q] > 0) {
      if (kept !== q) {
        buf.index[kept] = buf.index[q];
        buf.dx[kept] = buf.dx[q];
        buf.dy[kept] = buf.dy[q];
        buf.dz[kept] = buf.dz[q];
        buf.d2[kept] = buf.d2[q];
      }
      kept++;
    }
  }
  buf.count = kept;
  return buf.sortByDistance();
}
