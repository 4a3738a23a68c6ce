import type { Frame } from "../structure/frame";
import { cutoffNeighbors } from "../neighbors/cutoff-neighbors";

/**
 * A group of atoms of a frame: a 0/1 (or boolean) mask of length natoms, or a list of 0-based atom indices
 * (rows of the frame). Omitted = all atoms.
 */
export type AtomSelection = { mask: ArrayLike<number | boolean> } | { indices: ArrayLike<number> };

/** The 0-based rows selected by `selection` (all rows when it is undefined), checked against natoms. */
export function selectionIndices(selection: AtomSelection | undefined, natoms: number, what = "selection"): Int32Array {
  if (selection === undefined) return Int32Array.from({ length: natoms }, (_, i) => i);
  if ("mask" in selection) {
    const m = selection.mask;
    if (m.length !== natoms) throw new Error(`${what}: mask of length ${m.length} for ${natoms} atoms`);
    const out: number[] = [];
    for (let i = 0; i < natoms; i++) if (m[i]) out.push(i);
    return Int32Array.from(out);
  }
  const idx = selection.indices;
  const seen = new Uint8Array(natoms);
  const out = new Int32Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    if (!Number.isInteger(i) || i < 0 || i >= natoms)
      throw new Error(`${what}: index ${i} (entry ${k}) is not an atom row 0..${natoms - 1}`);
    if (seen[i]) throw new Error(`${what}: index ${i} appears twice`);
    seen[i] = 1;
    out[k] = i;
  }
  return out;
}

/** Options of `PairCorrelation`. */
export interface PairCorrelationOptions {
  /** Largest distance (Angstrom); pairs with 0 < d < rMax are counted. */
  rMax: number;
  /** Number of equal-width bins on [rMin, rMax) (default 200). */
  bins?: number;
  /** Smallest distance of the histogram (default 0). */
  rMin?: number;
}

/** The result of `PairCorrelation.compute`. */
export interface PairCorrelationResult {
  /** Bin edges (bins + 1) and centres (Angstrom). */
  edges: Float64Array;
  r: Float64Array;
  /** Centre-target pairs (ordered, periodic images included) with distance in each bin. */
  counts: Float64Array;
  /** g(r): counts over the ideal-gas count of the bin. */
  g: Float64Array;
  /** Running coordination: mean number of targets per centre with distance below each bin's upper edge. */
  cumulative: Float64Array;
  nCenters: number;
  nTargets: number;
  /** Atoms that are both centre and target (their zero self-distance is never counted). */
  nShared: number;
  /** Ideal-gas normalisation density (nCenters nTargets - nShared) / (nCenters V) (1/Angstrom^3). */
  density: number;
}

/**
 * Radial distribution function g(r) of centre atoms against target atoms in a periodic box (all atoms by
 * default; partial g(r) of two groups otherwise), like freud.density.RDF and LAMMPS `compute rdf`.
 *
 * g(r_k) = n_k / (N_c rho V_k): n_k the number of centre-target pairs with distance in bin k (periodic images
 * included, so rMax may exceed half the box), V_k = 4 pi (r_{k+1}^3 - r_k^3) / 3 the shell volume and
 * rho = (N_c N_t - N_shared) / (N_c V) the density of targets seen from a centre, without the centre itself
 * (the normalisation of LAMMPS `compute rdf`, which subtracts the "duplicates" i = j). An ideal gas then has
 * g = 1 on average at every r. Distances come from `cutoffNeighbors` (0 < d < rMax).
 */
export class PairCorrelation {
  readonly rMax: number;
  readonly rMin: number;
  readonly bins: number;

  constructor(options: PairCorrelationOptions) {
    const { rMax, bins = 200, rMin = 0 } = options;
    if (!(rMax > 0) || !Number.isFinite(rMax))
      throw new Error(`PairCorrelation: rMax must be a positive number, got ${rMax}`);
    if (!(rMin >= 0 && rMin < rMax))
      throw new Error(`PairCorrelation: need 0 <= rMin < rMax, got rMin ${rMin}, rMax ${rMax}`);
    if (!Number.isInteger(bins) || bins < 1)
      throw new Error(`PairCorrelation: bins must be a positive integer, got ${bins}`);
    this.rMax = rMax;
    this.rMin = rMin;
    this.bins = bins;
  }

  compute(
    frame: Pick<Frame, "cell" | "positions">,
    centers?: AtomSelection,
    targets?: AtomSelection,
  ): PairCorrelationResult {
    const cell = frame.cell;
    if (!cell.periodic.every((p) => p))
      throw new Error("PairCorrelation: g(r) needs a box periodic in all three directions (its density is N/V)");
    const natoms = frame.positions.length / 3;
    const ci = selectionIndices(centers, natoms, "PairCorrelation centers");
    const ti = selectionIndices(targets, natoms, "PairCorrelation targets");
    if (ci.length === 0) throw new Error("PairCorrelation: no centre atoms");
    if (ti.length === 0) throw new Error("PairCorrelation: no target atoms");
    const isTarget = new Uint8Array(natoms);
    for (const j of ti) isTarget[j] = 1;
    let nShared = 0;
    for (const i of ci) nShared += isTarget[i];

    const { bins, rMin, rMax } = this;
    const width = (rMax - rMin) / bins;
    const counts = new Float64Array(bins);
    const nl = cutoffNeighbors(frame, rMax);
    for (const i of ci) {
      for (let q = nl.offsets[i]; q < nl.offsets[i + 1]; q++) {
        if (!isTarget[nl.indices[q]]) continue;
        const d = nl.distances[q];
        if (d < rMin) continue;
        const b = Math.min(bins - 1, Math.floor((d - rMin) / width));
        counts[b]++;
      }
    }

    const edges = new Float64Array(bins + 1);
    for (let b = 0; b <= bins; b++) edges[b] = rMin + b * width;
    edges[bins] = rMax;
    const density = (ci.length * ti.length - nShared) / (ci.length * cell.volume);
    const r = new Float64Array(bins);
    const g = new Float64Array(bins);
    const cumulative = new Float64Array(bins);
    let running = 0;
    for (let b = 0; b < bins; b++) {
      r[b] = 0.5 * (edges[b] + edges[b + 1]);
      const shell = ((4 * Math.PI) / 3) * (edges[b + 1] ** 3 - edges[b] ** 3);
      g[b] = density > 0 ? counts[b] / (ci.length * density * shell) : NaN;
      running += counts[b];
      cumulative[b] = running / ci.length;
    }
    return { edges, r, counts, g, cumulative, nCenters: ci.length, nTargets: ti.length, nShared, density };
  }
}

/** g(r) in one call: `new PairCorrelation(options).compute(frame, options.centers, options.targets)`. */
export function pairCorrelation(
  frame: Pick<Frame, "cell" | "positions">,
  options: PairCorrelationOptions & { centers?: AtomSelection; targets?: AtomSelection },
): PairCorrelationResult {
  return new PairCorrelation(options).compute(frame, options.centers, options.targets);
}
