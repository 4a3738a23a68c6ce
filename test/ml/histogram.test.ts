import * as assert from "node:assert/strict";
import {
  BIN_STRIDE,
  binCounts,
  buildFeatureHistogram,
  buildHistogram,
  buildRootHistogram,
  newHistogram,
  scanHistogram,
  subtractHistogram,
} from "../../src/ml/histogram";
import { Random } from "../../src/ml/random";

describe("ml/histogram (gradient histograms of the tree grower)", () => {
  const nSamples = 30;
  const nFeatures = 11; // one block of eight features per pass plus three left over
  const rng = new Random(5);
  const codes = Uint8Array.from({ length: nSamples * nFeatures }, () => rng.nextInt(6));
  const g = Float64Array.from({ length: nSamples }, (_, i) => Math.sin(i) * 3);
  const order = Int32Array.from({ length: nSamples }, (_, i) => (7 * i) % nSamples);
  const start = 4;
  const end = 23;
  const gOrd = Float64Array.from({ length: end - start }, (_, k) => g[order[start + k]]);

  /** The histogram by its definition: for each sample of the node, add g to (f, bin) and count it. */
  function naive(): Float64Array {
    const h = newHistogram(nFeatures);
    for (let k = start; k < end; k++) {
      const i = order[k];
      for (let f = 0; f < nFeatures; f++) {
        const b = codes[f * nSamples + i];
        h[2 * (f * BIN_STRIDE + b)] += g[i];
        h[2 * (f * BIN_STRIDE + b) + 1] += 1;
      }
    }
    return h;
  }

  it("sums gradients and counts per feature and bin, whole histogram or one feature at a time", () => {
    const want = naive();
    const h = newHistogram(nFeatures).fill(9);
    buildHistogram(h, codes, nSamples, nFeatures, order, start, end, gOrd);
    for (let p = 0; p < h.length; p++) assert.ok(Math.abs(h[p] - want[p]) < 1e-12, `entry ${p}`);
    const one = newHistogram(nFeatures);
    for (let f = 0; f < nFeatures; f++) buildFeatureHistogram(one, codes, nSamples, f, order, start, end, gOrd);
    for (let p = 0; p < h.length; p++) assert.ok(Math.abs(one[p] - want[p]) < 1e-12, `entry ${p}`);
  });

  it("root over every row in index order: counts from binCounts, gradients in place, bitwise buildHistogram's", () => {
    const all = Int32Array.from({ length: nSamples }, (_, i) => i);
    const want = newHistogram(nFeatures);
    buildHistogram(want, codes, nSamples, nFeatures, all, 0, nSamples, g);
    const counts = binCounts(codes, nSamples, nFeatures);
    // counts by definition: how many rows have each code
    for (let f = 0; f < nFeatures; f++)
      for (let b = 0; b < 6; b++) {
        let c = 0;
        for (let i = 0; i < nSamples; i++) if (codes[f * nSamples + i] === b) c++;
        assert.equal(counts[f * BIN_STRIDE + b], c, `feature ${f} bin ${b}`);
      }
    const h = newHistogram(nFeatures).fill(9);
    buildRootHistogram(h, codes, nSamples, nFeatures, g, counts);
    assert.deepEqual(h, want);
    const parts = newHistogram(nFeatures).fill(7);
    buildRootHistogram(parts, codes, nSamples, nFeatures, g, counts, 0, 8);
    buildRootHistogram(parts, codes, nSamples, nFeatures, g, counts, 8, 11);
    assert.deepEqual(parts, want, "feature ranges");
  });

  it("weighted (3 slots): sums w g, w and counts; any feature range fills only its features, with the same sums", () => {
    const w = Float64Array.from({ length: nSamples }, (_, i) => (i % 4) * 0.75);
    const wOrd = Float64Array.from({ length: end - start }, (_, k) => w[order[start + k]]);
    const wgOrd = Float64Array.from(gOrd, (v, k) => v * wOrd[k]);
    const want = newHistogram(nFeatures, true);
    for (let k = start; k < end; k++) {
      const i = order[k];
      for (let f = 0; f < nFeatures; f++) {
        const b = 3 * (f * BIN_STRIDE + codes[f * nSamples + i]);
        want[b] += w[i] * g[i];
        want[b + 1] += w[i];
        want[b + 2] += 1;
      }
    }
    const h = newHistogram(nFeatures, true).fill(9);
    buildHistogram(h, codes, nSamples, nFeatures, order, start, end, wgOrd, wOrd);
    for (let p = 0; p < h.length; p++) assert.ok(Math.abs(h[p] - want[p]) < 1e-12, `entry ${p}`);
    for (const weighted of [false, true]) {
      const whole = newHistogram(nFeatures, weighted);
      buildHistogram(whole, codes, nSamples, nFeatures, order, start, end, wgOrd, weighted ? wOrd : null);
      const parts = newHistogram(nFeatures, weighted).fill(7);
      for (const [a, b] of [
        [0, 3],
        [3, 11],
      ])
        buildHistogram(parts, codes, nSamples, nFeatures, order, start, end, wgOrd, weighted ? wOrd : null, a, b);
      assert.deepEqual(parts, whole, `feature ranges, weighted ${weighted}`);
    }
  });

  it("weighted scan uses weights in the criterion and counts for minLeaf", () => {
    // Feature 0, bins 0..3 hold (sum w g, sum w, count) = (2, 2, 1), (1, 0.5, 1), (-3, 1, 1), (-2, 0.5, 1):
    // weight 4, sum -2. After bin 0: (2 * 2 - 2 * (-4))^2 / (2 * 2) = 36; after bin 1: (1.5 * 3 - 2.5 * (-5))^2 /
    // (2.5 * 1.5) = 289 / 3.75 = 77.07; after bin 2: (0.5 * 0 - 3.5 * (-2))^2 / (3.5 * 0.5) = 28. Best: bin 1.
    const h = newHistogram(1, true);
    [2, 2, 1, 1, 0.5, 1, -3, 1, 1, -2, 0.5, 1].forEach((v, p) => (h[p] = v));
    const best = Float64Array.of(-Infinity, -1);
    assert.equal(scanHistogram(h, 0, 4, 4, -2, 1, best, 4, true), true);
    assert.deepEqual([best[1]], [1]);
    assert.ok(Math.abs(best[0] - 289 / 3.75) < 1e-12);
    const leaf2 = Float64Array.of(-Infinity, -1);
    scanHistogram(h, 0, 4, 4, -2, 2, leaf2, 4, true);
    assert.deepEqual([leaf2[1]], [1], "min 2 samples per leaf (a count, whatever the weights)");
  });

  it("gives the sibling as parent minus child", () => {
    const parent = Float64Array.of(5, 3, -1, 2);
    const out = new Float64Array(4);
    subtractHistogram(out, parent, Float64Array.of(2, 1, -1, 0));
    assert.deepEqual([...out], [3, 2, 0, 2]);
  });

  it("finds the split maximising (n_R s_L - n_L s_R)^2 / (n_L n_R) (hand-worked), and reports a constant feature", () => {
    // Bins 0..3 of feature 0 hold (sum g, count) = (2, 1), (1, 1), (-3, 1), (-2, 1): cnt 4, sum -2.
    // Split after bin 0: (3 * 2 - 1 * (-4))^2 / 3 = 100 / 3; after bin 1: (2 * 3 - 2 * (-5))^2 / 4 = 64;
    // after bin 2: (1 * 0 - 3 * (-2))^2 / 3 = 12. Best: bin 1, proxy 64.
    const h = newHistogram(1);
    [2, 1, 1, 1, -3, 1, -2, 1].forEach((v, p) => (h[p] = v));
    const best = Float64Array.of(-Infinity, -1);
    assert.equal(scanHistogram(h, 0, 4, 4, -2, 1, best), true);
    assert.deepEqual([...best], [64, 1]);
    const leaf2 = Float64Array.of(-Infinity, -1);
    scanHistogram(h, 0, 4, 4, -2, 2, leaf2);
    assert.deepEqual([...leaf2], [64, 1], "min 2 per leaf leaves only the middle split");
    const better = Float64Array.of(100, 7);
    scanHistogram(h, 0, 4, 4, -2, 1, better);
    assert.deepEqual([...better], [100, 7], "a better split found earlier is kept");
    const constant = newHistogram(1);
    constant[2 * 2] = 1;
    constant[2 * 2 + 1] = 4;
    assert.equal(scanHistogram(constant, 0, 4, 4, 1, 1, Float64Array.of(-Infinity, -1)), false);
  });
});
