/**
 * Gradient histograms of the histogram-based tree grower (LightGBM, Ke et al. NeurIPS 2017; scikit-learn's
 * `HistogramBuilder`, sklearn/ensemble/_hist_gradient_boosting/histogram.pyx). One histogram holds, for every
 * feature f and bin b, the sum of the gradients and the number of samples of a node, interleaved:
 * `hist[2 (f * BIN_STRIDE + b)]` = sum of g, `hist[2 (f * BIN_STRIDE + b) + 1]` = count. The friedman_mse split
 * criterion needs only these two; hessians enter the Newton leaf values, which are summed over the leaf's samples.
 */
export const BIN_STRIDE = 256;

/** A zeroed histogram for `nFeatures` features. */
export function newHistogram(nFeatures: number): Float64Array {
  return new Float64Array(nFeatures * BIN_STRIDE * 2);
}

/**
 * Fills `hist` with the histogram of the samples `order[start..end)`. `codes` is feature-major (see
 * BinMapper.transform) over `nSamples` rows; `gOrd[k]` is the gradient of sample `order[start + k]` (gathered
 * once so that the inner loop reads it contiguously). Eight features are filled per pass over the samples, which
 * loads each sample index and gradient once for eight updates (about 3x faster than one feature per pass).
 */
export function buildHistogram(
  hist: Float64Array,
  codes: Uint8Array,
  nSamples: number,
  nFeatures: number,
  order: Int32Array,
  start: number,
  end: number,
  gOrd: Float64Array,
): void {
  hist.fill(0);
  const m = end - start;
  const n = nSamples;
  const H = BIN_STRIDE * 2;
  let f = 0;
  for (; f + 7 < nFeatures; f += 8) {
    const base = f * n;
    const h0 = f * H;
    for (let k = 0; k < m; k++) {
      const i = base + order[start + k];
      const gk = gOrd[k];
      let b = h0 + (codes[i] << 1);
      hist[b] += gk;
      hist[b + 1] += 1;
      b = h0 + H + (codes[i + n] << 1);
      hist[b] += gk;
      hist[b + 1] += 1;
      b = h0 + 2 * H + (codes[i + 2 * n] << 1);
      hist[b] += gk;
      hist[b + 1] += 1;
      b = h0 + 3 * H + (codes[i + 3 * n] << 1);
      hist[b] += gk;
      hist[b + 1] += 1;
      b = h0 + 4 * H + (codes[i + 4 * n] << 1);
      hist[b] += gk;
      hist[b + 1] += 1;
      b = h0 + 5 * H + (codes[i + 5 * n] << 1);
      hist[b] += gk;
      hist[b + 1] += 1;
      b = h0 + 6 * H + (codes[i + 6 * n] << 1);
      hist[b] += gk;
      hist[b + 1] += 1;
      b = h0 + 7 * H + (codes[i + 7 * n] << 1);
      hist[b] += gk;
      hist[b + 1] += 1;
    }
  }
  for (; f < nFeatures; f++) buildFeatureHistogram(hist, codes, nSamples, f, order, start, end, gOrd);
}

/**
 * Fills feature `f`'s block of `hist` alone (zeroed first) from the samples `order[start..end)`, arguments as in
 * buildHistogram. Used when a node evaluates a few sampled features (maxFeatures < nFeatures): building only
 * those beats the full histogram plus the subtraction trick (about 5x fewer updates with "sqrt" at depth 2).
 */
export function buildFeatureHistogram(
  hist: Float64Array,
  codes: Uint8Array,
  nSamples: number,
  f: number,
  order: Int32Array,
  start: number,
  end: number,
  gOrd: Float64Array,
): void {
  const base = f * nSamples;
  const h0 = f * BIN_STRIDE * 2;
  hist.fill(0, h0, h0 + BIN_STRIDE * 2);
  const m = end - start;
  for (let k = 0; k < m; k++) {
    const b = h0 + (codes[base + order[start + k]] << 1);
    hist[b] += gOrd[k];
    hist[b + 1] += 1;
  }
}

/**
 * Scans the bins of feature `f` in `hist` (a node of `cnt` samples whose gradients sum to `sum`) for the split
 * "bin <= b" maximising the friedman_mse proxy (n_R s_L - n_L s_R)^2 / (n_L n_R) with at least `minLeaf`
 * samples per side. Writes the best proxy and bin into `best` ([proxy, bin]) when strictly better than `best[0]`.
 * Returns false when the node's samples all fall in one bin (constant feature).
 */
export function scanHistogram(
  hist: Float64Array,
  f: number,
  nBins: number,
  cnt: number,
  sum: number,
  minLeaf: number,
  best: Float64Array,
): boolean {
  const h0 = f * BIN_STRIDE * 2;
  let nL = 0;
  let sL = 0;
  let bestProxy = best[0];
  let bestBin = -1;
  for (let b = 0; b < nBins - 1; b++) {
    const c = hist[h0 + 2 * b + 1];
    if (c === 0) continue;
    if (c === cnt) return false;
    nL += c;
    sL += hist[h0 + 2 * b];
    if (nL < minLeaf) continue;
    const nR = cnt - nL;
    if (nR < minLeaf) break;
    const diff = nR * sL - nL * (sum - sL);
    const proxy = (diff * diff) / (nL * nR);
    if (proxy > bestProxy) {
      bestProxy = proxy;
      bestBin = b;
    }
  }
  if (bestBin >= 0) {
    best[0] = bestProxy;
    best[1] = bestBin;
  }
  return nL > 0;
}

/** `out = parent - child` (the sibling's histogram, the "subtraction trick"); `out` may be `parent`. */
export function subtractHistogram(out: Float64Array, parent: Float64Array, child: Float64Array): void {
  for (let p = 0; p < out.length; p++) out[p] = parent[p] - child[p];
}
