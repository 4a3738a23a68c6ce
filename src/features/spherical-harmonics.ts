/**
 * Complex spherical harmonics Y_lm(theta, phi) of a bond direction, for 0 <= m <= l <= lmax, evaluated without
 * trigonometric functions or allocation.
 *
 * Convention (the physics one, used by LAMMPS `compute orientorder/atom`, freud and scipy.special.sph_harm):
 *   Y_lm(theta, phi) = sqrt((2l+1)/(4 pi) (l-m)!/(l+m)!) P_l^m(cos theta) e^{i m phi},
 * with the Condon-Shortley phase (-1)^m inside P_l^m, and Y_l,-m = (-1)^m conj(Y_lm).
 *
 * Writing Y_lm = Pt_lm(z) (x + i y)^m for a unit vector (x, y, z), the polynomial Pt_lm = ybar_lm / sin^m theta
 * obeys the usual normalised recurrences (Press et al., Numerical Recipes 3rd ed., section 6.7):
 *   Pt_00 = 1/sqrt(4 pi),  Pt_mm = -sqrt((2m+1)/(2m)) Pt_(m-1)(m-1),  Pt_(m+1)m = sqrt(2m+3) z Pt_mm,
 *   Pt_lm = a_lm (z Pt_(l-1)m - b_lm Pt_(l-2)m),  a_lm = sqrt((4l^2-1)/(l^2-m^2)),
 *   b_lm = sqrt(((l-1)^2-m^2)/(4(l-1)^2-1)),
 * which needs no division by sin theta and so stays exact along the poles.
 */
export class SphericalHarmonics {
  readonly lmax: number;
  /** Number of (l, m >= 0) entries: (lmax+1)(lmax+2)/2. */
  readonly size: number;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly diag: Float64Array;
  private readonly next: Float64Array;

  constructor(lmax: number) {
    if (!Number.isInteger(lmax) || lmax < 0 || lmax > 60)
      throw new Error(`SphericalHarmonics: lmax must be an integer in 0..60, got ${lmax}`);
    this.lmax = lmax;
    this.size = ((lmax + 1) * (lmax + 2)) / 2;
    this.a = new Float64Array(this.size);
    this.b = new Float64Array(this.size);
    this.diag = new Float64Array(lmax + 1);
    this.next = Float64Array.from({ length: lmax + 1 }, (_, m) => Math.sqrt(2 * m + 3));
    this.diag[0] = 1 / Math.sqrt(4 * Math.PI);
    for (let m = 1; m <= lmax; m++) this.diag[m] = -Math.sqrt((2 * m + 1) / (2 * m)) * this.diag[m - 1];
    for (let l = 0; l <= lmax; l++) {
      for (let m = 0; m <= l - 2; m++) {
        const k = SphericalHarmonics.index(l, m);
        this.a[k] = Math.sqrt((4 * l * l - 1) / (l * l - m * m));
        this.b[k] = Math.sqrt(((l - 1) * (l - 1) - m * m) / (4 * (l - 1) * (l - 1) - 1));
      }
    }
  }

  /** Position of (l, m), 0 <= m <= l, in the output arrays: l(l+1)/2 + m. */
  static index(l: number, m: number): number {
    return (l * (l + 1)) / 2 + m;
  }

  /**
   * Y_lm of the direction of (x, y, z) (need not be normalised; must be non-zero) for all 0 <= m <= l <= lmax,
   * written to re[index(l, m)], im[index(l, m)] (arrays of length >= size).
   */
  evaluate(x: number, y: number, z: number, re: Float64Array, im: Float64Array): void {
    const inv = 1 / Math.sqrt(x * x + y * y + z * z);
    const ux = x * inv;
    const uy = y * inv;
    const uz = z * inv;
    const lmax = this.lmax;
    const a = this.a;
    const b = this.b;
    const diag = this.diag;
    // For each m: (ux + i uy)^m times Pt_lm(uz) for l = m..lmax, the recurrence carried in two scalars.
    let cr = 1;
    let ci = 0;
    for (let m = 0; m <= lmax; m++) {
      let k = ((m + 1) * (m + 2)) / 2 - 1; // index(m, m)
      let p2 = diag[m];
      re[k] = p2 * cr;
      im[k] = p2 * ci;
      if (m < lmax) {
        k += m + 1; // index(m + 1, m)
        let p1 = this.next[m] * uz * p2;
        re[k] = p1 * cr;
        im[k] = p1 * ci;
        for (let l = m + 2; l <= lmax; l++) {
          k += l; // index(l, m) = index(l - 1, m) + l
          const p = a[k] * (uz * p1 - b[k] * p2);
          re[k] = p * cr;
          im[k] = p * ci;
          p2 = p1;
          p1 = p;
        }
      }
      const nr = cr * ux - ci * uy;
      ci = cr * uy + ci * ux;
      cr = nr;
    }
  }
}
