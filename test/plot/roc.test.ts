import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ScatterTrace } from "../../src/plot/figure";
import { rocPlot, trapezoidArea } from "../../src/plot/roc";
import { assertPlainJson } from "./plain-json";

const sk = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/plot/sklearn-roc.json"), "utf8")) as {
  fpr: number[];
  tpr: number[];
  auc: number;
};

describe("plot/roc", () => {
  it("integrates by the trapezoidal rule like sklearn.metrics.auc", () => {
    assert.equal(trapezoidArea([0, 0.5, 1], [0, 1, 1]), 0.75);
    assert.equal(trapezoidArea([1, 0.5, 0], [1, 1, 0]), 0.75, "decreasing x gives the same area");
    assert.equal(trapezoidArea([0, 0, 1], [0, 1, 1]), 1);
    assert.ok(Math.abs(trapezoidArea(sk.fpr, sk.tpr) - sk.auc) < 1e-12, "sklearn fixture");
    assert.throws(() => trapezoidArea([0, 1, 0.5], [0, 1, 1]), /neither increasing nor decreasing/);
    assert.throws(() => trapezoidArea([0], [0]), /at least 2 points/);
  });

  it("writes the AUC into each legend entry, with the chance diagonal and a square plot", () => {
    const fig = rocPlot({
      curves: [
        { name: "GBDT", fpr: sk.fpr, tpr: sk.tpr },
        { name: "given", fpr: [0, 1], tpr: [0, 1], auc: 0.81234 },
      ],
    });
    assertPlainJson(fig);
    const [chance, a, b] = fig.data as ScatterTrace[];
    assert.deepEqual(
      [chance.x, chance.y],
      [
        [0, 1],
        [0, 1],
      ],
    );
    assert.equal(chance.showlegend, false);
    assert.equal(a.name, `GBDT (AUC = ${sk.auc.toFixed(3)})`);
    assert.equal(b.name, "given (AUC = 0.812)");
    assert.equal(a.x.length, sk.fpr.length);
    assert.equal(fig.layout.xaxis?.title?.text, "False positive rate");
    assert.equal(fig.layout.yaxis?.title?.text, "True positive rate");
    assert.equal(fig.layout.yaxis?.scaleanchor, "x");
    assert.equal(fig.layout.showlegend, true);
  });

  it("rejects rates outside [0, 1] and mismatched lengths", () => {
    assert.throws(
      () => rocPlot({ curves: [{ name: "x", fpr: [0, 1.2], tpr: [0, 1] }] }),
      /fpr\[1\] = 1.2 is outside \[0, 1\]/,
    );
    assert.throws(
      () => rocPlot({ curves: [{ name: "x", fpr: [0, 1], tpr: [0] }] }),
      /tpr has 1 values but its fpr has 2/,
    );
    assert.throws(() => rocPlot({ curves: [] }), /ROC curves is empty/);
  });
});
