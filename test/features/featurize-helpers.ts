import { Cell } from "../../src/structure/cell";
import type { Frame } from "../../src/structure/frame";
import type { NeighborList } from "../../src/neighbors/neighbor-list";
import { listFromRows } from "./brute-neighbors";

/** A frame from positions (N x 3), 1-based types and an element map; a large non-periodic box unless given. */
export function makeFrame(
  positions: ArrayLike<number>,
  types: ArrayLike<number>,
  elements: string[] | null,
  cell?: Cell,
): Frame {
  const n = types.length;
  return {
    timestep: 0,
    natoms: n,
    ids: Int32Array.from({ length: n }, (_, i) => i + 1),
    types: Int32Array.from(types),
    positions: Float64Array.from(positions),
    unwrapped: null,
    images: null,
    cell: cell ?? Cell.orthogonal(1000, 1000, 1000, [-500, -500, -500], [false, false, false]),
    boundary: cell ? ["pp", "pp", "pp"] : ["ff", "ff", "ff"],
    columns: new Map(),
    elements,
  };
}

/**
 * Neighbors by brute force over every pair and every periodic image that reaches the window (independent of
 * src/neighbors): j (image) is a neighbor of i when lo < d < hi. Rows sorted by distance.
 */
export function shellNeighbors(frame: Frame, lo: number, hi: number): NeighborList {
  const n = frame.natoms;
  const p = frame.positions;
  const w = frame.cell.widths;
  const reach = [0, 1, 2].map((d) => (frame.cell.periodic[d] ? Math.ceil(hi / w[d]) + 1 : 0));
  const shifts: number[][] = [];
  for (let a = -reach[0]; a <= reach[0]; a++)
    for (let b = -reach[1]; b <= reach[1]; b++)
      for (let c = -reach[2]; c <= reach[2]; c++) shifts.push(Array.from(frame.cell.imageShift(a, b, c)));
  const rows: { j: number; v: number[]; d: number }[][] = [];
  for (let i = 0; i < n; i++) {
    const row: { j: number; v: number[]; d: number }[] = [];
    for (let j = 0; j < n; j++) {
      for (const s of shifts) {
        const x = p[3 * j] + s[0] - p[3 * i];
        const y = p[3 * j + 1] + s[1] - p[3 * i + 1];
        const z = p[3 * j + 2] + s[2] - p[3 * i + 2];
        const d = Math.sqrt(x * x + y * y + z * z);
        if (d > lo && d < hi) row.push({ j, v: [x, y, z], d });
      }
    }
    row.sort((a, b) => a.d - b.d);
    rows.push(row);
  }
  return listFromRows(rows.map((r) => r.map(({ j, v }) => ({ j, v }))));
}

export { listFromRows };

/** A cluster frame: atom 0 at the origin, then the given neighbor positions; one Voronoi-like row for atom 0. */
export function cluster(
  neighbors: number[][],
  types: number[],
  elements: string[],
): { frame: Frame; list: NeighborList } {
  const pos = [0, 0, 0, ...neighbors.flat()];
  const frame = makeFrame(pos, types, elements);
  const rows: { j: number; v: number[] }[][] = [neighbors.map((v, k) => ({ j: k + 1, v }))];
  for (let k = 0; k < neighbors.length; k++) rows.push([{ j: 0, v: neighbors[k].map((x) => -x) }]);
  return { frame, list: listFromRows(rows) };
}

/** Column `label` of a labelled row-major matrix, row i. */
export function cell(m: { labels: string[]; values: Float64Array }, i: number, label: string): number {
  const k = m.labels.indexOf(label);
  if (k < 0) throw new Error(`no column ${label}`);
  return m.values[i * m.labels.length + k];
}

/** |a - b| <= tol, with a message. NaN equals NaN. */
export function close(a: number, b: number, tol: number, what: string): void {
  if (Number.isNaN(a) && Number.isNaN(b)) return;
  if (!(Math.abs(a - b) <= tol)) throw new Error(`${what}: ${a} vs expected ${b} (tolerance ${tol})`);
}
