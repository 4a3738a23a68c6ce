import { CandidateBuffer } from "./candidate-buffer";
import { CellList } from "./cell-list";
import type { Points } from "./cutoff-neighbors";
import type { NeighborList } from "./neighbor-list";
import { NeighborListBuilder } from "./neighbor-list-builder";

/**
 * Cutoff neighbors of chosen atoms of a frame, each row bitwise identical to that atom's row of
 * `cutoffNeighbors(points, rc)`: the cell list is built once over ALL atoms exactly as cutoffNeighbors builds it
 * (bins of rc / 2), and `rows(atoms)` gathers, filters and sorts each asked atom's candidates the same way. Used
 * to compute a large frame's neighbors a spatial domain at a time (features/domain-featurize.ts).
 */
export class AtomCutoffNeighbors {
  private readonly cells: CellList;
  private readonly buf = new CandidateBuffer(64);

  constructor(
    points: Points,
    readonly rc: number,
  ) {
    if (!(rc > 0) || !Number.isFinite(rc))
      throw new Error(`cutoffNeighbors: the cutoff must be a positive number, got ${rc}`);
    this.cells = new CellList(points.cell, points.positions, rc / 2);
  }

  /** Rows of `atoms` (frame indices), in that order; neighbor indices are FRAME indices. */
  rows(atoms: Int32Array): NeighborList {
    const buf = this.buf;
    const builder = new NeighborListBuilder(atoms.length, Math.max(16, atoms.length * 16));
    for (let k = 0; k < atoms.length; k++) {
      buf.clear();
      this.cells.gatherAround(atoms[k], 0, this.rc, buf);
      // As cutoffNeighbors: drop zero-distance entries (a duplicate atom on top of i), keeping 0 < d < rc.
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
      builder.pushCandidates(buf, buf.sortByDistance(), kept);
      builder.endRow();
    }
    return builder.finish();
  }
}
