import type { NeighborList } from "../neighbors/neighbor-list";
import { AngularSumsKernel, angularPlan } from "./symmetry-function-kernels";

/**
 * Behler-Parrinello-type symmetry functions as used for "softness" (Cubuk et al. 2015, Schoenholz et al. 2016)
 * and in the paper's comparison (Wang & Jain 2019, Methods Eqs. 2-3). For atom i, species X, Y:
 *
 *   G_X(i; r)            = sum_{j in X, r_ij <= Rc} exp(-(r_ij - r)^2 / (2 s^2))                          (Eq. 2)
 *   psi_XY(i; xi, l, z)  = sum_{j in X} sum_{k in Y} exp(-(r_ij^2 + r_ik^2 + r_jk^2) / xi^2) (1 + l cos theta_ijk)^z  (Eq. 3)
 *
 * with theta_ijk the angle between r_ij and r_ik, r_jk = |r_ik - r_ij|, and both r_ij and r_ik within the hard
 * cutoff Rc (no smoothing; r_jk is not cut). Following the authors' code (amlearn bp_symmfunc.f90), each
 * unordered pair {j, k} counts once: for X = Y over j < k, for X != Y over all j in X, k in Y.
 *
 * Lengths are in units of `unit` (sigma, default 2.52 A = 2 R_Cu with the Miracle radius 1.26 A, the Cu-Cu
 * distance the paper normalises to, used for every system as the paper does): r = 0, 0.1, ..., 4.9 sigma,
 * s = 0.1 sigma, Rc = 2.5 sigma, and the 22 (xi, lambda, zeta) sets below with xi in sigma.
 * For a binary: 2 x 50 radial + 3 x 22 angular = 166 columns.
 */

/** One angular parameter set: xi in units of sigma, lambda = +-1, zeta >= 1. */
export interface AngularParams {
  readonly xi: number;
  readonly lambda: number;
  readonly zeta: number;
}

/** The 22 angular parameter sets of Cubuk et al. / Schoenholz et al. as listed by the paper's authors. */
export const SOFTNESS_ANGULAR_PARAMS: readonly AngularParams[] = Object.freeze(
  (
    [
      [14.633, -1, 1],
      [14.633, 1, 1],
      [14.638, -1, 2],
      [14.638, 1, 2],
      [2.554, -1, 1],
      [2.554, 1, 1],
      [2.554, -1, 2],
      [2.554, 1, 2],
      [1.648, 1, 1],
      [1.648, 1, 2],
      [1.204, 1, 1],
      [1.204, 1, 2],
      [1.204, 1, 4],
      [1.204, 1, 16],
      [0.933, 1, 1],
      [0.933, 1, 2],
      [0.933, 1, 4],
      [0.933, 1, 16],
      [0.695, 1, 1],
      [0.695, 1, 2],
      [0.695, 1, 4],
      [0.695, 1, 16],
    ] as const
  ).map(([xi, lambda, zeta]) => Object.freeze({ xi, lambda, zeta })),
);

/** Parameters of the symmetry functions; lengths in units of `unit`. */
export interface SymmetryFunctionParams {
  /** Length unit sigma in Angstrom. Default 2.52 (2 x R_Cu). */
  readonly unit?: number;
  /** Number of radial shells per species. Default 50. */
  readonly radialCount?: number;
  /** Spacing of the radial shells r = 0, step, 2 step, ... (sigma). Default 0.1. */
  readonly radialStep?: number;
  /** Gaussian width s (sigma). Default 0.1 (= the step, as in the paper). */
  readonly radialWidth?: number;
  /** Hard cutoff Rc of both sums (sigma). Default 2.5. */
  readonly cutoff?: number;
  /** Angular parameter sets. Default SOFTNESS_ANGULAR_PARAMS (22). */
  readonly angular?: readonly AngularParams[];
  /**
   * Atom types taken as species, in column order. Default: types 1..(number of elements in the frame's type
   * map), or 1..(largest type) without a type map.
   */
  readonly types?: readonly number[];
}

/** Parameters with defaults filled, in Angstrom. */
export interface ResolvedSymmetryFunctionParams {
  readonly unit: number;
  readonly radialCount: number;
  readonly radialStep: number;
  readonly radialWidth: number;
  readonly cutoff: number;
  readonly angular: readonly AngularParams[];
}

function positive(name: string, v: number): number {
  if (!(Number.isFinite(v) && v > 0))
    throw new Error(`symmetry functions: ${name} must be a positive number, got ${v}`);
  return v;
}

/** Checks parameters and fills defaults (lengths still in sigma, except `unit`). */
export function resolveSymmetryFunctionParams(p: SymmetryFunctionParams = {}): ResolvedSymmetryFunctionParams {
  const radialCount = p.radialCount ?? 50;
  if (!Number.isInteger(radialCount) || radialCount < 0)
    throw new Error(`symmetry functions: radialCount must be a non-negative integer, got ${radialCount}`);
  const angular = p.angular ?? SOFTNESS_ANGULAR_PARAMS;
  for (const a of angular) {
    positive("xi", a.xi);
    if (a.lambda !== 1 && a.lambda !== -1)
      throw new Error(`symmetry functions: lambda must be +1 or -1, got ${a.lambda}`);
    if (!(Number.isFinite(a.zeta) && a.zeta >= 1))
      throw new Error(`symmetry functions: zeta must be >= 1, got ${a.zeta}`);
  }
  return {
    unit: positive("unit", p.unit ?? 2.52),
    radialCount,
    radialStep: positive("radialStep", p.radialStep ?? 0.1),
    radialWidth: positive("radialWidth", p.radialWidth ?? 0.1),
    cutoff: positive("cutoff", p.cutoff ?? 2.5),
    angular,
  };
}

function fmt(x: number): string {
  return String(Number(x.toFixed(6)));
}

/**
 * Column labels: `sf_g_<X>_r<r>` for each species X then each r (in sigma), then
 * `sf_psi_<X>_<Y>_xi<xi>_lambda<l>_zeta<z>` for each unordered species pair (X <= Y in species order) then
 * each angular parameter set.
 */
export function symmetryFunctionLabels(species: readonly string[], p: ResolvedSymmetryFunctionParams): string[] {
  const out: string[] = [];
  for (const x of species) for (let k = 0; k < p.radialCount; k++) out.push(`sf_g_${x}_r${fmt(k * p.radialStep)}`);
  for (let a = 0; a < species.length; a++) {
    for (let b = a; b < species.length; b++) {
      for (const q of p.angular)
        out.push(`sf_psi_${species[a]}_${species[b]}_xi${fmt(q.xi)}_lambda${q.lambda}_zeta${fmt(q.zeta)}`);
    }
  }
  return out;
}

let lastKernel: { p: ResolvedSymmetryFunctionParams; nSpecies: number; kernel: AngularSumsKernel } | null = null;

/**
 * The angular-sum kernel of these parameters, kept for the next call with the same `p` object (the chunks of a
 * parallel job call symmetryFunctionRows again and again; a new kernel costs about 0.4 ms). One per thread: each
 * worker thread loads this file, hence compiles the module and makes its kernel, anew. Reuse is safe: a run
 * writes every scratch entry before reading it and zero-fills its sums.
 */
function angularKernel(p: ResolvedSymmetryFunctionParams, nSpecies: number): AngularSumsKernel {
  if (lastKernel === null || lastKernel.p !== p || lastKernel.nSpecies !== nSpecies)
    lastKernel = { p, nSpecies, kernel: new AngularSumsKernel(angularPlan(p.angular, p.unit, nSpecies)) };
  return lastKernel.kernel;
}

/**
 * Radial terms (Eq. 2) of one bond of length r: adds exp(-(r - k h)^2 / 2s^2) to out[base + k], k < nr, from the
 * shell nearest r outwards with the exact recurrence g_{k+1} = g_k R_k, R_{k+1} = R_k exp(-h^2/s^2) (three exp
 * per bond instead of nr); `decay` = exp(-h^2/s^2), inv2s2 = 1 / 2s^2.
 */
function addRadialGaussians(
  out: Float64Array,
  base: number,
  nr: number,
  r: number,
  h: number,
  inv2s2: number,
  decay: number,
): void {
  let k0 = Math.round(r / h);
  if (k0 > nr - 1) k0 = nr - 1;
  const dk = r - k0 * h;
  const g0 = Math.exp(-dk * dk * inv2s2);
  out[base + k0] += g0;
  let g = g0;
  let ratio = Math.exp((2 * dk * h - h * h) * inv2s2);
  for (let k = k0 + 1; k < nr && g > 0; k++) {
    g *= ratio;
    ratio *= decay;
    out[base + k] += g;
  }
  g = g0;
  ratio = Math.exp((-2 * dk * h - h * h) * inv2s2);
  for (let k = k0 - 1; k >= 0 && g > 0; k--) {
    g *= ratio;
    ratio *= decay;
    out[base + k] += g;
  }
}

/**
 * Computes Eqs. 2-3 for every atom from a neighbor list that holds (at least) every neighbor within Rc.
 * Entries beyond Rc are ignored, so a longer list gives the same result.
 *
 * @param list neighbor list (bond vectors r_j - r_i in Angstrom)
 * @param species species index 0..nSpecies-1 of every atom, or -1 for atoms of no listed species (they neither
 *   contribute as neighbors nor get a special row: their own row is computed like any other)
 * @param nSpecies number of species
 * @param p resolved parameters
 * @returns N x F row-major values, F = nSpecies radialCount + nSpecies(nSpecies+1)/2 angular.length
 */
export function symmetryFunctions(
  list: NeighborList,
  species: Int32Array,
  nSpecies: number,
  p: ResolvedSymmetryFunctionParams,
): Float64Array {
  const n = list.n;
  if (species.length !== n) throw new Error(`symmetry functions: ${species.length} species for ${n} atoms`);
  const out = new Float64Array(n * symmetryFunctionWidth(nSpecies, p));
  symmetryFunctionRows(list, species, nSpecies, p, out, 0);
  return out;
}

/** Number of columns of the symmetry functions of `nSpecies` species. */
export function symmetryFunctionWidth(nSpecies: number, p: ResolvedSymmetryFunctionParams): number {
  return nSpecies * p.radialCount + ((nSpecies * (nSpecies + 1)) / 2) * p.angular.length;
}

/**
 * The rows of symmetryFunctions for the rows of `list` (which may be a few atoms' rows: neighbor indices index
 * `species`, the species of every atom of the frame), written to `out` (zero-filled) from row `firstRow` on.
 * Each row depends on its own list row only, so rows computed in any grouping, on any thread, are bitwise equal.
 * The angular sums of each atom run in the WebAssembly kernel (symmetry-function-kernels.wat, AngularSumsKernel).
 */
export function symmetryFunctionRows(
  list: NeighborList,
  species: Int32Array,
  nSpecies: number,
  p: ResolvedSymmetryFunctionParams,
  out: Float64Array,
  firstRow: number,
): void {
  const n = list.n;
  const nr = p.radialCount;
  const npar = p.angular.length;
  const nPairs = (nSpecies * (nSpecies + 1)) / 2;
  const width = nSpecies * nr + nPairs * npar;
  const u = p.unit;
  const rc = p.cutoff * u;
  const h = p.radialStep * u;
  const s = p.radialWidth * u;
  const inv2s2 = 1 / (2 * s * s);
  const decay = Math.exp(-(h * h) / (s * s)); // ratio of successive Gaussian ratios
  const kernel = npar > 0 ? angularKernel(p, nSpecies) : null;
  const speciesStart = new Int32Array(nSpecies + 1);
  const v = list.vectors;
  const d = list.distances;

  for (let i = 0; i < n; i++) {
    const row = (firstRow + i) * width;
    const start = list.offsets[i];
    const end = list.offsets[i + 1];
    // Radial (Eq. 2), and a counting sort of the bonds within Rc by species.
    speciesStart.fill(0);
    for (let e = start; e < end; e++) {
      const r = d[e];
      const sj = species[list.indices[e]];
      if (!(r <= rc) || sj < 0) continue;
      speciesStart[sj + 1]++;
      if (nr > 0) addRadialGaussians(out, row + sj * nr, nr, r, h, inv2s2, decay);
    }
    if (kernel === null) continue;
    kernel.reserve(end - start);
    const { bx, by, bz, br, bs, acc } = kernel.arrays;
    for (let t = 0; t < nSpecies; t++) speciesStart[t + 1] += speciesStart[t];
    const nb = speciesStart[nSpecies];
    for (let e = start; e < end; e++) {
      const r = d[e];
      const sj = species[list.indices[e]];
      if (!(r <= rc) || sj < 0) continue;
      const b = speciesStart[sj]++;
      bx[b] = v[3 * e];
      by[b] = v[3 * e + 1];
      bz[b] = v[3 * e + 2];
      br[b] = r;
      bs[b] = sj;
    }
    // speciesStart[t] is now the end of species t's block; shift back to block starts.
    for (let t = nSpecies; t > 0; t--) speciesStart[t] = speciesStart[t - 1];
    speciesStart[0] = 0;
    kernel.arrays.speciesStart.set(speciesStart);
    kernel.run(nb);
    out.set(acc, row + nSpecies * nr);
  }
}
