import { Random } from "../random";

/** Row indices of a split, each increasing. */
export interface Split {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/**
 * A stratified random split of samples with labels `y` (0/1): in each class, round(testFraction n_c) samples
 * (at least 1 when the class has 2 or more) go to the test part, chosen without replacement by `seed`
 * (scikit-learn's `train_test_split(..., stratify=y)` in spirit; the random stream differs).
 */
export function stratifiedTrainTestSplit(y: ArrayLike<number>, testFraction: number, seed: number | Random): Split {
  if (!(testFraction > 0 && testFraction < 1)) throw new Error(`testFraction=${testFraction} must be in (0, 1)`);
  const rng = typeof seed === "number" ? new Random(seed) : seed;
  const isTest = new Uint8Array(y.length);
  for (const c of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === c) idx.push(i);
    if (idx.length === 0) continue;
    let k = Math.round(testFraction * idx.length);
    if (k === 0 && idx.length >= 2) k = 1;
    if (k === idx.length) k = idx.length - 1;
    const pick = rng.sampleWithoutReplacement(idx.length, k);
    for (let j = 0; j < pick.length; j++) isTest[idx[pick[j]]] = 1;
  }
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < y.length; i++) (isTest[i] ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
