import type { CrossValidator } from "./cross-validator";
import { checkNSplits, splitsFromFoldIds } from "./cross-validator";
import type { Split } from "./train-test-split";

/**
 * K folds that never split a group (scikit-learn's GroupKFold): groups, largest first, each go to the fold
 * with the fewest samples so far (the first such fold on ties); groups of equal size are taken in decreasing
 * order of their sorted label (what numpy's argsort(...)[::-1] gives for small arrays). For qsoft the group is
 * the glass sample an atom comes from, so a model is never tested on atoms of a sample it was trained on.
 */
export class GroupKFold implements CrossValidator {
  constructor(readonly nSplits = 5) {
    checkNSplits(nSplits);
  }

  split(y: ArrayLike<number>, groups?: ArrayLike<number | string>): Split[] {
    if (groups === undefined) throw new Error("GroupKFold needs groups (one per sample)");
    if (groups.length !== y.length) throw new Error(`groups has ${groups.length} entries but y has ${y.length}`);
    const labels = Array.from(new Set(Array.from(groups))).sort((a, b) =>
      typeof a === "number" && typeof b === "number"
        ? a - b
        : String(a) < String(b)
          ? -1
          : String(a) > String(b)
            ? 1
            : 0,
    );
    if (this.nSplits > labels.length) {
      throw new Error(`nSplits=${this.nSplits} cannot be greater than the number of groups (${labels.length})`);
    }
    const index = new Map(labels.map((g, k) => [g, k]));
    const size = new Int32Array(labels.length);
    const gid = new Int32Array(groups.length);
    for (let i = 0; i < groups.length; i++) {
      gid[i] = index.get(groups[i]) as number;
      size[gid[i]]++;
    }
    const order = labels.map((_, k) => k).sort((a, b) => size[b] - size[a] || b - a);
    const foldSize = new Float64Array(this.nSplits);
    const foldOfGroup = new Int32Array(labels.length);
    for (const g of order) {
      let lightest = 0;
      for (let f = 1; f < this.nSplits; f++) if (foldSize[f] < foldSize[lightest]) lightest = f;
      foldSize[lightest] += size[g];
      foldOfGroup[g] = lightest;
    }
    return splitsFromFoldIds(
      Int32Array.from(gid, (g) => foldOfGroup[g]),
      this.nSplits,
    );
  }
}
