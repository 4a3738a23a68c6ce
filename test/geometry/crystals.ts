import { Cell } from "../../src/geometry/cell";
import type { Frame } from "../../src/io/frame";

/** Test-only frames: perfect crystals and random point sets (src/io/lattice.ts is another helper's). */
export type Lattice = "sc" | "bcc" | "fcc" | "hcp";

const bases: Record<Exclude<Lattice, "hcp">, number[][]> = {
  sc: [[0, 0, 0]],
  bcc: [
    [0, 0, 0],
    [0.5, 0.5, 0.5],
  ],
  fcc: [
    [0, 0, 0],
    [0.5, 0.5, 0],
    [0.5, 0, 0.5],
    [0, 0.5, 0.5],
  ],
};

export function frameOf(cell: Cell, positions: ArrayLike<number>, types?: ArrayLike<number>): Frame {
  const n = positions.length / 3;
  return {
    timestep: 0,
    natoms: n,
    ids: Int32Array.from({ length: n }, (_, i) => i + 1),
    types: types ? Int32Array.from(types) : new Int32Array(n).fill(1),
    positions: Float64Array.from(positions),
    unwrapped: null,
    images: null,
    cell,
    boundary: cell.periodic.map((p) => (p ? "pp" : "ff")) as [string, string, string],
    columns: new Map(),
    elements: null,
  };
}

/** A perfect crystal of nx x ny x nz conventional cells (hcp: orthohombic 4-atom cell a x sqrt(3)a x c, ideal c/a). */
export function crystal(kind: Lattice, a: number, reps: [number, number, number], origin: [number, number, number] = [0, 0, 0]): Frame {
  const [nx, ny, nz] = reps;
  let cellAbc: [number, number, number];
  let basis: number[][];
  if (kind === "hcp") {
    const c = a * Math.sqrt(8 / 3);
    cellAbc = [a, a * Math.sqrt(3), c];
    basis = [
      [0, 0, 0],
      [0.5, 0.5, 0],
      [0.5, 1 / 6, 0.5],
      [0, 2 / 3, 0.5],
    ];
  } else {
    cellAbc = [a, a, a];
    basis = bases[kind];
  }
  const pos: number[] = [];
  for (let i = 0; i < nx; i++)
    for (let j = 0; j < ny; j++)
      for (let k = 0; k < nz; k++)
        for (const b of basis) pos.push(origin[0] + (i + b[0]) * cellAbc[0], origin[1] + (j + b[1]) * cellAbc[1], origin[2] + (k + b[2]) * cellAbc[2]);
  return frameOf(Cell.orthogonal(nx * cellAbc[0], ny * cellAbc[1], nz * cellAbc[2], origin), pos);
}

/** A deterministic pseudo-random generator (mulberry32) for reproducible test points. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n uniformly random points in a cell (fractional coordinates uniform in [0,1)^3). */
export function randomFrame(cell: Cell, n: number, seed: number): Frame {
  const r = rng(seed);
  const s = new Float64Array(3 * n);
  for (let k = 0; k < s.length; k++) s[k] = r();
  return frameOf(cell, cell.toCartesian(s));
}
