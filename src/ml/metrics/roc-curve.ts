import { checkLabelsScores } from "./check-scores";

/** Points of a ROC curve; point k classifies "positive" every sample with score >= thresholds[k]. */
export interface RocCurve {
  readonly fpr: Float64Array;
  readonly tpr: Float64Array;
  /** Decreasing; thresholds[0] = Infinity (no sample positive). */
  readonly thresholds: Float64Array;
}

/**
 * ROC curve as scikit-learn's `roc_curve` (sklearn/metrics/_ranking.py, `_binary_clf_curve`): one point per
 * distinct score, from the highest; with `dropIntermediate` (default, as sklearn) the points on straight
 * segments are removed. The first point (0, 0) has threshold Infinity, as scikit-learn >= 1.3 (1.2 used
 * max(score) + 1).
 */
export function rocCurve(yTrue: ArrayLike<number>, scores: ArrayLike<number>, dropIntermediate = true): RocCurve {
  checkLabelsScores(yTrue, scores);
  const n = yTrue.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a]);
  const tps: number[] = [];
  const fps: number[] = [];
  const thr: number[] = [];
  let tp = 0;
  for (let k = 0; k < n; k++) {
    tp += yTrue[order[k]];
    if (k === n - 1 || scores[order[k + 1]] !== scores[order[k]]) {
      tps.push(tp);
      fps.push(k + 1 - tp);
      thr.push(scores[order[k]]);
    }
  }
  let keep = tps.map((_, k) => k);
  if (dropIntermediate && tps.length > 2) {
    // keep a point where the second difference of fps or tps is non-zero (a corner), plus both ends
    keep = keep.filter(
      (k) =>
        k === 0 ||
        k === tps.length - 1 ||
        fps[k + 1] - 2 * fps[k] + fps[k - 1] !== 0 ||
        tps[k + 1] - 2 * tps[k] + tps[k - 1] !== 0,
    );
  }
  const m = keep.length + 1;
  const fpr = new Float64Array(m);
  const tpr = new Float64Array(m);
  const thresholds = new Float64Array(m);
  thresholds[0] = Infinity;
  const P = tps[tps.length - 1];
  const N = fps[fps.length - 1];
  keep.forEach((k, j) => {
    fpr[j + 1] = N > 0 ? fps[k] / N : NaN;
    tpr[j + 1] = P > 0 ? tps[k] / P : NaN;
    thresholds[j + 1] = thr[k];
  });
  if (P === 0 || N === 0)
    throw new Error(`ROC curve is undefined with one class only (${P} positives, ${N} negatives)`);
  return { fpr, tpr, thresholds };
}
