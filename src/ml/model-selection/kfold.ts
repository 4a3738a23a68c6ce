import { Random } from "../random";
import type { CrossValidator } from "./cross-validator";
import { checkNSplits, splitsFromFoldIds } from "./cross-validator";
import type { Split } from "./train-test-split";

/**
 * K consecutive folds (scikit-learn's KFold): the first n % k folds have n // k + 1 samples, the others n // k;
 * with `shuffle` the sample order is permuted first (seeded by `randomState`).
 */
export class KFold implements CrossValidator {
  constructor(
    readonly nSplits = 5,
    readonly shuffle = false,
    readonly randomState = 0,
  ) {
    checkNSplits(nSplits);
  }

  split(y: ArrayLike<number>): Split[] {
    const n = y.length;
    if (this.nSplits > n) throw new Error(`nSplits=${this.nSplits} is greater than the number of samples (${n})`);
    const perm = new Int32Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    if (this.shuffle) new Random(this.randomState).shuffle(perm);
    const foldOf = new Int32Array(n);
    let pos = 0;
    for (let f = 0; f < this.nSplits; f++) {
      const size = Math.floor(n / this.nSplits) + (f < n % this.nSplits ? 1 : 0);
      for (let k = 0; k < size; k++) foldOf[perm[pos++]] = f;
    }
    return splitsFromFoldIds(foldOf, this.nSplits);
  }
}
