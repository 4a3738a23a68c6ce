import * as assert from "node:assert/strict";
import type { BarTrace, ScatterTrace } from "../../src/plot/figure";
import { histogram } from "../../src/plot/histogram";
import { assertPlainJson } from "./plain-json";

describe("plot/histogram", () => {
  it("draws one series as bars at the bin centres with the bin width", () => {
    const fig = histogram({
      series: [{ name: "QS", values: Float64Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) }],
      xTitle: "Quench-in softness",
      bins: 5,
    });
    assertPlainJson(fig);
    assert.equal(fig.data.length, 1);
    const t = fig.data[0] as BarTrace;
    assert.equal(t.type, "bar");
    assert.deepEqual(t.x, [1, 3, 5, 7, 9]);
    assert.deepEqual(t.y, [2, 2, 2, 2, 3]);
    assert.equal(t.width, 2);
    assert.equal(fig.layout.xaxis?.title?.text, "Quench-in softness");
    assert.equal(fig.layout.yaxis?.title?.text, "Count");
    assert.deepEqual(fig.layout.xaxis?.range, [0, 10]);
    assert.equal(fig.layout.showlegend, false);
    assert.equal(fig.layout.legend, undefined);
  });

  it("bins several series on shared edges and outlines them as steps", () => {
    const fig = histogram({
      series: [
        { name: "a", values: [0, 0.5, 1] },
        { name: "b", values: [1, 1.5, 2] },
      ],
      xTitle: "x (Å)",
      bins: 2,
      normalization: "probability",
    });
    assertPlainJson(fig);
    const [a, b] = fig.data as ScatterTrace[];
    assert.equal(a.type, "scatter");
    assert.equal(a.line?.shape, "hv");
    // Shared range [0, 2]: edges 0, 1, 2; outline points (e0, 0), (e0, h0), (e1, h1), (e2, 0).
    assert.deepEqual(a.x, [0, 0, 1, 2]);
    assert.deepEqual(a.y, [0, 2 / 3, 1 / 3, 0]);
    assert.deepEqual(b.y, [0, 0, 1, 0]);
    assert.equal(fig.layout.yaxis?.title?.text, "Probability");
    assert.equal(fig.layout.showlegend, true);
    assert.equal(fig.layout.barmode, undefined);
  });

  it("puts zero-height bins of a log axis as gaps", () => {
    const fig = histogram({ series: [{ name: "a", values: [0, 0, 0, 3] }], xTitle: "x", bins: 3, logY: true });
    assert.equal(fig.layout.yaxis?.type, "log");
    assert.deepEqual((fig.data[0] as BarTrace).y, [3, null, 1]);
  });

  it("rejects non-finite values unless told to drop them, naming the series and index", () => {
    assert.throws(
      () => histogram({ series: [{ name: "d2min", values: [1, NaN, 2] }], xTitle: "x" }),
      /series "d2min" has a non-finite value \(NaN\) at index 1/,
    );
    const fig = histogram({
      series: [{ name: "d2min", values: [1, NaN, 2] }],
      xTitle: "x",
      bins: 1,
      dropNonFinite: true,
    });
    assert.deepEqual((fig.data[0] as BarTrace).y, [2]);
    assert.throws(() => histogram({ series: [], xTitle: "x" }), /histogram series is empty/);
    assert.throws(() => histogram({ series: [{ name: "e", values: [] }], xTitle: "x" }), /series "e" is empty/);
    assert.throws(
      () => histogram({ series: [{ name: "a", values: [1] }], xTitle: "x", width: -5 }),
      /width must be a number of pixels/,
    );
  });
});
