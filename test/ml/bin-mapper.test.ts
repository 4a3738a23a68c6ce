import * as assert from "node:assert/strict";
import { BinMapper, upperBound } from "../../src/ml/bin-mapper";
import { RadixSorter } from "../../src/ml/radix-sort";
import { Random } from "../../src/ml/random";
import { fixture, flat } from "./helpers";

describe("BinMapper", () => {
  const fx = fixture<{ X: number[][]; thresholds: number[][]; codes: number[][] }>("binning.json");
  const m = { ...flat(fx.X) };
  const design = { values: m.X, nSamples: fx.X.length, nFeatures: 3, featureLabels: null };
  const mapper = new BinMapper(255).fit(design, new Random(0));

  it("thresholds = scikit-learn's _BinMapper(n_bins=256): percentiles (midpoint) or midpoints of distinct values", () => {
    fx.thresholds.forEach((ref, f) => {
      const ours = Array.from(mapper.thresholds[f]);
      const dedup = ref.filter((v, k) => k === 0 || v > ref[k - 1]);
      assert.equal(ours.length, dedup.length, `feature ${f}`);
      ours.forEach((v, k) =>
        assert.ok(
          Math.abs(v - dedup[k]) <= 1e-12 * Math.max(1, Math.abs(v)),
          `feature ${f} threshold ${k}: ${v} vs ${dedup[k]}`,
        ),
      );
    });
    assert.equal(mapper.nBins[1], 40);
  });

  it("codes = scikit-learn's where no value equals a threshold; code <= b exactly when x < threshold[b]", () => {
    const codes = mapper.transform(design);
    const n = fx.X.length;
    let compared = 0;
    for (let f = 0; f < 3; f++) {
      const thr = mapper.thresholds[f];
      for (let i = 0; i < n; i++) {
        const x = fx.X[i][f];
        const c = codes[f * n + i];
        assert.equal(c, upperBound(thr, x));
        if (c > 0) assert.ok(thr[c - 1] <= x);
        if (c < thr.length) assert.ok(x < thr[c]);
        if (!thr.includes(x)) {
          assert.equal(c, fx.codes[i][f], `row ${i} feature ${f}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 8000);
  });

  it("never more than maxBins bins; subsamples rows above `subsample`", () => {
    const rng = new Random(2);
    const n = 5000;
    const X = Float64Array.from({ length: n }, () => rng.normal());
    const small = new BinMapper(16, 1000).fit(
      { values: X, nSamples: n, nFeatures: 1, featureLabels: null },
      new Random(1),
    );
    assert.ok(small.nBins[0] <= 16);
    assert.throws(
      () => new BinMapper(16, 1000).fit({ values: X, nSamples: n, nFeatures: 1, featureLabels: null }, null),
      /random generator/,
    );
    assert.throws(() => new BinMapper(300), /maxBins/);
  });
});

describe("BinMapper.fitTransform and RadixSorter", () => {
  it("radix argsort = a stable numeric sort (negatives, -0 before +0, ties, infinities, denormals)", () => {
    const rng = new Random(4);
    const keys = Float64Array.from({ length: 3000 }, (_, i) =>
      i % 7 === 0 ? Math.round(rng.normal()) : i % 11 === 0 ? -0 : rng.normal() * 10 ** rng.nextInt(8),
    );
    keys.set([0, -0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE], 100);
    const order = new Int32Array(keys.length);
    new RadixSorter(10).argsort(keys, keys.length, order);
    const want = Array.from(keys.keys()).sort((a, b) => {
      const x = keys[a];
      const y = keys[b];
      if (x !== y) return x - y;
      if (Object.is(x, -0) !== Object.is(y, -0)) return Object.is(x, -0) ? -1 : 1;
      return a - b;
    });
    assert.deepEqual(Array.from(order), want);
  });

  it("gives fit's thresholds and transform's codes, bitwise, and falls back to them when subsampling", () => {
    const rng = new Random(8);
    const n = 3000;
    const d = 4;
    const values = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      values[i * d] = rng.normal();
      values[i * d + 1] = rng.nextInt(30) - 15; // few distinct values: midpoints
      values[i * d + 2] = i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : rng.normal() * 1e-300;
      values[i * d + 3] = 7;
    }
    const X = { values, nSamples: n, nFeatures: d, featureLabels: null };
    for (const subsample of [200000, 1000]) {
      const a = new BinMapper(255, subsample).fit(X, new Random(3));
      const codes = a.transform(X);
      const b = new BinMapper(255, subsample);
      assert.deepEqual(b.fitTransform(X, new Random(3)), codes, `codes, subsample ${subsample}`);
      assert.deepEqual(b.thresholds, a.thresholds);
      assert.deepEqual(b.nBins, a.nBins);
      // Into a caller's array (the grower's shared memory): the same codes, in that very array.
      const out = new Uint8Array(n * d);
      assert.equal(new BinMapper(255, subsample).fitTransform(X, new Random(3), out), out);
      assert.deepEqual(out, codes);
      assert.throws(
        () => new BinMapper(255, subsample).fitTransform(X, new Random(3), new Uint8Array(5)),
        /room for 5 codes/,
      );
    }
  });
});

describe("Random", () => {
  it("is deterministic per seed, uniform-looking, and samples without replacement", () => {
    const a = new Random(42);
    const b = new Random(42);
    const xs = Array.from({ length: 1000 }, () => a.nextFloat());
    assert.deepEqual(
      xs,
      Array.from({ length: 1000 }, () => b.nextFloat()),
    );
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    const meanX = xs.reduce((s, x) => s + x, 0) / xs.length;
    assert.ok(Math.abs(meanX - 0.5) < 0.05);
    const counts = new Array(6).fill(0);
    const r = new Random(1);
    for (let k = 0; k < 6000; k++) counts[r.nextInt(6)]++;
    assert.ok(
      counts.every((c) => c > 850 && c < 1150),
      counts.join(","),
    );
    const s = new Random(3).sampleWithoutReplacement(100, 30);
    assert.equal(new Set(s).size, 30);
    assert.ok(Array.from(s).every((v, k) => v >= 0 && v < 100 && (k === 0 || v > s[k - 1])));
    assert.notDeepEqual(
      Array.from({ length: 5 }, () => new Random(1).nextUint32()),
      Array.from({ length: 5 }, () => new Random(2).nextUint32()),
    );
    assert.throws(() => new Random(-1), /non-negative integer/);
  });
});
