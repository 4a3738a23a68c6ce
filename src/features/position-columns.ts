import type { Frame } from "../structure/frame";
import type { Column } from "../table/csv";

/** Names of the position columns a features table may carry (never features: qsoft train cuts blocks from them). */
export const POSITION_COLUMNS = ["x", "y", "z"] as const;

/**
 * Columns x, y, z of atoms start .. start+n-1 of `frame`: their positions as the frame stores them (wrapped into
 * the cell along periodic directions), for the spatial blocks of `qsoft train --cv blocks`.
 */
export function positionColumns(frame: Frame, start: number, n: number): [string, Column][] {
  if (start < 0 || start + n > frame.natoms)
    throw new Error(`atoms ${start}..${start + n - 1} outside the frame's ${frame.natoms}`);
  const p = frame.positions;
  return POSITION_COLUMNS.map((name, d): [string, Column] => {
    const c = new Float64Array(n);
    for (let r = 0; r < n; r++) c[r] = p[3 * (start + r) + d];
    return [name, c];
  });
}
