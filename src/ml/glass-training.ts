import type { ProgressCallback } from "../parallel/progress";
import { requireBothClasses, toBinaryLabels } from "./binary-labels";
import type { BinaryClassifier } from "./classifier";
import type { DesignMatrix } from "./design-matrix";
import { alignColumns, concatRows, takeRows, toDesignMatrix } from "./design-matrix";
import type { GradientBoostingParams } from "./gbdt-params";
import { PAPER_GBDT_PARAMS } from "./gbdt-params";
import { GradientBoostingClassifier } from "./gradient-boosting-classifier";
import { rocAucScore } from "./metrics/roc-auc";
import type { CrossValidationResult, FoldScores } from "./model-selection/cross-validate";
import { scoreProba, summarizeScores } from "./model-selection/cross-validate";
import { GroupKFold } from "./model-selection/group-kfold";
import { LeaveOneGroupOut } from "./model-selection/leave-one-group-out";
import { StratifiedKFold } from "./model-selection/stratified-kfold";
import type { Split } from "./model-selection/train-test-split";
import type { LabeledSample } from "./paper-protocol";
import { Random } from "./random";
import { balancedSampleWeights } from "./sampling/class-weights";
import { randomUndersample } from "./sampling/undersample";

/**
 * How training rows are split for cross-validation: "glass" (leave one glass out), "blocks" (GroupKFold over
 * the glasses' spatial blocks, never splitting a block), "shuffled" (stratified K-fold over atoms, the paper's).
 */
export type GlassCv = "glass" | "blocks" | "shuffled";

/** Class balance of the training rows: "undersample" (the paper's), "weight" (n / (2 n_c) sample weights), "none". */
export type ClassBalance = "undersample" | "weight" | "none";

/**
 * Several glasses as one table: stacked rows with the glass of each row as a group column (index into `names`)
 * and, when every glass has them, its spatial block (the sample's `groups`).
 */
export interface GlassTable {
  readonly X: DesignMatrix;
  readonly y: Uint8Array;
  /** Glass of every row: an index into `names`. */
  readonly glass: Int32Array;
  /** Spatial block of every row within its glass, or null when a glass has no blocks. */
  readonly blocks: Int32Array | null;
  readonly names: string[];
}

/** Stacks glasses (columns aligned by name to the first glass's); rows keep their glass. */
export function stackGlasses(glasses: readonly LabeledSample[]): GlassTable {
  if (glasses.length === 0) throw new Error("stackGlasses: no glasses");
  const names = glasses.map((g, k) => g.name ?? `glass ${k + 1}`);
  const dup = names.find((n, k) => names.indexOf(n) !== k);
  if (dup !== undefined) throw new Error(`stackGlasses: two glasses are named "${dup}"`);
  const parts: DesignMatrix[] = [];
  const ys: Uint8Array[] = [];
  glasses.forEach((g, k) => {
    const m = toDesignMatrix(g.X, `${names[k]}: X`);
    parts.push(k === 0 ? m : alignColumns(m, parts[0].featureLabels, parts[0].nFeatures, `${names[k]}: X`));
    ys.push(toBinaryLabels(g.y, m.nSamples, `${names[k]}: y`));
  });
  const X = concatRows(parts);
  const y = new Uint8Array(X.nSamples);
  const glass = new Int32Array(X.nSamples);
  const withBlocks = glasses.every((g) => g.groups !== undefined);
  const blocks = withBlocks ? new Int32Array(X.nSamples) : null;
  let off = 0;
  ys.forEach((part, k) => {
    y.set(part, off);
    glass.fill(k, off, off + part.length);
    if (blocks) {
      const b = glasses[k].groups as ArrayLike<number>;
      if (b.length !== part.length) throw new Error(`${names[k]}: ${b.length} blocks for ${part.length} rows`);
      for (let i = 0; i < part.length; i++) blocks[off + i] = b[i];
    }
    off += part.length;
  });
  requireBothClasses(y, "training labels");
  return { X, y, glass, blocks, names };
}

/** The honest default: leave one glass out with >= 2 glasses, else spatial blocks when known, else shuffled. */
export function defaultGlassCv(table: Pick<GlassTable, "names" | "blocks">): GlassCv {
  if (table.names.length >= 2) return "glass";
  return table.blocks ? "blocks" : "shuffled";
}

/** Folds of `cv` over the table's rows, each named (the held-out glass, or "fold k"). */
export function glassSplits(
  table: GlassTable,
  cv: GlassCv,
  options: { nSplits?: number; randomState?: number } = {},
): { splits: Split[]; names: string[] } {
  const k = options.nSplits ?? 5;
  if (cv === "glass") {
    if (table.names.length < 2)
      throw new Error(`cv "glass" needs at least 2 glasses, got ${table.names.length} (${table.names.join(", ")})`);
    // Glass indices sort in table order, so fold f holds out names[f].
    return { splits: new LeaveOneGroupOut().split(table.y, table.glass), names: table.names.slice() };
  }
  let splits: Split[];
  if (cv === "blocks") {
    if (!table.blocks) throw new Error('cv "blocks" needs the spatial block of every atom (atom positions)');
    const { glass, blocks } = table;
    splits = new GroupKFold(k).split(
      table.y,
      Array.from(blocks, (b, i) => `${glass[i]}:${b}`),
    );
  } else {
    splits = new StratifiedKFold(k, true, options.randomState ?? 0).split(table.y);
  }
  return { splits, names: splits.map((_, f) => `fold ${f + 1}`) };
}

/**
 * Fits a clone of `base` on the rows `rows` of the table with the class balance: undersampling keeps every
 * minority row and as many majority rows (seeded); weighting gives each class half the total weight.
 */
export function fitBalanced<M extends BinaryClassifier>(
  base: M,
  X: DesignMatrix,
  y: Uint8Array,
  rows: ArrayLike<number>,
  balance: ClassBalance,
  rng: Random,
): M {
  const yr = Uint8Array.from(rows, (i) => y[i]);
  const model = base.clone() as M;
  if (balance === "undersample") {
    const keep = randomUndersample(yr, rng);
    model.fit(
      takeRows(
        X,
        Array.from(keep, (k) => rows[k]),
      ),
      Uint8Array.from(keep, (k) => yr[k]),
    );
  } else if (balance === "weight") {
    model.fit(takeRows(X, rows), yr, { sampleWeight: balancedSampleWeights(yr) });
  } else {
    model.fit(takeRows(X, rows), yr);
  }
  return model;
}

export interface GlassTrainingOptions {
  readonly glasses: readonly LabeledSample[];
  /** Default: `defaultGlassCv`. */
  readonly cv?: GlassCv;
  /** Default "weight". */
  readonly balance?: ClassBalance;
  /** GBDT parameters over PAPER_GBDT_PARAMS. */
  readonly params?: Partial<GradientBoostingParams>;
  /** Folds of "blocks" and "shuffled" (default 5). */
  readonly nSplits?: number;
  /** Seed of undersampling and fold shuffling (default 0). */
  readonly randomState?: number;
  /** Threshold on P(plastic) for accuracy, precision, recall, F1 (default 0.5). */
  readonly threshold?: number;
  /** Also refit on every row (the model to ship; default true). */
  readonly refit?: boolean;
  /** Told the folds done (stage "cv", after each fold is fitted and scored), then the refit (stage "refit", 0/1 and 1/1). */
  readonly onProgress?: ProgressCallback;
}

/** What `trainOnGlasses` returns: the CV (its folds named), per-glass out-of-fold AUC and the refitted model. */
export interface GlassTrainingResult {
  readonly cvKind: GlassCv;
  readonly balance: ClassBalance;
  readonly cv: CrossValidationResult;
  /** Name of every fold: the held-out glass for cv "glass". */
  readonly foldNames: string[];
  /** AUC of the out-of-fold probabilities of each glass's rows, by glass name. */
  readonly glassAuc: Record<string, number>;
  /** Fitted on every row with the balance (null with `refit: false`). */
  readonly model: GradientBoostingClassifier | null;
  readonly table: GlassTable;
}

/**
 * Trains the quench-in softness GBDT on several glasses at once and cross-validates it honestly: the balance is
 * applied to the training rows of each fold only, and every test fold is scored on all its atoms (as a user's
 * glass would be predicted).
 */
export function trainOnGlasses(options: GlassTrainingOptions): GlassTrainingResult {
  const { randomState = 0, threshold = 0.5, balance = "weight" } = options;
  const base = new GradientBoostingClassifier({ randomState, ...PAPER_GBDT_PARAMS, ...options.params });
  const table = stackGlasses(options.glasses);
  const cvKind = options.cv ?? defaultGlassCv(table);
  const rng = new Random(randomState);
  const { splits, names: foldNames } = glassSplits(table, cvKind, {
    nSplits: options.nSplits,
    randomState: rng.nextSeed(),
  });
  const folds: FoldScores[] = [];
  const models: BinaryClassifier[] = [];
  const oofProba = new Float64Array(table.y.length).fill(Number.NaN);
  splits.forEach((s, f) => {
    const model = fitBalanced(base, table.X, table.y, s.train, balance, rng);
    const proba = model.predictProba(takeRows(table.X, s.test));
    s.test.forEach((i, k) => (oofProba[i] = proba[k]));
    try {
      folds.push(
        scoreProba(
          Uint8Array.from(s.test, (i) => table.y[i]),
          proba,
          threshold,
        ),
      );
    } catch (e) {
      throw new Error(`${foldNames[f]}: ${(e as Error).message}`);
    }
    models.push(model);
    options.onProgress?.(f + 1, splits.length, "cv");
  });
  const glassAuc: Record<string, number> = {};
  table.names.forEach((name, g) => {
    const rows = [];
    for (let i = 0; i < table.glass.length; i++) if (table.glass[i] === g) rows.push(i);
    const yg = rows.map((i) => table.y[i]);
    glassAuc[name] =
      yg.includes(0) && yg.includes(1)
        ? rocAucScore(
            yg,
            rows.map((i) => oofProba[i]),
          )
        : Number.NaN;
  });
  const all = Int32Array.from({ length: table.y.length }, (_, i) => i);
  let model: GradientBoostingClassifier | null = null;
  if (options.refit !== false) {
    options.onProgress?.(0, 1, "refit");
    model = fitBalanced(base, table.X, table.y, all, balance, rng);
    options.onProgress?.(1, 1, "refit");
  }
  return {
    cvKind,
    balance,
    cv: { folds, ...summarizeScores(folds), splits, models, oofProba },
    foldNames,
    glassAuc,
    model,
    table,
  };
}
