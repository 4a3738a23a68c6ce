import * as assert from "node:assert/strict";
import { GradientBoostingClassifier, GBDT_FORMAT, GBDT_VERSION } from "../../../src/ml/gradient-boosting-classifier";
import { treePartialDependence } from "../../../src/ml/inspection/tree-partial-dependence";
import type { MlCartRegressionJSON } from "../../../src/ml/regression-tree";
import { fixture } from "../helpers";

interface PdCase {
  features: [number, number];
  x0: number[];
  x1: number[];
  average: number[][];
}
interface PdModel {
  name: string;
  params: { n_estimators: number; max_depth: number; learning_rate: number };
  coversDifferFromCounts: boolean;
  baseline: number;
  nFeatures: number;
  trees: MlCartRegressionJSON[];
  pd: PdCase[];
}

describe("treePartialDependence (scikit-learn's partial_dependence, method 'recursion')", () => {
  // test/fixtures/ml/make_tree_pd_fixture.py (scikit-learn 1.2.1)
  const fx = fixture<{ models: PdModel[] }>("tree-pd.json");

  function load(m: PdModel): GradientBoostingClassifier {
    const params = new GradientBoostingClassifier({
      nEstimators: m.params.n_estimators,
      maxDepth: m.params.max_depth,
      learningRate: m.params.learning_rate,
    }).getParams();
    return GradientBoostingClassifier.fromJSON({
      format: GBDT_FORMAT,
      version: GBDT_VERSION,
      params,
      featureLabels: null,
      nFeatures: m.nFeatures,
      baseline: m.baseline,
      trees: m.trees,
      fit: {
        nSamples: 0,
        counts: { minSamplesSplit: 2, minSamplesLeaf: 1, maxFeatures: m.nFeatures },
        trainScore: [],
        validationScore: null,
      },
    });
  }

  for (const name of ["weighted", "subsample"]) {
    it(`equals scikit-learn's on its own trees (${name} fit), plus the initial log-odds`, () => {
      const m = fx.models.find((v) => v.name === name) as PdModel;
      const model = load(m);
      for (const c of m.pd) {
        const x0: number[] = [];
        const x1: number[] = [];
        for (const a of c.x0)
          for (const b of c.x1) {
            x0.push(a);
            x1.push(b);
          }
        const pd = treePartialDependence(model, c.features, x0, x1);
        let k = 0;
        for (let a = 0; a < c.x0.length; a++)
          for (let b = 0; b < c.x1.length; b++, k++) {
            const want = c.average[a][b] + m.baseline;
            assert.ok(
              Math.abs(pd[k] - want) <= 1e-9,
              `features ${c.features} at (${c.x0[a]}, ${c.x1[b]}): ${pd[k]} vs scikit-learn ${want}`,
            );
          }
      }
    });
  }

  it("weights the branches by cover, not by sample count (the weighted fixture tells them apart)", () => {
    const m = fx.models.find((v) => v.name === "weighted") as PdModel;
    assert.ok(m.coversDifferFromCounts);
    // The same trees with every cover replaced by the node's count: the result must move away from sklearn's.
    const strip = (node: { cover?: number; left?: object; right?: object }): void => {
      delete node.cover;
      if (node.left) strip(node.left);
      if (node.right) strip(node.right);
    };
    const counts = structuredClone(m);
    for (const t of counts.trees) strip(t.root as object);
    const c = m.pd[0];
    const byCount = treePartialDependence(load(counts), c.features, [c.x0[3]], [c.x1[3]])[0];
    assert.ok(Math.abs(byCount - (c.average[3][3] + m.baseline)) > 1e-4, `${byCount}`);
  });
});
