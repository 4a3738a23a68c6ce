import type { Cell } from "../../src/structure/cell";

/** One pair found by brute force: neighbor index, bond vector, squared length. */
export interface Pair {
  j: number;
  x: number;
  y: number;
  z: number;
  d2: number;
}

/**
 * Every (j, image) with |r_j + n.L - r_i| < rMax around atom i, by looping over all atoms and a box of images
 * wide enough for rMax (independent of the cell list: no binning, no wrapping of the input positions).
 */
export function brutePairs(cell: Cell, positions: Float64Array, i: number, rMax: number): Pair[] {
  const n = positions.length / 3;
  const w = cell.widths;
  // Atoms may sit anywhere (unwrapped); a fractional extent of the atoms adds to the image range.
  const s = cell.toFractional(positions);
  const reach = [0, 1, 2].map((k) => {
    if (!cell.periodic[k]) return 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let a = k; a < s.length; a += 3) {
      lo = Math.min(lo, s[a]);
      hi = Math.max(hi, s[a]);
    }
    return Math.ceil(rMax / w[k] + (hi - lo)) + 1;
  });
  const m = cell.matrix;
  const out: Pair[] = [];
  for (let j = 0; j < n; j++) {
    for (let a = -reach[0]; a <= reach[0]; a++) {
      for (let b = -reach[1]; b <= reach[1]; b++) {
        for (let c = -reach[2]; c <= reach[2]; c++) {
          if (j === i && a === 0 && b === 0 && c === 0) continue;
          const x = positions[3 * j] + a * m[0] + b * m[3] + c * m[6] - positions[3 * i];
          const y = positions[3 * j + 1] + a * m[1] + b * m[4] + c * m[7] - positions[3 * i + 1];
          const z = positions[3 * j + 2] + a * m[2] + b * m[5] + c * m[8] - positions[3 * i + 2];
          const d2 = x * x + y * y + z * z;
          if (d2 < rMax * rMax) out.push({ j, x, y, z, d2 });
        }
      }
    }
  }
  out.sort((p, q) => p.d2 - q.d2 || p.j - q.j);
  return out;
}
