import { solidAngle, vectorAngle } from "../geometry/solid-angle";

/**
 * Pure per-bond and per-simplex interstice kernels (Wang & Jain 2019, Methods, "Featurizing Interstice
 * Distribution"). Coordinates are vectors from the central atom O (O at the origin); radii in the same unit.
 * Raw values: nothing is clamped here.
 */

/**
 * Distance interstice of bond O-A: the fraction of the bond not covered by the two spheres,
 * (d - R_O - R_A) / d (paper, Methods, steps i-iii). Negative when the spheres overlap.
 * With `denominator: "radiusSum"` it is d / (R_O + R_A) - 1 instead, the form of the authors' amlearn code and
 * of matminer's IntersticeDistribution (same sign, different scale).
 */
export function distanceInterstice(
  d: number,
  rCenter: number,
  rNeighbor: number,
  denominator: "bond" | "radiusSum" = "bond",
): number {
  const packed = rCenter + rNeighbor;
  return denominator === "bond" ? (d - packed) / d : d / packed - 1;
}

/** Relative size below which a triangle area or tetrahedron volume counts as numerically zero. */
export const DEGENERATE_SIMPLEX = 1e-12;

/**
 * Area interstice of triangle ABC (a hull facet of the neighbors): (S - sum_i R_i^2 theta_i / 2) / S with S the
 * triangle area and theta_i its angle at vertex i (paper, Methods). NaN for a numerically zero-area triangle
 * (S <= 1e-12 (|AB|^2 + |AC|^2)), whose angles are undefined.
 */
export function areaInterstice(
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
  cx: number,
  cy: number,
  cz: number,
  ra: number,
  rb: number,
  rc: number,
): number {
  const abx = bx - ax;
  const aby = by - ay;
  const abz = bz - az;
  const acx = cx - ax;
  const acy = cy - ay;
  const acz = cz - az;
  const nx = aby * acz - abz * acy;
  const ny = abz * acx - abx * acz;
  const nz = abx * acy - aby * acx;
  const s = 0.5 * Math.sqrt(nx * nx + ny * ny + nz * nz);
  if (!(s > DEGENERATE_SIMPLEX * (abx * abx + aby * aby + abz * abz + acx * acx + acy * acy + acz * acz))) return NaN;
  const ta = vectorAngle(abx, aby, abz, acx, acy, acz);
  const tb = vectorAngle(-abx, -aby, -abz, cx - bx, cy - by, cz - bz);
  const tc = Math.PI - ta - tb;
  const packed = 0.5 * (ra * ra * ta + rb * rb * tb + rc * rc * tc);
  return (s - packed) / s;
}

/**
 * Volume interstice of tetrahedron O-A-B-C (O at the origin, A, B, C a hull facet of the neighbors):
 * (V - sum over O, A, B, C of R_i^3 Omega_i / 3) / V, with Omega_i the solid angle of the tetrahedron at vertex i
 * (Van Oosterom-Strackee, never negative; paper, Methods). NaN for a numerically zero-volume tetrahedron, O in the
 * facet's plane (V <= 1e-12 |OA||OB||OC|).
 */
export function volumeInterstice(
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
  cx: number,
  cy: number,
  cz: number,
  ro: number,
  ra: number,
  rb: number,
  rc: number,
): number {
  const triple = ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
  const v = Math.abs(triple) / 6;
  const scale = Math.sqrt(
    (ax * ax + ay * ay + az * az) * (bx * bx + by * by + bz * bz) * (cx * cx + cy * cy + cz * cz),
  );
  if (!(v > DEGENERATE_SIMPLEX * scale)) return NaN;
  const wo = solidAngle(ax, ay, az, bx, by, bz, cx, cy, cz);
  const wa = solidAngle(-ax, -ay, -az, bx - ax, by - ay, bz - az, cx - ax, cy - ay, cz - az);
  const wb = solidAngle(-bx, -by, -bz, ax - bx, ay - by, az - bz, cx - bx, cy - by, cz - bz);
  const wc = solidAngle(-cx, -cy, -cz, ax - cx, ay - cy, az - cz, bx - cx, by - cy, bz - cz);
  const packed = (ro * ro * ro * wo + ra * ra * ra * wa + rb * rb * rb * wb + rc * rc * rc * wc) / 3;
  return (v - packed) / v;
}

/**
 * Writes mean, min, max and population std (ddof 0) of values[0..count-1] at out[offset..offset+3]; all four
 * NaN when count is 0. Two-pass variance (exact 0 for constant values).
 */
export function writeStats4(values: Float64Array, count: number, out: Float64Array, offset: number): void {
  if (count === 0) {
    out[offset] = NaN;
    out[offset + 1] = NaN;
    out[offset + 2] = NaN;
    out[offset + 3] = NaN;
    return;
  }
  let sum = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < count; k++) {
    const v = values[k];
    sum += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const mean = sum / count;
  let ss = 0;
  for (let k = 0; k < count; k++) {
    const d = values[k] - mean;
    ss += d * d;
  }
  out[offset] = mean;
  out[offset + 1] = lo;
  out[offset + 2] = hi;
  out[offset + 3] = Math.sqrt(ss / count);
}
