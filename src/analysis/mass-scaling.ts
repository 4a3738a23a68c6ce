import { linearRegression } from "simple-statistics";
import type { Frame } from "../structure/frame";
import type { AtomSelection } from "./pair-correlation";
import { selectionIndices } from "./pair-correlation";

/** n log-spaced radii from lo to hi (both > 0, n >= 2), the r grid of a mass-scaling plot. */
export function logRadii(lo: number, hi: number, n: number): Float64Array {
  if (!(lo > 0 && hi > lo) || !Number.isInteger(n) || n < 2)
    throw new Error(`logRadii: need 0 < lo < hi and an integer n >= 2 (got ${lo}, ${hi}, ${n})`);
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = lo * (hi / lo) ** (k / (n - 1));
  out[n - 1] = hi;
  return out;
}

/** Options of `massDistribution`. */
export interface MassDistributionOptions {
  /** Increasing radii (Angstrom) at which M(r) is evaluated, e.g. `logRadii(2, 20, 40)`. */
  radii: ArrayLike<number>;
  /** Centre atoms (default all). */
  centers?: AtomSelection;
  /** Atoms counted around each centre (default: the centres). */
  targets?: AtomSelection;
  /** Count the centre itself when it is a target (M includes the atom at r = 0); default false. */
  includeCenter?: boolean;
}

/** The result of `massDistribution`. */
export interface MassDistribution {
  r: Float64Array;
  /** Mean number of target atoms within distance r (strictly closer than r) of a centre atom. */
  M: Float64Array;
  nCenters: number;
  nTargets: number;
}

/**
 * Mass distribution M(r) for fractal-dimension sampling (Wang & Jain, Figure 3c; Ding, Asta & Ritchie, PNAS 114,
 * 8458 (2017), paper ref. 59): the number of target atoms within distance r of a centre atom, averaged over the
 * centres, with M(r) ~ r^D. For the paper's groups, centres and targets are the same group (hardest atoms
 * counted around hardest atoms).
 *
 * Distances are exact in periodic cells of any shape and size: every periodic image of a target within the
 * largest radius is counted (an atom sees its own images once r exceeds the box width, and a radius beyond half
 * the box counts the periodic replicas, so M then reflects the periodic crystal of boxes, not a larger glass).
 * A pair is counted when 0 < d < r (the `cutoffNeighbors` convention), plus the centre itself with
 * `includeCenter`. Cost: (centres x targets x images), with no neighbor list kept in memory.
 */
export function massDistribution(
  frame: Pick<Frame, "cell" | "positions">,
  options: MassDistributionOptions,
): MassDistribution {
  const radii = Float64Array.from(options.radii);
  const nr = radii.length;
  if (nr === 0) throw new Error("massDistribution: no radii");
  for (let k = 0; k < nr; k++) {
    if (!(radii[k] > 0) || !Number.isFinite(radii[k]))
      throw new Error(`massDistribution: radius ${k} is ${radii[k]}, expected a positive number`);
    if (k > 0 && !(radii[k] > radii[k - 1]))
      throw new Error(`massDistribution: radii must increase (radius ${k} = ${radii[k]} after ${radii[k - 1]})`);
  }
  const natoms = frame.positions.length / 3;
  const ci = selectionIndices(options.centers, natoms, "massDistribution centers");
  const ti = options.targets === undefined ? ci : selectionIndices(options.targets, natoms, "massDistribution targets");
  if (ci.length === 0) throw new Error("massDistribution: no centre atoms");
  const cell = frame.cell;
  const m = cell.matrix;
  const widths = cell.widths;
  const frac = cell.toFractional(frame.positions);
  const rMax = radii[nr - 1];
  const rMax2 = rMax * rMax;
  // Image range per direction: a displacement with fractional component s along a spans |s| times the plane
  // spacing width_a, so images with |s + n| width_a >= rMax are never within rMax.
  const reach = [0, 1, 2].map((a) => (cell.periodic[a] ? rMax / widths[a] : 0));
  // hits[k]: pairs whose distance d satisfies radii[k-1] <= d < radii[k] (k = 0: d < radii[0]); M is the cumsum.
  const hits = new Float64Array(nr);
  let selfCount = 0;
  const isTarget = new Uint8Array(natoms);
  for (const j of ti) isTarget[j] = 1;
  for (const i of ci) {
    if (options.includeCenter && isTarget[i]) selfCount++;
    const fi0 = frac[3 * i];
    const fi1 = frac[3 * i + 1];
    const fi2 = frac[3 * i + 2];
    for (const j of ti) {
      let s0 = frac[3 * j] - fi0;
      let s1 = frac[3 * j + 1] - fi1;
      let s2 = frac[3 * j + 2] - fi2;
      if (cell.periodic[0]) s0 -= Math.round(s0);
      if (cell.periodic[1]) s1 -= Math.round(s1);
      if (cell.periodic[2]) s2 -= Math.round(s2);
      // Non-periodic directions: the one image n = 0.
      const a0 = cell.periodic[0] ? Math.ceil(-reach[0] - s0) : 0;
      const a1 = cell.periodic[0] ? Math.floor(reach[0] - s0) : 0;
      const b0 = cell.periodic[1] ? Math.ceil(-reach[1] - s1) : 0;
      const b1 = cell.periodic[1] ? Math.floor(reach[1] - s1) : 0;
      const c0 = cell.periodic[2] ? Math.ceil(-reach[2] - s2) : 0;
      const c1 = cell.periodic[2] ? Math.floor(reach[2] - s2) : 0;
      for (let na = a0; na <= a1; na++) {
        const u0 = s0 + na;
        for (let nb = b0; nb <= b1; nb++) {
          const u1 = s1 + nb;
          for (let nc = c0; nc <= c1; nc++) {
            const u2 = s2 + nc;
            const x = u0 * m[0] + u1 * m[3] + u2 * m[6];
            const y = u0 * m[1] + u1 * m[4] + u2 * m[7];
            const z = u0 * m[2] + u1 * m[5] + u2 * m[8];
            const d2 = x * x + y * y + z * z;
            if (d2 >= rMax2 || d2 === 0) continue;
            const d = Math.sqrt(d2);
            // First radius strictly greater than d (binary search).
            let lo = 0;
            let hi = nr - 1;
            while (lo < hi) {
              const mid = (lo + hi) >> 1;
              if (radii[mid] > d) hi = mid;
              else lo = mid + 1;
            }
            hits[lo]++;
          }
        }
      }
    }
  }
  const M = new Float64Array(nr);
  let running = selfCount;
  for (let k = 0; k < nr; k++) {
    running += hits[k];
    M[k] = running / ci.length;
  }
  return { r: radii, M, nCenters: ci.length, nTargets: ti.length };
}

/** The result of `fractalDimension`. */
export interface FractalFit {
  /** Slope of log M against log r: the (mass) fractal dimension D of M(r) ~ r^D. */
  D: number;
  /** Intercept of log10 M against log10 r (M = 10^intercept r^D). */
  intercept: number;
  /** Radii used (rLo <= r <= rHi and M > 0). */
  points: number;
  rLo: number;
  rHi: number;
}

/**
 * Fractal dimension D of M(r) ~ r^D (paper Figure 3c; Ding et al. 2017): least-squares slope of log10 M against
 * log10 r over the radii in [rLo, rHi] with M > 0 (simple-statistics `linearRegression`).
 */
export function fractalDimension(r: ArrayLike<number>, M: ArrayLike<number>, rLo: number, rHi: number): FractalFit {
  if (r.length !== M.length)
    throw new Error(`fractalDimension: r and M have different lengths (${r.length} and ${M.length})`);
  if (!(rHi > rLo)) throw new Error(`fractalDimension: need rLo < rHi, got [${rLo}, ${rHi}]`);
  const pts: [number, number][] = [];
  for (let k = 0; k < r.length; k++) {
    if (r[k] >= rLo && r[k] <= rHi && M[k] > 0 && r[k] > 0) pts.push([Math.log10(r[k]), Math.log10(M[k])]);
  }
  if (pts.length < 2) throw new Error(`fractalDimension: fewer than 2 radii with M > 0 in [${rLo}, ${rHi}]`);
  const fit = linearRegression(pts);
  return { D: fit.m, intercept: fit.b, points: pts.length, rLo, rHi };
}
