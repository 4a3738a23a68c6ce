import type { Cell } from "../../src/structure/cell";
import type { Frame } from "../../src/structure/frame";

/** Test-only frames: points in a cell, random point sets (perfect crystals come from src/io/lattice.ts). */
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
