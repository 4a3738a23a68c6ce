import * as assert from "node:assert/strict";
import { bootstrapAuc } from "../../src/ml/metrics/bootstrap-auc";
import { calibrationCurve } from "../../src/ml/metrics/calibration-curve";
import {
  accuracyScore,
  binarize,
  classificationScores,
  confusionMatrix,
  f1Score,
  precisionScore,
  recallScore,
} from "../../src/ml/metrics/classification-scores";
import { rocAucScore } from "../../src/ml/metrics/roc-auc";
import { rocCurve } from "../../src/ml/metrics/roc-curve";
import { closeTo, fixture } from "./helpers";

interface Curve {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
}
interface AucCase {
  name: string;
  y: number[];
  scores: number[];
  auc: number;
  roc: Curve;
  rocAll: Curve;
  confusion: number[];
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  calibration: Record<string, { probTrue: number[]; probPred: number[] }>;
}
const cases = fixture<{ cases: AucCase[] }>("auc.json").cases;

describe("metrics against scikit-learn 1.2.1 (test/fixtures/ml/auc.json)", () => {
  for (const c of cases) {
    describe(c.name, () => {
      it("rocAucScore = roc_auc_score (ties as one half)", () => {
        assert.ok(Math.abs(rocAucScore(c.y, c.scores) - c.auc) <= 1e-14, `${rocAucScore(c.y, c.scores)} vs ${c.auc}`);
      });
      it("rocCurve = roc_curve, with and without drop_intermediate (first threshold: Infinity here, max+1 in 1.2)", () => {
        for (const [drop, ref] of [
          [true, c.roc],
          [false, c.rocAll],
        ] as const) {
          const r = rocCurve(c.y, c.scores, drop);
          closeTo(r.fpr, ref.fpr, 1e-15, "fpr");
          closeTo(r.tpr, ref.tpr, 1e-15, "tpr");
          assert.equal(r.thresholds[0], Infinity);
          assert.deepEqual(Array.from(r.thresholds.subarray(1)), ref.thresholds.slice(1));
        }
      });
      it("confusion matrix, precision, recall, F1, accuracy at 0.5", () => {
        const pred = binarize(c.scores, 0.5);
        const m = confusionMatrix(c.y, pred);
        assert.deepEqual([m.tn, m.fp, m.fn, m.tp], c.confusion);
        assert.deepEqual(confusionMatrix(c.y, c.scores, 0.5), m);
        assert.equal(precisionScore(c.y, pred), c.precision);
        assert.equal(recallScore(c.y, pred), c.recall);
        assert.ok(Math.abs(f1Score(c.y, pred) - c.f1) < 1e-15);
        assert.equal(accuracyScore(c.y, pred), c.accuracy);
        const all = classificationScores(c.y, c.scores, 0.5);
        assert.equal(all.recall, c.recall);
      });
      it("calibrationCurve = calibration_curve (uniform and quantile, 5 and 10 bins)", () => {
        for (const [key, ref] of Object.entries(c.calibration)) {
          const [strategy, nb] = key.split("-");
          const r = calibrationCurve(c.y, c.scores, {
            nBins: Number(nb),
            strategy: strategy as "uniform" | "quantile",
          });
          closeTo(r.probTrue, ref.probTrue, 1e-12, `${key} probTrue`);
          closeTo(r.probPred, ref.probPred, 1e-12, `${key} probPred`);
        }
      });
    });
  }

  it("AUC by hand: scores 1,2,2,3 with labels 0,1,0,1 -> (1 + 0.5 + 1 + 1) / 4", () => {
    assert.equal(rocAucScore([0, 1, 0, 1], [1, 2, 2, 3]), 0.875);
  });

  it("bootstrapAuc: deterministic for a seed, interval around the AUC", () => {
    const c = cases[0];
    const a = bootstrapAuc(c.y, c.scores, { nBootstrap: 200, randomState: 1 });
    const b = bootstrapAuc(c.y, c.scores, { nBootstrap: 200, randomState: 1 });
    assert.deepEqual(a, b);
    assert.equal(a.auc, c.auc);
    assert.ok(a.low < a.auc && a.auc < a.high, `${a.low} < ${a.auc} < ${a.high}`);
    assert.ok(a.high - a.low < 0.25);
  });

  it("errors: one class, bad labels, length mismatch, non-finite scores, probabilities outside [0, 1]", () => {
    assert.throws(() => rocAucScore([1, 1], [0.2, 0.3]), /one class only/);
    assert.throws(() => rocAucScore([0, 2], [0.2, 0.3]), /yTrue\[1\] = 2/);
    assert.throws(() => rocAucScore([0, 1, 1], [0.2, 0.3]), /3 labels but scores has 2/);
    assert.throws(() => rocAucScore([0, 1], [0.2, NaN]), /scores\[1\] = NaN/);
    assert.throws(() => rocCurve([0, 0], [0.2, 0.3]), /one class only/);
    assert.throws(() => calibrationCurve([0, 1], [0.2, 1.3]), /outside \[0, 1\]/);
    assert.throws(() => confusionMatrix([0, 1], [0, 0.5]), /yPred\[1\] = 0.5/);
  });
});
