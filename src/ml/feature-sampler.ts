import type { Random } from "./random";

/**
 * Per-node feature sampling as in scikit-learn's `BestSplitter.node_split` (sklearn/tree/_splitter.pyx): features
 * are drawn without replacement (Fisher-Yates) until `maxFeatures` non-constant ones have been evaluated;
 * features found constant in the node do not count. With `maxFeatures >= nFeatures` every feature is visited in
 * natural order and no random number is drawn (so ties go to the lowest feature index, as in ml-cart).
 */
export class FeatureSampler {
  private readonly perm: Int32Array;

  constructor(
    readonly nFeatures: number,
    readonly maxFeatures: number,
  ) {
    this.perm = new Int32Array(nFeatures);
  }

  /** Calls `visit(f)` for the sampled features of one node; `visit` returns false when f is constant there. */
  sample(rng: Random, visit: (feature: number) => boolean): void {
    const d = this.nFeatures;
    if (this.maxFeatures >= d) {
      for (let f = 0; f < d; f++) visit(f);
      return;
    }
    const perm = this.perm;
    for (let f = 0; f < d; f++) perm[f] = f;
    let remaining = d;
    let visited = 0;
    while (remaining > 0 && visited < this.maxFeatures) {
      const j = rng.nextInt(remaining);
      remaining--;
      const f = perm[j];
      perm[j] = perm[remaining];
      perm[remaining] = f;
      if (visit(f)) visited++;
    }
  }
}
