import { strict as assert } from "node:assert";
import { AveragingClassifier } from "../../../src/ml/averaging-classifier";
import { GradientBoostingClassifier } from "../../../src/ml/gradient-boosting-classifier";
import { treeEnsembleShap, treeExpectedValue } from "../../../src/ml/inspection/tree-shap";
import { Random } from "../../../src/ml/random";
import { type RegressionTree, TreeNodes } from "../../../src/ml/regression-tree";
import { closeTo, fixture, synthetic } from "../helpers";

/**
 * The path-dependent conditional expectation E[f(x) | x_S], written directly from its definition (Lundberg et al.
 * 2020, Algorithm 1): a split on a feature in S follows x, any other split averages both children weighted by
 * their training sample counts.
 */
function conditional(t: RegressionTree, k: number, x: ArrayLike<number>, inS: boolean[]): number {
  if (t.left[k] < 0) return t.value[k];
  const l = t.left[k];
  const r = t.right[k];
  if (inS[t.feature[k]]) return conditional(t, x[t.feature[k]] < t.threshold[k] ? l : r, x, inS);
  return (t.nSamples[l] * conditional(t, l, x, inS) + t.nSamples[r] * conditional(t, r, x, inS)) / t.nSamples[k];
}

/** Shapley values over all 2^M subsets: phi_i = sum_S |S|! (M - |S| - 1)! / M! (v(S + i) - v(S)). */
function bruteForceShapley(trees: readonly RegressionTree[], x: ArrayLike<number>, M: number): Float64Array {
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  const v = (mask: number): number => {
    const inS = Array.from({ length: M }, (_, f) => (mask & (1 << f)) !== 0);
    let s = 0;
    for (const t of trees) s += conditional(t, 0, x, inS);
    return s;
  };
  const phi = new Float64Array(M);
  for (let i = 0; i < M; i++) {
    for (let mask = 0; mask < 1 << M; mask++) {
      if (mask & (1 << i)) continue;
      let size = 0;
      for (let f = 0; f < M; f++) if (mask & (1 << f)) size++;
      phi[i] += ((fact(size) * fact(M - size - 1)) / fact(M)) * (v(mask | (1 << i)) - v(mask));
    }
  }
  return phi;
}

/** A random full tree of the given depth on M features (features repeat along paths), covers split at random. */
function randomTree(rng: Random, depth: number, M: number, cover: number): RegressionTree {
  const nodes = new TreeNodes();
  const grow = (n: number, level: number): number => {
    const k = nodes.add(n);
    if (level === depth || n < 2 || rng.nextFloat() < 0.15) {
      nodes.value[k] = rng.normal();
      return k;
    }
    const nl = 1 + Math.floor(rng.nextFloat() * (n - 1));
    nodes.feature[k] = Math.floor(rng.nextFloat() * M);
    nodes.threshold[k] = rng.normal();
    nodes.left[k] = grow(nl, level + 1);
    nodes.right[k] = grow(n - nl, level + 1);
    return k;
  };
  grow(cover, 0);
  return nodes.build();
}

describe("ml/inspection/tree-shap: exact TreeSHAP", () => {
  it("a single split, hand-worked: the split feature gets f(x) - E f, the other none", () => {
    // x0 < 0.5 -> 2 (3 training samples), else -2 (1 sample): E f = (3 * 2 - 2) / 4 = 1.
    const nodes = new TreeNodes();
    const root = nodes.add(4);
    nodes.feature[root] = 0;
    nodes.threshold[root] = 0.5;
    nodes.left[root] = nodes.add(3);
    nodes.right[root] = nodes.add(1);
    nodes.value[1] = 2;
    nodes.value[2] = -2;
    const t = nodes.build();
    assert.equal(treeExpectedValue(t), 1);
    const X = { values: Float64Array.from([0, 7, 1, 7]), nSamples: 2, nFeatures: 2, featureLabels: ["a", "b"] };
    const e = treeEnsembleShap([t], 0.25, X);
    assert.equal(e.expectedValue, 1.25);
    assert.deepEqual(Array.from(e.values), [1, 0, -3, 0]);
    assert.deepEqual(e.featureLabels, ["a", "b"]);
  });

  it("equals brute-force Shapley values over all feature subsets on random small ensembles (3-5 features)", () => {
    const rng = new Random(7);
    for (let trial = 0; trial < 30; trial++) {
      const M = 3 + (trial % 3);
      const trees = Array.from({ length: 1 + (trial % 4) }, () =>
        randomTree(rng, 2 + (trial % 4), M, 50 + Math.floor(rng.nextFloat() * 100)),
      );
      const n = 6;
      const values = Float64Array.from({ length: n * M }, () => rng.normal());
      const e = treeEnsembleShap(trees, 0, { values, nSamples: n, nFeatures: M, featureLabels: null });
      for (let i = 0; i < n; i++) {
        const x = values.subarray(i * M, i * M + M);
        closeTo(e.values.subarray(i * M, i * M + M), bruteForceShapley(trees, x, M), 1e-12, `trial ${trial} row ${i}`);
      }
    }
  });

  it("equals brute force on a fitted GBDT of depth 4 on 4 features", () => {
    const { X, y, nFeatures } = synthetic(400, 4, 3);
    const m = new GradientBoostingClassifier({ nEstimators: 15, maxDepth: 4, randomState: 2 }).fit({ X, nFeatures }, y);
    const rows = { X: X.subarray(0, 20 * nFeatures), nFeatures };
    const e = m.explain(rows);
    for (let i = 0; i < 20; i++) {
      const want = bruteForceShapley(m.trees, X.subarray(i * 4, i * 4 + 4), 4);
      closeTo(e.values.subarray(i * 4, i * 4 + 4), want, 1e-12, `row ${i}`);
    }
  });

  it("is additive to 1e-9 on a real fit: each row plus the expected value is the log-odds", () => {
    const { X, y, nFeatures } = synthetic(3000, 12, 11);
    const m = new GradientBoostingClassifier({
      nEstimators: 100,
      maxDepth: 3,
      subsample: 0.8,
      maxFeatures: "sqrt",
      randomState: 5,
    }).fit({ X, nFeatures, featureLabels: Array.from({ length: nFeatures }, (_, k) => `f${k}`) }, y);
    const input = { X, nFeatures, featureLabels: Array.from({ length: nFeatures }, (_, k) => `f${k}`) };
    const e = m.explain(input);
    const raw = m.decisionFunction(input);
    assert.equal(e.nSamples, 3000);
    assert.deepEqual(e.featureLabels, input.featureLabels);
    let worst = 0;
    for (let i = 0; i < e.nSamples; i++) {
      let s = e.expectedValue;
      for (let k = 0; k < nFeatures; k++) s += e.values[i * nFeatures + k];
      worst = Math.max(worst, Math.abs(s - raw[i]));
    }
    assert.ok(worst < 1e-9, `worst additivity error ${worst}`);
    // The informative features (x0, and x1 x2) carry more than the noise features.
    const meanAbs = (k: number): number => {
      let s = 0;
      for (let i = 0; i < e.nSamples; i++) s += Math.abs(e.values[i * nFeatures + k]);
      return s / e.nSamples;
    };
    for (let k = 3; k < nFeatures; k++) assert.ok(meanAbs(0) > meanAbs(k) && meanAbs(1) > meanAbs(k), `feature ${k}`);
  });

  it("an averaging ensemble: the mean of its members' explanations, additive to the mean member log-odds", () => {
    const { X, y, nFeatures } = synthetic(500, 5, 4);
    const members = [1, 2, 3].map((s) =>
      new GradientBoostingClassifier({ nEstimators: 20, maxDepth: 2, randomState: s }).fit({ X, nFeatures }, y),
    );
    const e = new AveragingClassifier(members).explain({ X, nFeatures });
    const parts = members.map((m) => m.explain({ X, nFeatures }));
    const raws = members.map((m) => m.decisionFunction({ X, nFeatures }));
    for (let i = 0; i < 500; i++) {
      let s = e.expectedValue;
      for (let k = 0; k < nFeatures; k++) {
        s += e.values[i * nFeatures + k];
        const mean =
          (parts[0].values[i * nFeatures + k] +
            parts[1].values[i * nFeatures + k] +
            parts[2].values[i * nFeatures + k]) /
          3;
        assert.ok(Math.abs(e.values[i * nFeatures + k] - mean) < 1e-12);
      }
      assert.ok(Math.abs(s - (raws[0][i] + raws[1][i] + raws[2][i]) / 3) < 1e-9, `row ${i}`);
    }
  });

  it("equals XGBoost's own TreeSHAP (pred_contribs) on its trees (fixture, float32 precision)", () => {
    interface XgbNode {
      nodeid: number;
      split?: string;
      split_condition?: number;
      yes?: number;
      no?: number;
      leaf?: number;
      cover: number;
      children?: XgbNode[];
    }
    const fx = fixture<{
      nFeatures: number;
      trees: XgbNode[];
      X: number[][];
      contribs: number[][];
      bias: number[];
      margin: number[];
    }>("tree-shap-xgboost.json");
    const toTree = (root: XgbNode): RegressionTree => {
      const nodes = new TreeNodes();
      const add = (node: XgbNode): number => {
        const k = nodes.add(node.cover);
        if (node.leaf !== undefined) {
          nodes.value[k] = node.leaf;
          return k;
        }
        const kids = node.children as XgbNode[];
        const yes = kids.find((c) => c.nodeid === node.yes) as XgbNode;
        const no = kids.find((c) => c.nodeid === node.no) as XgbNode;
        nodes.feature[k] = Number((node.split as string).slice(1));
        nodes.threshold[k] = node.split_condition as number;
        nodes.left[k] = add(yes);
        nodes.right[k] = add(no);
        return k;
      };
      add(root);
      return nodes.build();
    };
    const trees = fx.trees.map(toTree);
    const d = fx.nFeatures;
    const e = treeEnsembleShap(trees, 0, {
      values: Float64Array.from(fx.X.flat()),
      nSamples: fx.X.length,
      nFeatures: d,
      featureLabels: null,
    });
    for (let i = 0; i < fx.X.length; i++) {
      closeTo(e.values.subarray(i * d, i * d + d), fx.contribs[i], 2e-5, `row ${i}`);
      assert.ok(Math.abs(e.expectedValue - fx.bias[i]) < 2e-5, `bias ${e.expectedValue} vs ${fx.bias[i]}`);
    }
  });

  it("refuses a model whose trees carry no node sample counts, naming the tree", () => {
    const { X, y, nFeatures } = synthetic(200, 3, 1);
    const json = new GradientBoostingClassifier({ nEstimators: 3, maxDepth: 2 }).fit({ X, nFeatures }, y).toJSON();
    const strip = (node: { numberSamples?: number; left?: object; right?: object }): void => {
      delete node.numberSamples;
      if (node.left) strip(node.left);
      if (node.right) strip(node.right);
    };
    strip(json.trees[1].root);
    const old = GradientBoostingClassifier.fromJSON(json);
    assert.throws(() => old.explain({ X, nFeatures }), /tree 1: node 0 has no training sample count.*numberSamples/);
  });
});
