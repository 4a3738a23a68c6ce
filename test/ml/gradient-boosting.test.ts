import * as assert from "node:assert/strict";
import * as path from "node:path";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";
import type { GradientBoostingJSON } from "../../src/ml/gradient-boosting-classifier";
import { PAPER_GBDT_PARAMS } from "../../src/ml/gbdt-params";
import { rocAucScore } from "../../src/ml/metrics/roc-auc";
import { readCsv, numericColumn } from "../../src/table/csv";
import { danfojs } from "../../src/table/dataframe";
import { FIXTURES, closeTo, fixture, synthetic } from "./helpers";

interface ExactFixture {
  X: number[][];
  y: number[];
  nTrain: number;
  models: { params: Record<string, number>; proba: number[]; trainScore: number[]; importances: number[] }[];
}

function sklearnParams(
  p: Record<string, number>,
): Partial<ConstructorParameters<typeof GradientBoostingClassifier>[0]> {
  return {
    nEstimators: p.n_estimators,
    maxDepth: p.max_depth,
    learningRate: p.learning_rate,
    minSamplesLeaf: p.min_samples_leaf,
    ...(p.min_samples_split !== undefined ? { minSamplesSplit: p.min_samples_split } : {}),
  };
}

describe("GradientBoostingClassifier", () => {
  it("mode exact reproduces scikit-learn's GradientBoostingClassifier (probabilities, train deviance, importances)", () => {
    const fx = fixture<ExactFixture>("gbdt-exact.json");
    const train = { X: Float64Array.from(fx.X.slice(0, fx.nTrain).flat()), nFeatures: fx.X[0].length };
    const test = { X: Float64Array.from(fx.X.slice(fx.nTrain).flat()), nFeatures: fx.X[0].length };
    for (const m of fx.models) {
      const gb = new GradientBoostingClassifier({ ...sklearnParams(m.params), mode: "exact" }).fit(
        train,
        fx.y.slice(0, fx.nTrain),
      );
      closeTo(gb.predictProba(test), m.proba, 1e-9, `proba ${JSON.stringify(m.params)}`);
      closeTo(gb.trainScore, m.trainScore, 1e-9, "train deviance");
      closeTo(gb.featureImportances(), m.importances, 1e-9, "importances");
    }
  });

  it("mode hist (paper parameters) is within 0.01 test AUC of scikit-learn on the fixture data set", () => {
    const table = readCsv(path.join(FIXTURES, "gbdt-data.csv"));
    const labels = Array.from({ length: 10 }, (_, k) => `f${k}`);
    const split = table.data.get("split") as string[];
    const yAll = numericColumn(table, "y");
    const part = (name: string) => {
      const rows = split.flatMap((s, i) => (s === name ? [i] : []));
      const X = new Float64Array(rows.length * 10);
      labels.forEach((l, k) => {
        const c = numericColumn(table, l);
        rows.forEach((i, r) => (X[r * 10 + k] = c[i]));
      });
      return { data: { X, nFeatures: 10, featureLabels: labels }, y: Uint8Array.from(rows, (i) => yAll[i]) };
    };
    const train = part("train");
    const test = part("test");
    const ref = fixture<{ models: Record<string, { meanTestAuc: number }> }>("gbdt-sklearn.json").models;
    const paper = new GradientBoostingClassifier({ ...PAPER_GBDT_PARAMS }).fit(train.data, train.y);
    const aucPaper = rocAucScore(test.y, paper.predictProba(test.data));
    assert.ok(
      Math.abs(aucPaper - ref.paper.meanTestAuc) < 0.01,
      `paper params: ours ${aucPaper}, sklearn ${ref.paper.meanTestAuc}`,
    );
    const d3 = new GradientBoostingClassifier({ nEstimators: 100, maxDepth: 3 }).fit(train.data, train.y);
    const aucD3 = rocAucScore(test.y, d3.predictProba(test.data));
    assert.ok(
      Math.abs(aucD3 - ref.depth3.meanTestAuc) < 0.01,
      `depth 3: ours ${aucD3}, sklearn ${ref.depth3.meanTestAuc}`,
    );
  });

  it("learns a known rule: y = [x0 > 0.3] is found exactly by the first split and separated perfectly", () => {
    const n = 500;
    const X = new Float64Array(n * 3);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      X[i * 3] = ((i * 7919) % n) / n;
      X[i * 3 + 1] = ((i * 104729) % n) / n;
      X[i * 3 + 2] = ((i * 15485863) % 997) / 997;
      y[i] = X[i * 3] > 0.3 ? 1 : 0;
    }
    for (const mode of ["hist", "exact"] as const) {
      const gb = new GradientBoostingClassifier({ nEstimators: 20, maxDepth: 1, mode }).fit({ X, nFeatures: 3 }, y);
      const root = gb.treeToMlCart(0).root;
      assert.equal(root.splitColumn, 0);
      assert.ok(Math.abs((root.splitValue as number) - 0.3) <= 0.5 / n + 1e-12, `threshold ${root.splitValue}`);
      assert.deepEqual(gb.predict({ X, nFeatures: 3 }), y);
      const imp = gb.featureImportances();
      assert.ok(imp[0] > 0.999, `importance of x0 ${imp[0]}`);
    }
  });

  it("learns an interaction (x0 + 0.5 x1 x2) well above chance on unseen data", () => {
    const tr = synthetic(3000, 8, 1, 0.2);
    const te = synthetic(2000, 8, 2, 0.2);
    const gb = new GradientBoostingClassifier({ nEstimators: 150, maxDepth: 3 }).fit(tr, tr.y);
    const auc = rocAucScore(te.y, gb.predictProba(te));
    assert.ok(auc > 0.95, `AUC ${auc}`);
    const imp = gb.featureImportances();
    const top = Array.from(imp.keys())
      .sort((a, b) => imp[b] - imp[a])
      .slice(0, 3)
      .sort();
    assert.deepEqual(top, [0, 1, 2]);
    assert.ok(Math.abs(imp.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  });

  it("same seed gives a bit-identical model; another seed a different one (with feature and row sampling)", () => {
    const { X, y, nFeatures } = synthetic(800, 10, 3);
    const p = { nEstimators: 30, maxDepth: 3, maxFeatures: "sqrt" as const, subsample: 0.7 };
    const a = JSON.stringify(new GradientBoostingClassifier({ ...p, randomState: 4 }).fit({ X, nFeatures }, y));
    const b = JSON.stringify(new GradientBoostingClassifier({ ...p, randomState: 4 }).fit({ X, nFeatures }, y));
    const c = JSON.stringify(new GradientBoostingClassifier({ ...p, randomState: 5 }).fit({ X, nFeatures }, y));
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it("toJSON/fromJSON round trip predicts bit-identically, keeps labels, and holds no Infinity", () => {
    const { X, y } = synthetic(600, 4, 8);
    const labels = ["a", "b", "c", "d"];
    const gb = new GradientBoostingClassifier({ nEstimators: 25, maxDepth: null, minSamplesLeaf: 20 }).fit(
      { X, nFeatures: 4, featureLabels: labels },
      y,
    );
    const text = JSON.stringify(gb.toJSON());
    assert.ok(!/Infinity|NaN/.test(text));
    const json = JSON.parse(text) as GradientBoostingJSON;
    assert.equal(json.format, "qsoft.GradientBoostingClassifier");
    assert.equal(json.version, 1);
    assert.deepEqual(json.featureLabels, labels);
    assert.equal(json.params.maxDepth, null);
    const back = GradientBoostingClassifier.fromJSON(json);
    const test = synthetic(300, 4, 9);
    const data = { X: test.X, nFeatures: 4, featureLabels: labels };
    assert.deepEqual(back.predictProba(data), gb.predictProba(data));
    assert.deepEqual(back.featureImportances(), gb.featureImportances());
    assert.equal(JSON.stringify(back.toJSON()), text);
  });

  it("staged predictions end at predictProba, and the training deviance decreases", () => {
    const { X, y, nFeatures } = synthetic(500, 5, 10);
    const gb = new GradientBoostingClassifier({ nEstimators: 12, maxDepth: 2 }).fit({ X, nFeatures }, y);
    const staged = [...gb.stagedPredictProba({ X, nFeatures })];
    assert.equal(staged.length, 12);
    assert.deepEqual(staged[11], gb.predictProba({ X, nFeatures }));
    const dev = gb.trainScore;
    for (let k = 1; k < dev.length; k++) assert.ok(dev[k] < dev[k - 1]);
  });

  it("early stopping ends before nEstimators on pure noise and records validation deviances", () => {
    const { X, nFeatures } = synthetic(1000, 5, 11);
    const y = Uint8Array.from({ length: 1000 }, (_, i) => ((i * 2654435761) >>> 7) & 1);
    const gb = new GradientBoostingClassifier({
      nEstimators: 300,
      maxDepth: 3,
      nIterNoChange: 5,
      validationFraction: 0.2,
    }).fit({ X, nFeatures }, y);
    assert.ok(gb.nEstimatorsFitted < 300, `stopped after ${gb.nEstimatorsFitted}`);
    assert.equal(gb.validationScore?.length, gb.nEstimatorsFitted);
  });

  it("accepts number[][], FeatureMatrix and DataFrame-like input, and reorders named columns at predict", () => {
    const { X, y } = synthetic(300, 3, 12);
    const rowsIn = Array.from({ length: 300 }, (_, i) => Array.from(X.subarray(i * 3, i * 3 + 3)));
    const a = new GradientBoostingClassifier({ nEstimators: 5 }).fit(rowsIn, Array.from(y));
    const b = new GradientBoostingClassifier({ nEstimators: 5 }).fit({ n: 300, labels: ["p", "q", "r"], values: X }, y);
    assert.deepEqual(a.predictProba(rowsIn), b.predictProba({ X, nFeatures: 3 }));
    const swapped = new Float64Array(900);
    for (let i = 0; i < 300; i++)
      [swapped[i * 3], swapped[i * 3 + 1], swapped[i * 3 + 2]] = [X[i * 3 + 2], X[i * 3], X[i * 3 + 1]];
    assert.deepEqual(
      b.predictProba({ X: swapped, nFeatures: 3, featureLabels: ["r", "p", "q"] }),
      a.predictProba(rowsIn),
    );
  });

  it("fits and predicts danfojs DataFrames by column name (extra or missing columns refused)", function () {
    this.timeout(60000);
    const { X, y } = synthetic(200, 3, 14);
    const cols = (order: string[]) => {
      const obj: Record<string, number[]> = {};
      for (const name of order)
        obj[name] = Array.from({ length: 200 }, (_, i) => X[i * 3 + ["p", "q", "r"].indexOf(name)]);
      return new (danfojs().DataFrame)(obj);
    };
    const gb = new GradientBoostingClassifier({ nEstimators: 5 }).fit(cols(["p", "q", "r"]), y);
    assert.deepEqual(gb.featureLabels, ["p", "q", "r"]);
    assert.deepEqual(gb.predictProba(cols(["r", "p", "q"])), gb.predictProba({ X, nFeatures: 3 }));
    assert.throws(() => gb.predictProba(cols(["p", "q"])), /missing column\(s\) "r"/);
    const extra = cols(["p", "q", "r"]);
    extra.addColumn(
      "id",
      Array.from({ length: 200 }, (_, i) => i),
      { inplace: true },
    );
    assert.throws(() => gb.predictProba(extra), /unknown column\(s\) "id"/);
  });

  describe("bad input", () => {
    const good = synthetic(50, 2, 13);
    const fitted = new GradientBoostingClassifier({ nEstimators: 3 }).fit(
      { X: good.X, nFeatures: 2, featureLabels: ["u", "v"] },
      good.y,
    );
    const cases: [string, () => unknown, RegExp][] = [
      [
        "NaN feature",
        () =>
          new GradientBoostingClassifier().fit(
            [
              [1, NaN],
              [2, 3],
            ],
            [0, 1],
          ),
        /row 0, column 1 is NaN/,
      ],
      [
        "infinite feature",
        () =>
          new GradientBoostingClassifier().fit(
            [
              [1, 2],
              [Infinity, 3],
            ],
            [0, 1],
          ),
        /row 1, column 0 is Infinity/,
      ],
      ["one class", () => new GradientBoostingClassifier().fit([[1], [2], [3]], [1, 1, 1]), /only one class/],
      [
        "length mismatch",
        () => new GradientBoostingClassifier().fit([[1], [2], [3]], [0, 1]),
        /2 labels but X has 3 samples/,
      ],
      ["label 2", () => new GradientBoostingClassifier().fit([[1], [2]], [0, 2]), /y\[1\] = 2/],
      ["ragged rows", () => new GradientBoostingClassifier().fit([[1, 2], [3]], [0, 1]), /row 1 has 1 values/],
      [
        "unknown param",
        () => new GradientBoostingClassifier({ maxDepht: 3 } as never),
        /unknown GradientBoostingClassifier parameter "maxDepht"/,
      ],
      [
        "bad learning rate",
        () => new GradientBoostingClassifier({ learningRate: -1 }).fit(good, good.y),
        /learningRate=-1 must be/,
      ],
      [
        "learning rate above 1, at construction",
        () => new GradientBoostingClassifier({ learningRate: 1e308 }),
        /^Error: learningRate=1e\+308 must be in \(0, 1\]$/,
      ],
      [
        "bad maxFeatures",
        () => new GradientBoostingClassifier({ maxFeatures: 5 }).fit(good, good.y),
        /maxFeatures=5 is larger/,
      ],
      [
        "bad minSamplesLeaf",
        () => new GradientBoostingClassifier({ minSamplesLeaf: 0 }).fit(good, good.y),
        /minSamplesLeaf=0/,
      ],
      ["predict before fit", () => new GradientBoostingClassifier().predictProba([[1]]), /not fitted yet/],
      [
        "missing column",
        () => fitted.predictProba({ X: new Float64Array(2), nFeatures: 1, featureLabels: ["u"] }),
        /missing column\(s\) "v"/,
      ],
      [
        "unknown column",
        () => fitted.predictProba({ X: new Float64Array(3), nFeatures: 3, featureLabels: ["u", "v", "w"] }),
        /unknown column\(s\) "w"/,
      ],
      ["wrong width", () => fitted.predictProba([[1, 2, 3]]), /has 3 features, the model was fitted with 2/],
      ["NaN at predict", () => fitted.predictProba([[1, NaN]]), /is NaN/],
      [
        "bad JSON format",
        () => GradientBoostingClassifier.fromJSON({ format: "x" } as never),
        /not a qsoft.GradientBoostingClassifier/,
      ],
      [
        "bad JSON version",
        () => GradientBoostingClassifier.fromJSON({ ...fitted.toJSON(), version: 99 }),
        /version 99/,
      ],
    ];
    for (const [name, fn, re] of cases) it(name, () => assert.throws(fn, re));
  });
});
