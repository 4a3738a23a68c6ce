import { checkLabelsScores } from "./check-scores";

/**
 * Area under the ROC curve in its Mann-Whitney form (Hanley & McNeil, Radiology 143, 29, 1982; Fawcett,
 * Pattern Recognit. Lett. 27, 861, 2006, the paper's ref. 64): the probability that a random positive scores
 * higher than a random negative, ties counting one half. Computed exactly: with scores sorted, each group of
 * equal scores adds pos_g (2 neg_below + neg_g) to the integer 2U, and AUC = 2U / (2 n_pos n_neg) is rounded
 * once. Equals scikit-learn's `roc_auc_score` (trapezoidal area under `roc_curve`) up to rounding.
 */
export function rocAucScore(yTrue: ArrayLike<number>, scores: ArrayLike<number>): number {
  checkLabelsScores(yTrue, scores);
  const n = yTrue.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[a] - scores[b]);
  let nPos = 0;
  let negBelow = 0;
  let twoU = 0;
  for (let k = 0; k < n; ) {
    const s = scores[order[k]];
    let pos = 0;
    let neg = 0;
    while (k < n && scores[order[k]] === s) {
      if (yTrue[order[k]] === 1) pos++;
      else neg++;
      k++;
    }
    twoU += pos * (2 * negBelow + neg);
    negBelow += neg;
    nPos += pos;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) {
    throw new Error(`ROC AUC is undefined with one class only (${nPos} positives, ${nNeg} negatives)`);
  }
  return twoU / (2 * nPos * nNeg);
}
