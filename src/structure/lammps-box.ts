import { Cell } from "./cell";

/**
 * Conversions between a Cell and the box descriptions LAMMPS writes in dump and data files
 * (LAMMPS manual, "Triclinic (non-orthogonal) simulation boxes", and `dump` command, "BOX BOUNDS").
 */

/** Periodic flags from LAMMPS boundary strings: a direction is periodic iff its flag is "pp". */
export function periodicFromBoundary(boundary: readonly [string, string, string]): [boolean, boolean, boolean] {
  return [boundary[0] === "pp", boundary[1] === "pp", boundary[2] === "pp"];
}

/** Restricted-triclinic box parameters (LAMMPS xlo ... zhi and tilts) of a box. */
export interface LammpsBox {
  lo: [number, number, number];
  hi: [number, number, number];
  tilt: [number, number, number];
}

/**
 * The box from the bounding-box lines of a triclinic dump: LAMMPS writes
 * xlo_bound = xlo + MIN(0, xy, xz, xy + xz), xhi_bound = xhi + MAX(0, xy, xz, xy + xz),
 * ylo_bound = ylo + MIN(0, yz), yhi_bound = yhi + MAX(0, yz), zlo/zhi unchanged (LAMMPS `dump` manual); this inverts it.
 */
export function boxFromDumpBounds(bounds: readonly number[], tilt: readonly [number, number, number]): LammpsBox {
  const [xy, xz, yz] = tilt;
  const xmin = Math.min(0, xy, xz, xy + xz);
  const xmax = Math.max(0, xy, xz, xy + xz);
  const ymin = Math.min(0, yz);
  const ymax = Math.max(0, yz);
  return {
    lo: [bounds[0] - xmin, bounds[2] - ymin, bounds[4]],
    hi: [bounds[1] - xmax, bounds[3] - ymax, bounds[5]],
    tilt: [xy, xz, yz],
  };
}

/** The next double after x in the direction of `toward` (+1 or -1). */
function nextDouble(x: number, toward: 1 | -1): number {
  if (x === 0) return toward * Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigInt64(0);
  buf.setBigInt64(0, x > 0 === toward > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}

/** The double nearest `start` (within `ulps` steps either way) for which `ok` holds, or `start` when none does. */
function searchNear(start: number, ok: (b: number) => boolean, ulps = 16): number {
  if (ok(start)) return start;
  let up = start;
  let down = start;
  for (let k = 0; k < ulps; k++) {
    up = nextDouble(up, 1);
    if (ok(up)) return up;
    down = nextDouble(down, -1);
    if (ok(down)) return down;
  }
  return start;
}

/**
 * A double b close to x + m such that b - m === x exactly when one exists within a few ulps, so a reader that
 * subtracts m recovers x bit for bit (plain x + m rounds, e.g. (0.1 + 0.7) - 0.1 !== 0.7).
 */
export function addInvertibly(x: number, m: number): number {
  return searchNear(x + m, (b) => b - m === x);
}

/**
 * LAMMPS parameters of a restricted-triclinic cell (a along x, b in the xy plane): xhi etc. chosen so that
 * xhi - xlo reproduces the cell length exactly. Throws for a general (rotated) cell.
 */
export function lammpsBoxOfCell(cell: Cell): LammpsBox {
  const m = cell.matrix;
  if (!isRestrictedTriclinic(cell)) {
    throw new Error("cell is not LAMMPS restricted triclinic (a must lie along x and b in the xy plane)");
  }
  const lo: [number, number, number] = [cell.origin[0], cell.origin[1], cell.origin[2]];
  return {
    lo,
    hi: [addInvertibly(m[0], lo[0]), addInvertibly(m[4], lo[1]), addInvertibly(m[8], lo[2])],
    tilt: [m[3], m[6], m[7]],
  };
}

/** True when a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz) with positive lx, ly, lz (LAMMPS restricted form). */
export function isRestrictedTriclinic(cell: Cell): boolean {
  const m = cell.matrix;
  return m[1] === 0 && m[2] === 0 && m[5] === 0 && m[0] > 0 && m[4] > 0 && m[8] > 0;
}

/**
 * The six bound numbers a triclinic dump writes for a cell (inverse of `boxFromDumpBounds`): chosen among the
 * doubles nearest the exact bounds so that the reader's xlo = xlo_bound - MIN(...) and
 * lx = (xhi_bound - MAX(...)) - xlo give back the cell bit for bit whenever doubles allow it (LAMMPS' own dumps
 * round these bounds, so a reader of them gets the box to about one ulp).
 */
export function dumpBoundsOfCell(cell: Cell): number[] {
  const box = lammpsBoxOfCell(cell);
  const m = cell.matrix;
  const [xy, xz, yz] = box.tilt;
  const xmin = Math.min(0, xy, xz, xy + xz);
  const xmax = Math.max(0, xy, xz, xy + xz);
  const ymin = Math.min(0, yz);
  const ymax = Math.max(0, yz);
  const xlo = addInvertibly(box.lo[0], xmin);
  const ylo = addInvertibly(box.lo[1], ymin);
  const xhi = searchNear(box.lo[0] + m[0] + xmax, (b) => b - xmax - (xlo - xmin) === m[0]);
  const yhi = searchNear(box.lo[1] + m[4] + ymax, (b) => b - ymax - (ylo - ymin) === m[4]);
  return [xlo, xhi, ylo, yhi, box.lo[2], box.hi[2]];
}

/** A Cell from LAMMPS box parameters (throws a plain Error naming the problem when a length is not positive). */
export function cellFromBox(box: LammpsBox, periodic: readonly [boolean, boolean, boolean]): Cell {
  const names = ["x", "y", "z"];
  for (let d = 0; d < 3; d++) {
    const len = box.hi[d] - box.lo[d];
    if (!(len > 0)) {
      throw new Error(
        `box length along ${names[d]} is ${len} (${names[d]}lo ${box.lo[d]}, ${names[d]}hi ${box.hi[d]}); it must be positive`,
      );
    }
  }
  return Cell.fromLammps(box.lo, box.hi, box.tilt, periodic);
}
