import type { DesignMatrix } from "../design-matrix";
import { takeRows } from "../design-matrix";
import type { GradientBoostingParams } from "../gbdt-params";
import { PAPER_GBDT_PARAMS } from "../gbdt-params";
import { GradientBoostingClassifier } from "../gradient-boosting-classifier";
import type { ClassBalance, GlassTable } from "../glass-training";
import { fitBalanced, glassSplits } from "../glass-training";
import { rocAucScore } from "../metrics/roc-auc";
import { Random } from "../random";
import { parameterCombinations } from "./grid-search";

/** Candidate values of the searched GBDT parameters (the number of trees is found by early stopping). */
export interface GbdtSearchSpace {
  readonly maxDepth: readonly number[];
  readonly learningRate: readonly number[];
  readonly subsample: readonly number[];
  readonly maxFeatures: readonly ("sqrt" | "log2" | number | null)[];
  readonly minSamplesLeaf: readonly number[];
}

/** The default space: around the paper's model (depth 2, rate 0.1, sqrt features, leaves of 0.1 %). */
export const DEFAULT_GBDT_SEARCH_SPACE: Readonly<GbdtSearchSpace> = Object.freeze<GbdtSearchSpace>({
  maxDepth: [2, 3, 4, 5],
  learningRate: [0.03, 0.05, 0.1],
  subsample: [0.5, 0.8, 1],
  maxFeatures: ["sqrt", 0.3, 0.5],
  minSamplesLeaf: [0.001, 0.005],
});

export interface GbdtSearchOptions {
  /** The training glasses as one table (`stackGlasses`). */
  readonly table: GlassTable;
  /** Folds over whole glasses ("glass", needs >= 3 glasses) or over spatial blocks ("blocks"). */
  readonly cv: "glass" | "blocks";
  readonly balance: ClassBalance;
  /** "grid" tries every combination of `space`; a number n tries n combinations drawn without replacement. */
  readonly strategy: "grid" | number;
  readonly space?: GbdtSearchSpace;
  /** Trees of every fit; the early-stopping set picks how many of them to keep (default 400). */
  readonly maxEstimators?: number;
  /** Early stopping looks at every `step` trees (default 10). */
  readonly step?: number;
  /** Folds (default 3): GroupKFold over the glasses or over the blocks. */
  readonly nSplits?: number;
  /** Parameters under the searched ones (default: the paper's). */
  readonly params?: Partial<GradientBoostingParams>;
  readonly randomState?: number;
  readonly log?: (line: string) => void;
}

/** One candidate: its parameters (with the early-stopped number of trees) and its fold AUCs. */
export interface GbdtSearchEntry {
  readonly params: Partial<GradientBoostingParams>;
  /** Mean test AUC over the folds, each at its early-stopped number of trees. */
  readonly meanAuc: number;
  readonly foldAuc: number[];
  /** Early-stopped number of trees of every fold. */
  readonly foldTrees: number[];
}

export interface GbdtSearchResult {
  /** Every candidate, in the order tried. */
  readonly results: GbdtSearchEntry[];
  readonly best: GbdtSearchEntry;
  /** The best candidate's parameters over `params`, nEstimators the median of its folds' early-stopped counts. */
  readonly bestParams: Partial<GradientBoostingParams>;
}

/** AUC of the first t trees of a fitted GBDT on `X`, for t = step, 2 step, ..., every tree (staged decision). */
export function stagedAuc(model: GradientBoostingClassifier, X: DesignMatrix, y: ArrayLike<number>, step: number) {
  const raw = new Float64Array(X.nSamples).fill(model.baseline);
  const trees = model.trees;
  const out: { trees: number; auc: number }[] = [];
  trees.forEach((t, k) => {
    t.addTo(raw, X);
    if ((k + 1) % step === 0 || k === trees.length - 1) out.push({ trees: k + 1, auc: rocAucScore(y, raw) });
  });
  return out;
}

/**
 * Hyper-parameter search scored only on glasses (or spatial blocks) the model did not train on. For every
 * candidate and fold: the test part is one GroupKFold fold, the next fold is the early-stopping set, the rest
 * trains; the number of trees is where the early-stopping AUC peaks (Prechelt, "Early stopping - but when?",
 * 1998: stop at the best validation score), and the fold's score is the test AUC with that many trees. One fit
 * per candidate and fold, so a random search of 20 over 3 folds costs 60 fits.
 */
export function searchGbdt(options: GbdtSearchOptions): GbdtSearchResult {
  const {
    table,
    cv,
    balance,
    space = DEFAULT_GBDT_SEARCH_SPACE,
    maxEstimators = 400,
    step = 10,
    nSplits = 3,
    randomState = 0,
  } = options;
  const log = options.log ?? (() => undefined);
  if (cv === "glass" && table.names.length < 3)
    throw new Error(
      `search by glass needs at least 3 glasses (train, early stopping, test), got ${table.names.length}`,
    );
  const groupFolds =
    cv === "glass"
      ? glassGroupFolds(table, Math.min(nSplits, table.names.length))
      : glassSplits(table, "blocks", { nSplits }).splits.map((s) => s.test);
  const k = groupFolds.length;
  const grid = parameterCombinations<GradientBoostingParams>({
    maxDepth: space.maxDepth.slice(),
    learningRate: space.learningRate.slice(),
    subsample: space.subsample.slice(),
    maxFeatures: space.maxFeatures.slice(),
    minSamplesLeaf: space.minSamplesLeaf.slice(),
  });
  const rng = new Random(randomState);
  const candidates =
    options.strategy === "grid"
      ? grid
      : Array.from(rng.sampleWithoutReplacement(grid.length, Math.min(options.strategy, grid.length)), (i) => grid[i]);
  const n = table.y.length;
  const results: GbdtSearchEntry[] = candidates.map((cand, c) => {
    const foldAuc: number[] = [];
    const foldTrees: number[] = [];
    for (let f = 0; f < k; f++) {
      const test = groupFolds[f];
      const stop = groupFolds[(f + 1) % k];
      const out = new Uint8Array(n);
      for (const i of test) out[i] = 1;
      for (const i of stop) out[i] = 1;
      const train: number[] = [];
      for (let i = 0; i < n; i++) if (!out[i]) train.push(i);
      const base = new GradientBoostingClassifier({
        ...PAPER_GBDT_PARAMS,
        ...options.params,
        ...cand,
        nEstimators: maxEstimators,
        randomState,
      });
      const model = fitBalanced(base, table.X, table.y, train, balance, new Random(randomState + f));
      const curve = stagedAuc(
        model,
        takeRows(table.X, stop),
        Array.from(stop, (i) => table.y[i]),
        step,
      );
      const best = curve.reduce((a, b) => (b.auc > a.auc ? b : a));
      const testCurve = stagedAuc(
        model,
        takeRows(table.X, test),
        Array.from(test, (i) => table.y[i]),
        step,
      );
      foldTrees.push(best.trees);
      foldAuc.push((testCurve.find((p) => p.trees === best.trees) as { auc: number }).auc);
    }
    const meanAuc = foldAuc.reduce((a, b) => a + b, 0) / k;
    const entry = { params: { ...cand, nEstimators: median(foldTrees) }, meanAuc, foldAuc, foldTrees };
    log(`  candidate ${c + 1}/${candidates.length} ${describeParams(entry.params)}: AUC ${meanAuc.toFixed(4)}`);
    return entry;
  });
  const best = results.reduce((a, b) => (b.meanAuc > a.meanAuc ? b : a));
  return { results, best, bestParams: { ...PAPER_GBDT_PARAMS, ...options.params, ...best.params } };
}

/** Rows of each of `k` folds of whole glasses (GroupKFold over the glass column). */
function glassGroupFolds(table: GlassTable, k: number): Int32Array[] {
  const labels = Array.from(table.glass);
  const foldOfGlass = new Map<number, number>();
  // GroupKFold's assignment: largest glass first to the lightest fold.
  const sizes = table.names.map((_, g) => labels.filter((x) => x === g).length);
  const order = sizes.map((_, g) => g).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const load = new Float64Array(k);
  for (const g of order) {
    let lightest = 0;
    for (let f = 1; f < k; f++) if (load[f] < load[lightest]) lightest = f;
    load[lightest] += sizes[g];
    foldOfGlass.set(g, lightest);
  }
  const rows: number[][] = Array.from({ length: k }, () => []);
  labels.forEach((g, i) => rows[foldOfGlass.get(g) as number].push(i));
  return rows.map((r) => Int32Array.from(r));
}

function median(v: number[]): number {
  const s = v.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2);
}

/** "maxDepth=3, learningRate=0.05, ..." of a parameter set. */
export function describeParams(params: Partial<GradientBoostingParams>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}
