import type { Split } from "./train-test-split";

/** A cross-validation splitter (scikit-learn's `split(X, y, groups)`): test folds partition the samples. */
export interface CrossValidator {
  readonly nSplits: number;
  /** Train/test indices of every fold, from the labels (and, for group splitters, the groups). */
  split(y: ArrayLike<number>, groups?: ArrayLike<number | string>): Split[];
}

/** Builds the splits from a fold number per sample (test = that fold, train = the rest), indices increasing. */
export function splitsFromFoldIds(foldOf: ArrayLike<number>, nSplits: number): Split[] {
  const out: Split[] = [];
  for (let f = 0; f < nSplits; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < foldOf.length; i++) (foldOf[i] === f ? test : train).push(i);
    out.push({ train: Int32Array.from(train), test: Int32Array.from(test) });
  }
  return out;
}

export function checkNSplits(nSplits: number): void {
  if (!Number.isInteger(nSplits) || nSplits < 2) throw new Error(`nSplits=${nSplits} must be an integer >= 2`);
}
