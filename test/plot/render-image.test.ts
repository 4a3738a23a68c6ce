import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Cell } from "../../src/structure/cell";
import { atomScatter3d } from "../../src/plot/atom-scatter-3d";
import { barChart } from "../../src/plot/bar";
import { boxPlot } from "../../src/plot/box";
import { CHROMIUM_INSTALL_HINT, chromiumAvailable, ChromiumMissingError } from "../../src/plot/chromium";
import { fieldMap } from "../../src/plot/field-map";
import type { Figure } from "../../src/plot/figure";
import { histogram } from "../../src/plot/histogram";
import { linePlot } from "../../src/plot/line";
import { partialDependenceMap } from "../../src/plot/partial-dependence-map";
import { formatOfFile, renderImages, renderToBuffer, renderToFile, validateFigures } from "../../src/plot/render-image";
import { rocPlot } from "../../src/plot/roc";
import { violinPlot } from "../../src/plot/violin";

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(b: Buffer): [number, number] {
  assert.deepEqual([...b.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
  assert.equal(b.toString("latin1", 12, 16), "IHDR");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/** One figure of every builder, with options that exercise their optional parts. */
function everyBuilder(): Figure[] {
  const v = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i) * 0.5 + 0.5);
  const w = Float64Array.from({ length: 200 }, (_, i) => Math.cos(i * 0.7) * 0.3 + 0.4);
  return [
    histogram({ series: [{ name: "a", values: v }], xTitle: "QS", bins: 20 }),
    histogram({
      series: [
        { name: "a", values: v },
        { name: "b", values: w },
      ],
      xTitle: "QS",
      normalization: "density",
      logY: true,
    }),
    violinPlot({
      series: [
        {
          name: "hard",
          groups: [
            { category: "f1", values: v },
            { category: "f2", values: w },
          ],
        },
        {
          name: "soft",
          groups: [
            { category: "f1", values: w },
            { category: "f2", values: v },
          ],
          filled: false,
        },
      ],
      yTitle: "Interstice",
      meanline: true,
    }),
    violinPlot({
      series: [
        { name: "hard", values: v },
        { name: "soft", values: w },
      ],
      yTitle: "Interstice",
      split: true,
      points: "outliers",
    }),
    boxPlot({
      series: [
        {
          name: "SRO",
          groups: [
            { category: "CuZr", values: v },
            { category: "NiNb", values: w },
          ],
        },
      ],
      yTitle: "AUC",
      mean: true,
    }),
    boxPlot({ series: [{ name: "SRO", values: v }], yTitle: "AUC", whiskers: "tukey", points: true }),
    linePlot({
      series: [
        { name: "p", x: [0.1, 0.5, 0.9], y: [1e-3, 1e-2, 0.3], mode: "lines+markers", yError: [1e-4, 1e-3, 0.01] },
        { name: "r", x: [0.1, 0.5, 0.9], y: [0.1, 1, 9], axis: "right", dash: "dash" },
      ],
      xTitle: "QS",
      yTitle: "P",
      y2Title: "ratio",
      yLog: true,
      y2Log: true,
    }),
    linePlot({
      series: [{ name: "M", x: [2, 5, 10, 20], y: [1, 10, 80, 600] }],
      xTitle: "r (Å)",
      yTitle: "M(r)",
      xLog: true,
      yLog: true,
    }),
    rocPlot({ curves: [{ name: "GBDT", fpr: [0, 0.1, 0.5, 1], tpr: [0, 0.5, 0.9, 1] }] }),
    fieldMap({
      field: { x: [0, 1, 2], y: [0, 1], z: [1, 2, 3, 4, 5, 6] },
      xTitle: "x (Å)",
      yTitle: "z (Å)",
      zTitle: "D2",
      points: [{ name: "QS > 0.5", x: [1], y: [0.5] }],
    }),
    fieldMap({
      field: { x: [0, 1, 2], y: [0, 1], z: [1, 2, 3, 4, 5, 6] },
      kind: "heatmap",
      xTitle: "x",
      yTitle: "z",
      zTitle: "D2",
      zRange: [0, 6],
    }),
    partialDependenceMap({
      grid: { x: [0, 1], y: [0, 1], z: [-1, 0, 0.5, 1] },
      xTitle: "f1",
      yTitle: "f2",
      points: [{ name: "ico", x: [0.5], y: [0.5], symbol: "diamond" }],
    }),
    barChart({
      series: [
        { name: "imp", categories: ["a", "b"], values: [0.3, 0.1], errors: [0.01, 0.02] },
        { name: "imp2", categories: ["a", "b"], values: [0.2, 0.2] },
      ],
      valueTitle: "Importance",
      orientation: "horizontal",
      sort: "descending",
    }),
    atomScatter3d(
      {
        positions: [0, 0, 0, 1, 1, 1, 2, 0, 1],
        types: [1, 2, 1],
        elements: ["Cu", "Zr"],
        cell: Cell.orthogonal(3, 3, 3),
      },
      { radii: { Cu: 1.28, Zr: 1.6 } },
    ),
    atomScatter3d(
      { positions: [0, 0, 0, 1, 1, 1, 2, 0, 1], columns: new Map([["qs", Float64Array.of(0.1, 0.5, 0.9)]]) },
      { color: "qs", colorTitle: "QS" },
    ),
  ];
}

describe("plot/render-image: figures through headless Chromium", () => {
  before(function () {
    if (!chromiumAvailable()) {
      console.warn(`    skipped: Chromium is not installed (${CHROMIUM_INSTALL_HINT})`);
      this.skip();
    }
  });

  it("renders PNGs of the requested size (and scale) and an SVG in one browser run", () => {
    const fig = linePlot({
      series: [{ name: "σ", x: [0, 1, 2, 3], y: [0, 1.2, 1.9, 1.7] }],
      xTitle: "Strain (%)",
      yTitle: "Stress (GPa)",
    });
    const [png, png2, svg] = renderImages([
      { figure: fig, format: "png", width: 320, height: 240 },
      { figure: fig, format: "png", width: 320, height: 240, scale: 2 },
      { figure: fig, format: "svg", width: 320, height: 240 },
    ]);
    assert.deepEqual(pngSize(png), [320, 240]);
    assert.deepEqual(pngSize(png2), [640, 480]);
    assert.ok(png.length > 2000, `a drawn PNG, not a blank one (${png.length} bytes)`);
    const text = svg.toString("utf8");
    assert.match(text, /^<svg[^>]* width="320" height="240"/);
    assert.match(text, /Stress \(GPa\)/, "axis title in the SVG");
  });

  it("writes .png and .svg files atomically, the format from the extension", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-plot-test-"));
    try {
      const fig = rocPlot({ curves: [{ name: "m", fpr: [0, 0.2, 1], tpr: [0, 0.7, 1] }] });
      const file = path.join(dir, "roc.png");
      renderToFile(fig, file, { width: 400, height: 400 });
      assert.deepEqual(pngSize(fs.readFileSync(file)), [400, 400]);
      assert.deepEqual(fs.readdirSync(dir), ["roc.png"], "no temporary file left behind");
      assert.throws(() => renderToFile(fig, path.join(dir, "roc.jpg")), /use .png or .svg/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every builder's figure passes Plotly.validate (no unknown or ignored attributes)", () => {
    const issues = validateFigures(everyBuilder());
    issues.forEach((list, k) => assert.deepEqual(list, [], `figure ${k}: ${list.join("; ")}`));
    assert.equal(issues.length, everyBuilder().length);
  });

  it("reports a figure Plotly cannot draw", () => {
    const bad = {
      data: [{ type: "scatter", mode: "lines", x: [0, 1], y: [0, 1], name: "bad" }],
      layout: { xaxis: { type: "log", range: "oops" } },
    } as unknown as Figure;
    const issues = validateFigures([bad]);
    assert.ok(
      issues[0].some((m) => /range/.test(m)),
      issues[0].join("; "),
    );
  });
});

describe("plot/render-image: without Chromium", () => {
  it("names the apt-get command when no browser is found", () => {
    const saved = { path: process.env.PATH, chromium: process.env.QSOFT_CHROMIUM };
    process.env.PATH = "";
    delete process.env.QSOFT_CHROMIUM;
    try {
      const fig = histogram({ series: [{ name: "a", values: [1, 2] }], xTitle: "x" });
      assert.throws(
        () => renderToBuffer(fig),
        (e: unknown) =>
          e instanceof ChromiumMissingError &&
          e.message.includes("apt-get install -y --no-install-recommends chromium"),
      );
    } finally {
      process.env.PATH = saved.path;
      if (saved.chromium !== undefined) process.env.QSOFT_CHROMIUM = saved.chromium;
    }
  });

  it("tells the format from the file name", () => {
    assert.equal(formatOfFile("a/b.PNG"), "png");
    assert.equal(formatOfFile("fig.svg"), "svg");
    assert.throws(() => formatOfFile("fig.pdf"), /fig.pdf: cannot tell the image format from ".pdf"/);
  });
});
