import { BinMapper } from "./bin-mapper";
import type { DesignMatrix } from "./design-matrix";
import type { Random } from "./random";

/**
 * How trees are grown. "hist": features binned once into at most `maxBins` quantile bins, splits found on
 * gradient histograms (fast, as scikit-learn's HistGradientBoosting and LightGBM). "exact": every threshold
 * between consecutive distinct values of the node is tried (scikit-learn's `DecisionTreeRegressor` with
 * splitter "best", ml-cart); presorted once, O(n d) per tree level — for small data and reference tests.
 */
export type GrowerMode = "hist" | "exact";

/** Training data prepared once per fit for a TreeGrower. */
export interface GrowerData {
  readonly mode: GrowerMode;
  readonly nSamples: number;
  readonly nFeatures: number;
  /** Row-major features (the DesignMatrix values). */
  readonly X: Float64Array;
  /** hist: feature-major bin codes (BinMapper.transform). */
  readonly codes: Uint8Array | null;
  /** hist: per-feature bin thresholds. */
  readonly thresholds: Float64Array[] | null;
  readonly nBins: Int32Array | null;
  /** exact: feature-major sample indices, each feature's block sorted by value (ties by index). */
  readonly presorted: Int32Array | null;
}

/** Bins (hist) or presorts (exact) the training matrix. `rng` is used only to subsample rows for binning. */
export function prepareGrowerData(
  X: DesignMatrix,
  mode: GrowerMode,
  rng: Random,
  maxBins = 255,
  codesOut?: Uint8Array,
): GrowerData {
  const { nSamples: n, nFeatures: d, values } = X;
  if (mode === "hist") {
    const mapper = new BinMapper(maxBins);
    const codes = mapper.fitTransform(X, rng, codesOut);
    return {
      mode,
      nSamples: n,
      nFeatures: d,
      X: values,
      codes,
      thresholds: mapper.thresholds,
      nBins: mapper.nBins,
      presorted: null,
    };
  }
  const presorted = new Int32Array(n * d);
  const idx = new Int32Array(n);
  const col = new Float64Array(n);
  for (let f = 0; f < d; f++) {
    for (let i = 0; i < n; i++) {
      idx[i] = i;
      col[i] = values[i * d + f];
    }
    idx.sort((a, b) => col[a] - col[b] || a - b);
    presorted.set(idx, f * n);
  }
  return { mode, nSamples: n, nFeatures: d, X: values, codes: null, thresholds: null, nBins: null, presorted };
}
