import type { NeighborList } from "../neighbors/neighbor-list";
import { checkCutoff, type StructureContext } from "./context";
import type { Citation, FeatureReach, ReachScale } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { BaseFeaturizer, ownReach } from "./featurizer";
import { LECHNER_DELLAGO_2008, STEINHARDT_1983, WANG_JAIN_2019 } from "./literature-citations";
import { SphericalHarmonics } from "./spherical-harmonics";
import { LITERATURE_FLAGS } from "./voronoi-index";
import { wigner3jInvariantTable } from "./wigner3j";

/**
 * Bond-orientational order (Steinhardt, Nelson & Ronchetti 1983) and its coarse-grained form (Lechner & Dellago
 * 2008), the paper's BOOP feature set (Methods, set vii).
 *
 * For atom i with neighbors N(i) (|N(i)| = N_b, bonds unweighted):
 *   q_lm(i) = (1/N_b) sum_{j in N(i)} Y_lm(r_ij)                                   (SNR83 Eq. 1.3)
 *   q_l(i)  = sqrt(4 pi/(2l+1) sum_{m=-l..l} |q_lm(i)|^2)                           (SNR83 Eq. 1.4)
 *   w_l(i)  = sum_{m1+m2+m3=0} (l l l; m1 m2 m3) q_lm1 q_lm2 q_lm3                   (SNR83 Eq. 1.5)
 *   w^_l(i) = w_l(i) / (sum_m |q_lm(i)|^2)^{3/2}                                     (SNR83 Eq. 1.6)
 * which are exactly the numbers of LAMMPS `compute orientorder/atom ... wl/hat yes` given the same neighbors.
 * Coarse-grained (Lechner & Dellago 2008, Eq. 6, with the centre included as in the authors' code):
 *   Q_lm(i) = (q_lm(i) + sum_{j in N(i)} q_lm(j)) / (N_b + 1),
 * and qbar_l, wbar_l are q_l, w^_l evaluated on Q_lm.
 *
 * NaN policy: an atom without neighbors has no bond directions, so q_l and w^_l are NaN (not 0, which would
 * read as "perfectly disordered"; LAMMPS writes 0) and the row is flagged LITERATURE_FLAGS.noNeighbor; w^_l is
 * also NaN when sum_m |q_lm|^2 = 0. The coarse-grained values of such
 * an atom average whatever q_lm exist around it (its own q_lm count as 0).
 */

/** Per-atom q_lm for m = 0..l of each requested l (q_l,-m = (-1)^m conj(q_lm) is implied). */
export interface BondHarmonics {
  readonly n: number;
  readonly ls: readonly number[];
  /** Entries per atom: sum over ls of (l + 1). */
  readonly stride: number;
  /** Offset of (l = ls[k], m = 0) within an atom's block. */
  readonly offsets: Int32Array;
  /** Real and imaginary parts, n x stride. */
  readonly re: Float64Array;
  readonly im: Float64Array;
  /** Number of bonds each atom's q_lm averages (N_b; N_b + 1 for coarse-grained harmonics). */
  readonly counts: Int32Array;
}

/** Validates a list of spherical-harmonic degrees (non-negative integers, no duplicates, at most 60). */
export function checkDegrees(ls: readonly number[]): readonly number[] {
  if (ls.length === 0) throw new Error("bond-orientational order needs at least one degree l");
  const seen = new Set<number>();
  for (const l of ls) {
    if (!Number.isInteger(l) || l < 0 || l > 60) throw new Error(`degree l must be an integer in 0..60, got ${l}`);
    if (seen.has(l)) throw new Error(`degree l = ${l} is listed twice`);
    seen.add(l);
  }
  return ls;
}

function layout(ls: readonly number[]): { stride: number; offsets: Int32Array } {
  const offsets = new Int32Array(ls.length);
  let stride = 0;
  for (let k = 0; k < ls.length; k++) {
    offsets[k] = stride;
    stride += ls[k] + 1;
  }
  return { stride, offsets };
}

/** q_lm(i) of every atom over the bonds of `list` (unweighted average of Y_lm of the bond directions). */
export function bondHarmonics(list: NeighborList, ls: readonly number[]): BondHarmonics {
  checkDegrees(ls);
  const n = list.n;
  const { stride, offsets } = layout(ls);
  const lmax = Math.max(...ls);
  const sh = new SphericalHarmonics(lmax);
  const yr = new Float64Array(sh.size);
  const yi = new Float64Array(sh.size);
  const re = new Float64Array(n * stride);
  const im = new Float64Array(n * stride);
  const counts = new Int32Array(n);
  const v = list.vectors;
  const nl = ls.length;
  for (let i = 0; i < n; i++) {
    const start = list.offsets[i];
    const end = list.offsets[i + 1];
    const base = i * stride;
    for (let e = start; e < end; e++) {
      sh.evaluate(v[3 * e], v[3 * e + 1], v[3 * e + 2], yr, yi);
      for (let k = 0; k < nl; k++) {
        const l = ls[k];
        const src = (l * (l + 1)) / 2;
        const dst = base + offsets[k];
        for (let m = 0; m <= l; m++) {
          re[dst + m] += yr[src + m];
          im[dst + m] += yi[src + m];
        }
      }
    }
    const nb = end - start;
    counts[i] = nb;
    if (nb > 0) {
      const inv = 1 / nb;
      for (let s = 0; s < stride; s++) {
        re[base + s] *= inv;
        im[base + s] *= inv;
      }
    }
  }
  return { n, ls: ls.slice(), stride, offsets, re, im, counts };
}

/**
 * The bond harmonics of the `kind` neighbors of a context, computed once per context and shared by boop and
 * mro_boop's coarse-grained part (which needs the same q_lm).
 */
export function contextBondHarmonics(
  ctx: StructureContext,
  kind: NeighborKind,
  cutoff: number | undefined,
  ls: readonly number[],
): BondHarmonics {
  const key = `bond_harmonics(${ls.join(",")};${kind};${kind === "cut" ? (cutoff ?? ctx.cutoff) : ""})`;
  return ctx.shared(key, () => bondHarmonics(neighborsOfKind(ctx, kind, cutoff), ls));
}

/**
 * Lechner-Dellago averaged harmonics: Q_lm(i) = (q_lm(i) + sum_{j in N(i)} q_lm(j)) / (N_b(i) + 1), over the rows
 * of `list` (normally the same list the q_lm were computed from).
 */
export function coarseGrainHarmonics(h: BondHarmonics, list: NeighborList): BondHarmonics {
  if (list.n !== h.n)
    throw new Error(`coarse-graining harmonics: the neighbor list has ${list.n} rows, the harmonics ${h.n}`);
  const { n, stride } = h;
  const re = new Float64Array(n * stride);
  const im = new Float64Array(n * stride);
  const counts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * stride;
    for (let s = 0; s < stride; s++) {
      re[base + s] = h.re[base + s];
      im[base + s] = h.im[base + s];
    }
    const start = list.offsets[i];
    const end = list.offsets[i + 1];
    for (let e = start; e < end; e++) {
      const jb = list.indices[e] * stride;
      for (let s = 0; s < stride; s++) {
        re[base + s] += h.re[jb + s];
        im[base + s] += h.im[jb + s];
      }
    }
    const c = end - start + 1;
    // An isolated atom without bonds has nothing to average: keep it NaN downstream.
    counts[i] = end === start && h.counts[i] === 0 ? 0 : c;
    const inv = 1 / c;
    for (let s = 0; s < stride; s++) {
      re[base + s] *= inv;
      im[base + s] *= inv;
    }
  }
  return { n, ls: h.ls, stride, offsets: h.offsets, re, im, counts };
}

/** q_l and normalised w^_l of every atom from its harmonics. */
export interface SteinhardtInvariants {
  readonly n: number;
  readonly ls: readonly number[];
  /** q_l, n x ls.length (row-major). */
  readonly q: Float64Array;
  /** w^_l, n x ls.length (row-major). */
  readonly w: Float64Array;
}

/** q_l (SNR83 Eq. 1.4) and w^_l (Eq. 1.6) from per-atom q_lm; NaN where an atom averaged no bond. */
export function steinhardtInvariants(h: BondHarmonics): SteinhardtInvariants {
  const { n, ls, stride, offsets } = h;
  const nl = ls.length;
  const q = new Float64Array(n * nl);
  const w = new Float64Array(n * nl);
  const lmax = Math.max(...ls);
  const fr = new Float64Array(2 * lmax + 1);
  const fi = new Float64Array(2 * lmax + 1);
  const tables = ls.map((l) => wigner3jInvariantTable(l));
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < nl; k++) {
      const l = ls[k];
      const out = i * nl + k;
      if (h.counts[i] === 0) {
        q[out] = NaN;
        w[out] = NaN;
        continue;
      }
      const base = i * stride + offsets[k];
      // Full set m = -l..l at index m + l, using q_l,-m = (-1)^m conj(q_lm).
      let norm = 0;
      for (let m = 0; m <= l; m++) {
        const a = h.re[base + m];
        const b = h.im[base + m];
        fr[l + m] = a;
        fi[l + m] = b;
        const sign = m % 2 === 0 ? 1 : -1;
        fr[l - m] = sign * a;
        fi[l - m] = -sign * b;
        norm += m === 0 ? a * a + b * b : 2 * (a * a + b * b);
      }
      q[out] = Math.sqrt(((4 * Math.PI) / (2 * l + 1)) * norm);
      if (!(norm > 0)) {
        w[out] = NaN;
        continue;
      }
      const t = tables[k];
      let wl = 0;
      for (let s = 0; s < t.coefficient.length; s++) {
        const i1 = t.m1[s] + l;
        const i2 = t.m2[s] + l;
        const i3 = t.m3[s] + l;
        // Real part of the triple product (the imaginary part cancels in the sum).
        const pr = fr[i1] * fr[i2] - fi[i1] * fi[i2];
        const pi = fr[i1] * fi[i2] + fi[i1] * fr[i2];
        wl += t.coefficient[s] * (pr * fr[i3] - pi * fi[i3]);
      }
      w[out] = wl / (norm * Math.sqrt(norm));
    }
  }
  return { n, ls, q, w };
}

/** Default degrees of the paper's BOOP set: l = 4, 6, 8, 10. */
export const BOOP_DEGREES: readonly number[] = Object.freeze([4, 6, 8, 10]);

/** Which neighbor definitions a BOOP featurizer uses: "voro" (face-filtered Voronoi) and/or "cut" (0 < d < rc). */
export type NeighborKind = "voro" | "cut";

/** Parameters of the BOOP featurizers. */
export interface BoopParams {
  /** Degrees l. Default 4, 6, 8, 10. */
  readonly l?: readonly number[];
  /** Neighbor definitions, in column order. Default ["voro", "cut"]. */
  readonly neighbors?: readonly NeighborKind[];
  /** Cutoff radius (Angstrom) of the "cut" neighbors. Default: the context's cutoff (4.0 A unless set). */
  readonly cutoff?: number;
}

function resolveBoop(params: BoopParams): {
  ls: readonly number[];
  kinds: readonly NeighborKind[];
  cutoff: number | undefined;
} {
  const ls = checkDegrees(params.l ?? BOOP_DEGREES);
  const kinds = params.neighbors ?? ["voro", "cut"];
  if (kinds.length === 0) throw new Error("BOOP needs at least one neighbor definition (voro or cut)");
  for (const k of kinds)
    if (k !== "voro" && k !== "cut") throw new Error(`BOOP neighbors must be "voro" or "cut", got "${String(k)}"`);
  if (new Set(kinds).size !== kinds.length)
    throw new Error(`BOOP neighbor definitions are repeated: ${kinds.join(", ")}`);
  if (params.cutoff !== undefined) checkCutoff(params.cutoff, "BOOP cutoff");
  return { ls, kinds, cutoff: params.cutoff };
}

/** The neighbor list of one kind from the context. */
export function neighborsOfKind(ctx: StructureContext, kind: NeighborKind, cutoff?: number): NeighborList {
  return kind === "voro" ? ctx.voronoiNeighbors() : ctx.cutoffNeighbors(cutoff ?? ctx.cutoff);
}

function boopLabels(prefixQ: string, prefixW: string, ls: readonly number[], kinds: readonly NeighborKind[]): string[] {
  const out: string[] = [];
  for (const kind of kinds) {
    for (const l of ls) out.push(`${prefixQ}${l}_${kind}`);
    for (const l of ls) out.push(`${prefixW}${l}_${kind}`);
  }
  return out;
}

function fillInvariants(out: Float64Array, width: number, col: number, inv: SteinhardtInvariants): void {
  const nl = inv.ls.length;
  for (let i = 0; i < inv.n; i++) {
    for (let k = 0; k < nl; k++) {
      out[i * width + col + k] = inv.q[i * nl + k];
      out[i * width + col + nl + k] = inv.w[i * nl + k];
    }
  }
}

/**
 * BOOP SRO set (paper set vii): for each neighbor definition, q_l then w^_l for each l.
 * Default columns (16): q4_voro q6_voro q8_voro q10_voro w4_voro w6_voro w8_voro w10_voro, then the same with _cut.
 * `w` columns are the normalised w^_l (LAMMPS `wl/hat`).
 */
export class BoopFeaturizer extends BaseFeaturizer {
  readonly name = "boop";
  readonly key: string;
  private readonly ls: readonly number[];
  private readonly kinds: readonly NeighborKind[];
  private readonly cutoff: number | undefined;

  constructor(params: BoopParams = {}) {
    super();
    const r = resolveBoop(params);
    this.ls = r.ls;
    this.kinds = r.kinds;
    this.cutoff = r.cutoff;
    this.key = `boop(${this.ls.join(",")};${this.kinds.join(",")};${this.cutoff ?? "ctx"})`;
  }

  featureLabels(): string[] {
    return boopLabels("q", "w", this.ls, this.kinds);
  }

  citations(): Citation[] {
    return [STEINHARDT_1983, WANG_JAIN_2019];
  }

  /** Its own neighbors of each kind. */
  reach(scale: ReachScale): FeatureReach {
    return ownReach(...this.kinds.map((k) => (k === "voro" ? scale.voronoi : (this.cutoff ?? scale.cutoff))));
  }

  compute(ctx: StructureContext): FeatureMatrix {
    const labels = this.featureLabels();
    const width = labels.length;
    const values = new Float64Array(ctx.n * width);
    const nl = this.ls.length;
    const flags = new Uint8Array(ctx.n);
    this.kinds.forEach((kind, s) => {
      const h = contextBondHarmonics(ctx, kind, this.cutoff, this.ls);
      fillInvariants(values, width, s * 2 * nl, steinhardtInvariants(h));
      for (let i = 0; i < ctx.n; i++) if (h.counts[i] === 0) flags[i] |= LITERATURE_FLAGS.noNeighbor;
    });
    return { n: ctx.n, labels, values, flags };
  }
}

/**
 * Coarse-grained BOOP (paper, MRO of set vii; Lechner & Dellago 2008): qbar_l then wbar_l (normalised) for each
 * neighbor definition, the averaging running over the same neighbors the q_lm were computed from.
 * Default columns (16): qbar4_voro .. qbar10_voro wbar4_voro .. wbar10_voro, then the same with _cut.
 */
export class CoarseGrainedBoopFeaturizer extends BaseFeaturizer {
  readonly name = "boop_coarse";
  readonly key: string;
  private readonly ls: readonly number[];
  private readonly kinds: readonly NeighborKind[];
  private readonly cutoff: number | undefined;

  constructor(params: BoopParams = {}) {
    super();
    const r = resolveBoop(params);
    this.ls = r.ls;
    this.kinds = r.kinds;
    this.cutoff = r.cutoff;
    this.key = `boop_coarse(${this.ls.join(",")};${this.kinds.join(",")};${this.cutoff ?? "ctx"})`;
  }

  featureLabels(): string[] {
    return boopLabels("qbar", "wbar", this.ls, this.kinds);
  }

  citations(): Citation[] {
    return [STEINHARDT_1983, LECHNER_DELLAGO_2008, WANG_JAIN_2019];
  }

  /** The q_lm of its neighbors, each over that neighbor's own neighbors (Lechner & Dellago 2008, Eq. 6). */
  reach(scale: ReachScale): FeatureReach {
    const hop = Math.max(...this.kinds.map((k) => (k === "voro" ? scale.voronoi : (this.cutoff ?? scale.cutoff))));
    return { rows: hop, bond: hop };
  }

  compute(ctx: StructureContext): FeatureMatrix {
    const labels = this.featureLabels();
    const width = labels.length;
    const values = new Float64Array(ctx.n * width);
    const nl = this.ls.length;
    this.kinds.forEach((kind, s) => {
      const list = neighborsOfKind(ctx, kind, this.cutoff);
      const h = coarseGrainHarmonics(contextBondHarmonics(ctx, kind, this.cutoff, this.ls), list);
      fillInvariants(values, width, s * 2 * nl, steinhardtInvariants(h));
    });
    return { n: ctx.n, labels, values };
  }
}
