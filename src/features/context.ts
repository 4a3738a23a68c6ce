import type { Tessellation } from "../geometry/tessellation";
import { Voronoi } from "../geometry/voronoi";
import { PAPER_MIN_AREA_FRACTION, voronoiNeighbors } from "../geometry/voronoi-neighbors";
import type { Frame } from "../structure/frame";
import type { ProgressCallback } from "../parallel/progress";
import { cutoffNeighbors } from "../neighbors/cutoff-neighbors";
import { checkNeighborBudget } from "../neighbors/neighbor-budget";
import type { NeighborList } from "../neighbors/neighbor-list";
import type { FeatureMatrix } from "../table/feature-matrix";
import { atomRadii } from "./radii";

/** How a StructureContext finds neighbors and radii. Every field is optional. */
export interface ContextOptions {
  /**
   * Radius (Angstrom) by element name, overriding the Miracle et al. table for those elements
   * (e.g. `{ Cu: 1.28 }`). Elements come from the frame's type map (`frame.elements`).
   */
  readonly radii?: Readonly<Record<string, number>>;
  /** Per-atom radii (length natoms, frame order); when given, the element table is not used at all. */
  readonly atomRadii?: Float64Array;
  /** Default cutoff radius (Angstrom) of `cutoffNeighbors()`: neighbors with 0 < d < cutoff. Default 4.0 (paper, Cu-Zr). */
  readonly cutoff?: number;
  /**
   * Voronoi faces smaller than this fraction of the mean face area of the atom's cell are removed before faces
   * become neighbors (paper, Methods). Default 0.05; 0 keeps every face.
   */
  readonly faceFilter?: number;
  /** Radical (Laguerre) tessellation weighted by the atom radii instead of the plain Voronoi one. Default false. */
  readonly radical?: boolean;
  /** Threads of the Voronoi tessellation (1 = the calling thread only). Default 1. */
  readonly threads?: number;
  /** A precomputed tessellation of the frame (then `voronoi()` returns it and no tessellation is run). */
  readonly tessellation?: Tessellation;
  /** Precomputed Voronoi neighbors (already face-filtered); `voronoiNeighbors()` returns it as is. */
  readonly voronoiNeighbors?: NeighborList;
  /** Precomputed neighbors within `cutoff` (0 < d < cutoff); `cutoffNeighbors()` returns it for that radius. */
  readonly cutoffNeighbors?: NeighborList;
  /** Told how far the tessellation is (stage "voronoi", atoms done); the context prints nothing. */
  readonly onProgress?: ProgressCallback;
}

/**
 * What a context needs of a featurizer to compute and share its matrix (the `Featurizer` interface of
 * featurizer.ts has these members; declared here so that context.ts does not import featurizer.ts, which imports it).
 */
export interface ContextFeaturizer {
  readonly name: string;
  /** Equal keys mean equal matrices: the context computes each key once. */
  readonly key: string;
  featureLabels(): string[];
  compute(ctx: StructureContext): FeatureMatrix;
}

/** Fully defaulted numeric options. */
export interface ResolvedContextOptions {
  readonly cutoff: number;
  readonly faceFilter: number;
  readonly radical: boolean;
  readonly threads: number;
}

export const DEFAULT_CUTOFF = 4.0;
/** Default `faceFilter`: the paper's fraction, defined once in geometry/voronoi-neighbors.ts. */
export const DEFAULT_FACE_FILTER = PAPER_MIN_AREA_FRACTION;

/** How a caller names the context options in its messages (e.g. `{ cutoff: "--cutoff" }` on the command line). */
export type ContextOptionNames = Readonly<Partial<Record<"cutoff" | "faceFilter" | "threads" | "radii", string>>>;

/** The one check of a neighbor cutoff radius in the feature code: a positive finite number of Angstrom. */
export function checkCutoff(cutoff: number, name = "cutoff"): number {
  if (!(Number.isFinite(cutoff) && cutoff > 0))
    throw new Error(`${name} must be a positive number of Angstrom, got ${cutoff}`);
  return cutoff;
}

/** Options objects made by {@link resolveContextOptions}: they pass through it unchanged. */
const RESOLVED = new WeakSet<object>();

/**
 * The one resolver of the context (featurize) options: defaults filled in, every value checked once, before any
 * work; errors name the option as the caller does (`names`) and echo the bad value. Other fields of `options`
 * are kept; the resolved object passes through again unchanged (a StructureContext built from it checks nothing).
 */
export function resolveContextOptions<T extends ContextOptions>(
  options: T,
  names: ContextOptionNames = {},
): Readonly<T & ResolvedContextOptions> {
  if (RESOLVED.has(options)) return options as Readonly<T & ResolvedContextOptions>;
  const cutoff = checkCutoff(options.cutoff ?? DEFAULT_CUTOFF, names.cutoff);
  const faceFilter = options.faceFilter ?? DEFAULT_FACE_FILTER;
  if (!(Number.isFinite(faceFilter) && faceFilter >= 0 && faceFilter < 1)) {
    throw new Error(`${names.faceFilter ?? "faceFilter"} must be a fraction in [0, 1), got ${faceFilter}`);
  }
  const threads = options.threads ?? 1;
  if (!(Number.isInteger(threads) && threads >= 1))
    throw new Error(`${names.threads ?? "threads"} must be a positive integer, got ${threads}`);
  for (const [element, r] of Object.entries(options.radii ?? {})) {
    if (!(Number.isFinite(r) && r > 0))
      throw new Error(
        `${names.radii ?? "radii"}: the radius of ${element} must be a positive number of Angstrom, got ${r}`,
      );
  }
  const resolved = Object.freeze({ ...options, cutoff, faceFilter, radical: options.radical ?? false, threads });
  RESOLVED.add(resolved);
  return resolved;
}

function checkList(list: NeighborList, n: number, what: string): NeighborList {
  if (list.n !== n || list.offsets.length !== n + 1) {
    throw new Error(`${what} has ${list.n} rows, the frame has ${n} atoms`);
  }
  return list;
}

/**
 * Everything about one frame that several feature sets share, computed once on first use and cached: atom radii,
 * the Voronoi tessellation, the face-filtered Voronoi neighbor list, cutoff neighbor lists (one per radius) and
 * the feature matrices already computed (by featurizer key), so MRO reuses the SRO matrix and all sets of one
 * `featurize` call share one tessellation.
 */
export class StructureContext {
  readonly frame: Frame;
  readonly options: ResolvedContextOptions;
  private readonly given: ContextOptions;
  private radiiCache: Float64Array | null = null;
  private tessellationCache: Tessellation | null;
  private voronoiCache: NeighborList | null;
  private readonly cutoffCache = new Map<number, NeighborList>();
  private readonly featureCache = new Map<string, FeatureMatrix>();
  private readonly sharedCache = new Map<string, unknown>();

  constructor(frame: Frame, options: ContextOptions = {}) {
    this.frame = frame;
    this.given = options;
    this.options = resolveContextOptions(options);
    const n = frame.natoms;
    if (options.atomRadii && options.atomRadii.length !== n) {
      throw new Error(`atomRadii has ${options.atomRadii.length} entries, the frame has ${n} atoms`);
    }
    if (options.tessellation && options.tessellation.n !== n) {
      throw new Error(`the tessellation has ${options.tessellation.n} cells, the frame has ${n} atoms`);
    }
    this.tessellationCache = options.tessellation ?? null;
    this.voronoiCache = options.voronoiNeighbors ? checkList(options.voronoiNeighbors, n, "voronoiNeighbors") : null;
    if (options.cutoffNeighbors)
      this.cutoffCache.set(this.options.cutoff, checkList(options.cutoffNeighbors, n, "cutoffNeighbors"));
  }

  /** Number of atoms. */
  get n(): number {
    return this.frame.natoms;
  }

  /** Cutoff radius used when `cutoffNeighbors()` is called without one. */
  get cutoff(): number {
    return this.options.cutoff;
  }

  /** Radius of each atom (Angstrom, frame order): `atomRadii`, else the element table with `radii` overrides. */
  radii(): Float64Array {
    if (this.radiiCache === null) this.radiiCache = this.given.atomRadii ?? atomRadii(this.frame, this.given.radii);
    return this.radiiCache;
  }

  /** The (radical, if asked) Voronoi tessellation of the frame, before face filtering. */
  voronoi(): Tessellation {
    if (this.tessellationCache === null) this.tessellationCache = computeTessellation(this, this.given.onProgress);
    return this.tessellationCache;
  }

  /** Voronoi neighbors after small-face removal (`faceFilter`); weights are face areas. */
  voronoiNeighbors(): NeighborList {
    if (this.voronoiCache === null)
      this.voronoiCache = voronoiNeighbors(this.voronoi(), { minAreaFraction: this.options.faceFilter }).neighbors;
    return this.voronoiCache;
  }

  /** All neighbors with 0 < d < rc (default: the context's cutoff), cached by rc. */
  cutoffNeighbors(rc: number = this.options.cutoff): NeighborList {
    // The context's own cutoff was checked when the options were resolved; another radius is checked here.
    if (rc !== this.options.cutoff) checkCutoff(rc);
    let list = this.cutoffCache.get(rc);
    if (list === undefined) {
      list = computeCutoffNeighbors(this.frame, rc);
      this.cutoffCache.set(rc, list);
    }
    return list;
  }

  /**
   * Per-atom flags of the tessellation (VORONOI_FAILED, VORONOI_WALL, VORONOI_EMPTY bits), or all zeros when the
   * context was given Voronoi neighbors without a tessellation.
   */
  voronoiFlags(): Uint8Array {
    if (this.tessellationCache === null && this.voronoiCache !== null) return new Uint8Array(this.n);
    return this.voronoi().flags;
  }

  /**
   * An intermediate result several featurizers need (e.g. the bond harmonics of boop and mro_boop), made once
   * by `make` and kept under `key` for the life of the context: equal keys must mean equal results.
   */
  shared<T>(key: string, make: () => T): T {
    if (!this.sharedCache.has(key)) this.sharedCache.set(key, make());
    return this.sharedCache.get(key) as T;
  }

  /** The features of `featurizer` on this frame, computed once per featurizer key and shared. */
  features(featurizer: ContextFeaturizer): FeatureMatrix {
    let m = this.featureCache.get(featurizer.key);
    if (m === undefined) {
      m = featurizer.compute(this);
      const f = featurizer.featureLabels().length;
      if (m.n !== this.n || m.values.length !== m.n * f || m.labels.length !== f) {
        throw new Error(
          `featurizer "${featurizer.name}" returned a ${m.n} x ${m.labels.length} matrix, expected ${this.n} x ${f}`,
        );
      }
      this.featureCache.set(featurizer.key, m);
    }
    return m;
  }
}

function computeTessellation(ctx: StructureContext, onProgress: ProgressCallback | undefined): Tessellation {
  const { radical, threads } = ctx.options;
  return new Voronoi(radical ? { radical, radii: ctx.radii(), threads } : { threads }).compute(ctx.frame, {
    onProgress,
  });
}

function computeCutoffNeighbors(frame: Frame, rc: number): NeighborList {
  checkNeighborBudget(frame.natoms, frame.cell.volume, rc, frame.source?.file ?? "frame");
  return cutoffNeighbors(frame, rc);
}
