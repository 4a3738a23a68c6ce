import * as os from "node:os";
import type { Tessellation } from "../geometry/tessellation";
import { VoronoiAtoms } from "../geometry/voronoi-atoms";
import { AtomCutoffNeighbors } from "../neighbors/atom-cutoff-neighbors";
import { checkNeighborBudget } from "../neighbors/neighbor-budget";
import type { NeighborList } from "../neighbors/neighbor-list";
import type { Frame } from "../structure/frame";
import type { FeatureMatrix } from "../table/feature-matrix";
import { concatFeatureMatrices } from "../table/feature-matrix";
import type { FeaturizeOptionNames, FeaturizeOptions, ResolvedFeaturize } from "./compute-features";
import { resolveFeaturize } from "./compute-features";
import { DomainContext, type DomainNeighborSource } from "./domain-context";
import type { Citation, FeatureReach, ReachScale } from "./featurizer";
import { atomRadii } from "./radii";

/*
 * Featurizing a frame by spatial domains with halos, for frames too large to featurize whole (10^7 atoms):
 * the box is cut into nx x ny x nz blocks along its cell vectors (fractional coordinates, so tilted boxes are cut
 * along their own edges; periodic directions wrap). Each block's atoms are featurized in a StructureContext that
 * also holds its halo, and only the block's own rows are kept. The rows are bitwise those of the whole frame:
 * every Voronoi cell and neighbor row comes from the whole frame's cell lists (VoronoiAtoms, AtomCutoffNeighbors),
 * only for the atoms that need them, and the halo holds every atom a kept row reads.
 *
 * Halo width (each feature set declares its reach, Featurizer.reach, in terms of v, a bound on Voronoi bonds,
 * and the cutoff radii): the rows of atoms within R = max reach.rows of the block are computed with their
 * Voronoi cells and neighbor lists ("listed" atoms), and atoms within R + B (B = max reach.bond) are present so
 * the listed atoms' neighbors exist. For the paper's 80 features: interstice reads its own Voronoi and 4 A
 * lists (rows 0, bond max(v, 4)), MRO the interstice rows of its Voronoi neighbors (rows v), so R = v and
 * R + B = v + max(v, 4 A). v is not known before the cells are: it starts at 2.5 mean spacings, and a domain
 * whose listed atoms have a longer Voronoi bond is done again with v raised to it (v only grows), so the bound
 * always holds for the rows kept.
 */

/** Featurize options plus how the frame is cut into domains. */
export interface DomainFeaturizeOptions extends FeaturizeOptions {
  /**
   * Number of spatial domains: a count (factored into nx x ny x nz blocks with the least halo), explicit blocks
   * [nx, ny, nz], or "auto": the fewest domains whose estimated peak memory fits `memoryBudget`. Default "auto".
   */
  readonly domains?: "auto" | number | readonly [number, number, number];
  /** Bytes the featurize call may use at its peak, for domains "auto". Default: half the machine's memory. */
  readonly memoryBudget?: number;
  /** Told after each domain: how many are done of how many. */
  readonly onDomain?: (done: number, total: number) => void;
  /**
   * Given each domain's own rows as they are done: the frame indices `atoms` (ascending) and their rows
   * (atoms.length x labels.length, row-major), and their degeneracy flags when a set raises any (see
   * FeatureMatrix.flags), e.g. to write them out (writeFeaturesByDomains).
   */
  readonly onRows?: (atoms: Int32Array, values: Float64Array, labels: readonly string[], flags?: Uint8Array) => void;
  /**
   * Assemble the N x F matrix of the result (default true). false keeps only one domain's rows at a time (pass
   * `onRows`): the output, 8 bytes per value, is then not held (6.7 GB for 10^7 atoms x 80 features).
   */
  readonly keepMatrix?: boolean;
}

/** What a domain run did, beside the features. */
export interface DomainReport {
  /** Blocks along a, b, c. */
  readonly blocks: readonly [number, number, number];
  /** Bound on Voronoi bonds the halos were cut with (Angstrom), after any raise. */
  readonly voronoiBond: number;
  /** Halo widths: listed atoms within `rows`, present atoms within `rows + bond` of a block (Angstrom). */
  readonly halo: { readonly rows: number; readonly atoms: number };
  /** Atoms whose cells and neighbor lists were computed, summed over domains, over the frame's atoms. */
  readonly listedFraction: number;
  /** Domains done twice because a Voronoi bond exceeded the bound. */
  readonly redone: number;
}

/** Features of a frame computed by domains (frame order, like computeFeatures). */
export interface DomainFeatureResult {
  readonly ids: Int32Array;
  readonly types: Int32Array;
  readonly matrix: FeatureMatrix;
  readonly citations: Citation[];
  readonly report: DomainReport;
}

/** Bytes per atom of the whole frame that stay allocated during a domain run: output row, frame, cell lists. */
function fixedBytesPerAtom(columns: number, cutoffRadii: number): number {
  return 8 * columns + 1 + 32 + 110 + 90 * cutoffRadii + 12;
}

/** Bytes per listed atom of one domain's work: cells, lists, the sets' matrices and their intermediate copies. */
function domainBytesPerAtom(columns: number): number {
  return 2500 + 24 * columns;
}

/**
 * The fewest domains whose estimated peak fits `budget` bytes (estimates above: fixed per-atom arrays plus one
 * domain's work, with halos adding about 40 %); 1 when the frame fits whole. `keepOutput` false: the N x columns
 * output is not held (only each domain's own matrices count). Throws when even the fixed arrays do not fit.
 */
export function autoDomainCount(
  natoms: number,
  columns: number,
  budget: number,
  cutoffRadii = 1,
  keepOutput = true,
): number {
  const fixed = natoms * fixedBytesPerAtom(keepOutput ? columns : 0, cutoffRadii);
  const work = natoms * 1.4 * domainBytesPerAtom(columns);
  if (fixed + work <= budget) return 1;
  const room = budget - fixed;
  if (room < 0.05 * budget)
    throw new Error(
      `featurize by domains: ${natoms} atoms x ${columns} columns need about ${(fixed / 2 ** 30).toFixed(1)} GiB for the output and the frame alone, over the memory budget of ${(budget / 2 ** 30).toFixed(1)} GiB`,
    );
  return Math.ceil(work / room);
}

/** The blocks nx x ny x nz with product `count` whose block surfaces (halo volume) are smallest for the cell. */
export function domainBlocks(widths: readonly number[], count: number): [number, number, number] {
  if (!(Number.isInteger(count) && count >= 1)) throw new Error(`domains must be a positive integer, got ${count}`);
  let best: [number, number, number] = [count, 1, 1];
  let bestCost = Number.POSITIVE_INFINITY;
  for (let a = 1; a <= count; a++) {
    if (count % a) continue;
    for (let b = 1; b <= count / a; b++) {
      if ((count / a) % b) continue;
      const c = count / a / b;
      const w = [widths[0] / a, widths[1] / b, widths[2] / c];
      const cost = w[0] * w[1] + w[1] * w[2] + w[0] * w[2];
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best = [a, b, c];
      }
    }
  }
  return best;
}

/** The whole frame's neighbor rows for chosen atoms: one VoronoiAtoms and one cell list per cutoff radius. */
class WholeFrameNeighbors implements DomainNeighborSource {
  private voronoiAtoms: VoronoiAtoms | null = null;
  private readonly cut = new Map<number, AtomCutoffNeighbors>();

  constructor(
    private readonly frame: Frame,
    private readonly radical: boolean,
    private readonly radii: () => Float64Array,
  ) {}

  cells(atoms: Int32Array): Tessellation {
    this.voronoiAtoms ??= new VoronoiAtoms(this.frame, this.radical ? { radii: this.radii() } : {});
    return this.voronoiAtoms.cells(atoms);
  }

  cutoffRows(rc: number, atoms: Int32Array): NeighborList {
    let c = this.cut.get(rc);
    if (c === undefined) {
      checkNeighborBudget(this.frame.natoms, this.frame.cell.volume, rc, this.frame.source?.file ?? "frame");
      c = new AtomCutoffNeighbors(this.frame, rc);
      this.cut.set(rc, c);
    }
    return c.rows(atoms);
  }
}

/** The atoms of `order` as a frame (positions, ids, types; no extra columns), sharing the cell and type map. */
function pickAtoms(frame: Frame, order: Int32Array): Frame {
  const n = order.length;
  const positions = new Float64Array(3 * n);
  const ids = new Int32Array(n);
  const types = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    positions[3 * k] = frame.positions[3 * i];
    positions[3 * k + 1] = frame.positions[3 * i + 1];
    positions[3 * k + 2] = frame.positions[3 * i + 2];
    ids[k] = frame.ids[i];
    types[k] = frame.types[i];
  }
  return { ...frame, natoms: n, ids, types, positions, unwrapped: null, images: null, columns: new Map() };
}

/** Per-direction fractional bounds of the blocked region: [0, 1) when periodic, else the atoms' extent. */
function fractionalBounds(frame: Frame): { lo: Float64Array; span: Float64Array } {
  const lo = new Float64Array(3);
  const span = new Float64Array(3).fill(1);
  const inv = frame.cell.inverse;
  const o = frame.cell.origin;
  for (let k = 0; k < 3; k++) {
    if (frame.cell.periodic[k]) continue;
    let a = Number.POSITIVE_INFINITY;
    let b = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < frame.natoms; i++) {
      const p = 3 * i;
      const s =
        inv[k] * (frame.positions[p] - o[0]) +
        inv[3 + k] * (frame.positions[p + 1] - o[1]) +
        inv[6 + k] * (frame.positions[p + 2] - o[2]);
      if (s < a) a = s;
      if (s > b) b = s;
    }
    lo[k] = frame.natoms > 0 ? a : 0;
    span[k] = frame.natoms > 0 && b > a ? b - a : 1;
  }
  return { lo, span };
}

/**
 * Block coordinates of every atom (3 per atom, block units: block q along k spans [q, q + 1)) and, in `block`,
 * its block index (bx * ny + by) * nz + bz.
 */
function blockCoordinates(
  frame: Frame,
  blocks: readonly [number, number, number],
): { coord: Float32Array; block: Int32Array; span: Float64Array } {
  const { lo, span } = fractionalBounds(frame);
  const inv = frame.cell.inverse;
  const o = frame.cell.origin;
  const n = frame.natoms;
  const coord = new Float32Array(3 * n);
  const block = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = 3 * i;
    const x = frame.positions[p] - o[0];
    const y = frame.positions[p + 1] - o[1];
    const z = frame.positions[p + 2] - o[2];
    let id = 0;
    for (let k = 0; k < 3; k++) {
      let s = (inv[k] * x + inv[3 + k] * y + inv[6 + k] * z - lo[k]) / span[k];
      if (frame.cell.periodic[k]) s -= Math.floor(s);
      let u = s * blocks[k];
      let q = Math.floor(u);
      if (q < 0) q = 0;
      if (q >= blocks[k]) q = blocks[k] - 1;
      // Block coordinates are single precision: membership tests below widen their margins to cover it.
      if (u < 0) u = 0;
      coord[p + k] = u;
      id = id * blocks[k] + q;
    }
    block[i] = id;
  }
  return { coord, block, span };
}

/**
 * Atoms within `width` Angstrom of block (qa, qb, qc), ascending (a superset: the block widened by width along
 * each cell direction, wrapping along periodic ones; `margin` block units more cover single precision).
 */
function atomsNear(
  coord: Float32Array,
  q: readonly number[],
  widen: readonly number[],
  blocks: readonly number[],
  periodic: readonly boolean[],
): Int32Array {
  const n = coord.length / 3;
  const out: number[] = [];
  const margin = 1e-5;
  outer: for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      const e = widen[k] + margin * blocks[k];
      const u = coord[3 * i + k];
      const nb = blocks[k];
      if (periodic[k] && 1 + 2 * e >= nb) continue;
      let d = u < q[k] ? q[k] - u : u > q[k] + 1 ? u - q[k] - 1 : 0;
      if (periodic[k]) {
        // Distance to the block around the periodic direction (in block units).
        const alt = u < q[k] ? u + nb - q[k] - 1 : q[k] + nb - u;
        if (alt < d) d = Math.max(0, alt);
      }
      if (d > e) continue outer;
    }
    out.push(i);
  }
  return Int32Array.from(out);
}

/** The reach of the resolved sets at Voronoi bond bound `v`; throws naming a set that declares none. */
function setsReach(resolved: ResolvedFeaturize, scale: ReachScale): FeatureReach {
  let rows = 0;
  let bond = 0;
  for (const f of resolved.featurizers) {
    const r = f.reach?.(scale);
    if (r === undefined)
      throw new Error(
        `feature set "${f.name}" cannot be computed by domains: it declares no reach (or reads the whole frame, e.g. its composition)`,
      );
    rows = Math.max(rows, r.rows);
    bond = Math.max(bond, r.bond);
  }
  return { rows, bond };
}

/** Longest face bond among the listed atoms' cells (0 when no cell was computed). */
function longestVoronoiBond(t: Tessellation | null): number {
  if (t === null) return 0;
  let m = 0;
  const v = t.faceVectors;
  for (let f = 0; f < t.faceNeighbors.length; f++) {
    const d = Math.hypot(v[3 * f], v[3 * f + 1], v[3 * f + 2]);
    if (d > m) m = d;
  }
  return m;
}

/**
 * The named feature sets of `frame` computed by spatial domains with halos (see the note at the top of this
 * file): rows bitwise equal to computeFeatures(frame, sets, options), in frame order, with the memory of one
 * domain at a time (plus the output). Sets that read the whole frame (csro, mro_csro: the composition) are
 * refused. The tessellation runs on the calling thread (`threads` is not used).
 */
export function computeFeaturesByDomains(
  frame: Frame,
  sets: readonly string[],
  options: DomainFeaturizeOptions = {},
  names: FeaturizeOptionNames & { readonly domains?: string } = {},
): DomainFeatureResult {
  const resolved = resolveFeaturize(sets, options, names);
  const ctxOptions = resolved.options;
  const n = frame.natoms;
  const widths = frame.cell.widths;
  const spacing = Math.cbrt(frame.cell.volume / Math.max(n, 1));
  let v = 2.5 * spacing;
  // Checked before any work: every set declares a reach.
  setsReach(resolved, { voronoi: v, cutoff: ctxOptions.cutoff });
  const domains = options.domains ?? "auto";
  let blocks: [number, number, number];
  if (Array.isArray(domains)) {
    const d = domains as readonly number[];
    if (d.length !== 3 || !d.every((x) => Number.isInteger(x) && x >= 1))
      throw new Error(`${names.domains ?? "domains"} must be three positive integers, got [${d.join(", ")}]`);
    blocks = [d[0], d[1], d[2]];
  } else if (domains === "auto") {
    const budget = options.memoryBudget ?? os.totalmem() / 2;
    if (!(Number.isFinite(budget) && budget > 0))
      throw new Error(`memoryBudget must be a positive number of bytes, got ${budget}`);
    const columns = resolved.featurizers.reduce((s, f) => s + safeWidth(f), 0);
    blocks = domainBlocks(widths, autoDomainCount(n, columns, budget, 1, options.keepMatrix ?? true));
  } else if (typeof domains === "number" && Number.isInteger(domains) && domains >= 1) {
    blocks = domainBlocks(widths, domains);
  } else {
    throw new Error(`${names.domains ?? "domains"} must be "auto" or a positive integer, got ${String(domains)}`);
  }
  const radiiCache: { r: Float64Array | null } = { r: null };
  const radii = (): Float64Array => {
    radiiCache.r ??= ctxOptions.atomRadii ?? atomRadii(frame, ctxOptions.radii);
    return radiiCache.r;
  };
  if (ctxOptions.atomRadii && ctxOptions.atomRadii.length !== n)
    throw new Error(`atomRadii has ${ctxOptions.atomRadii.length} entries, the frame has ${n} atoms`);
  const source = new WholeFrameNeighbors(frame, ctxOptions.radical, radii);
  const { coord, block, span } = blockCoordinates(frame, blocks);
  // Angstrom -> block units along each direction (a distance w moves fractional coordinate k by w / width k).
  const widen = (w: number) => [0, 1, 2].map((k) => (w / widths[k]) * (blocks[k] / span[k]));
  const local = new Int32Array(n).fill(-1);
  const total = blocks[0] * blocks[1] * blocks[2];
  let values: Float64Array | null = null;
  let flags: Uint8Array | null = null;
  let labels: string[] | null = null;
  let listedSum = 0;
  let redone = 0;
  let reach = setsReach(resolved, { voronoi: v, cutoff: ctxOptions.cutoff });
  const keep = options.keepMatrix ?? true;
  for (let d = 0; d < total; d++) {
    const q = [Math.floor(d / (blocks[1] * blocks[2])), Math.floor(d / blocks[2]) % blocks[1], d % blocks[2]];
    const core: number[] = [];
    for (let i = 0; i < n; i++) if (block[i] === d) core.push(i);
    if (core.length === 0) {
      options.onDomain?.(d + 1, total);
      continue;
    }
    for (;;) {
      reach = setsReach(resolved, { voronoi: v, cutoff: ctxOptions.cutoff });
      const listed = atomsNear(coord, q, widen(reach.rows), blocks, frame.cell.periodic);
      const atoms = atomsNear(coord, q, widen(reach.rows + reach.bond), blocks, frame.cell.periodic);
      const sub = pickAtoms(frame, atoms);
      const subOptions = ctxOptions.atomRadii
        ? { ...ctxOptions, atomRadii: Float64Array.from(atoms, (i) => radii()[i]) }
        : ctxOptions;
      const ctx = new DomainContext(frame, sub, atoms, listed, source, local, subOptions);
      let parts: FeatureMatrix[];
      let longest: number;
      try {
        parts = resolved.featurizers.map((f) => ctx.features(f));
        longest = longestVoronoiBond(ctx.hasVoronoi() ? ctx.voronoi() : null);
      } finally {
        ctx.release();
      }
      if (longest > v) {
        // A listed atom has a longer Voronoi bond than the halos assumed: widen them and do this domain again.
        v = longest * (1 + 1e-9);
        redone++;
        continue;
      }
      listedSum += listed.length;
      const m = concatFeatureMatrices(parts);
      if (labels === null) {
        labels = m.labels.slice();
        if (keep) values = new Float64Array(n * labels.length);
        if (m.flags && keep) flags = new Uint8Array(n);
      } else if (m.labels.length !== labels.length || m.labels.some((l, k) => l !== labels?.[k])) {
        throw new Error("featurize by domains: a domain gave other columns than the first (species differ?)");
      }
      const f = labels.length;
      const own = options.onRows ? new Float64Array(core.length * f) : null;
      const ownFlags = options.onRows && m.flags ? new Uint8Array(core.length) : undefined;
      core.forEach((i, r) => {
        const l = lowerBound(atoms, i);
        const row = m.values.subarray(l * f, (l + 1) * f);
        if (values) values.set(row, i * f);
        if (own) own.set(row, r * f);
        if (flags && m.flags) flags[i] = m.flags[l];
        if (ownFlags && m.flags) ownFlags[r] = m.flags[l];
      });
      if (own) options.onRows?.(Int32Array.from(core), own, labels, ownFlags);
      break;
    }
    options.onDomain?.(d + 1, total);
  }
  const citations: Citation[] = [];
  for (const f of resolved.featurizers)
    for (const c of f.citations()) if (!citations.some((o) => o.key === c.key)) citations.push(c);
  const columns = labels ?? resolved.featurizers.flatMap((f) => f.featureLabels());
  const matrix: FeatureMatrix = {
    n,
    labels: columns,
    values: values ?? new Float64Array(0),
    ...(flags ? { flags } : {}),
  };
  return {
    ids: frame.ids,
    types: frame.types,
    matrix,
    citations,
    report: {
      blocks,
      voronoiBond: v,
      halo: { rows: reach.rows, atoms: reach.rows + reach.bond },
      listedFraction: n > 0 ? listedSum / n : 0,
      redone,
    },
  };
}

function safeWidth(f: { featureLabels(): string[] }): number {
  try {
    return f.featureLabels().length;
  } catch {
    // Species-dependent labels are known only after a frame: count a generous width.
    return 200;
  }
}

/** Index of `x` in the ascending array `a` (present). */
function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
