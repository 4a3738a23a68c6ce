import type { DataFrame } from "danfojs-node";
import type { ProgressCallback } from "../parallel/progress";
import type { Frame } from "../structure/frame";
import type { Table } from "../table/csv";
import { tableToDataFrame } from "../table/dataframe";
import type { ContextOptionNames, ContextOptions, ResolvedContextOptions } from "./context";
import { DEFAULT_CUTOFF, DEFAULT_FACE_FILTER, resolveContextOptions, StructureContext } from "./context";
import type { Citation, Featurizer } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { featureTable } from "./featurizer";
import { concatFeatureMatrices } from "../table/feature-matrix";
import type { FeatureSetOptions } from "./feature-set";
import { resolveFeatureSets } from "./feature-sets";

/** Options of the combined featurize call: how the shared context is built, and the sets' switches. */
export interface FeaturizeOptions extends ContextOptions, FeatureSetOptions {}

/**
 * The feature options of the paper's model, pinned (the defaults today): 4.0 A cutoff neighbors, Voronoi faces
 * below 5 % of the cell's mean face area dropped, negative interstices clamped to 0 (the authors' amlearn). The
 * shipped model (scripts/train-models.ts), the Figure 4 and 5 analyses and notebooks use them.
 */
export const PAPER_FEATURE_OPTIONS: Readonly<Required<Pick<FeaturizeOptions, "cutoff" | "faceFilter" | "clamp">>> =
  Object.freeze({
    cutoff: DEFAULT_CUTOFF,
    faceFilter: DEFAULT_FACE_FILTER,
    clamp: true,
  });

/** Features of several sets on one frame, plus the atoms they belong to. */
export interface FeatureResult {
  /** Atom ids, frame order. */
  readonly ids: Int32Array;
  /** Atom types, frame order. */
  readonly types: Int32Array;
  /** N x F, columns of the sets concatenated in the order asked. */
  readonly matrix: FeatureMatrix;
  /** The featurizers used, in column order. */
  readonly featurizers: Featurizer[];
  /** Deduplicated citations of all sets. */
  readonly citations: Citation[];
  /** The shared context (Voronoi, neighbor lists), for further use. */
  readonly context: StructureContext;
}

/** The featurizers of the named sets ("all" expands), configured by `options`. */
export function createFeaturizers(sets: readonly string[], options: FeatureSetOptions = {}): Featurizer[] {
  if (sets.length === 0) throw new Error("no feature set asked for");
  return resolveFeatureSets(sets).map((e) => e.create(options));
}

/** How a caller names the featurize options in its messages (e.g. the command line's `--cutoff`). */
export type FeaturizeOptionNames = ContextOptionNames & Readonly<Partial<Record<"mroNeighbors", string>>>;

/** A featurize call with every option checked: its featurizers and the resolved options. */
export interface ResolvedFeaturize {
  /** The featurizers of the sets asked for ("all" expanded), in column order. */
  readonly featurizers: Featurizer[];
  readonly options: Readonly<FeaturizeOptions & ResolvedContextOptions>;
}

/**
 * The one resolver of a featurize call, run before any work: the set names ("all" expands, unknown names are
 * refused), the context options (cutoff, face filter, threads, radii; see resolveContextOptions), the shared
 * switches and every set's own parameters (by creating the featurizers, which check them). Messages name the
 * options as the caller does (`names`).
 */
export function resolveFeaturize(
  sets: readonly string[],
  options: FeaturizeOptions = {},
  names: FeaturizeOptionNames = {},
): ResolvedFeaturize {
  const resolved = resolveContextOptions(options, names);
  const mro = options.mroNeighbors;
  if (mro !== undefined && mro !== "voronoi" && mro !== "cutoff")
    throw new Error(`${names.mroNeighbors ?? "mroNeighbors"} must be "voronoi" or "cutoff", got "${String(mro)}"`);
  return { featurizers: createFeaturizers(sets, resolved), options: resolved };
}

/**
 * Computes the named feature sets on `frame` with ONE StructureContext, so the Voronoi tessellation, the
 * neighbor lists and any SRO matrix an MRO set needs are computed once and shared.
 */
export function computeFeatures(frame: Frame, sets: readonly string[], options: FeaturizeOptions = {}): FeatureResult {
  return computeResolvedFeatures(frame, resolveFeaturize(sets, options), options.onProgress);
}

/**
 * computeFeatures for a featurize call already resolved (resolveFeaturize): nothing is checked again.
 * `onProgress`, when given, is told the atoms of the tessellation done (stage "voronoi", when a set needs it) and
 * then the feature sets done (stage "features", after each set).
 */
export function computeResolvedFeatures(
  frame: Frame,
  resolved: ResolvedFeaturize,
  onProgress?: ProgressCallback,
): FeatureResult {
  const featurizers = resolved.featurizers;
  const context = new StructureContext(frame, onProgress ? { ...resolved.options, onProgress } : resolved.options);
  // Sets that can run on worker threads start first, so they overlap the others (see Featurizer.start).
  const background = featurizers.map((f) => f.start?.(context) ?? null);
  let matrix: FeatureMatrix;
  try {
    matrix = concatFeatureMatrices(
      featurizers.map((f, k) => {
        const m = context.features(f);
        onProgress?.(k + 1, featurizers.length, "features");
        return m;
      }),
      // With threads the rows are shared, so that worker threads can read them (e.g. featurize's Parquet).
      { shared: resolved.options.threads > 1 },
    );
  } finally {
    for (const b of background) b?.cancel();
  }
  const citations: Citation[] = [];
  for (const f of featurizers)
    for (const c of f.citations()) if (!citations.some((o) => o.key === c.key)) citations.push(c);
  return { ids: frame.ids, types: frame.types, matrix, featurizers, citations, context };
}

/** computeFeatures as a Table: columns id, type, then the features; rows in frame order. */
export function featurizeTable(frame: Frame, sets: readonly string[], options: FeaturizeOptions = {}): Table {
  return featureTable(frame, computeFeatures(frame, sets, options).matrix);
}

/** computeFeatures as a danfojs DataFrame: columns id, type, then the features; rows in frame order. */
export function featurize(frame: Frame, sets: readonly string[], options: FeaturizeOptions = {}): DataFrame {
  return tableToDataFrame(featurizeTable(frame, sets, options));
}
