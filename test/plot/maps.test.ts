import * as assert from "node:assert/strict";
import { fieldMap, gridRows } from "../../src/plot/field-map";
import type { ContourTrace, HeatmapTrace, ScatterTrace } from "../../src/plot/figure";
import { partialDependenceMap } from "../../src/plot/partial-dependence-map";
import { DIVERGING_SCALE } from "../../src/plot/style";
import { assertPlainJson } from "./plain-json";

// z[j * nx + i] at (x[i], y[j]): 3 x-values, 2 y-values.
const field = { x: [0, 1, 2], y: [10, 20], z: Float64Array.of(1, 2, 3, 4, 5, NaN) };

describe("plot/field-map", () => {
  it("reshapes the row-major field into rows along y, NaN as gaps", () => {
    assert.deepEqual(gridRows(field), [
      [1, 2, 3],
      [4, 5, null],
    ]);
    assert.throws(
      () => gridRows({ x: [0, 1], y: [0, 1], z: [1, 2, 3] }),
      /field z has 3 values but x.length × y.length = 2 × 2 has 4/,
    );
  });

  it("draws filled contours with a titled colour bar and points on top, equal axis scales", () => {
    const fig = fieldMap({
      field,
      xTitle: "x (Å)",
      yTitle: "z (Å)",
      zTitle: "D<sup>2</sup><sub>min</sub> (Å<sup>2</sup>)",
      points: [{ name: "QS > 0.5", x: [0.5, 1.5], y: [12, 18] }],
    });
    assertPlainJson(fig);
    const [map, pts] = fig.data as [ContourTrace, ScatterTrace];
    assert.equal(map.type, "contour");
    assert.deepEqual(map.z, [
      [1, 2, 3],
      [4, 5, null],
    ]);
    assert.equal(map.colorbar?.title?.text, "D<sup>2</sup><sub>min</sub> (Å<sup>2</sup>)");
    assert.equal(pts.type, "scatter");
    assert.equal(pts.mode, "markers");
    assert.equal(pts.marker?.color, "#FFFFFF");
    assert.equal(fig.layout.yaxis?.scaleanchor, "x");
    assert.deepEqual(fig.layout.xaxis?.range, [0, 2]);
    assert.deepEqual(fig.layout.yaxis?.range, [10, 20]);
    assert.equal(fig.layout.showlegend, true);
  });

  it("offers a heatmap with a fixed colour range", () => {
    const fig = fieldMap({
      field,
      kind: "heatmap",
      xTitle: "x",
      yTitle: "y",
      zTitle: "z",
      zRange: [0, 10],
      equalAspect: false,
    });
    const t = fig.data[0] as HeatmapTrace;
    assert.equal(t.type, "heatmap");
    assert.equal(t.zmin, 0);
    assert.equal(t.zmax, 10);
    assert.equal(fig.layout.yaxis?.scaleanchor, undefined);
    assert.equal(fig.data.length, 1);
    assert.equal(fig.layout.showlegend, false);
  });

  it("rejects point sets of mismatched lengths and non-finite grid coordinates", () => {
    assert.throws(
      () => fieldMap({ field, xTitle: "x", yTitle: "y", zTitle: "z", points: [{ name: "p", x: [1], y: [] }] }),
      /point set "p" y has 0 values but its x has 1/,
    );
    assert.throws(
      () => fieldMap({ field: { x: [0, NaN], y: [0], z: [1, 2] }, xTitle: "x", yTitle: "y", zTitle: "z" }),
      /coordinate NaN at index 1 is not finite/,
    );
  });
});

describe("plot/partial-dependence-map", () => {
  it("centres a diverging scale at zero, axes not tied, samples overlaid", () => {
    const fig = partialDependenceMap({
      grid: { x: [0.1, 0.2], y: [1, 2], z: [-1, 0.5, 0.2, 2] },
      xTitle: "dist_interstice_mean",
      yTitle: "vol_interstice_mean_mro",
      points: [{ name: "<0,0,12,0,0>", x: [0.15], y: [1.5], symbol: "diamond" }],
    });
    assertPlainJson(fig);
    const t = fig.data[0] as ContourTrace;
    assert.equal(t.type, "contour");
    assert.equal(t.zmid, 0);
    assert.deepEqual(t.colorscale, DIVERGING_SCALE);
    assert.equal(t.colorbar?.title?.text, "Partial dependence");
    assert.equal((fig.data[1] as ScatterTrace).marker?.symbol, "diamond");
    assert.equal(fig.layout.yaxis?.scaleanchor, undefined);
    const plain = partialDependenceMap({
      grid: { x: [0, 1], y: [0, 1], z: [0.1, 0.2, 0.3, 0.4] },
      xTitle: "a",
      yTitle: "b",
      center: null,
    });
    assert.equal((plain.data[0] as ContourTrace).zmid, undefined);
  });
});
