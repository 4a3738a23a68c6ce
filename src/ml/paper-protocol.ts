import { AveragingClassifier } from "./averaging-classifier";
import { requireBothClasses, toBinaryLabels } from "./binary-labels";
import type { LabelInput } from "./classifier";
import type { DesignMatrix, MatrixInput } from "./design-matrix";
import { alignColumns, concatRows, takeRows, toDesignMatrix } from "./design-matrix";
import type { GradientBoostingParams } from "./gbdt-params";
import { PAPER_GBDT_PARAMS } from "./gbdt-params";
import { GradientBoostingClassifier } from "./gradient-boosting-classifier";
import type { CrossValidationResult, FoldScores } from "./model-selection/cross-validate";
import { crossValidate, scoreProba } from "./model-selection/cross-validate";
import { GroupKFold } from "./model-selection/group-kfold";
import { StratifiedKFold } from "./model-selection/stratified-kfold";
import { Random } from "./random";
import { randomUndersample } from "./sampling/undersample";

/** One glass sample: its atoms' features and 0/1 plastic labels. */
export interface LabeledSample {
  readonly X: MatrixInput;
  readonly y: LabelInput;
  readonly name?: string;
  /** CV group of each row (e.g. its spatial block, `spatialBlocks`), used when `cv` is "group". */
  readonly groups?: ArrayLike<number>;
}

/** Folds of the paper's cross-validation (Methods: 5-fold CV on the undersampled training data). */
export const PAPER_CV_FOLDS = 5;

export interface PaperProtocolOptions {
  /** The training samples (the paper: 2 of the 3 samples of a condition), concatenated. */
  readonly train: readonly LabeledSample[];
  /** The unseen sample (the paper: the 3rd), predicted without undersampling. */
  readonly test: LabeledSample;
  /** GBDT parameters over PAPER_GBDT_PARAMS (default: the paper's model). */
  readonly params?: Partial<GradientBoostingParams>;
  /** Folds (default PAPER_CV_FOLDS, 5). */
  readonly nSplits?: number;
  /** Seed of the undersampling and of the fold shuffle (default 0). */
  readonly randomState?: number;
  /** Undersample the training data to equal classes (default true, as the paper). */
  readonly undersample?: boolean;
  /** Threshold on P(plastic) for recall and the other threshold scores (default 0.5). */
  readonly threshold?: number;
  /**
   * How the training rows are split into folds: "stratified" (default, the paper: shuffled stratified K-fold
   * over atoms) or "group" (GroupKFold over the samples' `groups`, distinct per sample: no group is split).
   */
  readonly cv?: "stratified" | "group";
}

/** What `paperProtocol` returns: CV scores, the averaged fold models, and their scores on the test glass. */
export interface PaperProtocolResult {
  /** CV scores on the (undersampled) training data. */
  readonly cv: CrossValidationResult;
  /** The fold models averaged into the final predictor. */
  readonly model: AveragingClassifier;
  /** Quench-in softness of the test atoms: the mean of the fold models' P(plastic). */
  readonly testProba: Float64Array;
  /** Scores of `testProba` on the test sample (AUC, recall, ...). */
  readonly test: FoldScores;
  /** Each fold model's AUC on the test sample, and their mean (the paper's "average scoring metric"). */
  readonly foldTestAuc: number[];
  readonly meanFoldTestAuc: number;
  /** Training rows before and after undersampling, and the kept row indices (into the concatenated samples). */
  readonly nTrainRows: number;
  readonly trainIndices: Int32Array;
}

/**
 * The protocol of Wang & Jain (Results, "Mapping plastic atoms..."; Methods, "Machine Learning"): concatenate
 * the training samples, undersample to equal classes, fit 5 fold models by stratified 5-fold CV (folds
 * shuffled with the seed, because the undersampled rows are in atom-id order), then predict the unseen sample
 * without undersampling.
 *
 * The test prediction is the mean of the 5 fold models' probabilities (one quench-in softness per atom, used
 * by every later analysis, and a slightly stronger predictor than any one fold model); the paper's wording
 * "generalize the obtained models to the unseen glass configuration and calculate the average scoring metric"
 * is also reported, as `foldTestAuc` and `meanFoldTestAuc` (each fold model's own test AUC and their mean).
 */
export function paperProtocol(options: PaperProtocolOptions): PaperProtocolResult {
  const { test, threshold = 0.5 } = options;
  const { cv, model, nTrainRows, trainIndices, featureLabels, nFeatures } = protocolCrossValidation(options);
  const tX = alignColumns(toDesignMatrix(test.X, "test.X"), featureLabels, nFeatures, "test.X");
  const tY = toBinaryLabels(test.y, tX.nSamples, "test.y");
  requireBothClasses(tY, "test labels");
  const foldProba = cv.models.map((m) => m.predictProba(tX));
  const testProba = new Float64Array(tX.nSamples);
  for (const p of foldProba) for (let i = 0; i < p.length; i++) testProba[i] += p[i];
  for (let i = 0; i < testProba.length; i++) testProba[i] /= foldProba.length;
  const foldTestAuc = foldProba.map((p) => scoreProba(tY, p, threshold).auc);
  return {
    cv,
    model,
    testProba,
    test: scoreProba(tY, testProba, threshold),
    foldTestAuc,
    meanFoldTestAuc: foldTestAuc.reduce((a, b) => a + b, 0) / foldTestAuc.length,
    nTrainRows,
    trainIndices,
  };
}

/** The training half of the protocol: what `paperProtocol` does before it predicts the unseen sample. */
export interface ProtocolCrossValidation {
  readonly cv: CrossValidationResult;
  /** The fold models, averaged. */
  readonly model: AveragingClassifier;
  /** Training rows before undersampling, and the kept row indices (into the concatenated samples). */
  readonly nTrainRows: number;
  readonly trainIndices: Int32Array;
  /** Columns of the training samples (test samples are aligned to them). */
  readonly featureLabels: string[] | null;
  readonly nFeatures: number;
}

/**
 * The protocol up to the fold models, for a condition without an unseen sample (or to score feature sets by CV):
 * concatenation, seeded undersampling and seeded folds exactly as `paperProtocol`, so both give the same CV.
 */
export function protocolCrossValidation(options: Omit<PaperProtocolOptions, "test">): ProtocolCrossValidation {
  const { train, nSplits = PAPER_CV_FOLDS, randomState = 0, undersample = true, threshold = 0.5 } = options;
  if (train.length === 0) throw new Error("paperProtocol: no training samples");
  // The model's parameters are checked first, before the samples are concatenated and undersampled.
  const base = new GradientBoostingClassifier({ ...PAPER_GBDT_PARAMS, ...options.params });
  const parts: DesignMatrix[] = [];
  const ys: Uint8Array[] = [];
  train.forEach((s, k) => {
    const what = `train[${k}]${s.name ? ` (${s.name})` : ""}`;
    const m = toDesignMatrix(s.X, `${what}.X`);
    parts.push(k === 0 ? m : alignColumns(m, parts[0].featureLabels, parts[0].nFeatures, `${what}.X`));
    ys.push(toBinaryLabels(s.y, m.nSamples, `${what}.y`));
  });
  const X = concatRows(parts);
  const y = new Uint8Array(X.nSamples);
  let off = 0;
  for (const part of ys) {
    y.set(part, off);
    off += part.length;
  }
  requireBothClasses(y, "training labels");
  const rng = new Random(randomState);
  let keep: Int32Array;
  if (undersample) keep = randomUndersample(y, rng);
  else keep = Int32Array.from({ length: y.length }, (_, i) => i);
  const Xb = takeRows(X, keep);
  const yb = Uint8Array.from(keep, (i) => y[i]);

  const splitter = rng.nextSeed();
  const cv =
    options.cv === "group"
      ? crossValidate(base, Xb, yb, { cv: new GroupKFold(nSplits), groups: sampleGroups(train, keep), threshold })
      : crossValidate(base, Xb, yb, { cv: new StratifiedKFold(nSplits, true, splitter), threshold });
  return {
    cv,
    model: new AveragingClassifier(cv.models, "cv-folds"),
    nTrainRows: X.nSamples,
    trainIndices: keep,
    featureLabels: X.featureLabels,
    nFeatures: X.nFeatures,
  };
}

/** The groups of the concatenated training rows `keep`, made distinct per sample ("<sample>:<group>"). */
function sampleGroups(train: readonly LabeledSample[], keep: Int32Array): string[] {
  const all: string[] = [];
  train.forEach((s, k) => {
    const g = s.groups;
    const n = s.y.length;
    if (g === undefined)
      throw new Error(`paperProtocol: cv "group" needs groups for train[${k}]${s.name ? ` (${s.name})` : ""}`);
    if (g.length !== n) throw new Error(`paperProtocol: train[${k}] has ${g.length} groups for ${n} rows`);
    for (let i = 0; i < n; i++) all.push(`${k}:${g[i]}`);
  });
  return Array.from(keep, (i) => all[i]);
}
