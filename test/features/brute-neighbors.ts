import type { Cell } from "../../src/structure/cell";
import type { NeighborList } from "../../src/neighbors/neighbor-list";

/**
 * Reference neighbor list by brute force over every pair and every periodic image that can reach rc
 * (independent of src/neighbors): all j (image) with 0 < |r_j + shift - r_i| < rc, each row sorted by distance.
 */
export function bruteNeighbors(positions: Float64Array, cell: Cell | null, rc: number): NeighborList {
  const n = positions.length / 3;
  const widths = cell ? cell.widths : [Infinity, Infinity, Infinity];
  const reach = [0, 1, 2].map((d) => (cell?.periodic[d] ? Math.ceil(rc / widths[d]) + 1 : 0));
  const shifts: number[][] = [];
  for (let a = -reach[0]; a <= reach[0]; a++)
    for (let b = -reach[1]; b <= reach[1]; b++)
      for (let c = -reach[2]; c <= reach[2]; c++) shifts.push(cell ? Array.from(cell.imageShift(a, b, c)) : [0, 0, 0]);
  const rows: { j: number; v: number[]; d: number }[][] = [];
  for (let i = 0; i < n; i++) {
    const row: { j: number; v: number[]; d: number }[] = [];
    for (let j = 0; j < n; j++) {
      for (const s of shifts) {
        const x = positions[3 * j] + s[0] - positions[3 * i];
        const y = positions[3 * j + 1] + s[1] - positions[3 * i + 1];
        const z = positions[3 * j + 2] + s[2] - positions[3 * i + 2];
        const d = Math.sqrt(x * x + y * y + z * z);
        if (d > 1e-9 && d < rc) row.push({ j, v: [x, y, z], d });
      }
    }
    row.sort((p, q) => p.d - q.d);
    rows.push(row);
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + rows[i].length;
  const m = offsets[n];
  const indices = new Int32Array(m);
  const vectors = new Float64Array(3 * m);
  const distances = new Float64Array(m);
  let e = 0;
  for (const row of rows) {
    for (const b of row) {
      indices[e] = b.j;
      vectors.set(b.v, 3 * e);
      distances[e] = b.d;
      e++;
    }
  }
  return { n, offsets, indices, vectors, distances };
}

/** A neighbor list from explicit rows of bond vectors (neighbor index + vector), for hand-built clusters. */
export function listFromRows(rows: { j: number; v: readonly number[] }[][]): NeighborList {
  const n = rows.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + rows[i].length;
  const m = offsets[n];
  const indices = new Int32Array(m);
  const vectors = new Float64Array(3 * m);
  const distances = new Float64Array(m);
  let e = 0;
  for (const row of rows) {
    for (const b of row) {
      indices[e] = b.j;
      vectors.set(b.v, 3 * e);
      distances[e] = Math.hypot(b.v[0], b.v[1], b.v[2]);
      e++;
    }
  }
  return { n, offsets, indices, vectors, distances };
}
