import { performance } from "node:perf_hooks";
import { typeNames } from "../dataset/manifest";
import { loadSample, type Sample } from "../dataset/sample";
import { createFeaturizers, PAPER_FEATURE_OPTIONS, type FeaturizeOptions } from "../features/compute-features";
import { PLASTIC_STRAIN, PLASTIC_THRESHOLD } from "../labels/plastic";
import type { GradientBoostingParams } from "../ml/gbdt-params";
import { sampleFeatures } from "../softness/sample-features";
import { hostOf } from "../softness/training-set";
import type { FeatureMatrix } from "../table/feature-matrix";
import {
  type ColumnGroup,
  type ComparisonGlass,
  type FeatureGroupScore,
  type FeatureSetComparison,
  type FeatureSetGroup,
  FIGURE_5A_GROUPS,
  selectRows,
} from "./feature-set-comparison";
import { compareFeatureSetsParallel } from "./feature-set-comparison-parallel";

/*
 * The feature-set comparison (feature-set-comparison.ts) on the shipped glasses (data/manifest.json): features from
 * the disk cache, labels D2min(4 %) > 5 A^2.
 */

/** A shipped glass loaded for the comparison: the union of the groups' sets, labels, and which columns each set gave. */
export interface LoadedComparisonGlass extends ComparisonGlass {
  /** Column labels of each registered set. */
  readonly setColumns: ReadonlyMap<string, readonly string[]>;
  /** Atom ids and types of the rows (rows = the host atoms with a finite D2min, in id order). */
  readonly ids: Int32Array;
  readonly types: Int32Array;
  /** Element the rows are restricted to (null: all atoms). */
  readonly host: string | null;
  /** Atoms left out for a non-finite D2min. */
  readonly droppedLabel: number;
}

export interface LoadComparisonGlassOptions {
  featureOptions?: FeaturizeOptions;
  /** Strain of the labels (default 0.04) and D2min threshold (default 5 A^2): the paper's. */
  strain?: number;
  threshold?: number;
  /** "auto" (default): hostOf(entry), the paper's host atoms (Ni, Al, Fe) or all atoms for Cu-Zr; null: all atoms. */
  host?: string | null | "auto";
}

/** The union of the groups' sets in first-seen order. */
export function unionSets(groups: readonly FeatureSetGroup[]): string[] {
  const out: string[] = [];
  for (const g of groups) for (const s of g.sets) if (!out.includes(s)) out.push(s);
  return out;
}

/** Column labels of each set for a frame with these element names (the CSRO sets' labels name the elements). */
function labelsBySet(sets: readonly string[], species: string[], options: FeaturizeOptions): Map<string, string[]> {
  const params: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of Object.entries(options.params ?? {})) params[k] = { ...v };
  for (const s of ["csro", "mro_csro"]) if (sets.includes(s)) params[s] = { ...(params[s] ?? {}), species };
  const featurizers = createFeaturizers(sets, { ...options, params });
  return new Map(sets.map((s, k) => [s, featurizers[k].featureLabels()]));
}

/**
 * One shipped glass with the features of `sets` (computed once per glass and set list, then read from
 * data/cache/features) and the paper's labels, restricted to the host atoms. Rows with NaN features are kept here
 * (compareFeatureSets drops them for every group).
 */
export async function loadComparisonGlass(
  sample: Sample | string,
  sets: readonly string[],
  options: LoadComparisonGlassOptions = {},
): Promise<LoadedComparisonGlass> {
  const s = typeof sample === "string" ? await loadSample(sample) : sample;
  const featureOptions = options.featureOptions ?? PAPER_FEATURE_OPTIONS;
  const frame = s.quenched;
  const m = sampleFeatures(s, sets, featureOptions);
  const bySet = labelsBySet(sets, typeNames(s.entry), featureOptions);
  const expected = [...bySet.values()].flat();
  if (expected.length !== m.labels.length || expected.some((l, k) => l !== m.labels[k])) {
    throw new Error(
      `${s.entry.id}: feature columns [${m.labels.slice(0, 5).join(", ")}, ...] do not match the sets' labels [${expected.slice(0, 5).join(", ")}, ...]`,
    );
  }
  const labels = await s.labels(options.strain ?? PLASTIC_STRAIN, {
    threshold: options.threshold ?? PLASTIC_THRESHOLD,
  });
  const host = options.host === undefined || options.host === "auto" ? hostOf(s.entry) : options.host;
  const hostType = host ? (frame.elements ?? []).indexOf(host) + 1 : 0;
  if (host && hostType === 0)
    throw new Error(`${s.entry.id}: no element ${host} in [${(frame.elements ?? []).join(", ")}]`);
  const rows: number[] = [];
  let droppedLabel = 0;
  for (let i = 0; i < m.n; i++) {
    if (hostType !== 0 && frame.types[i] !== hostType) continue;
    if (Number.isFinite(labels.d2min[i])) rows.push(i);
    else droppedLabel++;
  }
  return {
    name: s.entry.id,
    X: selectRows(m, rows, m.labels),
    y: Uint8Array.from(rows, (i) => labels.plastic[i]),
    setColumns: bySet,
    ids: Int32Array.from(rows, (i) => frame.ids[i]),
    types: Int32Array.from(rows, (i) => frame.types[i]),
    host,
    droppedLabel,
  };
}

/** Set-based groups as column groups, from the set -> columns map of a loaded glass. */
export function columnGroups(
  groups: readonly FeatureSetGroup[],
  setColumns: ReadonlyMap<string, readonly string[]>,
): ColumnGroup[] {
  return groups.map((g) => ({
    name: g.name,
    label: g.label,
    columns: g.sets.flatMap((s) => {
      const c = setColumns.get(s);
      if (c === undefined) throw new Error(`group "${g.name}": set "${s}" was not loaded`);
      return [...c];
    }),
  }));
}

export interface SampleComparisonOptions extends LoadComparisonGlassOptions {
  /** Training sample ids (or loaded samples). */
  train: readonly (string | Sample)[];
  /** The unseen sample, or null for CV only. */
  test?: string | Sample | null;
  /** Default FIGURE_5A_GROUPS. */
  groups?: readonly FeatureSetGroup[];
  randomState?: number;
  nSplits?: number;
  params?: Partial<GradientBoostingParams>;
  onGroup?: (score: FeatureGroupScore, index: number) => void;
  /** Worker threads for the groups (default 1: the calling thread); see compareFeatureSetsParallel. */
  threads?: number;
}

/** A comparison on shipped glasses, with the loaded glasses (e.g. for the Figure 5b overlay). */
export interface SampleComparison {
  readonly comparison: FeatureSetComparison;
  readonly train: LoadedComparisonGlass[];
  readonly test: LoadedComparisonGlass | null;
  readonly groups: ColumnGroup[];
  /** Seconds spent loading glasses, features and labels. */
  readonly loadSeconds: number;
}

/**
 * `compareFeatureSets` on shipped glasses: loads each glass with the union of the groups' sets (disk feature
 * cache), the paper's labels and host atoms, then scores every group on the common rows.
 */
export async function compareOnSamples(options: SampleComparisonOptions): Promise<SampleComparison> {
  const groups = options.groups ?? FIGURE_5A_GROUPS;
  const sets = unionSets(groups);
  const t0 = performance.now();
  const load = (s: string | Sample) => loadComparisonGlass(s, sets, options);
  const train: LoadedComparisonGlass[] = [];
  for (const s of options.train) train.push(await load(s));
  const test = options.test ? await load(options.test) : null;
  const loadSeconds = (performance.now() - t0) / 1000;
  const cgroups = columnGroups(groups, train[0].setColumns);
  const comparison = await compareFeatureSetsParallel({
    train,
    test,
    groups: cgroups,
    randomState: options.randomState,
    nSplits: options.nSplits,
    params: options.params,
    onGroup: options.onGroup,
    threads: options.threads ?? 1,
  });
  return { comparison, train, test, groups: cgroups, loadSeconds };
}

/**
 * Rows of a shipped-glass comparison with every loaded column: "train" = the kept atoms of the training glasses,
 * concatenated in glass order (the protocol's training rows); "balanced" = those at `comparison.trainIndices` (the
 * undersampled rows the fold models were cross-validated on); "test" = the kept atoms of the unseen glass.
 */
export function comparisonRows(run: SampleComparison, which: "train" | "balanced" | "test"): FeatureMatrix {
  const b = run.comparison;
  if (which === "test") {
    if (run.test === null) throw new Error("comparisonRows: this comparison has no unseen glass");
    return selectRows(run.test.X, b.glasses[run.train.length].kept, run.test.X.labels);
  }
  const labels = run.train[0].X.labels;
  const parts = run.train.map((g, k) => selectRows(g.X, b.glasses[k].kept, labels));
  const values = new Float64Array(parts.reduce((a, p) => a + p.values.length, 0));
  let off = 0;
  for (const p of parts) {
    values.set(p.values, off);
    off += p.values.length;
  }
  const all: FeatureMatrix = { n: parts.reduce((a, p) => a + p.n, 0), labels: labels.slice(), values };
  return which === "train" ? all : selectRows(all, b.trainIndices, labels);
}
