import { Cell } from "../../src/structure/cell";
import type { Frame } from "../../src/structure/frame";

/** A deterministic uniform random generator (mulberry32) for reproducible test systems. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A frame from unwrapped positions: wrapped positions and image flags follow from the cell. */
export function frameFromUnwrapped(
  unwrapped: Float64Array,
  cell: Cell,
  options: { ids?: Int32Array; types?: Int32Array; keep?: "unwrapped" | "images" | "wrapped" } = {},
): Frame {
  const n = unwrapped.length / 3;
  const { positions, images } = cell.wrap(unwrapped);
  const keep = options.keep ?? "unwrapped";
  return {
    timestep: 0,
    natoms: n,
    ids: options.ids ?? Int32Array.from({ length: n }, (_, i) => i + 1),
    types: options.types ?? new Int32Array(n).fill(1),
    positions,
    unwrapped: keep === "unwrapped" ? Float64Array.from(unwrapped) : null,
    images: keep === "wrapped" ? null : images,
    cell,
    boundary: cell.periodic.map((p) => (p ? "pp" : "ff")) as [string, string, string],
    columns: new Map(),
    elements: null,
  };
}

/** Maps N x 3 points by x -> F x + t (F row-major 3x3). */
export function affine(points: Float64Array, f: ArrayLike<number>, t: ArrayLike<number> = [0, 0, 0]): Float64Array {
  const out = new Float64Array(points.length);
  for (let i = 0; i < points.length; i += 3) {
    const x = points[i];
    const y = points[i + 1];
    const z = points[i + 2];
    out[i] = f[0] * x + f[1] * y + f[2] * z + t[0];
    out[i + 1] = f[3] * x + f[4] * y + f[5] * z + t[1];
    out[i + 2] = f[6] * x + f[7] * y + f[8] * z + t[2];
  }
  return out;
}

/** The cell whose lattice vectors (rows) are mapped by F: rows a' = F a. */
export function deformCell(cell: Cell, f: ArrayLike<number>, originShift: ArrayLike<number> = [0, 0, 0]): Cell {
  const rows = affine(cell.matrix, f);
  const o = affine(cell.origin, f, originShift);
  return new Cell(rows, o, cell.periodic);
}

/** N random points inside the cell (fractional uniform), optionally spread over images -k..k (unwrapped). */
export function randomPoints(cell: Cell, n: number, seed: number, spreadImages = 0): Float64Array {
  const r = rng(seed);
  const s = new Float64Array(3 * n);
  for (let k = 0; k < 3 * n; k++)
    s[k] = r() + (spreadImages > 0 ? Math.floor(r() * (2 * spreadImages + 1)) - spreadImages : 0);
  return cell.toCartesian(s);
}
