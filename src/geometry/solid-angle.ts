/**
 * Solid angle subtended at the origin by the triangle with vertices a, b, c (vectors from the apex), by the
 * formula of Van Oosterom & Strackee (IEEE Trans. Biomed. Eng. BME-30, 125, 1983):
 *   tan(Omega / 2) = |a . (b x c)| / (|a||b||c| + (a . b)|c| + (a . c)|b| + (b . c)|a|).
 * The half-angle is taken with atan2 of a non-negative numerator, so Omega lies in [0, 2 pi] and is never
 * negative (the paper's "care of arctan", Methods): a denominator <= 0 means Omega / 2 >= pi / 2. Zero when the
 * apex lies in the triangle's plane outside it, or any vertex coincides with the apex.
 */
export function solidAngle(
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
  cx: number,
  cy: number,
  cz: number,
): number {
  const la = Math.sqrt(ax * ax + ay * ay + az * az);
  const lb = Math.sqrt(bx * bx + by * by + bz * bz);
  const lc = Math.sqrt(cx * cx + cy * cy + cz * cz);
  const triple = ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
  const den =
    la * lb * lc +
    (ax * bx + ay * by + az * bz) * lc +
    (ax * cx + ay * cy + az * cz) * lb +
    (bx * cx + by * cy + bz * cz) * la;
  return 2 * Math.atan2(Math.abs(triple), den);
}

/** Angle between vectors u and v in [0, pi], as atan2(|u x v|, u . v) (accurate also near 0 and pi, unlike acos). */
export function vectorAngle(ux: number, uy: number, uz: number, vx: number, vy: number, vz: number): number {
  const cx = uy * vz - uz * vy;
  const cy = uz * vx - ux * vz;
  const cz = ux * vy - uy * vx;
  return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ux * vx + uy * vy + uz * vz);
}
