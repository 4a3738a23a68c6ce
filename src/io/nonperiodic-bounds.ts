import { Cell } from "../structure/cell";

/**
 * Margin of a shrink-wrapped face beyond the outermost atom, as a fraction of the box length: LAMMPS's
 * Domain::reset_box puts a shrink-wrapped face at the atom extent -/+ SMALL x the box length, SMALL = 1e-4
 * (src/domain.cpp; LAMMPS takes the length of the initial box, which a dump does not record, so this uses the
 * dumped length; measured on test/fixtures/io/ortho.custom.dump, written by LAMMPS).
 */
export const SHRINK_WRAP_MARGIN = 1e-4;

/**
 * Roundoff allowed beyond a face, relative to the largest coordinate magnitude along that direction: LAMMPS
 * writes dump coordinates with "%g" by default (6 significant digits, so up to 5e-6 of the value off), which
 * can put an atom just inside a face a hair beyond it. Only atoms further out count as beyond the face.
 */
export const FACE_ROUNDOFF = 5e-6;

const AXES = ["x", "y", "z"];

/**
 * The box of a dump frame along its non-periodic directions, following LAMMPS's boundary flags
 * (doc/src/boundary.rst), one flag per face:
 * - `f` (fixed): atoms must lie inside; LAMMPS loses an atom outside at its next reneighboring, so an atom
 *   beyond the face is refused through `fail(row, problem)`.
 * - `s` (shrink-wrapped) and `m` (shrink-wrapped with a minimum): the face follows the atoms, and LAMMPS moves it
 *   only when it rebuilds neighbor lists, so a dump can hold an atom beyond the written face. That face is then
 *   moved to where LAMMPS would put it: the outermost atom plus the margin `SHRINK_WRAP_MARGIN`.
 * Faces with every atom inside keep the written bounds. Returns `cell` itself when nothing moves; a moved face of
 * a triclinic box is refused (its tilts would change too). `positions` are Cartesian, N x 3, in row order.
 */
export function nonPeriodicBounds(
  cell: Cell,
  boundary: readonly [string, string, string],
  positions: Float64Array,
  fail: (row: number, problem: string) => never,
): Cell {
  // `fail` prefixes the problem with the file, line and atom id.
  if (cell.periodic.every((p) => p)) return cell;
  const s = cell.toFractional(positions);
  const n = positions.length / 3;
  const lo = [0, 0, 0];
  const hi = [1, 1, 1];
  let moved = -1;
  for (let d = 0; d < 3; d++) {
    if (cell.periodic[d] || n === 0) continue;
    let min = 0;
    let max = 0;
    for (let r = 1; r < n; r++) {
      if (s[3 * r + d] < s[3 * min + d]) min = r;
      if (s[3 * r + d] > s[3 * max + d]) max = r;
    }
    const length = cell.widths[d];
    const sMin = s[3 * min + d];
    const sMax = s[3 * max + d];
    const magnitude = Math.max(Math.abs(cell.origin[d]), Math.abs(cell.origin[d] + cell.matrix[4 * d]), length);
    const slack = (FACE_ROUNDOFF * magnitude) / length;
    const where = (side: "lower" | "upper", beyond: number): string =>
      `lies ${(beyond * length).toPrecision(4)} A beyond the ${side} ${AXES[d]} face`;
    for (const [side, flag, beyond, row] of [
      ["lower", boundary[d][0], -sMin, min],
      ["upper", boundary[d][1], sMax - 1, max],
    ] as const) {
      if (!(beyond > slack)) continue;
      if (flag === "f") {
        fail(
          row,
          `${where(side, beyond)}, which is fixed (boundary "${boundary[d]}"): atoms must lie inside a fixed boundary (LAMMPS loses them); correct the box bounds or the coordinates`,
        );
      }
      if (side === "lower") lo[d] = sMin - SHRINK_WRAP_MARGIN;
      else hi[d] = sMax + SHRINK_WRAP_MARGIN;
      if (moved < 0) moved = row;
    }
  }
  if (moved < 0) return cell;
  if (!cell.isOrthogonal) {
    fail(
      moved,
      "lies beyond a shrink-wrapped face of a triclinic box; qsoft re-wraps shrink-wrapped faces of orthogonal boxes only: write the dump on a reneighboring step or use an orthogonal box",
    );
  }
  const m = cell.matrix;
  const lengths = [m[0], m[4], m[8]];
  const origin = [0, 1, 2].map((d) => cell.origin[d] + lo[d] * lengths[d]);
  return Cell.orthogonal(
    (hi[0] - lo[0]) * lengths[0],
    (hi[1] - lo[1]) * lengths[1],
    (hi[2] - lo[2]) * lengths[2],
    origin,
    cell.periodic,
  );
}
