import * as assert from "node:assert/strict";
import {
  scenarioGroups,
  fitConditions,
  generalizationScenario,
  summarizeScenarios,
  transferPairs,
  withReference,
  type GeneralizationCondition,
} from "../../src/analysis/generalization";
import { Random } from "../../src/ml/random";

const key = (system: string, composition: string, quenchRate: number) => ({
  condition: `${composition}@1e${Math.log10(quenchRate)}`,
  system,
  composition,
  quenchRate,
});

/** A glass of n atoms whose label is 1 where sign * x0 + noise > 1 (x1 pure noise). */
function glass(name: string, n: number, sign: number, seed: number) {
  const rng = new Random(seed);
  const values = new Float64Array(n * 2);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x0 = rng.normal();
    values[2 * i] = x0;
    values[2 * i + 1] = rng.normal();
    y[i] = sign * x0 + 0.5 * rng.normal() > 1 ? 1 : 0;
  }
  // 10 groups of consecutive rows (stand-ins for spatial blocks)
  return {
    name,
    X: { n, labels: ["x0", "x1"], values },
    y,
    groups: Int32Array.from({ length: n }, (_, i) => Math.floor((10 * i) / n)),
  };
}

function condition(
  system: string,
  composition: string,
  rate: number,
  sign: number,
  seed: number,
  glasses = 3,
): GeneralizationCondition {
  const gs = Array.from({ length: glasses }, (_, k) =>
    glass(`${composition}_1e${Math.log10(rate)}_s${k + 1}`, 600, sign, seed + k),
  );
  return {
    ...key(system, composition, rate),
    train: glasses === 1 ? gs : gs.slice(0, -1),
    test: gs[gs.length - 1],
    single: glasses === 1,
  };
}

describe("generalization (paper, Figure 4)", () => {
  it("classifies the 5 scenarios", () => {
    const a = key("Cu-Zr", "Cu65Zr35", 1e13);
    assert.equal(generalizationScenario(a, key("Cu-Zr", "Cu65Zr35", 1e13)), 1);
    assert.equal(generalizationScenario(a, key("Cu-Zr", "Cu65Zr35", 1e15)), 2);
    assert.equal(generalizationScenario(a, key("Cu-Zr", "Cu50Zr50", 1e13)), 3);
    assert.equal(generalizationScenario(a, key("Cu-Zr", "Cu80Zr20", 1e14)), 4);
    assert.equal(generalizationScenario(a, key("Ni-Nb", "Ni62Nb38", 1e13)), 5);
  });

  const params = { nEstimators: 40, maxDepth: 2, learningRate: 0.2 };
  const conds = [
    condition("Cu-Zr", "Cu65Zr35", 1e13, 1, 10),
    condition("Cu-Zr", "Cu50Zr50", 1e13, 1, 20),
    condition("Fe-P", "Fe80P20", 1e13, -1, 30, 1),
  ];
  const fitted = fitConditions(conds, { params });

  it("fits each condition: a learnable signal scores high on the unseen glass; a single glass has no test score", () => {
    assert.ok(fitted[0].testAuc !== null && fitted[0].testAuc > 0.9, `test AUC ${fitted[0].testAuc}`);
    assert.ok(fitted[0].cvAuc > 0.9 && fitted[0].fittedAuc > 0.9);
    assert.equal(fitted[2].testAuc, null);
    assert.equal(fitted[2].fittedAuc, fitted[2].cvAuc);
    assert.ok(
      fitted[0].blockCvAuc !== null && Math.abs(fitted[0].blockCvAuc - (fitted[0].testAuc as number)) < 0.05,
      `block CV ${fitted[0].blockCvAuc}`,
    );
    assert.deepEqual(fitted[0].trainGlasses, ["Cu65Zr35_1e13_s1", "Cu65Zr35_1e13_s2"]);
  });

  it("transfers Cu-Zr models to every target; a model whose rule is reversed in the target loses its AUC", () => {
    const pairs = transferPairs(conds, fitted);
    assert.deepEqual(pairs.map((p) => `${p.source}>${p.target}:${p.scenario}`).sort(), [
      "Cu50Zr50@1e13>Cu50Zr50@1e13:1",
      "Cu50Zr50@1e13>Cu65Zr35@1e13:3",
      "Cu50Zr50@1e13>Fe80P20@1e13:5",
      "Cu65Zr35@1e13>Cu50Zr50@1e13:3",
      "Cu65Zr35@1e13>Cu65Zr35@1e13:1",
      "Cu65Zr35@1e13>Fe80P20@1e13:5",
    ]);
    const same = pairs.find((p) => p.source === p.target && p.target.startsWith("Cu65"));
    assert.ok(same && same.drop === 0, "scenario i is the reference (drop 0) with the default 'test' reference");
    const across = pairs.find((p) => p.source.startsWith("Cu65") && p.target.startsWith("Cu50"));
    assert.ok(across && across.auc > 0.9 && Math.abs(across.drop) < 0.05, `Cu65 -> Cu50 ${across?.auc}`);
    const fe = pairs.find((p) => p.source.startsWith("Cu65") && p.target.startsWith("Fe"));
    assert.ok(fe && fe.auc < 0.2 && fe.drop > 0.7, `reversed rule: AUC ${fe?.auc}, drop ${fe?.drop}`);
    assert.ok(fitted[2].blockCvAuc !== null);
    assert.equal(fe.reference, fitted[2].blockCvAuc, "a single-glass target is compared with its block-CV score");
  });

  it("references: 'cv' and 'fitted' use the target's CV scores", () => {
    const cv = transferPairs(conds, fitted, { reference: "cv" });
    const fit = transferPairs(conds, fitted, { reference: "fitted" });
    const t = cv.find((p) => p.target.startsWith("Cu50"))!;
    assert.equal(t.reference, fitted[1].cvAuc);
    assert.equal(fit.find((p) => p.target.startsWith("Cu50"))!.reference, fitted[1].fittedAuc);
    assert.ok(Math.abs(t.drop - (t.reference - t.auc)) < 1e-15);
  });

  it("withReference re-scores pairs without predicting again, as transferPairs with that reference", () => {
    const base = transferPairs(conds, fitted);
    for (const reference of ["cv", "fitted", "test"] as const) {
      assert.deepEqual(withReference(base, fitted, reference), transferPairs(conds, fitted, { reference }));
    }
  });

  it("only models of the source systems are transferred", () => {
    assert.equal(transferPairs(conds, fitted, { sourceSystems: ["Fe-P"] }).filter((p) => p.scenario === 1).length, 0);
    assert.equal(transferPairs(conds, fitted, { sourceSystems: ["Fe-P"] }).length, 2);
  });

  it("summarizes drops per scenario (count, mean, median, min, max)", () => {
    const mk = (scenario: 1 | 2 | 3 | 4 | 5, drop: number) => ({
      source: "a",
      target: "b",
      scenario,
      auc: 0.7,
      reference: 0.7 + drop,
      drop,
    });
    const s = summarizeScenarios([mk(2, 0.01), mk(2, 0.03), mk(2, 0.02), mk(5, 0.1), mk(5, 0.2)]);
    assert.deepEqual(
      s.map((r) => [r.scenario, r.pairs]),
      [
        [2, 3],
        [5, 2],
      ],
    );
    assert.ok(
      Math.abs(s[0].meanDrop - 0.02) < 1e-15 &&
        s[0].medianDrop === 0.02 &&
        s[0].minDrop === 0.01 &&
        s[0].maxDrop === 0.03,
    );
    assert.ok(Math.abs(s[1].medianDrop - 0.15) < 1e-15);
  });

  it("groups pairs as Figure 4 draws them: i-iv in order, scenario v split by target system", () => {
    const pair = (source: string, target: string, scenario: 1 | 2 | 3 | 4 | 5, drop: number) => ({
      source,
      target,
      scenario,
      auc: 0.7,
      reference: 0.7 + drop,
      drop,
    });
    const groups = scenarioGroups([
      pair("Cu65Zr35@1e13", "Fe80P20@1e13", 5, 0.08),
      pair("Cu65Zr35@1e13", "Cu65Zr35@1e14", 2, 0.01),
      pair("Cu50Zr50@1e13", "Ni62Nb38@1e13", 5, 0.02),
      pair("Cu65Zr35@1e13", "Cu65Zr35@1e13", 1, 0.0),
      pair("Cu50Zr50@1e13", "Fe80P20@1e13", 5, 0.09),
    ]);
    assert.deepEqual(
      groups.map((g) => g.category),
      [
        "i) same composition, same quench rate (unseen glass)",
        "ii) same composition, other quench rate",
        "v) other system → Fe80P20",
        "v) other system → Ni62Nb38",
      ],
    );
    assert.deepEqual(groups[2].drops, [0.08, 0.09]);
    assert.equal(groups[3].target, "Ni62Nb38");
  });
});
