import { CandidateBuffer } from "./candidate-buffer";
import type { CellList } from "./cell-list";
import { cutoffCellList, cutoffListCapacity, gatherCutoffRow, type Points } from "./cutoff-neighbors";
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
  /** Entries reserved per asked atom: cutoffNeighbors' reserve for the whole frame, per atom. */
  private readonly reservePerAtom: number;

  constructor(
    points: Points,
    readonly rc: number,
  ) {
    if (!(rc > 0) || !Number.isFinite(rc))
      throw new Error(`cutoffNeighbors: the cutoff must be a positive number, got ${rc}`);
    this.cells = cutoffCellList(points, rc);
    this.reservePerAtom = cutoffListCapacity(points, rc) / Math.max(1, points.positions.length / 3);
  }

  /** Rows of `atoms` (frame indices), in that order; neighbor indices are FRAME indices. */
  rows(atoms: Int32Array): NeighborList {
    const buf = this.buf;
    const builder = new NeighborListBuilder(atoms.length, Math.ceil(atoms.length * this.reservePerAtom));
    for (let k = 0; k < atoms.length; k++) {
      const order = gatherCutoffRow(this.cells, atoms[k], this.rc, buf);
      builder.pushCandidates(buf, order, buf.count);
      builder.endRow();
    }
    return builder.finish();
  }
}
