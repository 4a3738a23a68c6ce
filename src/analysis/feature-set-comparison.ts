import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { typeNames } from "../dataset/manifest";
import { WorkerThreads } from "../parallel/worker-pool";
import { loadSample, type Sample } from "../dataset/sample";
import { createFeaturizers, PAPER_FEATURE_OPTIONS, type FeaturizeOptions } from "../features/compute-features";
import type { FeatureMatrix } from "../table/feature-matrix";
import { PLASTIC_STRAIN, PLASTIC_THRESHOLD } from "../labels/plastic";
import type { AveragingClassifier } from "../ml/averaging-classifier";
import type { GradientBoostingParams } from "../ml/gbdt-params";
import { loadClassifier } from "../ml/model-io";
import type { CrossValidationResult } from "../ml/model-selection/cross-validate";
import { PAPER_CV_FOLDS, paperProtocol, protocolCrossValidation, type LabeledSample } from "../ml/paper-protocol";
import { sampleFeatures } from "../softness/sample-features";
import { hostOf } from "../softness/training-set";
import { makeTable, type Column, type Table } from "../table/csv";

/*
 * Wang & Jain 2019, Results, "Quantitatively benchmarking individual feature sets" (Figure 5a) and Methods,
 * "Benchmarked Structural Signatures and Their MRO Version": each candidate feature set trains the paper's model
 * (undersampling, stratified 5-fold CV, fold models averaged, tested on an unseen glass) on the SAME atoms and the
 * SAME CV splits, and its AUC measures the set's predictive power.
 */

/** A named group of feature sets (the list: src/features/feature-sets.ts), e.g. CN + its MRO. */
export interface FeatureSetGroup {
  /** Short id, e.g. "cn+mro". */
  readonly name: string;
  /** Display label, e.g. "CN + MRO". */
  readonly label: string;
  /** Registered set names, in column order. */
  readonly sets: readonly string[];
}

/** A named group of feature columns: what the comparison core trains on. */
export interface ColumnGroup {
  readonly name: string;
  readonly label?: string;
  readonly columns: readonly string[];
}

/** The 8 literature SRO sets the paper compares against (Methods i-viii) with their MRO sets and display labels, in Figure 5a order. */
export const LITERATURE_SRO_MRO: readonly { sro: string; mro: string; label: string }[] = Object.freeze([
  { sro: "cn", mro: "mro_cn", label: "CN" },
  { sro: "voronoi_index", mro: "mro_voronoi_index", label: "Voronoi idx" },
  { sro: "motifs", mro: "mro_motifs", label: "Motifs" },
  { sro: "volume_metrics", mro: "mro_volume_metrics", label: "Volume metrics" },
  { sro: "ifold", mro: "mro_ifold", label: "i-fold symm" },
  { sro: "ifold_area", mro: "mro_ifold_area", label: "Weighted i-fold symm" },
  { sro: "boop", mro: "mro_boop", label: "BOOP" },
  { sro: "csro", mro: "mro_csro", label: "CSRO" },
]);

/**
 * Figure 5a's groups: each literature SRO set alone and augmented by its MRO set (Methods i-viii, in the figure's
 * order), then the paper's interstice SRO (16) and SRO + MRO (80).
 */
export const FIGURE_5A_GROUPS: readonly FeatureSetGroup[] = Object.freeze([
  ...LITERATURE_SRO_MRO.flatMap((s) => [
    { name: s.sro, label: s.label, sets: [s.sro] },
    { name: `${s.sro}+mro`, label: `${s.label} + MRO`, sets: [s.sro, s.mro] },
  ]),
  { name: "interstice", label: "Interstice", sets: ["interstice"] },
  { name: "interstice+mro", label: "Interstice + MRO", sets: ["interstice", "mro"] },
]);

/**
 * The augmentation groups of Supplementary Tables 5 and 7 (Results, "Mapping plastic atoms...": "our model" with the
 * 49 literature SRO features added, then with their MRO features too): the 80 interstice features + the 8 literature
 * SRO sets, and + the 8 literature SRO and MRO sets.
 */
export const AUGMENTED_GROUPS: readonly FeatureSetGroup[] = Object.freeze([
  { name: "interstice+mro+literature", label: "Interstice + MRO + literature SRO", sets: ["interstice", "mro", ...LITERATURE_SRO_MRO.map((s) => s.sro)] },
  {
    name: "interstice+mro+literature+mro",
    label: "Interstice + MRO + literature SRO + MRO",
    sets: ["interstice", "mro", ...LITERATURE_SRO_MRO.flatMap((s) => [s.sro, s.mro])],
  },
]);

/** One glass for the comparison: a feature matrix holding (at least) every column of every group, and 0/1 labels. */
export interface ComparisonGlass {
  readonly name: string;
  /** Rows = atoms; may contain NaN (those atoms are dropped for every group, see `compareFeatureSets`). */
  readonly X: FeatureMatrix;
  /** 1 = plastic, one per row of X. */
  readonly y: ArrayLike<number>;
}

export interface FeatureSetComparisonOptions {
  /** Training glasses (the paper: 2 of the 3 glasses of a condition). */
  readonly train: readonly ComparisonGlass[];
  /** The unseen glass, or null/undefined for cross-validation only (test scores are then null). */
  readonly test?: ComparisonGlass | null;
  readonly groups: readonly ColumnGroup[];
  /** Seed of the undersampling and the fold shuffle, shared by every group (default 0). */
  readonly randomState?: number;
  /** CV folds (default 5, the paper's). */
  readonly nSplits?: number;
  /** GBDT parameters over PAPER_GBDT_PARAMS. */
  readonly params?: Partial<GradientBoostingParams>;
  /** Called after each group, e.g. to print progress. */
  readonly onGroup?: (score: FeatureGroupScore, index: number) => void;
}

/** The rows of one glass used by the comparison. */
export interface GlassRows {
  readonly name: string;
  /** Rows of the input matrix. */
  readonly rows: number;
  /** Row indices kept: finite in every column of every group (the common row mask). */
  readonly kept: Int32Array;
  /** Rows dropped by the common mask (rows - kept.length). */
  readonly dropped: number;
  /** Per group: rows that group alone would drop (its own non-finite values). */
  readonly droppedByGroup: Readonly<Record<string, number>>;
  /** Plastic atoms among the kept rows. */
  readonly plastic: number;
}

/** Scores of one feature group. */
export interface FeatureGroupScore {
  readonly name: string;
  readonly label: string;
  readonly columns: readonly string[];
  readonly nFeatures: number;
  /** Mean and population std of the fold AUCs of the 5-fold CV on the undersampled training rows. */
  readonly cvAuc: number;
  readonly cvAucStd: number;
  readonly foldAuc: readonly number[];
  /** AUC of the averaged fold models on the unseen glass (all its kept atoms, no undersampling); null without test glass. */
  readonly testAuc: number | null;
  /** Mean of the fold models' own test AUCs (the paper's "average scoring metric"); null without test glass. */
  readonly meanFoldTestAuc: number | null;
  /** The fold models, averaged (QS = mean P(plastic)). */
  readonly model: AveragingClassifier;
  /** Wall time of this group (fit + scoring), seconds. */
  readonly seconds: number;
}

export interface FeatureSetComparison {
  readonly train: string[];
  readonly test: string | null;
  readonly randomState: number;
  readonly nSplits: number;
  /** Training glasses, then the test glass. */
  readonly glasses: GlassRows[];
  /** Concatenated kept training rows, and the undersampled rows (indices into them) every group was cross-validated on. */
  readonly nTrainRows: number;
  readonly trainIndices: Int32Array;
  readonly scores: FeatureGroupScore[];
}

/** Rows `rows` and columns `columns` (by label) of a feature matrix. */
export function selectRows(X: FeatureMatrix, rows: ArrayLike<number>, columns: readonly string[]): FeatureMatrix {
  const d = X.labels.length;
  const idx = columns.map((c) => {
    const k = X.labels.indexOf(c);
    if (k < 0) throw new Error(`no feature column "${c}"`);
    return k;
  });
  const w = idx.length;
  const values = new Float64Array(rows.length * w);
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r] * d;
    for (let k = 0; k < w; k++) values[r * w + k] = X.values[base + idx[k]];
  }
  return { n: rows.length, labels: columns.slice(), values };
}

/** The common row mask of one glass: rows finite in every column of every group, and what each group alone would drop. */
export function commonRows(glass: ComparisonGlass, groups: readonly ColumnGroup[]): GlassRows {
  const X = glass.X;
  const d = X.labels.length;
  if (X.values.length !== X.n * d) throw new Error(`${glass.name}: X has ${X.values.length} values, expected ${X.n} x ${d}`);
  if (glass.y.length !== X.n) throw new Error(`${glass.name}: ${glass.y.length} labels for ${X.n} rows`);
  const colIndex = new Map<string, number>();
  X.labels.forEach((l, k) => colIndex.set(l, k));
  // Per column: is row i finite? computed once over the union of the groups' columns.
  const finiteCol = new Map<string, Uint8Array>();
  for (const g of groups) {
    for (const c of g.columns) {
      if (finiteCol.has(c)) continue;
      const k = colIndex.get(c);
      if (k === undefined) throw new Error(`${glass.name}: group "${g.name}" needs column "${c}", which X does not have`);
      const ok = new Uint8Array(X.n);
      for (let i = 0; i < X.n; i++) ok[i] = Number.isFinite(X.values[i * d + k]) ? 1 : 0;
      finiteCol.set(c, ok);
    }
  }
  const all = new Uint8Array(X.n).fill(1);
  const droppedByGroup: Record<string, number> = {};
  for (const g of groups) {
    const own = new Uint8Array(X.n).fill(1);
    for (const c of g.columns) {
      const ok = finiteCol.get(c) as Uint8Array;
      for (let i = 0; i < X.n; i++) own[i] &= ok[i];
    }
    let dropped = 0;
    for (let i = 0; i < X.n; i++) {
      dropped += 1 - own[i];
      all[i] &= own[i];
    }
    droppedByGroup[g.name] = dropped;
  }
  const kept: number[] = [];
  let plastic = 0;
  for (let i = 0; i < X.n; i++) {
    const yi = glass.y[i];
    if (yi !== 0 && yi !== 1) throw new Error(`${glass.name}: y[${i}] = ${yi}; labels must be 0 or 1`);
    if (all[i]) {
      kept.push(i);
      plastic += yi;
    }
  }
  return { name: glass.name, rows: X.n, kept: Int32Array.from(kept), dropped: X.n - kept.length, droppedByGroup, plastic };
}

function sameIndices(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function checkGroups(groups: readonly ColumnGroup[]): void {
  if (groups.length === 0) throw new Error("compareFeatureSets: no feature group");
  const seen = new Set<string>();
  for (const g of groups) {
    if (seen.has(g.name)) throw new Error(`compareFeatureSets: group name "${g.name}" is used twice`);
    seen.add(g.name);
    if (g.columns.length === 0) throw new Error(`compareFeatureSets: group "${g.name}" has no column`);
    if (new Set(g.columns).size !== g.columns.length) throw new Error(`compareFeatureSets: group "${g.name}" lists a column twice`);
  }
}

/**
 * Benchmarks feature groups as in the paper's Figure 5a: every group trains the paper's protocol (`paperProtocol`,
 * or `protocolCrossValidation` when there is no unseen glass) on exactly the same atoms (the common row mask:
 * atoms finite in every group's columns; the count each group alone would drop is reported) and with the same seed,
 * hence the same undersampled rows and the same CV splits. Returns the CV AUC (mean, std) and the test AUC per group.
 */
export function compareFeatureSets(options: FeatureSetComparisonOptions): FeatureSetComparison {
  const { train, groups, randomState = 0, nSplits = PAPER_CV_FOLDS, params } = options;
  const test = options.test ?? null;
  if (train.length === 0) throw new Error("compareFeatureSets: no training glass");
  checkGroups(groups);
  const rows = [...train, ...(test ? [test] : [])].map((g) => commonRows(g, groups));
  const trainRows = rows.slice(0, train.length);
  const testRows = test ? rows[train.length] : null;
  const ys = rows.map((r, k) => {
    const g = k < train.length ? train[k] : (test as ComparisonGlass);
    return Uint8Array.from(r.kept, (i) => g.y[i]);
  });
  const scores: FeatureGroupScore[] = [];
  let trainIndices: Int32Array | null = null;
  let nTrainRows = 0;
  for (const [gi, group] of groups.entries()) {
    const t0 = performance.now();
    const parts: LabeledSample[] = train.map((g, k) => ({ name: g.name, X: selectRows(g.X, trainRows[k].kept, group.columns), y: ys[k] }));
    let cv: CrossValidationResult;
    let model: AveragingClassifier;
    let testAuc: number | null = null;
    let meanFoldTestAuc: number | null = null;
    let indices: Int32Array;
    if (test && testRows) {
      const res = paperProtocol({
        train: parts,
        test: { name: test.name, X: selectRows(test.X, testRows.kept, group.columns), y: ys[train.length] },
        randomState,
        nSplits,
        params,
      });
      cv = res.cv;
      model = res.model;
      testAuc = res.test.auc;
      meanFoldTestAuc = res.meanFoldTestAuc;
      indices = res.trainIndices;
      nTrainRows = res.nTrainRows;
    } else {
      const res = protocolCrossValidation({ train: parts, randomState, nSplits, params });
      cv = res.cv;
      model = res.model;
      indices = res.trainIndices;
      nTrainRows = res.nTrainRows;
    }
    // Same rows and seed must give the same undersampled rows for every group (the point of the comparison).
    if (trainIndices === null) trainIndices = indices;
    else if (!sameIndices(indices, trainIndices)) {
      throw new Error(`compareFeatureSets: group "${group.name}" was undersampled differently from "${groups[0].name}"`);
    }
    const score: FeatureGroupScore = {
      name: group.name,
      label: group.label ?? group.name,
      columns: group.columns.slice(),
      nFeatures: group.columns.length,
      cvAuc: cv.mean.auc,
      cvAucStd: cv.std.auc,
      foldAuc: cv.folds.map((f) => f.auc),
      testAuc,
      meanFoldTestAuc,
      model,
      seconds: (performance.now() - t0) / 1000,
    };
    scores.push(score);
    options.onGroup?.(score, gi);
  }
  if (trainIndices === null) throw new Error("compareFeatureSets: no group was run");
  return {
    train: train.map((g) => g.name),
    test: test ? test.name : null,
    randomState,
    nSplits,
    glasses: rows,
    nTrainRows,
    trainIndices,
    scores,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The same comparison with the groups spread over worker threads (each group is an independent fit).

/** What a worker receives: the glasses already restricted to the common rows (so every group sees the same rows). */
interface WorkerInput {
  glasses: { name: string; n: number; labels: string[]; values: Float64Array; y: Uint8Array }[];
  nTrain: number;
  groups: ColumnGroup[];
  randomState: number;
  nSplits: number;
  params?: Partial<GradientBoostingParams>;
  /** Group indices in the order they are handed out (largest first). */
  dispatch: Int32Array;
  /** [next position in `dispatch`], shared by all workers (Atomics.add hands each group to one worker). */
  next: Int32Array;
}

interface WorkerScore {
  index: number;
  score: Omit<FeatureGroupScore, "model"> & { model: object };
  trainIndices: Int32Array;
  nTrainRows: number;
}

/**
 * Worker-thread handler of `compareFeatureSetsParallel` (run through parallel/worker-pool, not for direct use):
 * takes groups from the shared counter until none is left and posts each group's score.
 */
export function comparisonWorker(input: WorkerInput, post: (message: unknown) => void): void {
  const glasses: ComparisonGlass[] = input.glasses.map((g) => ({ name: g.name, X: { n: g.n, labels: g.labels, values: g.values }, y: g.y }));
  for (let k = Atomics.add(input.next, 0, 1); k < input.dispatch.length; k = Atomics.add(input.next, 0, 1)) {
    const index = input.dispatch[k];
    const b = compareFeatureSets({
      train: glasses.slice(0, input.nTrain),
      test: glasses.length > input.nTrain ? glasses[input.nTrain] : null,
      groups: [input.groups[index]],
      randomState: input.randomState,
      nSplits: input.nSplits,
      params: input.params,
    });
    const s = b.scores[0];
    const out: WorkerScore = { index, score: { ...s, model: s.model.toJSON() }, trainIndices: b.trainIndices, nTrainRows: b.nTrainRows };
    post(out);
  }
}

/** Float64Array copy in shared memory (handed to every worker without copying). */
function shared(values: Float64Array): Float64Array {
  const out = new Float64Array(new SharedArrayBuffer(values.byteLength));
  out.set(values);
  return out;
}

/**
 * `compareFeatureSets` with the groups spread over `threads` worker threads (default 2), the groups with most
 * columns first: the same common rows, seed and splits, hence exactly the same scores and models (in the groups'
 * order), in about 1/threads of the time on idle cores.
 * `threads` <= 1 runs on the calling thread.
 */
export async function compareFeatureSetsParallel(options: FeatureSetComparisonOptions & { threads?: number }): Promise<FeatureSetComparison> {
  const { train, groups, randomState = 0, nSplits = PAPER_CV_FOLDS, params } = options;
  const test = options.test ?? null;
  const threads = Math.min(options.threads ?? 2, groups.length);
  if (!(threads > 1)) return compareFeatureSets(options);
  if (train.length === 0) throw new Error("compareFeatureSets: no training glass");
  checkGroups(groups);
  const all = [...train, ...(test ? [test] : [])];
  const rows = all.map((g) => commonRows(g, groups));
  const columns: string[] = [];
  for (const g of groups) for (const c of g.columns) if (!columns.includes(c)) columns.push(c);
  // Largest groups first (a fit costs about a + b x columns): no thread is left alone with a big group at the end.
  const dispatch = groups.map((_, k) => k).sort((a, b) => groups[b].columns.length - groups[a].columns.length || a - b);
  const input: WorkerInput = {
    dispatch: Int32Array.from(dispatch),
    next: new Int32Array(new SharedArrayBuffer(4)),
    glasses: all.map((g, k) => {
      const m = selectRows(g.X, rows[k].kept, columns);
      return { name: g.name, n: m.n, labels: m.labels, values: shared(m.values), y: Uint8Array.from(rows[k].kept, (i) => g.y[i]) };
    }),
    nTrain: train.length,
    groups: groups.map((g) => ({ name: g.name, label: g.label, columns: [...g.columns] })),
    randomState,
    nSplits,
    params,
  };
  const results = new Array<WorkerScore | undefined>(groups.length);
  const models = new Array<AveragingClassifier | undefined>(groups.length);
  const workers = WorkerThreads.start({ module: path.join(__dirname, "feature-set-comparison"), handler: "comparisonWorker" }, new Array(threads).fill(input), "qsoft feature-set comparison");
  await workers.run((message) => {
    const r = message as WorkerScore;
    results[r.index] = r;
    const model = loadClassifier(r.score.model) as AveragingClassifier;
    models[r.index] = model;
    options.onGroup?.({ ...r.score, model }, r.index);
  });
  if (results.some((r) => r === undefined)) throw new Error("compareFeatureSetsParallel: the worker threads ended before every group was scored");
  const done = results as WorkerScore[];
  for (const r of done) {
    if (!sameIndices(r.trainIndices, done[0].trainIndices)) {
      throw new Error(`compareFeatureSets: group "${groups[r.index].name}" was undersampled differently from "${groups[0].name}"`);
    }
  }
  return {
    train: train.map((g) => g.name),
    test: test ? test.name : null,
    randomState,
    nSplits,
    glasses: rows,
    nTrainRows: done[0].nTrainRows,
    trainIndices: done[0].trainIndices,
    scores: done.map((r, k) => ({ ...r.score, model: models[k] as AveragingClassifier })),
  };
}

/** One row per group: group, label, features, cv_auc, cv_auc_std, test_auc (NaN without test glass), mean_fold_test_auc. */
export function comparisonTable(comparison: FeatureSetComparison): Table {
  const s = comparison.scores;
  const orNaN = (v: number | null): number => (v === null ? NaN : v);
  return makeTable([
    ["group", s.map((x) => x.name)],
    ["label", s.map((x) => x.label)],
    ["features", Float64Array.from(s, (x) => x.nFeatures)],
    ["cv_auc", Float64Array.from(s, (x) => x.cvAuc)],
    ["cv_auc_std", Float64Array.from(s, (x) => x.cvAucStd)],
    ["test_auc", Float64Array.from(s, (x) => orNaN(x.testAuc))],
    ["mean_fold_test_auc", Float64Array.from(s, (x) => orNaN(x.meanFoldTestAuc))],
  ]);
}

/**
 * Groups x conditions: one row per group (in the first comparison's order), one column per condition with the
 * chosen score ("cv": CV AUC mean; "test": test AUC, NaN where a condition has no unseen glass).
 */
export function conditionComparisonTable(comparisons: readonly { condition: string; comparison: FeatureSetComparison }[], metric: "cv" | "test" = "cv"): Table {
  if (comparisons.length === 0) throw new Error("conditionComparisonTable: no comparison");
  const first = comparisons[0].comparison.scores;
  const cols: [string, Column][] = [
    ["group", first.map((x) => x.name)],
    ["label", first.map((x) => x.label)],
    ["features", Float64Array.from(first, (x) => x.nFeatures)],
  ];
  for (const { condition, comparison } of comparisons) {
    const byName = new Map(comparison.scores.map((x) => [x.name, x]));
    cols.push([
      condition,
      Float64Array.from(first, (x) => {
        const s = byName.get(x.name);
        if (s === undefined) return NaN;
        return metric === "cv" ? s.cvAuc : (s.testAuc ?? NaN);
      }),
    ]);
  }
  return makeTable(cols);
}

// ---------------------------------------------------------------------------------------------------------------
// The shipped glasses (data/manifest.json): features from the disk cache, labels D2min(4 %) > 5 A^2.

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
export async function loadComparisonGlass(sample: Sample | string, sets: readonly string[], options: LoadComparisonGlassOptions = {}): Promise<LoadedComparisonGlass> {
  const s = typeof sample === "string" ? await loadSample(sample) : sample;
  const featureOptions = options.featureOptions ?? PAPER_FEATURE_OPTIONS;
  const frame = s.quenched;
  const m = sampleFeatures(s, sets, featureOptions);
  const bySet = labelsBySet(sets, typeNames(s.entry), featureOptions);
  const expected = [...bySet.values()].flat();
  if (expected.length !== m.labels.length || expected.some((l, k) => l !== m.labels[k])) {
    throw new Error(`${s.entry.id}: feature columns [${m.labels.slice(0, 5).join(", ")}, ...] do not match the sets' labels [${expected.slice(0, 5).join(", ")}, ...]`);
  }
  const labels = await s.labels(options.strain ?? PLASTIC_STRAIN, { threshold: options.threshold ?? PLASTIC_THRESHOLD });
  const host = options.host === undefined || options.host === "auto" ? hostOf(s.entry) : options.host;
  const hostType = host ? (frame.elements ?? []).indexOf(host) + 1 : 0;
  if (host && hostType === 0) throw new Error(`${s.entry.id}: no element ${host} in [${(frame.elements ?? []).join(", ")}]`);
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
export function columnGroups(groups: readonly FeatureSetGroup[], setColumns: ReadonlyMap<string, readonly string[]>): ColumnGroup[] {
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
