import type { Cell } from "../structure/cell";

/** Per-atom coordinates (N x 3) as a file gives them: Cartesian, or fractional ("scaled") when `scaled`. */
export interface CoordinateSource {
  coords: Float64Array;
  scaled: boolean;
}

/**
 * Fractional coordinates this far below 0 count as 0: an atom on a lower face (e.g. at xlo in a tilted box) whose
 * fractional coordinate rounds to -1e-17 stays where the file puts it instead of jumping to the opposite face.
 */
const FACE_TOLERANCE = 1e-12;

/** The periodic image index of fractional coordinate s: floor(s), except that roundoff below 0 counts as 0. */
function cellIndex(s: number): number {
  const n = Math.floor(s);
  return n === -1 && s > -FACE_TOLERANCE ? 0 : n;
}

/** The position fields of a Frame. */
export interface ResolvedPositions {
  positions: Float64Array;
  unwrapped: Float64Array | null;
  images: Int32Array | null;
}

/**
 * Turns the coordinates a file gives into the Frame's position fields, following the LAMMPS conventions
 * (`dump` manual: x = wrapped, xu = x + ix a + iy b + iz c, xs = fractional (x - origin) H^-1, xsu = xs + image):
 * - `positions`: the wrapped coordinates moved into the cell along periodic directions by whole lattice vectors
 *   (coordinates already inside, or within 1e-12 fractional below a lower face, are kept bit for bit);
 * - `unwrapped`: the unwrapped coordinates when given, else wrapped + images . H when image flags are given, else null;
 * - `images`: integers with unwrapped = positions + images . H (the file's flags plus any wrapping shift), or null
 *   when there is no unwrapped information.
 */
export function resolvePositions(
  cell: Cell,
  n: number,
  wrapped: CoordinateSource | null,
  unwrapped: CoordinateSource | null,
  images: Int32Array | null,
): ResolvedPositions {
  const base = wrapped ?? unwrapped;
  if (base === null) throw new Error("resolvePositions: no coordinates");
  const m = cell.matrix;
  const o = cell.origin;
  const v = cell.inverse;
  const [pa, pb, pc] = cell.periodic;

  const toCart = (src: CoordinateSource): Float64Array => (src.scaled ? cell.toCartesian(src.coords) : src.coords);
  const baseCart = toCart(base);
  const positions = new Float64Array(3 * n);
  const shift = new Int32Array(3 * n);
  const bs = base.coords;
  for (let i = 0; i < n; i++) {
    const k = 3 * i;
    let sa: number;
    let sb: number;
    let sc: number;
    if (base.scaled) {
      sa = bs[k];
      sb = bs[k + 1];
      sc = bs[k + 2];
    } else {
      const x = bs[k] - o[0];
      const y = bs[k + 1] - o[1];
      const z = bs[k + 2] - o[2];
      sa = x * v[0] + y * v[3] + z * v[6];
      sb = x * v[1] + y * v[4] + z * v[7];
      sc = x * v[2] + y * v[5] + z * v[8];
    }
    const na = pa ? cellIndex(sa) : 0;
    const nb = pb ? cellIndex(sb) : 0;
    const nc = pc ? cellIndex(sc) : 0;
    if (na === 0 && nb === 0 && nc === 0) {
      positions[k] = baseCart[k];
      positions[k + 1] = baseCart[k + 1];
      positions[k + 2] = baseCart[k + 2];
    } else {
      positions[k] = baseCart[k] - (na * m[0] + nb * m[3] + nc * m[6]);
      positions[k + 1] = baseCart[k + 1] - (na * m[1] + nb * m[4] + nc * m[7]);
      positions[k + 2] = baseCart[k + 2] - (na * m[2] + nb * m[5] + nc * m[8]);
      shift[k] = na;
      shift[k + 1] = nb;
      shift[k + 2] = nc;
    }
  }

  let unwrappedOut: Float64Array | null = null;
  let imagesOut: Int32Array | null = null;
  if (wrapped !== null && images !== null) {
    // unwrapped = x + ix a + iy b + iz c (LAMMPS `dump` manual, xu); images of the wrapped positions add the shift.
    imagesOut = new Int32Array(3 * n);
    for (let k = 0; k < 3 * n; k++) imagesOut[k] = images[k] + shift[k];
    if (unwrapped !== null) unwrappedOut = toCart(unwrapped);
    else {
      unwrappedOut = new Float64Array(3 * n);
      for (let k = 0; k < 3 * n; k += 3) {
        const ia = images[k];
        const ib = images[k + 1];
        const ic = images[k + 2];
        unwrappedOut[k] = baseCart[k] + ia * m[0] + ib * m[3] + ic * m[6];
        unwrappedOut[k + 1] = baseCart[k + 1] + ia * m[1] + ib * m[4] + ic * m[7];
        unwrappedOut[k + 2] = baseCart[k + 2] + ia * m[2] + ib * m[5] + ic * m[8];
      }
    }
  } else if (wrapped === null && unwrapped !== null) {
    unwrappedOut = baseCart === unwrapped.coords ? Float64Array.from(baseCart) : baseCart;
    imagesOut = shift;
  } else if (wrapped !== null && unwrapped !== null) {
    // No flags but both forms: the image is the whole number of cells between them.
    unwrappedOut = toCart(unwrapped);
    imagesOut = new Int32Array(3 * n);
    for (let k = 0; k < 3 * n; k += 3) {
      const x = unwrappedOut[k] - baseCart[k];
      const y = unwrappedOut[k + 1] - baseCart[k + 1];
      const z = unwrappedOut[k + 2] - baseCart[k + 2];
      imagesOut[k] = Math.round(x * v[0] + y * v[3] + z * v[6]) + shift[k];
      imagesOut[k + 1] = Math.round(x * v[1] + y * v[4] + z * v[7]) + shift[k + 1];
      imagesOut[k + 2] = Math.round(x * v[2] + y * v[5] + z * v[8]) + shift[k + 2];
    }
  }
  return { positions, unwrapped: unwrappedOut, images: imagesOut };
}
