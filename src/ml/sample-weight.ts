/**
 * Per-sample weights of `fit` (scikit-learn's `sample_weight`): a weight multiplies the sample's loss, so its
 * gradient and hessian, and counts it `w` times in every weighted sum (sklearn/utils/validation.py,
 * _check_sample_weight, which also requires finite values; qsoft also refuses negative weights and an all-zero
 * vector, which leave the loss without a minimum).
 */
export function toSampleWeight(weight: ArrayLike<number>, nSamples: number, what = "sampleWeight"): Float64Array {
  if (weight === null || typeof weight !== "object" || typeof weight.length !== "number")
    throw new Error(`${what} must be an array of numbers, one per sample`);
  if (weight.length !== nSamples) throw new Error(`${what} has ${weight.length} values but X has ${nSamples} samples`);
  const out = new Float64Array(nSamples);
  let total = 0;
  for (let i = 0; i < nSamples; i++) {
    const w = weight[i];
    if (typeof w !== "number" || !Number.isFinite(w))
      throw new Error(`${what}[${i}] = ${String(w)} is not a finite number`);
    if (w < 0) throw new Error(`${what}[${i}] = ${w} is negative (weights must be >= 0)`);
    out[i] = w;
    total += w;
  }
  if (!(total > 0)) throw new Error(`${what}: every weight is 0 (at least one must be positive)`);
  return out;
}
