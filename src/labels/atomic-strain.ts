/**
 * Local strain invariants from an atom's best-fit deformation gradient J (d_def ~ J d_ref), as in
 * Shimizu, Ogata & Li, Mater. Trans. 48, 2923 (2007) and OVITO's Atomic strain modifier. Matrices are
 * row-major Float64Array(9) (J[3 * r + c] = J_rc). The per-atom J itself comes from {@link D2min}, which computes
 * D2min and these strains in one pass over the same neighbors.
 */

/** Green-Lagrangian strain E = (J^T J - I) / 2 (Shimizu, Ogata & Li 2007, eq. 3, written for column vectors). */
export function lagrangianStrain(j: ArrayLike<number>, out: Float64Array = new Float64Array(9)): Float64Array {
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      const jtj = j[r] * j[c] + j[3 + r] * j[3 + c] + j[6 + r] * j[6 + c];
      out[3 * r + c] = 0.5 * (jtj - (r === c ? 1 : 0));
    }
  }
  return out;
}

/**
 * von Mises local shear strain of a Lagrangian strain E (Shimizu, Ogata & Li 2007, eq. 4; OVITO "Shear Strain"):
 * sqrt(E_yz^2 + E_xz^2 + E_xy^2 + ((E_yy - E_zz)^2 + (E_xx - E_zz)^2 + (E_xx - E_yy)^2) / 6).
 */
export function vonMisesShearStrain(e: ArrayLike<number>): number {
  const exx = e[0];
  const eyy = e[4];
  const ezz = e[8];
  const exy = e[1];
  const exz = e[2];
  const eyz = e[5];
  return Math.sqrt(
    eyz * eyz +
      exz * exz +
      exy * exy +
      ((eyy - ezz) * (eyy - ezz) + (exx - ezz) * (exx - ezz) + (exx - eyy) * (exx - eyy)) / 6,
  );
}

/** Volumetric (hydrostatic) strain (E_xx + E_yy + E_zz) / 3 (OVITO "Volumetric Strain"). */
export function volumetricStrain(e: ArrayLike<number>): number {
  return (e[0] + e[4] + e[8]) / 3;
}
