import { checkLabelsScores } from "./check-scores";

/** Counts of a binary confusion matrix (scikit-learn's confusion_matrix(...).ravel() = tn, fp, fn, tp). */
export interface ConfusionMatrix {
  readonly tn: number;
  readonly fp: number;
  readonly fn: number;
  readonly tp: number;
}

/** Threshold-dependent scores of a binary classifier. */
export interface ClassificationScores {
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** 1 where score > threshold (scikit-learn's Binarizer; at 0.5 on P(y = 1) this is `predict`'s argmax rule). */
export function binarize(scores: ArrayLike<number>, threshold = 0.5): Uint8Array {
  const out = new Uint8Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = scores[i] > threshold ? 1 : 0;
  return out;
}

/**
 * Confusion matrix of predicted 0/1 labels `yPred`; with `threshold`, the second argument holds scores and
 * the prediction is `score > threshold` (so any threshold can be examined).
 */
export function confusionMatrix(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  threshold?: number,
): ConfusionMatrix {
  checkLabelsScores(yTrue, yPred, threshold === undefined ? "yPred" : "scores");
  if (threshold !== undefined) yPred = binarize(yPred, threshold);
  let tn = 0;
  let fp = 0;
  let fn = 0;
  let tp = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const p = yPred[i];
    if (p !== 0 && p !== 1) throw new Error(`yPred[${i}] = ${p}; predicted labels must be 0 or 1`);
    if (yTrue[i] === 1) {
      if (p === 1) tp++;
      else fn++;
    } else if (p === 1) fp++;
    else tn++;
  }
  return { tn, fp, fn, tp };
}

/** tp / (tp + fp); 0 when nothing is predicted positive (scikit-learn's zero_division=0). */
export function precisionScore(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const c = confusionMatrix(yTrue, yPred);
  return c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
}

/** tp / (tp + fn) (the "recall" of earlier studies of plastic sites); 0 without positives. */
export function recallScore(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const c = confusionMatrix(yTrue, yPred);
  return c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
}

/** 2 tp / (2 tp + fp + fn) (harmonic mean of precision and recall); 0 when undefined. */
export function f1Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const c = confusionMatrix(yTrue, yPred);
  return 2 * c.tp + c.fp + c.fn > 0 ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0;
}

export function accuracyScore(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const c = confusionMatrix(yTrue, yPred);
  return (c.tp + c.tn) / yTrue.length;
}

/** Accuracy, precision, recall and F1 of `scores > threshold` against `yTrue`. */
export function classificationScores(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold = 0.5,
): ClassificationScores {
  const c = confusionMatrix(yTrue, binarize(scores, threshold));
  return {
    accuracy: (c.tp + c.tn) / yTrue.length,
    precision: c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0,
    recall: c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0,
    f1: 2 * c.tp + c.fp + c.fn > 0 ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0,
  };
}
