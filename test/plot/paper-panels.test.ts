import { strict as assert } from "node:assert";
import { conditionalProbability } from "../../src/analysis/softness-statistics";
import type { BarTrace, ScatterTrace, ViolinTrace } from "../../src/plot/figure";
import { fractionPredictedFigure } from "../../src/plot/fraction-predicted-figure";
import { generalizationFigure } from "../../src/plot/generalization-figure";
import {
  groupContrastFigure,
  plasticProbabilityFigure,
  softnessDistributionFigure,
} from "../../src/plot/softness-figures";
import { strainStageFigure } from "../../src/plot/strain-stage-figure";
import { assertPlainJson } from "./plain-json";

describe("plot: the paper's panels", () => {
  it("3a: dashed marks at QS 0.1 and 0.7 with our and the paper's fractions", () => {
    const qs = Float64Array.from({ length: 100 }, (_, i) => (i + 0.5) / 100);
    const fig = softnessDistributionFigure({
      series: [{ name: "glass", values: qs }],
      paper: { hardFraction: 0.13, softFraction: 0.11 },
    });
    assertPlainJson(fig);
    const lines = (fig.layout.shapes ?? []).filter((s) => s.type === "line").map((s) => s.x0);
    assert.deepEqual(lines, [0.1, 0.7]);
    const text = (fig.layout.annotations ?? []).map((a) => a.text);
    assert.ok(text[0].includes("10.0 %") && text[0].includes("paper ~13 %"), text[0]);
    assert.ok(text[1].includes("30.0 %") && text[1].includes("paper ~11 %"), text[1]);
    assert.equal(fig.layout.xaxis?.title?.text, "Quench-in softness (QS)");
  });

  it("3f: one colour per glass, std in the legend next to the paper's", () => {
    const a = Float64Array.from({ length: 50 }, (_, i) => i / 50);
    const fig = softnessDistributionFigure({
      series: [
        { name: "A", values: a, paperStd: 0.196 },
        { name: "B", values: a.map((x) => 0.5 + 0.1 * (x - 0.5)) },
        { name: "C", values: a },
        { name: "D", values: a },
      ],
    });
    const colors = (fig.data as ScatterTrace[]).map((t) => t.line?.color);
    assert.equal(new Set(colors).size, 4);
    assert.ok(fig.data[0].name?.endsWith("(paper 0.196)"));
    assert.equal(fig.layout.legend?.orientation, "v");
  });

  it("3b: sparse bins left out, Wilson bars, the ratio axis is the probability axis shifted by log10 P(plastic)", () => {
    // 200 atoms: QS bin 0 holds 100 atoms (1 plastic), bin 1 holds 95 atoms (19 plastic), bin 3 holds 5 atoms (5 plastic).
    const qs: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 100; i++) {
      qs.push(0.1);
      y.push(i === 0 ? 1 : 0);
    }
    for (let i = 0; i < 95; i++) {
      qs.push(0.3);
      y.push(i < 19 ? 1 : 0);
    }
    for (let i = 0; i < 5; i++) {
      qs.push(0.9);
      y.push(1);
    }
    const b = conditionalProbability(qs, y, { bins: 4 });
    const fig = plasticProbabilityFigure({
      binned: b,
      minAtoms: 20,
      paper: { ratioOneAt: 0.5, bendAt: 0.1, ratioBelowBend: 0.1 },
    });
    assertPlainJson(fig);
    const p = fig.data[0] as ScatterTrace;
    assert.deepEqual(p.x, [0.125, 0.375]);
    assert.deepEqual(p.y, [0.01, 0.2]);
    assert.ok(p.error_y?.arrayminus && (p.error_y.arrayminus[0] as number) > 0);
    const shift = Math.log10(b.base);
    const y1 = fig.layout.yaxis?.range as [number, number];
    const y2 = fig.layout.yaxis2?.range as [number, number];
    assert.ok(Math.abs(y2[0] - (y1[0] - shift)) < 1e-12 && Math.abs(y2[1] - (y1[1] - shift)) < 1e-12);
    const ratioOne = (fig.layout.shapes ?? []).find((s) => s.yref === "y2" && s.y0 === 1);
    assert.ok(ratioOne, "a line at ratio 1 on the right axis");
    const note = (fig.layout.annotations ?? []).map((a) => a.text).join(" ");
    assert.ok(note.includes(`spans ${Math.log10(20).toFixed(1)} decades`), note);
    assert.ok(note.includes("1 sparser bin left out"), note);
  });

  it("3d: split violins titled in words, standardised values", () => {
    const fig = groupContrastFigure({
      features: [{ label: "minimum bond (distance) interstice", hard: [0, 1, 2], soft: [3, 4, 5] }],
    });
    const [h, s] = fig.data as ViolinTrace[];
    assert.equal(h.side, "negative");
    assert.equal(s.side, "positive");
    // Mean 2.5 and population std sqrt(35/12) of the six values.
    const sd = Math.sqrt(35 / 12);
    assert.ok(Math.abs((h.y[0] as number) - -2.5 / sd) < 1e-12);
    assert.equal(h.x?.[0], "minimum bond<br>(distance) interstice");
  });

  it("3e: stages shaded, stress on the right axis, the paper's strain marked, strain in percent", () => {
    const fig = strainStageFigure({
      strain: [0.01, 0.02],
      median: [0.8, 0.5],
      q1: [0.7, 0.3],
      q3: [0.9, 0.7],
      curve: { strain: [0, 0.01, 0.02], stress: [0, 0.8, 1.2] },
      stages: [
        { name: "nominal elastic", from: 0, to: 0.015 },
        { name: "yielding", from: 0.015, to: 0.02 },
      ],
      paper: [{ strain: 0.065, label: "paper: shear banding" }],
    });
    assertPlainJson(fig);
    const rects = (fig.layout.shapes ?? []).filter((s) => s.type === "rect");
    assert.deepEqual(
      rects.map((r) => [r.x0, r.x1]),
      [
        [0, 1.5],
        [1.5, 2],
      ],
    );
    assert.ok((fig.layout.shapes ?? []).some((s) => s.type === "line" && s.x0 === 6.5));
    assert.equal((fig.data[3] as ScatterTrace).yaxis, "y2");
    assert.deepEqual((fig.data[2] as ScatterTrace).x, [1, 2]);
  });

  it("2b: counts as bars on the right axis, bootstrap bars, sparse bins not drawn", () => {
    const fig = fractionPredictedFigure({
      edges: [0.1, 1, 10, 100],
      centers: [0.3, 3, 30],
      counts: [500, 100, 3],
      series: [{ name: "model", fraction: [0.2, 0.6, 1], low: [0.17, 0.5, 0.3], high: [0.23, 0.7, 1] }],
      threshold: 5,
    });
    const bars = fig.data[0] as BarTrace;
    assert.equal(bars.yaxis, "y2");
    assert.deepEqual(bars.y, [500, 100, 3]);
    const line = fig.data[1] as ScatterTrace;
    assert.deepEqual(line.y, [0.2, 0.6, null]);
    const up = line.error_y?.array as number[];
    assert.ok(Math.abs(up[1] - 0.1) < 1e-12);
    assert.ok((fig.layout.shapes ?? []).some((s) => s.x0 === 5));
  });

  it("Figure 4: categories spelled out in order, lines at 0 and at the paper's 0.015", () => {
    const fig = generalizationFigure({
      series: [
        {
          name: "interstice",
          groups: [
            { category: "i) same composition", drops: [0.01, 0.02] },
            { category: "v) other system → Fe80P20", drops: [0.08] },
          ],
        },
        { name: "symmetry functions", groups: [{ category: "i) same composition", drops: [0.03] }] },
      ],
    });
    assert.deepEqual(fig.layout.xaxis?.categoryarray, ["i) same<br>composition", "v) other system →<br>Fe80P20"]);
    const ys = (fig.layout.shapes ?? []).map((s) => s.y0);
    assert.deepEqual(ys, [0, 0.015]);
    assert.ok((fig.data[0] as ViolinTrace).fillcolor?.startsWith("rgba("));
    assert.equal((fig.data[1] as ViolinTrace).fillcolor, "rgba(0,0,0,0)");
  });
});

describe("plot: reference marks on log axes", () => {
  it("labels a mark on a log axis at log10 of its value (Plotly's annotation coordinates), the line at the value", () => {
    const fig = fractionPredictedFigure({
      edges: [0.1, 1, 10, 100],
      centers: [0.3, 3, 30],
      counts: [500, 100, 30],
      series: [{ name: "model", fraction: [0.2, 0.6, 1], low: [0.17, 0.5, 0.9], high: [0.23, 0.7, 1] }],
      threshold: 5,
    });
    const line = (fig.layout.shapes ?? []).find((s) => s.x0 === 5);
    assert.ok(line);
    const label = (fig.layout.annotations ?? []).find((a) => a.text.includes("plastic"));
    assert.ok(label && Math.abs((label.x as number) - Math.log10(5)) < 1e-12);
  });
});
