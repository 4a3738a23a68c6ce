import type { MatrixInput } from "./design-matrix";

/** Labels accepted by `fit`: 0/1 numbers or booleans, one per sample. */
export type LabelInput = ArrayLike<number> | ArrayLike<boolean>;

/** Options of `fit` beyond X and y. */
export interface FitOptions {
  /**
   * Per-sample weights (scikit-learn's `sample_weight`): finite, >= 0, one per sample, not all 0. Each sample's
   * loss is multiplied by its weight.
   */
  sampleWeight?: ArrayLike<number>;
}

/**
 * The binary-classifier contract shared by the estimators of `src/ml` (scikit-learn's: constructor takes the
 * hyper-parameters, `fit` learns and returns `this`). Probabilities are those of class 1 ("plastic").
 */
export interface BinaryClassifier {
  /** Learns from X and y (`options.sampleWeight`: see FitOptions; a classifier that cannot weigh refuses it). */
  fit(X: MatrixInput, y: LabelInput, options?: FitOptions): this;
  /** P(y = 1) for every row (scikit-learn's `predict_proba(X)[:, 1]`). */
  predictProba(X: MatrixInput): Float64Array;
  /** An unfitted copy with the same hyper-parameters (scikit-learn's `clone`). */
  clone(): BinaryClassifier;
  /** Versioned JSON of the fitted model (no Infinity or NaN). */
  toJSON(): object;
}

/** A classifier that also ranks its input features (needed by recursive feature elimination). */
export interface ImportanceClassifier extends BinaryClassifier {
  /** Non-negative importances, one per feature, summing to 1 (or all 0). */
  featureImportances(): Float64Array;
}

/** Raised when a model is used before `fit` (scikit-learn's NotFittedError). */
export class NotFittedError extends Error {
  constructor(what: string) {
    super(`${what} is not fitted yet: call fit(X, y) first`);
    this.name = "NotFittedError";
  }
}
