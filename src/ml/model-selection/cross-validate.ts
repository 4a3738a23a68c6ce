import { mean, standardDeviation } from "simple-statistics";
import type { ProgressCallback } from "../../parallel/progress";
import { toBinaryLabels } from "../binary-labels";
import type { BinaryClassifier, LabelInput } from "../classifier";
import type { MatrixInput } from "../design-matrix";
import { takeRows, toDesignMatrix } from "../design-matrix";
import { classificationScores } from "../metrics/classification-scores";
import { rocAucScore } from "../metrics/roc-auc";
import type { CrossValidator } from "./cross-validator";
import { StratifiedKFold } from "./stratified-kfold";
import type { Split } from "./train-test-split";

/** Scores of one model on one test set: AUC (threshold-free) and the scores of `P(y=1) > threshold`. */
export interface FoldScores {
  auc: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CrossValidationResult {
  /** Per fold, in fold order. */
  readonly folds: FoldScores[];
  /** Mean over folds. */
  readonly mean: FoldScores;
  /** Population standard deviation over folds (numpy's std, ddof = 0, as scikit-learn reports). */
  readonly std: FoldScores;
  readonly splits: Split[];
  /** The fitted fold models, in fold order. */
  readonly models: BinaryClassifier[];
  /** Out-of-fold P(y = 1) of every sample (each sample is in exactly one test fold). */
  readonly oofProba: Float64Array;
}

export interface CrossValidateOptions {
  /** A splitter, or a number of folds for StratifiedKFold without shuffling (scikit-learn's cv=int). Default 5. */
  cv?: CrossValidator | number;
  /** Group of each sample, for GroupKFold. */
  groups?: ArrayLike<number | string>;
  /** Threshold on P(y = 1) for accuracy, precision, recall, F1 (default 0.5 = `predict`). */
  threshold?: number;
  /** Told the folds done (stage "cv") after each fold is fitted and scored. */
  onProgress?: ProgressCallback;
}

const KEYS: (keyof FoldScores)[] = ["auc", "accuracy", "precision", "recall", "f1"];

/** Mean and population standard deviation of each score over folds. */
export function summarizeScores(folds: FoldScores[]): { mean: FoldScores; std: FoldScores } {
  const m = {} as FoldScores;
  const s = {} as FoldScores;
  for (const k of KEYS) {
    const v = folds.map((f) => f[k]);
    m[k] = mean(v);
    s[k] = standardDeviation(v);
  }
  return { mean: m, std: s };
}

/** AUC, accuracy, precision, recall and F1 of probabilities `proba` against `y`. */
export function scoreProba(y: ArrayLike<number>, proba: ArrayLike<number>, threshold = 0.5): FoldScores {
  return { auc: rocAucScore(y, proba), ...classificationScores(y, proba, threshold) };
}

/**
 * K-fold cross-validation of `estimator` (scikit-learn's cross_validate with AUC, accuracy, precision, recall
 * and F1): for every fold, a clone is fitted on the training part and scored on the test part.
 */
export function crossValidate(
  estimator: BinaryClassifier,
  X: MatrixInput,
  y: LabelInput,
  options: CrossValidateOptions = {},
): CrossValidationResult {
  const m = toDesignMatrix(X);
  const labels = toBinaryLabels(y, m.nSamples);
  const cv = typeof options.cv === "object" ? options.cv : new StratifiedKFold(options.cv ?? 5);
  const threshold = options.threshold ?? 0.5;
  const splits = cv.split(labels, options.groups);
  const folds: FoldScores[] = [];
  const models: BinaryClassifier[] = [];
  const oofProba = new Float64Array(m.nSamples).fill(NaN);
  splits.forEach((s, f) => {
    const yTrain = Uint8Array.from(s.train, (i) => labels[i]);
    const yTest = Uint8Array.from(s.test, (i) => labels[i]);
    const model = estimator.clone().fit(takeRows(m, s.train), yTrain);
    const proba = model.predictProba(takeRows(m, s.test));
    s.test.forEach((i, k) => (oofProba[i] = proba[k]));
    try {
      folds.push(scoreProba(yTest, proba, threshold));
    } catch (e) {
      throw new Error(`fold ${f}: ${(e as Error).message}`);
    }
    models.push(model);
    options.onProgress?.(f + 1, splits.length, "cv");
  });
  return { folds, ...summarizeScores(folds), splits, models, oofProba };
}
