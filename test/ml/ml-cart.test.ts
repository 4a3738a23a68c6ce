import * as assert from "node:assert/strict";
import { DecisionTreeRegressor } from "../../src/ml/decision-tree-regressor";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";
import { Random } from "../../src/ml/random";
import type { MlCartNode, MlCartRegressionJSON } from "../../src/ml/regression-tree";
import { RegressionTree } from "../../src/ml/regression-tree";
import { synthetic } from "./helpers";

// ml-cart ships no types; its runtime is all we need here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DecisionTreeRegression } = require("ml-cart") as {
  DecisionTreeRegression: {
    new (
      options: object,
    ): { train(X: number[][], y: number[]): void; predict(X: number[][]): number[]; toJSON(): MlCartRegressionJSON };
    load(json: object): { predict(X: number[][]): number[] };
  };
};

function rows(X: Float64Array, d: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < X.length / d; i++) out.push(Array.from(X.subarray(i * d, i * d + d)));
  return out;
}

/** The structure of an ml-cart tree as splits and leaves (ml-cart: a node with `distribution` is a leaf). */
function shape(node: MlCartNode): unknown {
  if (node.distribution !== undefined) return node.distribution;
  return [node.splitColumn, node.splitValue, shape(node.left as MlCartNode), shape(node.right as MlCartNode)];
}

describe("ml-cart compatibility", () => {
  it("exact mode makes the same splits and leaves as ml-cart's own trainer (small data, several seeds)", () => {
    for (const [seed, n, d, depth, minNum] of [
      [1, 40, 3, 3, 3],
      [2, 60, 4, 4, 3],
      [3, 80, 5, 2, 5],
      [4, 50, 2, 4, 4],
      [5, 120, 6, 5, 6],
    ]) {
      // Nodes are kept at >= 5 samples: in a tiny node two features can cut off the same samples, an exact tie
      // that ml-cart (direct SSE) and we (sums) may break differently by one rounding.
      const rng = new Random(seed);
      const X = new Float64Array(n * d);
      const y: number[] = [];
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < d; k++) X[i * d + k] = rng.nextFloat() * 10 - 5;
        y.push(Math.sin(X[i * d]) + 0.5 * X[i * d + 1] * (d > 2 ? X[i * d + 2] : 1) + 0.1 * rng.normal());
      }
      const cart = new DecisionTreeRegression({ maxDepth: depth, minNumSamples: minNum });
      cart.train(rows(X, d), y);
      const ours = new DecisionTreeRegressor({ maxDepth: depth, minSamplesSplit: minNum + 1, mode: "exact" }).fit(
        { X, nFeatures: d },
        y,
      );
      const theirs = JSON.parse(JSON.stringify(cart.toJSON())) as MlCartRegressionJSON;
      assert.deepEqual(shape(ours.toMlCart().root), shape(theirs.root), `seed ${seed}`);
    }
  });

  it("DecisionTreeRegression.load(our JSON).predict(X) reproduces every GBDT tree, hist and exact", () => {
    const { X, y, nFeatures } = synthetic(400, 6, 5);
    const test = synthetic(200, 6, 6);
    const testRows = rows(test.X, 6);
    for (const mode of ["hist", "exact"] as const) {
      const gb = new GradientBoostingClassifier({ nEstimators: 15, maxDepth: 3, maxFeatures: "sqrt", mode }).fit(
        { X, nFeatures },
        y,
      );
      const total = new Float64Array(test.y.length).fill(gb.baseline);
      for (let k = 0; k < gb.nEstimatorsFitted; k++) {
        const json = JSON.parse(JSON.stringify(gb.treeToMlCart(k))) as object;
        const cartPred = DecisionTreeRegression.load(json).predict(testRows);
        const ourPred = gb.trees[k].predict({
          values: test.X,
          nSamples: test.y.length,
          nFeatures: 6,
          featureLabels: null,
        });
        assert.deepEqual(cartPred, Array.from(ourPred), `${mode} tree ${k}`);
        cartPred.forEach((v, i) => (total[i] += v));
      }
      assert.deepEqual(
        Array.from(total),
        Array.from(gb.decisionFunction(test)),
        `${mode}: sum of ml-cart trees = decisionFunction`,
      );
    }
  });

  it("RegressionTree.fromMlCart reads ml-cart's own trained JSON and predicts like ml-cart", () => {
    const rng = new Random(9);
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 50; i++) {
      X.push([rng.nextFloat(), rng.nextFloat()]);
      y.push(X[i][0] > 0.5 ? 1 + rng.nextFloat() : rng.nextFloat());
    }
    const cart = new DecisionTreeRegression({ maxDepth: 3 });
    cart.train(X, y);
    const tree = RegressionTree.fromMlCart(JSON.parse(JSON.stringify(cart.toJSON())) as MlCartRegressionJSON, 2);
    const flatX = Float64Array.from(X.flat());
    assert.deepEqual(
      Array.from(tree.predict({ values: flatX, nSamples: 50, nFeatures: 2, featureLabels: null })),
      cart.predict(X),
    );
  });

  it("fromMlCart refuses malformed trees", () => {
    const opts = {
      gainFunction: "regression",
      splitFunction: "mean",
      minNumSamples: 3,
      maxDepth: 2,
      kind: "regression",
    } as const;
    assert.throws(
      () => RegressionTree.fromMlCart({ name: "DTClassifier" } as unknown as MlCartRegressionJSON, 2),
      /not an ml-cart DecisionTreeRegression/,
    );
    assert.throws(
      () =>
        RegressionTree.fromMlCart(
          {
            name: "DTRegression",
            options: opts,
            root: { splitColumn: 5, splitValue: 0, left: { distribution: 1 }, right: { distribution: 2 } },
          },
          2,
        ),
      /splitColumn 5/,
    );
    assert.throws(
      () =>
        RegressionTree.fromMlCart(
          { name: "DTRegression", options: opts, root: { splitColumn: 0, splitValue: 0, left: { distribution: 1 } } },
          2,
        ),
      /missing/,
    );
    assert.throws(
      () => RegressionTree.fromMlCart({ name: "DTRegression", options: opts, root: { distribution: NaN } }, 2),
      /non-finite/,
    );
  });
});
