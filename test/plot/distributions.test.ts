import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { boxPlot, boxStatistics } from "../../src/plot/box";
import type { BoxTrace, ViolinTrace } from "../../src/plot/figure";
import { violinPlot } from "../../src/plot/violin";
import { assertPlainJson } from "./plain-json";

const percentiles = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../fixtures/plot/numpy-percentile.json"), "utf8"),
) as {
  values: number[];
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}[];

describe("plot/violin", () => {
  it("makes one violin trace per series, grouped by category", () => {
    const fig = violinPlot({
      series: [
        {
          name: "hardest",
          groups: [
            { category: "dist mean", values: [1, 2, 3] },
            { category: "area max", values: [4, 5] },
          ],
        },
        {
          name: "softest",
          groups: [
            { category: "dist mean", values: [2, 3] },
            { category: "area max", values: [6] },
          ],
          filled: false,
        },
      ],
      yTitle: "Interstice",
    });
    assertPlainJson(fig);
    const [a, b] = fig.data as ViolinTrace[];
    assert.equal(a.type, "violin");
    assert.deepEqual(a.x, ["dist mean", "dist mean", "dist mean", "area max", "area max"]);
    assert.deepEqual(a.y, [1, 2, 3, 4, 5]);
    assert.equal(b.fillcolor, "rgba(0,0,0,0)");
    assert.notEqual(a.fillcolor, "rgba(0,0,0,0)");
    assert.equal(fig.layout.violinmode, "group");
    assert.equal(fig.layout.showlegend, true);
  });

  it("splits two series into the halves of each violin", () => {
    const fig = violinPlot({
      series: [
        { name: "a", values: [1, 2] },
        { name: "b", values: [2, 3] },
      ],
      yTitle: "y",
      split: true,
    });
    const [a, b] = fig.data as ViolinTrace[];
    assert.equal(a.side, "negative");
    assert.equal(b.side, "positive");
    assert.equal(fig.layout.violinmode, "overlay");
    assert.throws(
      () => violinPlot({ series: [{ name: "a", values: [1] }], yTitle: "y", split: true }),
      /exactly two series/,
    );
  });

  it("rejects empty and non-finite data, naming the series", () => {
    assert.throws(() => violinPlot({ series: [{ name: "a", values: [] }], yTitle: "y" }), /series "a" is empty/);
    assert.throws(
      () => violinPlot({ series: [{ name: "a", groups: [{ category: "c", values: [1, Infinity] }] }], yTitle: "y" }),
      /"a" category c has a non-finite value \(Infinity\) at index 1/,
    );
    assert.throws(() => violinPlot({ series: [{ name: "a" }], yTitle: "y" }), /neither values nor groups/);
  });
});

describe("plot/box", () => {
  it("computes quartiles, min, max and mean as numpy does (fixture)", () => {
    for (const p of percentiles) {
      const s = boxStatistics(p.values);
      for (const key of ["min", "q1", "median", "q3", "max", "mean"] as const) {
        assert.ok(
          Math.abs(s[key] - p[key]) <= 1e-12,
          `${key} of ${p.values.length} values: ${s[key]} vs numpy ${p[key]}`,
        );
      }
    }
  });

  it("stores precomputed statistics with min-max whiskers by default", () => {
    const fig = boxPlot({
      series: [
        {
          name: "SRO",
          groups: [
            { category: "CuZr", values: [1, 2, 3, 4, 5] },
            { category: "NiNb", values: [10, 20] },
          ],
        },
      ],
      yTitle: "AUC",
      mean: true,
    });
    assertPlainJson(fig);
    const t = fig.data[0] as BoxTrace;
    assert.equal(t.type, "box");
    assert.equal(t.y, undefined);
    assert.deepEqual(t.x, ["CuZr", "NiNb"]);
    assert.deepEqual(t.q1, [2, 12.5]);
    assert.deepEqual(t.median, [3, 15]);
    assert.deepEqual(t.q3, [4, 17.5]);
    assert.deepEqual(t.lowerfence, [1, 10]);
    assert.deepEqual(t.upperfence, [5, 20]);
    assert.deepEqual(t.mean, [3, 15]);
    assert.equal(fig.layout.boxmode, "group");
  });

  it("hands raw values to Plotly for Tukey whiskers or shown points", () => {
    const fig = boxPlot({ series: [{ name: "a", values: [1, 2, 3, 100] }], yTitle: "y", whiskers: "tukey" });
    const t = fig.data[0] as BoxTrace;
    assert.deepEqual(t.y, [1, 2, 3, 100]);
    assert.equal(t.boxpoints, "outliers");
    assert.equal(t.q1, undefined);
    const withPoints = boxPlot({ series: [{ name: "a", values: [1, 2] }], yTitle: "y", points: true })
      .data[0] as BoxTrace;
    assert.equal(withPoints.boxpoints, "all");
  });
});
