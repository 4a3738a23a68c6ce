/**
 * Eigen-decomposition and pseudo-inverse of a symmetric 3x3 matrix by cyclic Jacobi rotations
 * (Golub & Van Loan, "Matrix Computations", 4th ed., section 8.5.2). Jacobi is used because it is accurate to
 * machine precision for every eigenvalue, small ones included, which the rank decision of the pseudo-inverse needs.
 * Matrices are row-major Float64Array(9); `vectors` holds eigenvectors as columns: component r of vector k is
 * vectors[3 * r + k].
 */
export function symmetricEigen3(
  a: ArrayLike<number>,
  values: Float64Array = new Float64Array(3),
  vectors: Float64Array = new Float64Array(9),
): { values: Float64Array; vectors: Float64Array } {
  // Symmetric working copy built from the upper triangle (the lower triangle of `a` is ignored).
  const w = work;
  w[0] = a[0];
  w[4] = a[4];
  w[8] = a[8];
  w[1] = w[3] = a[1];
  w[2] = w[6] = a[2];
  w[5] = w[7] = a[5];
  const v = vectors;
  v.fill(0);
  v[0] = v[4] = v[8] = 1;
  for (let sweep = 0; sweep < 64; sweep++) {
    const off = w[1] * w[1] + w[2] * w[2] + w[5] * w[5];
    const diag = w[0] * w[0] + w[4] * w[4] + w[8] * w[8];
    if (off === 0 || off <= 1e-34 * diag) break;
    for (let pair = 0; pair < 3; pair++) {
      const p = pair === 2 ? 1 : 0;
      const q = pair === 0 ? 1 : 2;
      const r = 3 - p - q;
      const apq = w[3 * p + q];
      if (apq === 0) continue;
      const app = w[4 * p];
      const aqq = w[4 * q];
      // Once a_pq is below the rounding of both diagonal entries, rotating would change nothing: zero it
      // (the stopping rule of Numerical Recipes' jacobi, section 11.1).
      if (
        sweep > 3 &&
        Math.abs(app) + 100 * Math.abs(apq) === Math.abs(app) &&
        Math.abs(aqq) + 100 * Math.abs(apq) === Math.abs(aqq)
      ) {
        w[3 * p + q] = w[3 * q + p] = 0;
        continue;
      }
      // Rotation in the (p, q) plane that zeroes a_pq: A' = R^T A R with R_pp = R_qq = c, R_pq = s, R_qp = -s,
      // t = tan(angle) the smaller root of t^2 + 2 theta t - 1 = 0.
      const theta = (aqq - app) / (2 * apq);
      const t = Number.isFinite(theta * theta)
        ? (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        : 1 / (2 * theta);
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      const arp = w[3 * r + p];
      const arq = w[3 * r + q];
      w[4 * p] = app - t * apq;
      w[4 * q] = aqq + t * apq;
      w[3 * p + q] = w[3 * q + p] = 0;
      w[3 * r + p] = w[3 * p + r] = c * arp - s * arq;
      w[3 * r + q] = w[3 * q + r] = s * arp + c * arq;
      for (let k = 0; k < 3; k++) {
        const vkp = v[3 * k + p];
        const vkq = v[3 * k + q];
        v[3 * k + p] = c * vkp - s * vkq;
        v[3 * k + q] = s * vkp + c * vkq;
      }
    }
  }
  values[0] = w[0];
  values[1] = w[4];
  values[2] = w[8];
  return { values, vectors: v };
}

/** Scratch matrix of {@link symmetricEigen3} (JavaScript runs one call at a time). */
const work = new Float64Array(9);

/** Default relative tolerance of {@link pseudoInverse3}: eigenvalues at or below rcond * (largest) count as zero. */
export const DEFAULT_RCOND = 1e-10;

/**
 * Moore-Penrose pseudo-inverse of a symmetric positive semi-definite 3x3 matrix through its eigen-decomposition:
 * Y+ = sum over kept k of v_k v_k^T / lambda_k, keeping eigenvalues lambda_k > rcond * lambda_max (and > 0).
 * Also returns the projector onto the discarded eigenvectors (the numerical null space) and the rank.
 */
export function pseudoInverse3(
  y: ArrayLike<number>,
  rcond: number = DEFAULT_RCOND,
  inverse: Float64Array = new Float64Array(9),
  nullProjector: Float64Array = new Float64Array(9),
  scratchValues: Float64Array = new Float64Array(3),
  scratchVectors: Float64Array = new Float64Array(9),
): { inverse: Float64Array; nullProjector: Float64Array; rank: number } {
  const { values, vectors } = symmetricEigen3(y, scratchValues, scratchVectors);
  const lmax = Math.max(values[0], values[1], values[2]);
  inverse.fill(0);
  nullProjector.fill(0);
  let rank = 0;
  for (let k = 0; k < 3; k++) {
    const keep = lmax > 0 && values[k] > rcond * lmax;
    const w = keep ? 1 / values[k] : 1;
    const target = keep ? inverse : nullProjector;
    if (keep) rank++;
    for (let r = 0; r < 3; r++) {
      const vr = vectors[3 * r + k] * w;
      for (let col = 0; col < 3; col++) target[3 * r + col] += vr * vectors[3 * col + k];
    }
  }
  return { inverse, nullProjector, rank };
}
