import type { Cell } from "./cell";

/**
 * One atomic configuration (one LAMMPS dump frame, one extended-XYZ frame, one data file).
 * Per-atom data lives in typed arrays indexed 0..natoms-1 in file order (or id order after `sortById`).
 */
export interface Frame {
  /** Timestep from the file (0 when the format has none). */
  timestep: number;
  natoms: number;
  /** Atom ids (LAMMPS `id`; 1..N when the file has none). */
  ids: Int32Array;
  /** Atom types, 1-based as in LAMMPS. */
  types: Int32Array;
  /** Wrapped Cartesian positions, N x 3 row-major (inside the cell along periodic directions). */
  positions: Float64Array;
  /** Unwrapped Cartesian positions (N x 3) when the file gives them (`xu`, `xsu`, or wrapped + image flags), else null. */
  unwrapped: Float64Array | null;
  /** Image flags (N x 3) when the file gives them or they follow from unwrapped positions, else null. */
  images: Int32Array | null;
  cell: Cell;
  /** LAMMPS boundary flags per direction as written in the file, e.g. ["pp", "pp", "pp"] or ["pp", "ff", "sm"]. */
  boundary: [string, string, string];
  /** Every other per-atom column of the file, by its name (e.g. `c_pe`, `vx`, `mass`). */
  columns: Map<string, Float64Array>;
  /** Element name of each type: elements[type - 1]; null when no type map was given. */
  elements: string[] | null;
  /** Where the frame came from, for error messages. */
  source?: { file: string; frameIndex: number; line: number };
}

/** The element name of atom i; throws when the frame has no type map or the type is outside it. */
export function elementOf(frame: Frame, i: number): string {
  const t = frame.types[i];
  if (!frame.elements) throw new Error("frame has no type map: pass one, e.g. { types: ['Cu', 'Zr'] }");
  const e = frame.elements[t - 1];
  if (e === undefined)
    throw new Error(`atom id ${frame.ids[i]} has type ${t}, outside the type map [${frame.elements.join(", ")}]`);
  return e;
}

/** A new frame holding the atoms of `order` (indices into `frame`), in that order. */
export function selectAtoms(frame: Frame, order: ArrayLike<number>): Frame {
  const n = order.length;
  const pick3 = (a: Float64Array) => {
    const out = new Float64Array(3 * n);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      out[3 * k] = a[3 * i];
      out[3 * k + 1] = a[3 * i + 1];
      out[3 * k + 2] = a[3 * i + 2];
    }
    return out;
  };
  const ids = new Int32Array(n);
  const types = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    ids[k] = frame.ids[order[k]];
    types[k] = frame.types[order[k]];
  }
  let images: Int32Array | null = null;
  if (frame.images) {
    const src = frame.images;
    images = new Int32Array(3 * n);
    for (let k = 0; k < n; k++) for (let d = 0; d < 3; d++) images[3 * k + d] = src[3 * order[k] + d];
  }
  const columns = new Map<string, Float64Array>();
  for (const [name, col] of frame.columns) {
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[k] = col[order[k]];
    columns.set(name, out);
  }
  return {
    ...frame,
    natoms: n,
    ids,
    types,
    positions: pick3(frame.positions),
    unwrapped: frame.unwrapped ? pick3(frame.unwrapped) : null,
    images,
    columns,
  };
}

/** The same frame with atoms sorted by id (a new frame; the input is not changed). */
export function sortById(frame: Frame): Frame {
  return selectAtoms(frame, idOrder(frame.ids));
}

/**
 * The row order that sorts `ids` increasingly (stable for equal ids): linear time through a slot table when the
 * ids are unique and dense (max - min < 4 N + 1024, the usual LAMMPS case), else a comparison sort.
 */
export function idOrder(ids: Int32Array): Int32Array {
  const n = ids.length;
  if (n === 0) return new Int32Array(0);
  let min = ids[0];
  let max = ids[0];
  for (let r = 1; r < n; r++) {
    if (ids[r] < min) min = ids[r];
    if (ids[r] > max) max = ids[r];
  }
  if (max - min < 4 * n + 1024) {
    const slot = new Int32Array(max - min + 1).fill(-1);
    let unique = true;
    for (let r = 0; r < n && unique; r++) {
      if (slot[ids[r] - min] >= 0) unique = false;
      else slot[ids[r] - min] = r;
    }
    if (unique) {
      const order = new Int32Array(n);
      let k = 0;
      for (let s = 0; s < slot.length; s++) if (slot[s] >= 0) order[k++] = slot[s];
      return order;
    }
  }
  return Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => ids[a] - ids[b] || a - b);
}
