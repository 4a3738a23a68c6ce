import { strict as assert } from "node:assert";
import {
  conditionComparisonTable,
  compareFeatureSets,
  comparisonTable,
  commonRows,
  FIGURE_5A_GROUPS,
  selectRows,
  type ComparisonGlass,
} from "../../src/analysis/feature-set-comparison";
import { compareFeatureSetsParallel } from "../../src/analysis/feature-set-comparison-parallel";
import { columnGroups } from "../../src/analysis/feature-set-comparison-samples";
import { protocolCrossValidation } from "../../src/ml/paper-protocol";
import { frankKasperClass, motifOverlay, motifOverlaySummary } from "../../src/analysis/motif-overlay";
import { treePartialDependence } from "../../src/ml/inspection/tree-partial-dependence";
import type { FeatureMatrix } from "../../src/table/feature-matrix";
import { AveragingClassifier } from "../../src/ml/averaging-classifier";
import {
  GBDT_FORMAT,
  GradientBoostingClassifier,
  type GradientBoostingJSON,
} from "../../src/ml/gradient-boosting-classifier";
import { PAPER_GBDT_PARAMS } from "../../src/ml/gbdt-params";
import { partialDependence } from "../../src/ml/inspection/partial-dependence";
import type { MlCartNode, MlCartRegressionJSON } from "../../src/ml/regression-tree";
import { paperProtocol } from "../../src/ml/paper-protocol";
import { Random } from "../../src/ml/random";

/** Fewer trees than the paper's 300 keep the tests fast; the protocol is otherwise the paper's. */
const FAST = { nEstimators: 40 };
const LABELS = ["signal", "noise_a", "noise_b", "weak"];

/**
 * A synthetic glass: y ~ Bernoulli(0.3); "signal" = y + N(0, 0.6) carries the label, "noise_a/b" are N(0, 1)
 * independent of it, "weak" = 0.3 y + N(0, 1).
 */
function glass(name: string, n: number, seed: number): ComparisonGlass & { X: FeatureMatrix; y: Uint8Array } {
  const rng = new Random(seed);
  const y = new Uint8Array(n);
  const values = new Float64Array(n * LABELS.length);
  for (let i = 0; i < n; i++) {
    y[i] = rng.nextFloat() < 0.3 ? 1 : 0;
    values[i * 4] = y[i] + 0.6 * rng.normal();
    values[i * 4 + 1] = rng.normal();
    values[i * 4 + 2] = rng.normal();
    values[i * 4 + 3] = 0.3 * y[i] + rng.normal();
  }
  return { name, X: { n, labels: LABELS.slice(), values }, y };
}

const GROUPS = [
  { name: "signal", columns: ["signal"] },
  { name: "noise", columns: ["noise_a", "noise_b"] },
  { name: "signal_again", columns: ["signal"] },
];

describe("analysis: feature-set comparison (Figure 5a)", function () {
  this.timeout(20000);
  const train = [glass("g1", 500, 1), glass("g2", 500, 2)];
  const test = glass("g3", 500, 3);
  const bench = compareFeatureSets({ train, test, groups: GROUPS, params: FAST });

  it("ranks a group carrying the label far above a noise group", () => {
    const [signal, noise] = bench.scores;
    // Bayes AUC of y + N(0, 0.6) is Phi(1 / (0.6 sqrt 2)) = 0.880; noise has none.
    assert.ok(signal.cvAuc > 0.8, `signal CV AUC ${signal.cvAuc}`);
    assert.ok((signal.testAuc as number) > 0.8, `signal test AUC ${signal.testAuc}`);
    assert.ok(Math.abs(noise.cvAuc - 0.5) < 0.1, `noise CV AUC ${noise.cvAuc}`);
    assert.ok(Math.abs((noise.testAuc as number) - 0.5) < 0.1, `noise test AUC ${noise.testAuc}`);
    assert.equal(signal.nFeatures, 1);
    assert.equal(noise.nFeatures, 2);
    assert.equal(signal.foldAuc.length, 5);
  });

  it("gives a group duplicated under another name exactly the same scores (same rows, same splits)", () => {
    const [a, , b] = bench.scores;
    assert.deepEqual(b.foldAuc, a.foldAuc);
    assert.equal(b.testAuc, a.testAuc);
    assert.equal(b.meanFoldTestAuc, a.meanFoldTestAuc);
  });

  it("equals paperProtocol run directly on the same rows and seed", () => {
    const direct = paperProtocol({ train, test, randomState: 0, params: FAST });
    const sig = (m: FeatureMatrix) =>
      selectRows(
        m,
        Int32Array.from({ length: m.n }, (_, i) => i),
        ["signal"],
      );
    const one = paperProtocol({
      train: train.map((g) => ({ X: sig(g.X), y: g.y })),
      test: { X: sig(test.X), y: test.y },
      randomState: 0,
      params: FAST,
    });
    assert.deepEqual(
      bench.scores[0].foldAuc,
      one.cv.folds.map((f) => f.auc),
    );
    assert.equal(bench.scores[0].testAuc, one.test.auc);
    assert.deepEqual(Array.from(bench.trainIndices), Array.from(direct.trainIndices));
    assert.equal(bench.nTrainRows, 1000);
  });

  it("drops a row with a NaN in one group's column for every group, and reports it", () => {
    const t0 = glass("g1", 500, 1);
    const t1 = glass("g2", 500, 2);
    const te = glass("g3", 500, 3);
    t0.X.values[7 * 4 + 1] = NaN; // noise_a of row 7 of the first training glass
    te.X.values[3 * 4 + 2] = Infinity; // noise_b of row 3 of the test glass
    const b = compareFeatureSets({ train: [t0, t1], test: te, groups: GROUPS, params: FAST });
    assert.equal(b.glasses[0].dropped, 1);
    assert.equal(b.glasses[0].kept.length, 499);
    assert.ok(!Array.from(b.glasses[0].kept).includes(7));
    assert.deepEqual(b.glasses[0].droppedByGroup, { signal: 0, noise: 1, signal_again: 0 });
    assert.equal(b.glasses[1].dropped, 0);
    assert.equal(b.glasses[2].dropped, 1);
    assert.equal(b.nTrainRows, 999);
    // The signal group (finite everywhere) must be scored without those rows: compare with the rows removed by hand.
    const without = (g: ReturnType<typeof glass>, row: number) => {
      const rows = Int32Array.from({ length: g.X.n - 1 }, (_, i) => (i < row ? i : i + 1));
      return { X: selectRows(g.X, rows, ["signal"]), y: Uint8Array.from(rows, (i) => g.y[i]) };
    };
    const all = (g: ReturnType<typeof glass>) => ({
      X: selectRows(
        g.X,
        Int32Array.from({ length: g.X.n }, (_, i) => i),
        ["signal"],
      ),
      y: g.y,
    });
    const byHand = paperProtocol({
      train: [without(t0, 7), all(t1)],
      test: without(te, 3),
      randomState: 0,
      params: FAST,
    });
    assert.deepEqual(
      b.scores[0].foldAuc,
      byHand.cv.folds.map((f) => f.auc),
    );
    assert.equal(b.scores[0].testAuc, byHand.test.auc);
    // ... which differs from scoring it on all rows (so the comparison above can fail).
    const full = paperProtocol({ train: [all(t0), all(t1)], test: all(te), randomState: 0, params: FAST });
    assert.notDeepEqual(
      b.scores[0].foldAuc,
      full.cv.folds.map((f) => f.auc),
    );
  });

  it("gives the same scores and models on 2 worker threads as on the calling thread", async () => {
    const t0 = glass("g1", 500, 1);
    t0.X.values[11 * 4 + 2] = NaN; // the workers must see the common rows too
    // 5 groups on 2 threads: a worker goes idle while the other still computes.
    const groups = [...GROUPS, { name: "weak", columns: ["weak", "noise_a"] }, { name: "all", columns: LABELS }];
    const seen: number[] = [];
    const par = await compareFeatureSetsParallel({
      train: [t0, train[1]],
      test,
      groups,
      params: FAST,
      threads: 2,
      onGroup: (_, i) => seen.push(i),
    });
    const seq = compareFeatureSets({ train: [t0, train[1]], test, groups, params: FAST });
    assert.deepEqual(seen.sort(), [0, 1, 2, 3, 4]);
    assert.deepEqual(
      par.glasses.map((g) => g.dropped),
      [1, 0, 0],
    );
    assert.deepEqual(Array.from(par.trainIndices), Array.from(seq.trainIndices));
    par.scores.forEach((s, k) => {
      assert.equal(s.name, seq.scores[k].name);
      assert.deepEqual(s.foldAuc, seq.scores[k].foldAuc);
      assert.equal(s.testAuc, seq.scores[k].testAuc);
      const cols = seq.scores[k].columns;
      const X = selectRows(
        test.X,
        Int32Array.from({ length: 20 }, (_, i) => i),
        cols,
      );
      assert.deepEqual(Array.from(s.model.predictProba(X)), Array.from(seq.scores[k].model.predictProba(X)));
    });
  });

  it("cross-validates only, with paperProtocol's CV scores, when there is no unseen glass", () => {
    const cvOnly = compareFeatureSets({ train: [train[0]], groups: GROUPS.slice(0, 1), params: FAST });
    assert.equal(cvOnly.test, null);
    assert.equal(cvOnly.scores[0].testAuc, null);
    assert.equal(cvOnly.scores[0].meanFoldTestAuc, null);
    const sig = (m: FeatureMatrix) =>
      selectRows(
        m,
        Int32Array.from({ length: m.n }, (_, i) => i),
        ["signal"],
      );
    const ref = paperProtocol({
      train: [{ X: sig(train[0].X), y: train[0].y }],
      test: { X: sig(test.X), y: test.y },
      randomState: 0,
      params: FAST,
    });
    assert.deepEqual(
      cvOnly.scores[0].foldAuc,
      ref.cv.folds.map((f) => f.auc),
    );
    const direct = protocolCrossValidation({ train: [train[0]], params: FAST, randomState: 5 });
    const ref5 = paperProtocol({ train: [train[0]], test, randomState: 5, params: FAST });
    assert.deepEqual(Array.from(direct.trainIndices), Array.from(ref5.trainIndices));
    assert.deepEqual(
      direct.cv.folds.map((f) => f.auc),
      ref5.cv.folds.map((f) => f.auc),
    );
  });

  it("refuses a missing column, a repeated group name and labels that are not 0/1", () => {
    assert.throws(
      () => compareFeatureSets({ train, groups: [{ name: "x", columns: ["nope"] }] }),
      /g1: group "x" needs column "nope"/,
    );
    assert.throws(
      () => compareFeatureSets({ train, groups: [GROUPS[0], { name: "signal", columns: ["weak"] }] }),
      /"signal" is used twice/,
    );
    const bad = { ...train[0], y: Uint8Array.from(train[0].y, (v, i) => (i === 4 ? 2 : v)) };
    assert.throws(() => commonRows(bad, GROUPS), /g1: y\[4\] = 2/);
  });

  it("tabulates scores per group and groups x conditions", () => {
    const t = comparisonTable(bench);
    assert.deepEqual(t.columns, [
      "group",
      "label",
      "features",
      "cv_auc",
      "cv_auc_std",
      "test_auc",
      "mean_fold_test_auc",
    ]);
    assert.deepEqual(t.data.get("group"), ["signal", "noise", "signal_again"]);
    assert.equal((t.data.get("test_auc") as Float64Array)[1], bench.scores[1].testAuc);
    const cvOnly = compareFeatureSets({ train: [train[0]], groups: [GROUPS[1], GROUPS[0]], params: FAST });
    const c = conditionComparisonTable(
      [
        { condition: "A", comparison: bench },
        { condition: "B", comparison: cvOnly },
      ],
      "test",
    );
    assert.deepEqual(c.columns, ["group", "label", "features", "A", "B"]);
    assert.equal((c.data.get("A") as Float64Array)[0], bench.scores[0].testAuc);
    assert.ok(Number.isNaN((c.data.get("B") as Float64Array)[0]));
    // B lacks "signal_again": NaN; rows follow A's group order whatever B's order.
    const cv = conditionComparisonTable(
      [
        { condition: "A", comparison: bench },
        { condition: "B", comparison: cvOnly },
      ],
      "cv",
    );
    assert.equal((cv.data.get("B") as Float64Array)[0], cvOnly.scores[1].cvAuc);
    assert.equal((cv.data.get("B") as Float64Array)[1], cvOnly.scores[0].cvAuc);
    assert.ok(Number.isNaN((cv.data.get("B") as Float64Array)[2]));
  });

  it("builds Figure 5a's 18 groups from set names", () => {
    assert.equal(FIGURE_5A_GROUPS.length, 18);
    assert.deepEqual(
      FIGURE_5A_GROUPS.slice(0, 2).map((g) => g.sets),
      [["cn"], ["cn", "mro_cn"]],
    );
    assert.deepEqual(FIGURE_5A_GROUPS[17].sets, ["interstice", "mro"]);
    const cols = columnGroups(
      FIGURE_5A_GROUPS.slice(0, 2),
      new Map([
        ["cn", ["cn_voro", "cn_cut"]],
        ["mro_cn", ["mro_cn_voro_mean"]],
      ]),
    );
    assert.deepEqual(cols[1].columns, ["cn_voro", "cn_cut", "mro_cn_voro_mean"]);
    assert.throws(() => columnGroups(FIGURE_5A_GROUPS.slice(2, 3), new Map()), /set "voronoi_index" was not loaded/);
  });
});

describe("analysis: motif overlay (Figure 5b)", () => {
  it("classifies Frank-Kasper Voronoi indices, refusing 8+-edged faces, n7 faces and other cells", () => {
    // rows: <n3,n4,n5,n6,n7>, cn_voro (kept faces), expected Z
    const table: [number[], number, number][] = [
      [[0, 0, 12, 0, 0], 12, 12], // icosahedron
      [[0, 0, 12, 2, 0], 14, 14],
      [[0, 0, 12, 3, 0], 15, 15],
      [[0, 0, 12, 4, 0], 16, 16],
      [[0, 0, 12, 0, 0], 13, 0], // one kept face with 8+ edges: index <0,0,12,0,0,1>, not an icosahedron
      [[0, 0, 12, 4, 0], 17, 0], // <0,0,12,4,0,1>
      [[0, 0, 12, 1, 0], 13, 0], // Z13 is not Frank-Kasper
      [[0, 0, 12, 5, 0], 17, 0],
      [[0, 0, 12, 0, 1], 13, 0],
      [[0, 6, 0, 8, 0], 14, 0], // bcc: passes the authors' 2 n4 + n5 = 12 test, not Frank-Kasper
      [[0, 2, 8, 2, 0], 12, 0],
      [[1, 0, 12, 0, 0], 13, 0],
      [[NaN, NaN, NaN, NaN, NaN], NaN, 0],
    ];
    const z = frankKasperClass(
      table.flatMap((r) => r[0]),
      table.map((r) => r[1]),
    );
    assert.deepEqual(
      Array.from(z),
      table.map((r) => r[2]),
    );
    assert.throws(() => frankKasperClass([0, 0, 12, 0], [12]), /4 index values for 1 atoms/);
  });

  /** A model from hand-written trees (ml-cart JSON with sample counts). */
  function handModel(baseline: number, trees: MlCartNode[], nFeatures: number): GradientBoostingClassifier {
    const json: GradientBoostingJSON = {
      format: GBDT_FORMAT,
      version: 1,
      params: { ...new GradientBoostingClassifier(PAPER_GBDT_PARAMS).getParams() },
      featureLabels: null,
      nFeatures,
      baseline,
      trees: trees.map(
        (root): MlCartRegressionJSON => ({
          name: "DTRegression",
          options: {
            gainFunction: "regression",
            splitFunction: "mean",
            minNumSamples: 1,
            maxDepth: 2,
            kind: "regression",
          },
          root,
        }),
      ),
      fit: undefined as unknown as GradientBoostingJSON["fit"],
    };
    return GradientBoostingClassifier.fromJSON(json);
  }
  // Tree 1 splits first on feature 2 (not a PD feature), 60 of 100 training samples going left, then on feature 0.
  const tree1: MlCartNode = {
    splitColumn: 2,
    splitValue: 0.5,
    numberSamples: 100,
    left: {
      splitColumn: 0,
      splitValue: 1,
      numberSamples: 60,
      left: { distribution: 1, numberSamples: 30 },
      right: { distribution: -1, numberSamples: 30 },
    },
    right: { distribution: 0.5, numberSamples: 40 },
  };
  const tree2: MlCartNode = {
    splitColumn: 1,
    splitValue: 0,
    numberSamples: 100,
    left: { distribution: -0.2, numberSamples: 50 },
    right: { distribution: 0.3, numberSamples: 50 },
  };

  it("computes the recursion partial dependence of hand-written trees (worked by hand)", () => {
    const m = handModel(0.1, [tree1, tree2], 3);
    // PD(v0, v1) = 0.1 + 0.6 (v0 < 1 ? 1 : -1) + 0.4 * 0.5 + (v1 < 0 ? -0.2 : 0.3)
    const pd = treePartialDependence(m, [0, 1], [0.5, 2, 0.5, 2], [-1, 1, 1, -1]);
    const expected = [0.1 + 0.6 + 0.2 - 0.2, 0.1 - 0.6 + 0.2 + 0.3, 0.1 + 0.6 + 0.2 + 0.3, 0.1 - 0.6 + 0.2 - 0.2];
    pd.forEach((v, k) => assert.ok(Math.abs(v - expected[k]) < 1e-12, `point ${k}: ${v} vs ${expected[k]}`));
    // Brute force over rows whose feature 2 is below 0.5 for 60 % of them gives the same average.
    const rows = Array.from({ length: 10 }, (_, i) => [0, 0, i < 6 ? 0 : 1]);
    const brute = partialDependence(m, rows, [0, 1], {
      grid: [
        [0.5, 2],
        [-1, 1],
      ],
      response: "decision",
    });
    // brute layout: average[a * 2 + b] at (grid0[a], grid1[b])
    const at = (v0: number, v1: number) => treePartialDependence(m, [0, 1], [v0], [v1])[0];
    assert.ok(Math.abs(brute.average[0] - at(0.5, -1)) < 1e-12);
    assert.ok(Math.abs(brute.average[3] - at(2, 1)) < 1e-12);
    // An averaging ensemble: the mean of its members.
    const m2 = handModel(-0.3, [tree2], 3);
    const avg = treePartialDependence(new AveragingClassifier([m, m2]), [0, 1], [0.5], [-1])[0];
    assert.ok(Math.abs(avg - (expected[0] + (-0.3 - 0.2)) / 2) < 1e-12);
  });

  it("equals brute-force partial dependence for a fitted model that splits only on the two features", () => {
    const g = glass("g", 400, 9);
    const X = selectRows(
      g.X,
      Int32Array.from({ length: 400 }, (_, i) => i),
      ["signal", "weak"],
    );
    const m = new GradientBoostingClassifier({ ...PAPER_GBDT_PARAMS, nEstimators: 30 }).fit(X, g.y);
    const grid: [number[], number[]] = [
      [-1, 0, 0.5, 2],
      [-2, 0.3, 1],
    ];
    const brute = partialDependence(m, X, [0, 1], { grid, response: "decision" });
    for (let a = 0; a < 4; a++) {
      for (let b = 0; b < 3; b++) {
        const r = treePartialDependence(m, [0, 1], [grid[0][a]], [grid[1][b]])[0];
        assert.ok(Math.abs(r - brute.average[a * 3 + b]) < 1e-12, `(${a}, ${b}): ${r} vs ${brute.average[a * 3 + b]}`);
      }
    }
  });

  it("overlays the motif atoms on the PD grid of the top-2 features", () => {
    // a: strong signal, b: weaker, c: noise, so the top-2 features are a and b; the atoms cycle through 6 Voronoi indices.
    const rng = new Random(4);
    const n = 300;
    const labels = ["a", "b", "c", "voro_n3", "voro_n4", "voro_n5", "voro_n6", "voro_n7", "cn_voro"];
    const d = labels.length;
    const values = new Float64Array(n * d);
    const y = new Uint8Array(n);
    const idx = [
      [0, 0, 12, 0, 0, 12],
      [0, 0, 12, 4, 0, 16],
      [0, 0, 12, 2, 0, 14],
      [0, 0, 12, 3, 0, 15],
      [0, 2, 8, 2, 0, 12],
      [0, 0, 12, 0, 0, 13],
    ];
    for (let i = 0; i < n; i++) {
      y[i] = i % 2;
      values[i * d] = y[i] + 0.5 * rng.normal(); // a: strong
      values[i * d + 1] = 0.5 * y[i] + 0.5 * rng.normal(); // b: weaker
      values[i * d + 2] = rng.normal(); // c: noise
      idx[i % idx.length].forEach((v, k) => (values[i * d + 3 + k] = v));
    }
    values[5 * d] = NaN; // an atom with a NaN feature is not classified
    const atoms: FeatureMatrix = { n, labels, values };
    const model = new GradientBoostingClassifier({ ...PAPER_GBDT_PARAMS, nEstimators: 50, maxFeatures: null }).fit(
      selectRows(
        atoms,
        Int32Array.from({ length: n }, (_, i) => i).filter((i) => i !== 5),
        ["a", "b", "c"],
      ),
      Uint8Array.from(y).filter((_, i) => i !== 5),
    );
    const ov = motifOverlay({ model, featureLabels: ["a", "b", "c"], gridRows: atoms, atoms, gridResolution: 7 });
    assert.deepEqual(ov.features, ["a", "b"]);
    assert.equal(ov.importances[2].feature, "c");
    assert.equal(ov.grid.x.length, 7);
    assert.equal(ov.grid.z.length, 49);
    // grid layout: z[j * nx + i] at (x[i], y[j])
    const zi = treePartialDependence(model, [0, 1], [ov.grid.x[2]], [ov.grid.y[5]])[0];
    assert.equal(ov.grid.z[5 * 7 + 2], zi);
    const rowsOf = (k: number) => Array.from({ length: n }, (_, i) => i).filter((i) => i % 6 === k && i !== 5);
    assert.deepEqual(Array.from(ov.classes[0].rows), rowsOf(0)); // <0,0,12,0,0>
    assert.deepEqual(Array.from(ov.classes[1].rows), rowsOf(1)); // <0,0,12,4,0>
    assert.deepEqual(
      Array.from(ov.classes[2].rows),
      [...rowsOf(2), ...rowsOf(3)].sort((p, q) => p - q),
    ); // Z14, Z15
    assert.equal(ov.all.rows.length, n - 1);
    const c = ov.classes[1];
    assert.equal(c.x[3], values[c.rows[3] * d]);
    assert.equal(c.pd[3], treePartialDependence(model, [0, 1], [c.x[3]], [c.y[3]])[0]);
    const s = motifOverlaySummary(ov);
    assert.deepEqual(s.data.get("class"), ["all", "ico", "z16", "fk_other"]);
    assert.equal((s.data.get("fraction") as Float64Array)[0], 1);
    assert.equal((s.data.get("atoms") as Float64Array)[1], rowsOf(0).length);
    const negAll = (s.data.get("negative_pd_fraction") as Float64Array)[0];
    assert.equal(negAll, Array.from(ov.all.pd).filter((p) => p < 0).length / (n - 1));
    assert.equal((s.data.get("x_spread") as Float64Array)[0], 1);
    // All atoms occupy the grid exactly as a random subset of all of them (itself): occupancy 1.
    assert.equal((s.data.get("occupancy") as Float64Array)[0], 1);
  });

  it("measures a narrow class as a low relative occupancy and a random class as about 1", () => {
    // 2000 atoms uniform on the unit square; class "ico": the 100 atoms in a small corner; class "z16": 100 random atoms.
    const rng = new Random(2);
    const n = 2000;
    const x = Float64Array.from({ length: n }, () => rng.nextFloat());
    const y = Float64Array.from({ length: n }, () => rng.nextFloat());
    const corner = Array.from({ length: n }, (_, i) => i)
      .filter((i) => x[i] < 0.25 && y[i] < 0.25)
      .slice(0, 100);
    const random = Array.from(rng.sampleWithoutReplacement(n, 100)).sort((a, b) => a - b);
    const pts = (name: string, rows: number[]) => ({
      name,
      label: name,
      rows: Int32Array.from(rows),
      x: Float64Array.from(rows, (i) => x[i]),
      y: Float64Array.from(rows, (i) => y[i]),
      pd: new Float64Array(rows.length),
    });
    const all = Array.from({ length: n }, (_, i) => i);
    const ov = {
      features: ["a", "b"] as [string, string],
      importances: [],
      grid: { x: [0, 1], y: [0, 1], z: [0, 0, 0, 0] },
      all: pts("all", all),
      classes: [pts("ico", corner), pts("z16", random), pts("fk_other", [])],
      z: new Uint8Array(n),
    };
    const s = motifOverlaySummary(ov);
    const occ = s.data.get("occupancy") as Float64Array;
    // 20 x 20 cells over ~[0, 1]^2: the corner's 100 atoms fill its ~25 cells (25 (1 - e^-4) expected), 100 atoms
    // spread uniformly fill 400 (1 - e^(-1/4)) = 88.5 on average: ratio 0.277.
    const expected = (25 * (1 - Math.exp(-4))) / (400 * (1 - Math.exp(-0.25)));
    assert.ok(Math.abs(occ[1] - expected) < 0.05, `corner occupancy ${occ[1]}, expected about ${expected}`);
    assert.ok(Math.abs(occ[2] - 1) < 0.1, `random occupancy ${occ[2]}`);
    assert.ok(Number.isNaN(occ[3]));
  });
});
