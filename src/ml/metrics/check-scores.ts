/** Validates a (labels, scores) pair for the metrics: same length, labels 0/1, scores finite. */
export function checkLabelsScores(yTrue: ArrayLike<number>, scores: ArrayLike<number>, what = "scores"): void {
  if (yTrue.length !== scores.length)
    throw new Error(`yTrue has ${yTrue.length} labels but ${what} has ${scores.length} values`);
  for (let i = 0; i < yTrue.length; i++) {
    const c = yTrue[i];
    if (c !== 0 && c !== 1) throw new Error(`yTrue[${i}] = ${c}; labels must be 0 or 1`);
    if (!Number.isFinite(scores[i])) throw new Error(`${what}[${i}] = ${scores[i]}; must be finite`);
  }
}
