import { Random } from "../random";
import type { CrossValidator } from "./cross-validator";
import { checkNSplits, splitsFromFoldIds } from "./cross-validator";
import type { Split } from "./train-test-split";

/**
 * Stratified K folds, with scikit-learn's allocation (sklearn/model_selection/_split.py,
 * StratifiedKFold._make_test_folds): classes are numbered by first appearance, the sorted class sequence is
 * dealt round-robin to the folds to decide how many of each class every fold gets, and then the samples of
 * class k are given to folds 0, 0, ..., 1, 1, ... in sample order. Without shuffle the folds equal
 * scikit-learn's exactly; with `shuffle` the fold labels within each class are permuted by our seeded
 * generator (same sizes as scikit-learn, different draws).
 */
export class StratifiedKFold implements CrossValidator {
  constructor(
    readonly nSplits = 5,
    readonly shuffle = false,
    readonly randomState = 0,
  ) {
    checkNSplits(nSplits);
  }

  split(y: ArrayLike<number>): Split[] {
    const k = this.nSplits;
    const code = new Map<number, number>();
    const enc = new Int32Array(y.length);
    for (let i = 0; i < y.length; i++) {
      if (!code.has(y[i])) code.set(y[i], code.size);
      enc[i] = code.get(y[i]) as number;
    }
    const nClasses = code.size;
    const counts = new Int32Array(nClasses);
    for (let i = 0; i < enc.length; i++) counts[enc[i]]++;
    if (counts.every((c) => k > c)) {
      throw new Error(
        `nSplits=${k} cannot be greater than the number of members in each class (${Array.from(counts).join(", ")})`,
      );
    }
    // allocation[f][c] = how many of class c fold f gets: bincount(sorted classes[f::k])
    const sortedClasses = Int32Array.from(enc).sort();
    const allocation: Int32Array[] = [];
    for (let f = 0; f < k; f++) {
      const a = new Int32Array(nClasses);
      for (let p = f; p < sortedClasses.length; p += k) a[sortedClasses[p]]++;
      allocation.push(a);
    }
    const rng = this.shuffle ? new Random(this.randomState) : null;
    const foldOf = new Int32Array(y.length);
    for (let c = 0; c < nClasses; c++) {
      const folds: number[] = [];
      for (let f = 0; f < k; f++) for (let r = 0; r < allocation[f][c]; r++) folds.push(f);
      if (rng) rng.shuffle(folds);
      let j = 0;
      for (let i = 0; i < enc.length; i++) if (enc[i] === c) foldOf[i] = folds[j++];
    }
    return splitsFromFoldIds(foldOf, k);
  }
}
