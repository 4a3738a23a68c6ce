import { linspace, percentileLinear } from "../../table/quantiles";
import { checkLabelsScores } from "./check-scores";

/** Reliability diagram: per non-empty bin, the observed frequency of class 1 and the mean predicted probability. */
export interface CalibrationCurve {
  readonly probTrue: Float64Array;
  readonly probPred: Float64Array;
  /** Samples per non-empty bin. */
  readonly counts: Int32Array;
  /** All bin edges (nBins + 1). */
  readonly edges: Float64Array;
}

/**
 * scikit-learn's `calibration_curve` (sklearn/calibration.py): edges linspace(0, 1, nBins + 1) ("uniform") or
 * the percentiles of the probabilities ("quantile", numpy's linear interpolation); a probability goes to the bin
 * whose right edge is the first inner edge >= it (numpy searchsorted "left"); empty bins are dropped.
 */
export function calibrationCurve(
  yTrue: ArrayLike<number>,
  proba: ArrayLike<number>,
  options: { nBins?: number; strategy?: "uniform" | "quantile" } = {},
): CalibrationCurve {
  const { nBins = 5, strategy = "uniform" } = options;
  if (!Number.isInteger(nBins) || nBins < 1) throw new Error(`nBins=${nBins} must be an integer >= 1`);
  checkLabelsScores(yTrue, proba, "proba");
  for (let i = 0; i < proba.length; i++) {
    if (proba[i] < 0 || proba[i] > 1) throw new Error(`proba[${i}] = ${proba[i]} is outside [0, 1]`);
  }
  let edges: Float64Array;
  if (strategy === "uniform") {
    edges = linspace(0, 1, nBins + 1);
  } else if (strategy === "quantile") {
    const sorted = Float64Array.from(proba).sort();
    edges = linspace(0, 1, nBins + 1).map((q) => percentileLinear(sorted, q * 100));
  } else {
    throw new Error(`strategy="${String(strategy)}" must be "uniform" or "quantile"`);
  }
  const sums = new Float64Array(nBins);
  const trues = new Float64Array(nBins);
  const totals = new Int32Array(nBins);
  for (let i = 0; i < proba.length; i++) {
    let b = 0;
    while (b < nBins - 1 && edges[b + 1] < proba[i]) b++;
    sums[b] += proba[i];
    trues[b] += yTrue[i];
    totals[b]++;
  }
  const keep: number[] = [];
  for (let b = 0; b < nBins; b++) if (totals[b] > 0) keep.push(b);
  return {
    probTrue: Float64Array.from(keep, (b) => trues[b] / totals[b]),
    probPred: Float64Array.from(keep, (b) => sums[b] / totals[b]),
    counts: Int32Array.from(keep, (b) => totals[b]),
    edges,
  };
}
