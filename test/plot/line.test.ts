import * as assert from "node:assert/strict";
import type { ScatterTrace } from "../../src/plot/figure";
import { linePlot } from "../../src/plot/line";
import { assertPlainJson } from "./plain-json";

describe("plot/line", () => {
  it("draws series as scatter lines with titled axes", () => {
    const fig = linePlot({
      series: [{ name: "a", x: Float64Array.of(1, 2, 3), y: Float64Array.of(4, NaN, 6), yError: [0.1, 0.2, 0.3] }],
      xTitle: "Strain (%)",
      yTitle: "Stress (GPa)",
    });
    assertPlainJson(fig);
    const t = fig.data[0] as ScatterTrace;
    assert.equal(t.type, "scatter");
    assert.equal(t.mode, "lines");
    assert.deepEqual(t.y, [4, null, 6]);
    assert.deepEqual(t.error_y?.array, [0.1, 0.2, 0.3]);
    assert.equal(t.marker, undefined);
    assert.equal(fig.layout.xaxis?.title?.text, "Strain (%)");
    assert.equal(fig.layout.yaxis?.title?.text, "Stress (GPa)");
    assert.equal(fig.layout.yaxis2, undefined);
    assert.equal(fig.layout.showlegend, false);
  });

  it("puts right-hand series on a second y axis overlaying the first, log axes with log10 ranges", () => {
    const fig = linePlot({
      series: [
        { name: "P(plastic|QS)", x: [0.1, 0.5, 0.9], y: [1e-3, 0, 0.2] },
        { name: "ratio", x: [0.1, 0.5, 0.9], y: [0.01, 1, 4], axis: "right", mode: "lines+markers" },
      ],
      xTitle: "QS",
      yTitle: "P(plastic|QS)",
      y2Title: "P(plastic|QS)/P(plastic)",
      yLog: true,
      y2Log: true,
      yRange: [1e-4, 1],
    });
    assertPlainJson(fig);
    const [a, b] = fig.data as ScatterTrace[];
    assert.equal(a.yaxis, undefined);
    assert.equal(b.yaxis, "y2");
    assert.deepEqual(a.y, [1e-3, null, 0.2], "a zero on a log axis is a gap");
    assert.ok(b.marker);
    assert.equal(fig.layout.yaxis?.type, "log");
    assert.deepEqual(fig.layout.yaxis?.range, [-4, 0]);
    assert.equal(fig.layout.yaxis2?.type, "log");
    assert.equal(fig.layout.yaxis2?.overlaying, "y");
    assert.equal(fig.layout.yaxis2?.side, "right");
    assert.equal(fig.layout.yaxis?.mirror, false);
    assert.equal(fig.layout.showlegend, true);
  });

  it("labels short log spans at 1, 2, 5 × 10^n and long ones per decade", () => {
    const short = linePlot({
      series: [{ name: "M", x: [2, 50], y: [1, 2] }],
      xTitle: "r (Å)",
      yTitle: "M(r)",
      xLog: true,
    });
    const ticks = short.layout.xaxis?.tickvals ?? [];
    for (const v of [2, 5, 10, 20, 50]) assert.ok(ticks.includes(v), `tick at ${v}`);
    assert.equal(short.layout.xaxis?.ticktext?.[ticks.indexOf(20)], "20");
    const long = linePlot({ series: [{ name: "M", x: [1, 2], y: [1, 1e5] }], xTitle: "r", yTitle: "M(r)", yLog: true });
    assert.equal(long.layout.yaxis?.dtick, 1);
    assert.equal(long.layout.yaxis?.tickvals, undefined);
  });

  it("rejects mismatched lengths, a missing right-axis title and non-positive log ranges", () => {
    assert.throws(
      () => linePlot({ series: [{ name: "a", x: [1, 2], y: [1] }], xTitle: "x", yTitle: "y" }),
      /line series "a" y has 1 values but its x has 2/,
    );
    assert.throws(
      () => linePlot({ series: [{ name: "a", x: [1], y: [1], axis: "right" }], xTitle: "x", yTitle: "y" }),
      /give y2Title/,
    );
    assert.throws(
      () => linePlot({ series: [{ name: "a", x: [1], y: [1] }], xTitle: "x", yTitle: "y", yLog: true, yRange: [0, 1] }),
      /yRange must be positive on a log axis/,
    );
  });
});
