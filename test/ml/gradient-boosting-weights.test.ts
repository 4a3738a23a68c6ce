import * as assert from "node:assert/strict";
import type { GradientBoostingJSON } from "../../src/ml/gradient-boosting-classifier";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";
import { Random } from "../../src/ml/random";
import { closeTo, fixture, synthetic } from "./helpers";

interface WeightedFixture {
  X: number[][];
  y: number[];
  nTrain: number;
  sampleWeight: Record<"positive" | "withZeros", number[]>;
  models: {
    params: Record<string, number>;
    weights: "positive" | "withZeros";
    baseline: number;
    proba: number[];
    trainScore: number[];
    importances: number[];
    rootWeight: number[];
  }[];
}

const fx = fixture<WeightedFixture>("gbdt-weighted.json");
const d = fx.X[0].length;
const rows = (a: number, b: number, round = false) => ({
  X: Float64Array.from(fx.X.slice(a, b).flat(), (v) => (round ? Math.round(v * 10) / 10 : v)),
  nFeatures: d,
});
const yTrain = fx.y.slice(0, fx.nTrain);

function params(p: Record<string, number>) {
  return {
    nEstimators: p.n_estimators,
    maxDepth: p.max_depth,
    learningRate: p.learning_rate,
    minSamplesLeaf: p.min_samples_leaf,
    ...(p.min_samples_split !== undefined ? { minSamplesSplit: p.min_samples_split } : {}),
  };
}

describe("GradientBoostingClassifier with sample weights", () => {
  it("mode exact reproduces scikit-learn's fit(sample_weight=w): prior, probabilities, deviances, importances, covers", () => {
    for (const m of fx.models) {
      const gb = new GradientBoostingClassifier({ ...params(m.params), mode: "exact" }).fit(
        rows(0, fx.nTrain),
        yTrain,
        {
          sampleWeight: fx.sampleWeight[m.weights],
        },
      );
      const what = `${JSON.stringify(m.params)} ${m.weights}`;
      closeTo([gb.baseline], [m.baseline], 1e-12, `baseline ${what}`);
      closeTo(gb.predictProba(rows(fx.nTrain, fx.X.length)), m.proba, 1e-9, `proba ${what}`);
      closeTo(gb.trainScore, m.trainScore, 1e-9, `train deviance ${what}`);
      closeTo(gb.featureImportances(), m.importances, 1e-9, `importances ${what}`);
      closeTo(
        gb.trees.map((t) => t.cover[0]),
        m.rootWeight,
        1e-9,
        `root weights ${what}`,
      );
    }
  });

  it("mode hist on data with fewer distinct values than bins grows the same weighted trees as mode exact", () => {
    // Rounded to 0.1, every feature has < 255 distinct values: each bin is one value, thresholds are the same
    // midpoints, so both modes search the same candidates with the same weighted criterion.
    const m = fx.models[0];
    const train = rows(0, fx.nTrain, true);
    const fitMode = (mode: "hist" | "exact") =>
      new GradientBoostingClassifier({ ...params(m.params), mode }).fit(train, yTrain, {
        sampleWeight: fx.sampleWeight.positive,
      });
    const hist = fitMode("hist");
    const exact = fitMode("exact");
    closeTo(hist.trainScore, exact.trainScore, 1e-12, "train deviance hist vs exact");
    // Hist thresholds are midpoints of globally adjacent values, exact ones of values adjacent in the node: the
    // same partitions of the training rows, hence the same training predictions.
    closeTo(hist.predictProba(train), exact.predictProba(train), 1e-12, "hist vs exact");
  });

  it("all weights 1 give the unweighted model bit for bit (hist, exact, feature and row sampling)", () => {
    const { X, y, nFeatures } = synthetic(700, 6, 12);
    const ones = new Float64Array(700).fill(1);
    for (const p of [
      { mode: "hist" as const, nEstimators: 20, maxDepth: 3 },
      { mode: "exact" as const, nEstimators: 20, maxDepth: 3 },
      { mode: "hist" as const, nEstimators: 20, maxDepth: 2, maxFeatures: "sqrt" as const, subsample: 0.7 },
    ]) {
      const plain = JSON.stringify(new GradientBoostingClassifier(p).fit({ X, nFeatures }, y));
      const weighted = JSON.stringify(
        new GradientBoostingClassifier(p).fit({ X, nFeatures }, y, { sampleWeight: ones }),
      );
      assert.equal(weighted, plain, p.mode);
    }
  });

  it("integer weights in mode exact equal repeating each row that many times (minSamplesLeaf 1)", () => {
    const { X, y, nFeatures } = synthetic(300, 4, 21);
    const rng = new Random(3);
    const w = Float64Array.from({ length: 300 }, () => 1 + rng.nextInt(3));
    const Xr: number[] = [];
    const yr: number[] = [];
    for (let i = 0; i < 300; i++) {
      for (let r = 0; r < w[i]; r++) {
        for (let k = 0; k < nFeatures; k++) Xr.push(X[i * nFeatures + k]);
        yr.push(y[i]);
      }
    }
    const p = { mode: "exact" as const, nEstimators: 15, maxDepth: 3 };
    const weighted = new GradientBoostingClassifier(p).fit({ X, nFeatures }, y, { sampleWeight: w });
    const repeated = new GradientBoostingClassifier(p).fit({ X: Float64Array.from(Xr), nFeatures }, yr);
    // On the training rows: two splits that separate the same samples tie exactly (float rounding picks one),
    // and both put every training row in the same leaf.
    closeTo(
      weighted.predictProba({ X, nFeatures }),
      repeated.predictProba({ X, nFeatures }),
      1e-9,
      "weighted vs repeated",
    );
    closeTo(weighted.trainScore, repeated.trainScore, 1e-9, "train deviance");
    closeTo(
      weighted.trees.map((t) => t.cover[0]),
      repeated.trees.map((t) => t.nSamples[0]),
      1e-9,
      "root cover = repeated count",
    );
  });

  it("TreeSHAP of a weighted fit: rows sum to the decision function, expectedValue is the weighted training mean", () => {
    const { X, y, nFeatures } = synthetic(800, 5, 31);
    const rng = new Random(9);
    // Weights in [0, 4) with a tenth exactly 0, so some nodes hold only zero-weight samples.
    const w = Float64Array.from({ length: 800 }, () => (rng.nextFloat() < 0.1 ? 0 : 4 * rng.nextFloat()));
    for (const mode of ["hist", "exact"] as const) {
      const gb = new GradientBoostingClassifier({ mode, nEstimators: 30, maxDepth: 4, minSamplesLeaf: 2 }).fit(
        { X, nFeatures },
        y,
        { sampleWeight: w },
      );
      const test = synthetic(100, 5, 32);
      const e = gb.explain(test);
      const f = gb.decisionFunction(test);
      for (let i = 0; i < test.y.length; i++) {
        let s = e.expectedValue;
        for (let k = 0; k < nFeatures; k++) s += e.values[i * nFeatures + k];
        assert.ok(Math.abs(s - f[i]) < 1e-9, `${mode} row ${i}: ${s} vs ${f[i]}`);
      }
      // Path-dependent TreeSHAP's base value is the cover-weighted leaf mean: with covers = summed weights, the
      // weighted mean of the training decision function (every training row reaches its leaf).
      const fTrain = gb.decisionFunction({ X, nFeatures });
      let num = 0;
      let den = 0;
      for (let i = 0; i < 800; i++) {
        num += w[i] * fTrain[i];
        den += w[i];
      }
      assert.ok(Math.abs(e.expectedValue - num / den) < 1e-9, `${mode}: ${e.expectedValue} vs ${num / den}`);
      // The covers survive the JSON round trip.
      const back = GradientBoostingClassifier.fromJSON(JSON.parse(JSON.stringify(gb)) as GradientBoostingJSON);
      assert.deepEqual(back.explain(test).values, e.values);
    }
  });

  it("refuses bad weights with a clear message", () => {
    const { X, y, nFeatures } = synthetic(50, 3, 1);
    const fitWith = (w: ArrayLike<number>) => () =>
      new GradientBoostingClassifier().fit({ X, nFeatures }, y, { sampleWeight: w });
    assert.throws(fitWith(new Float64Array(49).fill(1)), /sampleWeight has 49 values but X has 50 samples/);
    const bad = new Float64Array(50).fill(1);
    bad[7] = Number.NaN;
    assert.throws(fitWith(bad), /sampleWeight\[7\] = NaN is not a finite number/);
    bad[7] = Infinity;
    assert.throws(fitWith(bad), /sampleWeight\[7\] = Infinity is not a finite number/);
    bad[7] = -0.5;
    assert.throws(fitWith(bad), /sampleWeight\[7\] = -0.5 is negative/);
    assert.throws(fitWith(new Float64Array(50)), /every weight is 0/);
  });
});
