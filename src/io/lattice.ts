import { Cell } from "../structure/cell";
import type { Frame } from "../structure/frame";

/** Crystal structures `latticeFrame` can build. */
export type LatticeKind = "sc" | "bcc" | "fcc" | "hcp";

/** Options of `latticeFrame`. */
export interface LatticeOptions {
  /** hcp only: the c lattice constant; default the ideal c = sqrt(8/3) a (12 neighbours at distance a). */
  c?: number;
  /**
   * Type (1-based) of each basis site of the conventional cell, in the order listed for `kind` (see
   * `latticeBasis`); default all 1. E.g. bcc [1, 2] gives B2 (CsCl), fcc [1, 2, 2, 2] gives L1_2 (Cu3Au-like
   * with type 1 at the corners).
   */
  basisTypes?: readonly number[];
  /** Element names for the type map (`frame.elements`); default null. */
  elements?: readonly string[] | null;
  /** Cell origin (LAMMPS xlo, ylo, zlo); default (0, 0, 0). */
  origin?: readonly [number, number, number];
  /** Shift added to every fractional coordinate of the conventional cell before wrapping; default (0, 0, 0). */
  shift?: readonly [number, number, number];
  /** Periodic flag per direction; default all periodic. */
  periodic?: readonly [boolean, boolean, boolean];
  /** Timestep stored in the frame; default 0. */
  timestep?: number;
}

/**
 * Fractional coordinates of the basis sites of the conventional (orthogonal) cell of each structure.
 * sc: 1 site; bcc: 2; fcc: 4; hcp: 4 in the orthohexagonal cell a x sqrt(3) a x c (A layer at z = 0, B layer at
 * z = 1/2; Kittel, Introduction to Solid State Physics, ch. 1).
 */
export function latticeBasis(kind: LatticeKind): number[][] {
  switch (kind) {
    case "sc":
      return [[0, 0, 0]];
    case "bcc":
      return [
        [0, 0, 0],
        [0.5, 0.5, 0.5],
      ];
    case "fcc":
      return [
        [0, 0, 0],
        [0.5, 0.5, 0],
        [0.5, 0, 0.5],
        [0, 0.5, 0.5],
      ];
    case "hcp":
      return [
        [0, 0, 0],
        [0.5, 0.5, 0],
        [0, 1 / 3, 0.5],
        [0.5, 5 / 6, 0.5],
      ];
    default:
      throw new Error(`latticeFrame: unknown lattice "${String(kind)}" (expected sc, bcc, fcc or hcp)`);
  }
}

/** Nearest-neighbour distance and coordination number of a perfect crystal with lattice constant a. */
export function latticeNeighbors(kind: LatticeKind, a: number): { distance: number; count: number } {
  switch (kind) {
    case "sc":
      return { distance: a, count: 6 };
    case "bcc":
      return { distance: (a * Math.sqrt(3)) / 2, count: 8 };
    case "fcc":
      return { distance: a / Math.SQRT2, count: 12 };
    case "hcp":
      return { distance: a, count: 12 };
    default:
      throw new Error(`latticeNeighbors: unknown lattice "${String(kind)}"`);
  }
}

/**
 * A perfect crystal as a Frame: `reps` conventional cells along x, y, z of an orthogonal periodic box.
 * Atoms are numbered (ids 1..N) with the basis site varying fastest, then x, then y, then z.
 * Positions are wrapped into the cell; `unwrapped` and `images` are null; `columns` is empty.
 * Box: sc/bcc/fcc nx a x ny a x nz a; hcp nx a x ny sqrt(3) a x nz c.
 */
export function latticeFrame(
  kind: LatticeKind,
  a: number,
  reps: readonly [number, number, number],
  options: LatticeOptions = {},
): Frame {
  if (!(a > 0) || !Number.isFinite(a))
    throw new Error(`latticeFrame: lattice constant must be positive and finite, got ${a}`);
  for (const r of reps) {
    if (!Number.isInteger(r) || r < 1)
      throw new Error(`latticeFrame: repetitions must be positive integers, got [${reps.join(", ")}]`);
  }
  const basis = latticeBasis(kind);
  const basisTypes = options.basisTypes ?? basis.map(() => 1);
  if (basisTypes.length !== basis.length) {
    throw new Error(`latticeFrame: ${kind} has ${basis.length} basis sites, got ${basisTypes.length} basis types`);
  }
  for (const t of basisTypes) {
    if (!Number.isInteger(t) || t < 1) throw new Error(`latticeFrame: basis types must be integers >= 1, got ${t}`);
  }
  const c = kind === "hcp" ? (options.c ?? Math.sqrt(8 / 3) * a) : a;
  if (!(c > 0) || !Number.isFinite(c)) throw new Error(`latticeFrame: c must be positive and finite, got ${c}`);
  const edge = [a, kind === "hcp" ? Math.sqrt(3) * a : a, c];
  const [nx, ny, nz] = reps;
  const origin = options.origin ?? [0, 0, 0];
  const periodic = options.periodic ?? [true, true, true];
  const shift = options.shift ?? [0, 0, 0];
  const cell = Cell.orthogonal(nx * edge[0], ny * edge[1], nz * edge[2], origin, periodic);

  const n = nx * ny * nz * basis.length;
  const ids = new Int32Array(n);
  const types = new Int32Array(n);
  const positions = new Float64Array(3 * n);
  const counts = [nx, ny, nz];
  let k = 0;
  for (let iz = 0; iz < nz; iz++) {
    for (let iy = 0; iy < ny; iy++) {
      for (let ix = 0; ix < nx; ix++) {
        const cellIndex = [ix, iy, iz];
        for (let b = 0; b < basis.length; b++) {
          ids[k] = k + 1;
          types[k] = basisTypes[b];
          for (let d = 0; d < 3; d++) {
            // Fractional coordinate in the whole box, wrapped into [0, 1) so shifted crystals stay inside.
            let s = (cellIndex[d] + basis[b][d] + shift[d]) / counts[d];
            s -= Math.floor(s);
            if (s >= 1) s -= 1;
            positions[3 * k + d] = origin[d] + s * counts[d] * edge[d];
          }
          k++;
        }
      }
    }
  }
  const flag = (p: boolean) => (p ? "pp" : "ff");
  return {
    timestep: options.timestep ?? 0,
    natoms: n,
    ids,
    types,
    positions,
    unwrapped: null,
    images: null,
    cell,
    boundary: [flag(periodic[0]), flag(periodic[1]), flag(periodic[2])],
    columns: new Map(),
    elements: options.elements ? [...options.elements] : null,
  };
}
