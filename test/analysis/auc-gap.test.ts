import * as assert from "node:assert/strict";
import { aucGapClaims, aucGapTable, shareConfidence } from "../../src/analysis/auc-gap";
import type {
  CellSizeStudy,
  LabelStudy,
  QuenchRateStudy,
  SplitStudy,
  TrainingDataStudy,
} from "../../src/analysis/auc-limits";
import { fitLogTrend, logTrendAt, logTrendChange } from "../../src/analysis/log-trend";

/** Studies with exact log-linear data, so every share is known in closed form. */
function studies() {
  const atoms = [2000, 4000, 8000, 16000];
  const trend = fitLogTrend(
    atoms,
    atoms.map((a) => 0.6 + 0.02 * Math.log10(a)),
  );
  const trainingData = {
    target: "t",
    points: [],
    trend,
    ourTrainAtoms: 16000,
    paperTrainAtoms: 691200,
    atOurs: logTrendAt(trend, 16000),
    atPaper: logTrendAt(trend, 691200),
    gain: logTrendChange(trend, 16000, 691200),
  } as TrainingDataStudy;
  const rateTrend = fitLogTrend([1e13, 1e13, 1e14, 1e14, 1e15], [0.7, 0.7, 0.69, 0.69, 0.68]);
  const quenchRate = {
    rows: [{ quenchRate: 1e13 }, { quenchRate: 1e14 }, { quenchRate: 1e15 }],
    waiting: [],
    fraction: 0.05,
    trend: rateTrend,
    trendAtFraction: rateTrend,
    ourRate: 1e13,
    paperRate: 5e10,
    gain: logTrendChange(rateTrend, 1e13, 5e10),
    gainAtFraction: logTrendChange(rateTrend, 1e13, 5e10),
  } as unknown as QuenchRateStudy;
  const label = {
    target: "t",
    points: [],
    aucAtPaperThreshold: 0.657,
    aucAtFivePercent: 0.69,
    rotations: [{ test: "a", threshold: 10, aucAtPaperThreshold: 0.65, aucAtFraction: 0.68 }],
    fraction: 0.05,
    gain: { change: 0.03, se: 0.005, lower: 0.02, upper: 0.04 },
  } as LabelStudy;
  const cellSize: CellSizeStudy = {
    quenchRate: 1e13,
    sizes: [{ atoms: 8000, glasses: 3, key: "k" }],
    comparison: null,
    waitingFor: "32,000-atom glasses",
  };
  const split: SplitStudy = {
    target: "t",
    shuffledCv: 0.713,
    shuffledCvStd: 0.01,
    blockCv: 0.66,
    blockCvStd: 0.02,
    unseen: 0.657,
  };
  return { trainingData, quenchRate, label, cellSize, split };
}

describe("AUC gap table", () => {
  it("confidence follows the stated rule", () => {
    assert.equal(shareConfidence(0.03, 0.02, 0.04, 0), "high");
    assert.equal(shareConfidence(0.03, 0.001, 0.059, 0), "medium");
    assert.equal(shareConfidence(0.03, -0.01, 0.07, 0), "low");
    assert.equal(shareConfidence(0.03, 0.02, 0.04, 1.6), "low");
    assert.equal(shareConfidence(0.03, NaN, NaN, 0), "low");
  });

  it("shares of exact trends: 0.02 per decade over log10(691200 / 16000) decades; rate -0.01 per decade down 2.3 decades", () => {
    const t = aucGapTable(studies());
    assert.ok(Math.abs(t.gap - 0.114) < 1e-12);
    const by = new Map(t.rows.map((r) => [r.factor, r]));
    const td = by.get("training data");
    assert.ok(td && td.share !== null && Math.abs(td.share - 0.02 * Math.log10(691200 / 16000)) < 1e-12);
    assert.equal(td?.confidence, "low");
    const qr = by.get("quench rate");
    assert.ok(qr && qr.share !== null && Math.abs(qr.share - 0.01 * Math.log10(1e13 / 5e10)) < 1e-9);
    assert.equal(by.get("label")?.share, 0.03);
    assert.equal(by.get("label")?.confidence, "high");
    assert.equal(by.get("cell size")?.share, null);
    assert.equal(by.get("cell size")?.confidence, "not measured");
    assert.equal(by.get("split")?.share, 0);
    const sum = (td?.share ?? 0) + (qr?.share ?? 0) + 0.03;
    assert.ok(Math.abs(t.explained - sum) < 1e-12);
    assert.ok(Math.abs(t.unexplained - (0.114 - sum)) < 1e-12);
    assert.ok(Math.abs((by.get("label")?.fractionOfGap ?? 0) - 0.03 / 0.114) < 1e-12);
  });

  it("ledger rows: the gap first, then one row per factor, with paper, ours and why", () => {
    const rows = aucGapClaims(aucGapTable(studies()));
    assert.equal(rows.length, 6);
    assert.equal(rows[0].paper, "0.771");
    assert.equal(rows[0].ours, "0.657");
    assert.match(rows[0].why, /gap 0\.114/);
    assert.equal(rows[2].ours, "+0.030 [+0.020, +0.040] (confidence: high)");
    assert.match(rows[4].ours, /not measured/);
    for (const r of rows) for (const v of [r.where, r.claim, r.paper, r.ours, r.why]) assert.ok(v.length > 0);
  });
});
