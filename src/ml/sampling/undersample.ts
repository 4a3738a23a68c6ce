import { Random } from "../random";

/**
 * Random equal undersampling (Wang & Jain, Methods: "random equal undersampling to create a balanced dataset";
 * imbalanced-learn's RandomUnderSampler with sampling_strategy "auto"): every sample of the minority class plus
 * as many majority samples drawn without replacement. Returns the kept row indices in increasing order.
 * `ratio` = majority kept / minority (1 = balanced).
 */
export function randomUndersample(y: ArrayLike<number>, seed: number | Random, ratio = 1): Int32Array {
  if (!(ratio > 0) || !Number.isFinite(ratio)) throw new Error(`ratio=${ratio} must be a finite number > 0`);
  const rng = typeof seed === "number" ? new Random(seed) : seed;
  const byClass: number[][] = [[], []];
  for (let i = 0; i < y.length; i++) {
    const c = y[i];
    if (c !== 0 && c !== 1) throw new Error(`y[${i}] = ${c}; labels must be 0 or 1`);
    byClass[c].push(i);
  }
  const minority = byClass[0].length <= byClass[1].length ? 0 : 1;
  const nMin = byClass[minority].length;
  if (nMin === 0)
    throw new Error(`cannot undersample: y has only one class (${y.length} samples of class ${1 - minority})`);
  const major = byClass[1 - minority];
  const k = Math.min(major.length, Math.round(ratio * nMin));
  const pick = rng.sampleWithoutReplacement(major.length, k);
  const keep = new Int32Array(nMin + k);
  keep.set(byClass[minority]);
  for (let j = 0; j < k; j++) keep[nMin + j] = major[pick[j]];
  return keep.sort();
}
