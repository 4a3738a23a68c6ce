/**
 * A simulation cell: three lattice vectors, an origin and a periodic flag per direction.
 *
 * The lattice vectors are the rows of `matrix` (row-major 3x3): a = matrix[0..2], b = matrix[3..5],
 * c = matrix[6..8]. A point with fractional coordinates s has Cartesian position r = origin + s0 a + s1 b + s2 c.
 * LAMMPS restricted triclinic cells have a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz)
 * (LAMMPS manual, "Triclinic (non-orthogonal) simulation boxes"); any right-handed cell is accepted.
 */
export class Cell {
  /** Row-major 3x3, rows are the lattice vectors a, b, c (Angstrom). */
  readonly matrix: Float64Array;
  /** Inverse of `matrix`: s = (r - origin) . inverse. */
  readonly inverse: Float64Array;
  /** The corner of the cell (LAMMPS xlo, ylo, zlo). */
  readonly origin: Float64Array;
  /** Periodic flag per direction a, b, c. */
  readonly periodic: readonly [boolean, boolean, boolean];
  /** Cell volume |a . (b x c)|. */
  readonly volume: number;

  constructor(
    matrix: ArrayLike<number>,
    origin: ArrayLike<number> = [0, 0, 0],
    periodic: readonly [boolean, boolean, boolean] = [true, true, true],
  ) {
    if (matrix.length !== 9) throw new Error(`Cell: matrix must have 9 entries, got ${matrix.length}`);
    this.matrix = Float64Array.from(matrix);
    this.origin = Float64Array.from(origin);
    this.periodic = [periodic[0], periodic[1], periodic[2]];
    for (let k = 0; k < 9; k++) {
      if (!Number.isFinite(this.matrix[k])) throw new Error(`Cell: matrix entry ${k} is not finite`);
    }
    const m = this.matrix;
    const det =
      m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    if (!(det > 0)) {
      throw new Error(
        `Cell: the lattice vectors must form a right-handed cell of positive volume (determinant ${det})`,
      );
    }
    this.volume = det;
    const inv = new Float64Array(9);
    inv[0] = (m[4] * m[8] - m[5] * m[7]) / det;
    inv[1] = (m[2] * m[7] - m[1] * m[8]) / det;
    inv[2] = (m[1] * m[5] - m[2] * m[4]) / det;
    inv[3] = (m[5] * m[6] - m[3] * m[8]) / det;
    inv[4] = (m[0] * m[8] - m[2] * m[6]) / det;
    inv[5] = (m[2] * m[3] - m[0] * m[5]) / det;
    inv[6] = (m[3] * m[7] - m[4] * m[6]) / det;
    inv[7] = (m[1] * m[6] - m[0] * m[7]) / det;
    inv[8] = (m[0] * m[4] - m[1] * m[3]) / det;
    this.inverse = inv;
  }

  /** An orthogonal box with edge lengths lx, ly, lz. */
  static orthogonal(
    lx: number,
    ly: number,
    lz: number,
    origin: ArrayLike<number> = [0, 0, 0],
    periodic: readonly [boolean, boolean, boolean] = [true, true, true],
  ): Cell {
    return new Cell([lx, 0, 0, 0, ly, 0, 0, 0, lz], origin, periodic);
  }

  /** A LAMMPS restricted triclinic box from its parameters (xlo, xhi, ..., xy, xz, yz), not the dump's bounds. */
  static fromLammps(
    lo: readonly [number, number, number],
    hi: readonly [number, number, number],
    tilt: readonly [number, number, number] = [0, 0, 0],
    periodic: readonly [boolean, boolean, boolean] = [true, true, true],
  ): Cell {
    const [xy, xz, yz] = tilt;
    return new Cell([hi[0] - lo[0], 0, 0, xy, hi[1] - lo[1], 0, xz, yz, hi[2] - lo[2]], lo, periodic);
  }

  /** True when all tilts are zero (a, b, c along x, y, z). */
  get isOrthogonal(): boolean {
    const m = this.matrix;
    return m[1] === 0 && m[2] === 0 && m[3] === 0 && m[5] === 0 && m[6] === 0 && m[7] === 0;
  }

  /** LAMMPS box parameters: lx, ly, lz and tilts xy, xz, yz (meaningful for restricted triclinic cells). */
  get lammps(): { lx: number; ly: number; lz: number; xy: number; xz: number; yz: number } {
    const m = this.matrix;
    return { lx: m[0], ly: m[4], lz: m[8], xy: m[3], xz: m[6], yz: m[7] };
  }

  /** Distances between opposite faces of the cell (volume / area of each face pair), for a, b, c. */
  get widths(): [number, number, number] {
    const m = this.matrix;
    const cross = (i: number, j: number) => {
      const x = m[3 * i + 1] * m[3 * j + 2] - m[3 * i + 2] * m[3 * j + 1];
      const y = m[3 * i + 2] * m[3 * j] - m[3 * i] * m[3 * j + 2];
      const z = m[3 * i] * m[3 * j + 1] - m[3 * i + 1] * m[3 * j];
      return Math.hypot(x, y, z);
    };
    return [this.volume / cross(1, 2), this.volume / cross(2, 0), this.volume / cross(0, 1)];
  }

  /** Fractional coordinates of N points (N x 3) into `out` (allocated when omitted). */
  toFractional(positions: Float64Array, out: Float64Array = new Float64Array(positions.length)): Float64Array {
    const v = this.inverse;
    const [ox, oy, oz] = this.origin;
    for (let i = 0; i < positions.length; i += 3) {
      const x = positions[i] - ox;
      const y = positions[i + 1] - oy;
      const z = positions[i + 2] - oz;
      out[i] = x * v[0] + y * v[3] + z * v[6];
      out[i + 1] = x * v[1] + y * v[4] + z * v[7];
      out[i + 2] = x * v[2] + y * v[5] + z * v[8];
    }
    return out;
  }

  /** Cartesian coordinates of N fractional points (N x 3) into `out`. */
  toCartesian(fractional: Float64Array, out: Float64Array = new Float64Array(fractional.length)): Float64Array {
    const m = this.matrix;
    const [ox, oy, oz] = this.origin;
    for (let i = 0; i < fractional.length; i += 3) {
      const a = fractional[i];
      const b = fractional[i + 1];
      const c = fractional[i + 2];
      out[i] = ox + a * m[0] + b * m[3] + c * m[6];
      out[i + 1] = oy + a * m[1] + b * m[4] + c * m[7];
      out[i + 2] = oz + a * m[2] + b * m[5] + c * m[8];
    }
    return out;
  }

  /**
   * Wraps points into the cell along periodic directions. Returns the wrapped positions and the image flags
   * n such that original = wrapped + n0 a + n1 b + n2 c (the LAMMPS convention for ix, iy, iz).
   */
  wrap(positions: Float64Array): { positions: Float64Array; images: Int32Array } {
    const s = this.toFractional(positions);
    const images = new Int32Array(positions.length);
    for (let i = 0; i < s.length; i++) {
      if (!this.periodic[i % 3]) continue;
      let n = Math.floor(s[i]);
      let f = s[i] - n;
      if (f >= 1) {
        f -= 1;
        n += 1;
      }
      s[i] = f;
      images[i] = n;
    }
    return { positions: this.toCartesian(s), images };
  }

  /**
   * Replaces the vector (dx, dy, dz) at `offset` of `d` by its nearest periodic image obtained by rounding the
   * fractional components. This is the true minimum image when the vector is shorter than half of every
   * periodic width; callers that need longer vectors must search images explicitly.
   */
  minimumImage(d: Float64Array, offset = 0): void {
    const v = this.inverse;
    const m = this.matrix;
    const x = d[offset];
    const y = d[offset + 1];
    const z = d[offset + 2];
    let a = x * v[0] + y * v[3] + z * v[6];
    let b = x * v[1] + y * v[4] + z * v[7];
    let c = x * v[2] + y * v[5] + z * v[8];
    a = this.periodic[0] ? Math.round(a) : 0;
    b = this.periodic[1] ? Math.round(b) : 0;
    c = this.periodic[2] ? Math.round(c) : 0;
    d[offset] = x - (a * m[0] + b * m[3] + c * m[6]);
    d[offset + 1] = y - (a * m[1] + b * m[4] + c * m[7]);
    d[offset + 2] = z - (a * m[2] + b * m[5] + c * m[8]);
  }

  /** The Cartesian shift of image (na, nb, nc): na a + nb b + nc c, into `out` at `offset`. */
  imageShift(na: number, nb: number, nc: number, out: Float64Array = new Float64Array(3), offset = 0): Float64Array {
    const m = this.matrix;
    out[offset] = na * m[0] + nb * m[3] + nc * m[6];
    out[offset + 1] = na * m[1] + nb * m[4] + nc * m[7];
    out[offset + 2] = na * m[2] + nb * m[5] + nc * m[8];
    return out;
  }
}
