import { mean, standardDeviation } from "simple-statistics";
import { toBinaryLabels } from "../binary-labels";
import type { BinaryClassifier, LabelInput } from "../classifier";
import type { MatrixInput } from "../design-matrix";
import { toDesignMatrix } from "../design-matrix";
import { rocAucScore } from "../metrics/roc-auc";
import { Random } from "../random";

/** A score of probabilities against labels; larger is better. */
export type ProbaScorer = (yTrue: Uint8Array, proba: Float64Array) => number;

export interface PermutationImportance {
  /** Score of the unpermuted data. */
  readonly baseline: number;
  /** importances[f * nRepeats + r] = baseline - score with feature f shuffled in repeat r. */
  readonly importances: Float64Array;
  readonly importancesMean: Float64Array;
  /** Population standard deviation over repeats (numpy's std, as scikit-learn). */
  readonly importancesStd: Float64Array;
  readonly nRepeats: number;
}

/**
 * Permutation importance (Breiman, Mach. Learn. 45, 5, 2001; scikit-learn's permutation_importance): the drop
 * of the score (default ROC AUC, the paper's metric) when one feature's column is shuffled, `nRepeats` times
 * per feature; each repeat shuffles the already shuffled column again, as scikit-learn does.
 */
export function permutationImportance(
  model: BinaryClassifier,
  X: MatrixInput,
  y: LabelInput,
  options: { nRepeats?: number; randomState?: number; scoring?: ProbaScorer } = {},
): PermutationImportance {
  const { nRepeats = 5, randomState = 0, scoring = rocAucScore } = options;
  if (!Number.isInteger(nRepeats) || nRepeats < 1) throw new Error(`nRepeats=${nRepeats} must be an integer >= 1`);
  const m = toDesignMatrix(X);
  const labels = toBinaryLabels(y, m.nSamples);
  const baseline = scoring(labels, model.predictProba(m));
  const { nSamples: n, nFeatures: d } = m;
  const rng = new Random(randomState);
  const work = { ...m, values: Float64Array.from(m.values) };
  const col = new Float64Array(n);
  const perm = new Int32Array(n);
  const importances = new Float64Array(d * nRepeats);
  for (let f = 0; f < d; f++) {
    for (let i = 0; i < n; i++) col[i] = m.values[i * d + f];
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let r = 0; r < nRepeats; r++) {
      rng.shuffle(perm);
      for (let i = 0; i < n; i++) work.values[i * d + f] = col[perm[i]];
      importances[f * nRepeats + r] = baseline - scoring(labels, model.predictProba(work));
    }
    for (let i = 0; i < n; i++) work.values[i * d + f] = col[i];
  }
  const importancesMean = new Float64Array(d);
  const importancesStd = new Float64Array(d);
  for (let f = 0; f < d; f++) {
    const v = Array.from(importances.subarray(f * nRepeats, (f + 1) * nRepeats));
    importancesMean[f] = mean(v);
    importancesStd[f] = standardDeviation(v);
  }
  return { baseline, importances, importancesMean, importancesStd, nRepeats };
}
