import { performance } from "node:perf_hooks";
import type { FeatureMatrix } from "../table/feature-matrix";
import type { AveragingClassifier } from "../ml/averaging-classifier";
import type { GradientBoostingParams } from "../ml/gbdt-params";
import type { CrossValidationResult } from "../ml/model-selection/cross-validate";
import { PAPER_CV_FOLDS, paperProtocol, protocolCrossValidation, type LabeledSample } from "../ml/paper-protocol";
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
  {
    name: "interstice+mro+literature",
    label: "Interstice + MRO + literature SRO",
    sets: ["interstice", "mro", ...LITERATURE_SRO_MRO.map((s) => s.sro)],
  },
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
  if (X.values.length !== X.n * d)
    throw new Error(`${glass.name}: X has ${X.values.length} values, expected ${X.n} x ${d}`);
  if (glass.y.length !== X.n) throw new Error(`${glass.name}: ${glass.y.length} labels for ${X.n} rows`);
  const colIndex = new Map<string, number>();
  X.labels.forEach((l, k) => colIndex.set(l, k));
  // Per column: is row i finite? computed once over the union of the groups' columns.
  const finiteCol = new Map<string, Uint8Array>();
  for (const g of groups) {
    for (const c of g.columns) {
      if (finiteCol.has(c)) continue;
      const k = colIndex.get(c);
      if (k === undefined)
        throw new Error(`${glass.name}: group "${g.name}" needs column "${c}", which X does not have`);
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
  return {
    name: glass.name,
    rows: X.n,
    kept: Int32Array.from(kept),
    dropped: X.n - kept.length,
    droppedByGroup,
    plastic,
  };
}

export function sameIndices(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

export function checkGroups(groups: readonly ColumnGroup[]): void {
  if (groups.length === 0) throw new Error("compareFeatureSets: no feature group");
  const seen = new Set<string>();
  for (const g of groups) {
    if (seen.has(g.name)) throw new Error(`compareFeatureSets: group name "${g.name}" is used twice`);
    seen.add(g.name);
    if (g.columns.length === 0) throw new Error(`compareFeatureSets: group "${g.name}" has no column`);
    if (new Set(g.columns).size !== g.columns.length)
      throw new Error(`compareFeatureSets: group "${g.name}" lists a column twice`);
  }
}

/**
 * Compares feature groups as in the paper's Figure 5a: every group trains the paper's protocol (`paperProtocol`,
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
    const parts: LabeledSample[] = train.map((g, k) => ({
      name: g.name,
      X: selectRows(g.X, trainRows[k].kept, group.columns),
      y: ys[k],
    }));
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
      throw new Error(
        `compareFeatureSets: group "${group.name}" was undersampled differently from "${groups[0].name}"`,
      );
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
export function conditionComparisonTable(
  comparisons: readonly { condition: string; comparison: FeatureSetComparison }[],
  metric: "cv" | "test" = "cv",
): Table {
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
