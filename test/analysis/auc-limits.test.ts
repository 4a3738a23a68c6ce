import * as assert from "node:assert/strict";
import type { GlassGroup, LimitGlass } from "../../src/analysis/auc-limit-glasses";
import {
  cellSizeStudy,
  labelStudy,
  quenchRateStudy,
  splitStudy,
  trainingDataStudy,
} from "../../src/analysis/auc-limits";
import { Random } from "../../src/ml/random";

const FAST = { params: { nEstimators: 20 } };

/**
 * A synthetic glass: log d2min = x0 + noise * N(0, 1), so x0 ranks the atoms by d2min and the AUC falls as
 * `noise` grows; x1 is pure noise. Octants and blocks cycle over the rows.
 */
function glass(name: string, n: number, quenchRate: number, noise: number, seed: number, sample: number): LimitGlass {
  const rng = new Random(seed);
  const values = new Float64Array(2 * n);
  const d2min = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    values[2 * i] = rng.normal();
    values[2 * i + 1] = rng.normal();
    d2min[i] = Math.exp(1 + values[2 * i] + noise * rng.normal());
  }
  return {
    name,
    X: { n, labels: ["x0", "x1"], values },
    y: Uint8Array.from(d2min, (d) => (d > 5 ? 1 : 0)),
    d2min,
    ids: Int32Array.from({ length: n }, (_, i) => i + 1),
    types: new Int32Array(n).fill(1),
    rows: Int32Array.from({ length: n }, (_, i) => i),
    droppedNonFinite: 0,
    groups: Int32Array.from({ length: n }, (_, i) => i % 27),
    sample,
    quenchRate,
    cellAtoms: n,
    octants: Int32Array.from({ length: n }, (_, i) => i % 8),
  };
}

function group(quenchRate: number, atoms: number, glasses: number, noise: number, seed: number): GlassGroup {
  const tag = quenchRate.toExponential(0).replace("+", "");
  return {
    key: `X@${tag}, ${atoms} atoms`,
    composition: "X",
    quenchRate,
    atoms,
    glasses: Array.from({ length: glasses }, (_, k) =>
      glass(`X_${tag}_${atoms}_s${k + 1}`, atoms, quenchRate, noise, seed + k, k + 1),
    ),
  };
}

describe("AUC-limit studies (synthetic glasses)", () => {
  it("quench rate: training atoms matched across cell sizes, AUC falls with the noise of faster rates, and the trend says so", () => {
    const groups = [
      group(1e13, 1600, 3, 0.3, 10),
      group(1e14, 800, 3, 1.0, 20),
      group(1e15, 800, 3, 2.0, 30),
      group(1e12, 800, 2, 0.2, 40),
    ];
    const s = quenchRateStudy(groups, { ...FAST, ourRate: 1e13, paperRate: 1e11 });
    assert.deepEqual(
      s.rows.map((r) => r.quenchRate),
      [1e15, 1e14, 1e13],
    );
    assert.deepEqual(
      s.rows.map((r) => r.trainAtoms),
      [1600, 1600, 1600],
    );
    assert.deepEqual(s.waiting, [{ key: "X@1e12, 800 atoms", glasses: 2 }]);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const [fast, mid, slow] = s.rows.map((r) => mean(r.ownAuc));
    assert.ok(slow > mid && mid > fast, `AUC ${slow}, ${mid}, ${fast}`);
    assert.ok(s.trend !== null && s.trend.slope < 0);
    assert.ok(s.gain !== null && s.gain.change > 0);
    for (const r of s.rows) {
      assert.equal(r.ownAuc.length, 3);
      assert.equal(r.transferredFrom.length, 2);
      assert.ok(r.stdQs > 0);
    }
  });

  it("label: thresholds give the requested plastic fractions of the training atoms; 5 A^2 is marked", () => {
    const groups = [group(1e13, 1200, 3, 0.5, 50)];
    const s = labelStudy(groups, { ...FAST, quenchRate: 1e13, atoms: 1200, fractions: [0.05, 0.2] });
    assert.equal(s.points.length, 3);
    const byFrac = s.points.filter((p) => !p.paperThreshold).sort((a, b) => a.trainFraction - b.trainFraction);
    assert.ok(Math.abs(byFrac[0].trainFraction - 0.05) <= 1 / 2400);
    assert.ok(Math.abs(byFrac[1].trainFraction - 0.2) <= 1 / 2400);
    assert.equal(s.points.find((p) => p.paperThreshold)?.threshold, 5);
    assert.ok(s.points.every((p, k) => k === 0 || p.threshold >= s.points[k - 1].threshold));
    assert.equal(s.rotations.length, 3);
    assert.equal(s.rotations[2].aucAtFraction, s.aucAtFivePercent);
    assert.ok(s.gain.lower <= s.gain.change && s.gain.change <= s.gain.upper);
  });

  it("training data: parts of glasses, single glasses, the condition, pooled (not in the trend)", () => {
    const groups = [group(1e13, 1600, 3, 0.5, 60), group(1e14, 800, 3, 0.5, 70)];
    const s = trainingDataStudy(groups, { ...FAST, quenchRate: 1e13, atoms: 1600, parts: [2, 4], draws: 1 });
    assert.deepEqual(
      s.points.map((p) => p.trainAtoms),
      [800, 1600, 1600, 1600, 3200, 5600],
    );
    assert.deepEqual(
      s.points.map((p) => p.inTrend),
      [true, true, true, true, true, false],
    );
    assert.equal(s.trend.n, 5);
    assert.equal(s.ourTrainAtoms, 3200);
    assert.equal(s.target, "X_1e13_1600_s3");
  });

  it("cell size waits for a second size, then compares at equal training atoms", () => {
    const small = group(1e13, 800, 3, 0.5, 80);
    const waiting = cellSizeStudy([small], { quenchRate: 1e13 });
    assert.equal(waiting.comparison, null);
    assert.match(waiting.waitingFor ?? "", /two cell sizes/);
    const large = group(1e13, 3200, 2, 0.5, 90);
    const s = cellSizeStudy([small, large], { ...FAST, quenchRate: 1e13 });
    assert.ok(s.comparison !== null);
    assert.equal(s.comparison.trainAtoms, 1600);
    assert.ok(s.comparison.smallAuc > 0.6 && s.comparison.largeAuc > 0.6);
  });

  it("split: shuffled CV, block CV and the unseen glass", () => {
    const s = splitStudy([group(1e13, 1200, 3, 0.5, 100)], { ...FAST, quenchRate: 1e13, atoms: 1200 });
    assert.ok(s.shuffledCv > 0.6 && s.blockCv > 0.6 && s.unseen > 0.6);
    assert.throws(
      () => splitStudy([group(1e13, 1200, 1, 0.5, 1)], { quenchRate: 1e13, atoms: 1200 }),
      /needs at least 2 glasses/,
    );
  });
});
