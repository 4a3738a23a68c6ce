import { quantileSorted } from "simple-statistics";
import { Random } from "../random";
import { checkLabelsScores } from "./check-scores";
import { rocAucScore } from "./roc-auc";

/** A bootstrap confidence interval of the ROC AUC. */
export interface AucInterval {
  /** AUC of the full sample. */
  readonly auc: number;
  readonly low: number;
  readonly high: number;
  readonly confidence: number;
  /** AUC of each bootstrap resample that had both classes (sorted). */
  readonly samples: Float64Array;
}

/**
 * Percentile bootstrap CI of the AUC (Efron & Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13):
 * `nBootstrap` resamples of the (label, score) pairs with replacement; resamples with one class are skipped
 * and not replaced (as the usual scikit-learn recipe); the interval is the (1 -/+ confidence)/2 quantiles.
 */
export function bootstrapAuc(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: { nBootstrap?: number; confidence?: number; randomState?: number } = {},
): AucInterval {
  const { nBootstrap = 1000, confidence = 0.95, randomState = 0 } = options;
  if (!Number.isInteger(nBootstrap) || nBootstrap < 1)
    throw new Error(`nBootstrap=${nBootstrap} must be an integer >= 1`);
  if (!(confidence > 0 && confidence < 1)) throw new Error(`confidence=${confidence} must be in (0, 1)`);
  checkLabelsScores(yTrue, scores);
  const auc = rocAucScore(yTrue, scores);
  const n = yTrue.length;
  const rng = new Random(randomState);
  const yb = new Uint8Array(n);
  const sb = new Float64Array(n);
  const out: number[] = [];
  for (let b = 0; b < nBootstrap; b++) {
    let pos = 0;
    for (let k = 0; k < n; k++) {
      const i = rng.nextInt(n);
      yb[k] = yTrue[i];
      sb[k] = scores[i];
      pos += yb[k];
    }
    if (pos === 0 || pos === n) continue;
    out.push(rocAucScore(yb, sb));
  }
  if (out.length === 0) throw new Error("bootstrapAuc: no resample had both classes");
  const samples = Float64Array.from(out).sort();
  const sorted = Array.from(samples);
  const alpha = (1 - confidence) / 2;
  return { auc, low: quantileSorted(sorted, alpha), high: quantileSorted(sorted, 1 - alpha), confidence, samples };
}
