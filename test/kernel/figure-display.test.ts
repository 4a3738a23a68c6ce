import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkoutRoot, jupyterAvailable, jupyterEnv, runNotebook } from "../../kernel/run-notebooks";
import { chromiumAvailable, chromiumDumpDom } from "../../src/plot/chromium";
import type { Figure } from "../../src/plot/figure";
import { histogram } from "../../src/plot/histogram";
import { linePlot } from "../../src/plot/line";
import { PLOTLY_MIME_TYPE } from "../../src/plot/notebook-display";

interface Output {
  output_type: string;
  data?: Record<string, string[] | string>;
}
interface Nb {
  cells: { cell_type: string; outputs?: Output[] }[];
}
const joined = (v: string[] | string | undefined): string => (Array.isArray(v) ? v.join("") : (v ?? ""));

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(b: Buffer): [number, number] {
  assert.deepEqual([...b.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
  assert.equal(b.toString("latin1", 12, 16), "IHDR");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

// The same builders and inputs as the notebook cell below: the stored plotly JSON must be these figures.
const HIST = 'histogram({ series: [{ name: "a", values: [1, 2, 2, 3, 3, 3] }], xTitle: "x" })';
const LINE = 'linePlot({ series: [{ name: "l", x: [0, 1, 2], y: [1, 3, 2] }], xTitle: "t", yTitle: "y", width: 500 })';
const expected: Figure[] = [
  histogram({ series: [{ name: "a", values: [1, 2, 2, 3, 3, 3] }], xTitle: "x" }),
  linePlot({ series: [{ name: "l", x: [0, 1, 2], y: [1, 3, 2] }], xTitle: "t", yTitle: "y", width: 500 }),
];

describe("kernel: figures display as plotly JSON + HTML + PNG, and the HTML export draws them (issue 17)", () => {
  let tmp = "";
  before(function () {
    if (!jupyterAvailable()) {
      console.warn("    skipped: jupyter nbconvert is not installed (npm run kernel:install)");
      this.skip();
    }
    if (!chromiumAvailable()) {
      console.warn("    skipped: headless Chromium is not installed");
      this.skip();
    }
    if (
      !fs.readFileSync(path.join(checkoutRoot, "dist", "plot", "notebook-display.js"), "utf8").includes("vnd.plotly")
    ) {
      console.warn("    skipped: dist/ has no interactive figure display yet (npm run build)");
      this.skip();
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-figure-display-"));
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("stores one output per figure with all MIME types, plotly.js once, and nbconvert's HTML renders both graphs in Chromium", function () {
    this.timeout(240000);
    const dist = path.join(checkoutRoot, "dist", "index");
    const code = (source: string) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs: [], source });
    const file = path.join(tmp, "figures.ipynb");
    fs.writeFileSync(
      file,
      JSON.stringify({
        cells: [
          code(`import { histogram, linePlot, showFigures } from ${JSON.stringify(dist)};`),
          code(`showFigures([${HIST}, ${LINE}]);`),
        ],
        metadata: { kernelspec: { name: "qsoft-ts", display_name: "TypeScript (qsoft)", language: "typescript" } },
        nbformat: 4,
        nbformat_minor: 4,
      }),
    );
    const run = runNotebook(file, { outputDir: path.join(tmp, "out"), timeoutSeconds: 180 });
    const nb = JSON.parse(fs.readFileSync(run.output, "utf8")) as Nb;
    const outputs = nb.cells[1].outputs ?? [];
    assert.equal(outputs.length, 2, JSON.stringify(outputs.map((o) => o.output_type)));
    outputs.forEach((o, k) => {
      assert.equal(o.output_type, "display_data");
      const data = o.data ?? {};
      assert.deepEqual(Object.keys(data).sort(), [PLOTLY_MIME_TYPE, "image/png", "text/html", "text/plain"].sort());
      const plotly = (typeof data[PLOTLY_MIME_TYPE] === "string"
        ? JSON.parse(data[PLOTLY_MIME_TYPE] as string)
        : data[PLOTLY_MIME_TYPE]) as unknown as { data: unknown; layout: unknown; config: unknown };
      assert.deepEqual(plotly.data, JSON.parse(JSON.stringify(expected[k].data)));
      assert.deepEqual(plotly.layout, JSON.parse(JSON.stringify(expected[k].layout)));
      assert.deepEqual(plotly.config, { displaylogo: false });
      const png = Buffer.from(joined(data["image/png"]), "base64");
      assert.deepEqual(pngSize(png), [k === 0 ? 700 : 500, 480], "PNG of the figure's layout size");
      assert.ok(png.length > 2000, `a drawn figure, not an empty image (${png.length} bytes)`);
    });
    const bundles = outputs.map((o) => joined(o.data?.["text/html"]).split("plotly.js v").length - 1);
    assert.deepEqual(bundles, [1, 0], "plotly.js inlined once, in the first figure's HTML");

    // nbconvert's HTML export (Debian's template loads require.js too), opened in headless Chromium.
    const htmlDir = path.join(tmp, "html");
    const r = spawnSync("jupyter", ["nbconvert", "--to", "html", run.output, "--output-dir", htmlDir], {
      encoding: "utf8",
      env: jupyterEnv(),
    });
    assert.equal(r.status, 0, r.stderr);
    const page = path.join(htmlDir, "figures.html");
    const source = fs.readFileSync(page, "utf8");
    assert.equal(source.match(/<img alt="figure"/g)?.length, 2, "the exported page holds the PNG fallbacks");
    const dom = chromiumDumpDom(page, path.join(tmp, "profile"), { virtualTimeBudgetMs: 15000, timeoutMs: 120000 });
    const figures = dom.split(/class="qsoft-figure[ "]/).slice(1);
    assert.equal(figures.length, 2);
    for (const f of figures) {
      const div = f.slice(0, f.indexOf("</script>"));
      assert.match(div, /^[^>]*js-plotly-plot/, "plotly.js drew into the figure's div");
      assert.match(div, /class="main-svg"/);
      assert.doesNotMatch(div, /<img alt="figure"/, "the PNG fallback was replaced");
    }
    assert.match(dom, /class="xtitle"[^>]*>t</, "the line plot's axis title is drawn");
  });
});
