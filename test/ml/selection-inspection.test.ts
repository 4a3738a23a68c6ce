import * as assert from "node:assert/strict";
import type { ImportanceClassifier, LabelInput } from "../../src/ml/classifier";
import type { MatrixInput } from "../../src/ml/design-matrix";
import { toDesignMatrix } from "../../src/ml/design-matrix";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";
import { partialDependence, partialDependenceGrid } from "../../src/ml/inspection/partial-dependence";
import { permutationImportance } from "../../src/ml/inspection/permutation-importance";
import { correlationFilter } from "../../src/ml/selection/correlation-filter";
import { recursiveFeatureElimination } from "../../src/ml/selection/recursive-feature-elimination";
import { Random } from "../../src/ml/random";
import { closeTo, fixture, flat, synthetic } from "./helpers";

/** importances = |Pearson r(x_f, y)| normalised (the estimator of test/fixtures/ml/make_fixtures.py, CorrImportance). */
class CorrImportance implements ImportanceClassifier {
  private imp = new Float64Array(0);
  fit(X: MatrixInput, y: LabelInput): this {
    const m = toDesignMatrix(X);
    const n = m.nSamples;
    const ym = Array.from(y as ArrayLike<number>).reduce((a, b) => a + b, 0) / n;
    const r = new Float64Array(m.nFeatures);
    for (let f = 0; f < m.nFeatures; f++) {
      let mu = 0;
      for (let i = 0; i < n; i++) mu += m.values[i * m.nFeatures + f] / n;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let i = 0; i < n; i++) {
        const a = m.values[i * m.nFeatures + f] - mu;
        const b = (y as ArrayLike<number>)[i] - ym;
        sxy += a * b;
        sxx += a * a;
        syy += b * b;
      }
      r[f] = Math.abs(sxy / Math.sqrt(sxx * syy));
    }
    const s = r.reduce((a, b) => a + b, 0);
    this.imp = r.map((v) => v / s);
    return this;
  }
  featureImportances(): Float64Array {
    return this.imp;
  }
  predictProba(X: MatrixInput): Float64Array {
    return new Float64Array(toDesignMatrix(X).nSamples);
  }
  clone(): CorrImportance {
    return new CorrImportance();
  }
  toJSON(): object {
    return {};
  }
}

/** P(y=1) = expit(0.8 x0 - 1.2 x1 + 0.5 x0 x2 + 0.3 x3^2 - 0.2) (the Logistic model of make_fixtures.py). */
class Logistic extends CorrImportance {
  override predictProba(X: MatrixInput): Float64Array {
    const m = toDesignMatrix(X);
    const v = m.values;
    return Float64Array.from({ length: m.nSamples }, (_, i) => {
      const o = i * m.nFeatures;
      const z = 0.8 * v[o] - 1.2 * v[o + 1] + 0.5 * v[o] * v[o + 2] + 0.3 * v[o + 3] ** 2 - 0.2;
      return 1 / (1 + Math.exp(-z));
    });
  }
}

describe("feature selection", () => {
  it("recursiveFeatureElimination = scikit-learn's RFE (support and ranking) for counts, steps and fractions", () => {
    const fx = fixture<{
      X: number[][];
      y: number[];
      cases: { nFeaturesToSelect: number | null; step: number; support: boolean[]; ranking: number[] }[];
    }>("rfe.json");
    for (const c of fx.cases) {
      const r = recursiveFeatureElimination(new CorrImportance(), flat(fx.X), fx.y, {
        nFeaturesToSelect: c.nFeaturesToSelect ?? undefined,
        step: c.step,
      });
      assert.deepEqual(r.support, c.support, JSON.stringify(c));
      assert.deepEqual(Array.from(r.ranking), c.ranking, JSON.stringify(c));
    }
  });

  it("correlationFilter drops exactly one of each correlated pair, follows the priority order", () => {
    const rng = new Random(3);
    const n = 500;
    const rows: number[][] = [];
    for (let i = 0; i < n; i++) {
      const a = rng.normal();
      const b = rng.normal();
      rows.push([a, b, 2 * a + 0.01 * rng.normal(), rng.normal(), -b + 0.01 * rng.normal()]);
    }
    const r = correlationFilter({ ...flat(rows), featureLabels: ["a", "b", "a2", "c", "nb"] }, { threshold: 0.9 });
    assert.deepEqual(r.keep, [0, 1, 3]);
    assert.deepEqual(r.keptLabels, ["a", "b", "c"]);
    assert.deepEqual(
      r.dropped.map((d) => [d.feature, d.correlatedWith]),
      [
        [2, 0],
        [4, 1],
      ],
    );
    assert.ok(r.dropped[1].r < -0.99);
    const p = correlationFilter(flat(rows), { threshold: 0.9, priority: [2, 4, 0, 1, 3] });
    assert.deepEqual(p.keep, [2, 3, 4]);
    assert.throws(() => correlationFilter(flat(rows), { priority: [0, 1] }), /permutation/);
  });
});

describe("model inspection", () => {
  const fx = fixture<{
    X: number[][];
    pd: { features: number[]; gridResolution: number; grid: number[][]; average: number[] }[];
    grids: { gridResolution: number; values: number[][] }[];
  }>("pd.json");

  it("partialDependenceGrid = scikit-learn's _grid_from_X (mquantiles + linspace, or unique values)", () => {
    for (const g of fx.grids) {
      g.values.forEach((ref, f) => {
        const col = fx.X.map((r) => r[f]);
        closeTo(partialDependenceGrid(col, g.gridResolution), ref, 1e-12, `feature ${f} res ${g.gridResolution}`);
      });
    }
  });

  it("partialDependence (brute) = scikit-learn's partial_dependence(method='brute') in 1-D and 2-D", () => {
    for (const c of fx.pd) {
      const feats = c.features.length === 1 ? c.features[0] : (c.features as [number, number]);
      const r = partialDependence(new Logistic(), flat(fx.X), feats, { gridResolution: c.gridResolution });
      r.grid.forEach((g, k) => closeTo(g, c.grid[k], 1e-12, `grid ${k}`));
      closeTo(r.average, c.average, 1e-12, `average ${JSON.stringify(c.features)}`);
    }
  });

  it("permutationImportance: relevant features lose AUC when shuffled, an irrelevant one does not", () => {
    const tr = synthetic(1500, 4, 41, 0.1);
    const te = synthetic(1000, 4, 42, 0.1);
    const gb = new GradientBoostingClassifier({ nEstimators: 60, maxDepth: 3 }).fit(tr, tr.y);
    const pi = permutationImportance(gb, te, te.y, { nRepeats: 3, randomState: 1 });
    assert.equal(pi.importances.length, 12);
    assert.ok(pi.importancesMean[0] > 0.1, `x0 ${pi.importancesMean[0]}`);
    assert.ok(pi.importancesMean[1] > 0.02 && pi.importancesMean[2] > 0.02);
    assert.ok(Math.abs(pi.importancesMean[3]) < 0.01, `x3 ${pi.importancesMean[3]}`);
    assert.deepEqual(permutationImportance(gb, te, te.y, { nRepeats: 3, randomState: 1 }), pi);
  });
});
