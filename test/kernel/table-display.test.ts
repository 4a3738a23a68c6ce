import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkoutRoot, jupyterAvailable, runNotebook } from "../../kernel/run-notebooks";

interface Output {
  output_type: string;
  name?: string;
  text?: string[] | string;
  data?: Record<string, string[] | string>;
}
interface Nb {
  cells: { cell_type: string; source: string | string[]; outputs?: Output[] }[];
}

const joined = (v: string[] | string | undefined): string => (Array.isArray(v) ? v.join("") : (v ?? ""));
const outputsOf = (nb: Nb): Output[][] => nb.cells.filter((c) => c.cell_type === "code").map((c) => c.outputs ?? []);
/** A display output carrying an HTML table and its text form together, as show() sends it. */
const isTableDisplay = (o: Output): boolean =>
  o.output_type === "display_data" &&
  /<table border="1" class="dataframe">/.test(joined(o.data?.["text/html"])) &&
  typeof o.data?.["text/plain"] !== "undefined";

describe("kernel: tables display as HTML in notebooks (issue 18)", () => {
  let tmp = "";
  before(function () {
    if (!jupyterAvailable()) {
      console.warn("    skipped: jupyter nbconvert is not installed (npm run kernel:install)");
      this.skip();
    }
    if (!fs.existsSync(path.join(checkoutRoot, "dist", "table", "show.js"))) {
      console.warn("    skipped: dist/ has no table display yet (npm run build)");
      this.skip();
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-table-display-"));
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("show(rows) and a bare danfojs DataFrame (or its head()) as a cell's last expression each give one text/html + text/plain output", () => {
    const dist = path.join(checkoutRoot, "dist", "index");
    const danfo = path.join(checkoutRoot, "node_modules", "danfojs-node");
    const code = (source: string) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs: [], source });
    const file = path.join(tmp, "tables.ipynb");
    fs.writeFileSync(
      file,
      JSON.stringify({
        cells: [
          code(`import { DataFrame } from ${JSON.stringify(danfo)};\nimport { show } from ${JSON.stringify(dist)};`),
          code('show([{ element: "Cu", x: 0.5 }, { element: "<Zr>", x: NaN }]);'),
          code('const df = new DataFrame({ a: [1.5, 2], b: ["x", "y"] });\ndf'),
          code("df.head(1)"),
        ],
        metadata: { kernelspec: { name: "qsoft-ts", display_name: "TypeScript (qsoft)", language: "typescript" } },
        nbformat: 4,
        nbformat_minor: 4,
      }),
    );
    const run = runNotebook(file, { outputDir: path.join(tmp, "out"), timeoutSeconds: 120 });
    const [, shown, bare, head] = outputsOf(JSON.parse(fs.readFileSync(run.output, "utf8")) as Nb);
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.ok(isTableDisplay(shown[0]));
    assert.match(joined(shown[0].data?.["text/html"]), /<td style="text-align: left;">&lt;Zr&gt;<\/td><td>NaN<\/td>/);
    assert.equal(joined(shown[0].data?.["text/plain"]), "   element    x\n0  Cu       0.5\n1  <Zr>     NaN");
    assert.equal(bare.length, 1, `one output, no stray newline: ${JSON.stringify(bare)}`);
    assert.ok(isTableDisplay(bare[0]));
    assert.equal(joined(bare[0].data?.["text/plain"]), "     a  b\n0  1.5  x\n1  2.0  y");
    // head() returns danfojs' base DataFrame class, not danfojs-node's subclass: it displays as a table too.
    assert.equal(head.length, 1, JSON.stringify(head));
    assert.equal(joined(head[0].data?.["text/plain"]), "     a  b\n0  1.5  x");
  });
});

describe("notebooks: the committed 00-quickstart shows its tables as HTML", () => {
  it("stores display outputs with an HTML table and its text form, and no danfojs box-drawing table", () => {
    const nb = JSON.parse(fs.readFileSync(path.join(checkoutRoot, "notebooks", "00-quickstart.ipynb"), "utf8")) as Nb;
    const outputs = outputsOf(nb).flat();
    assert.ok(outputs.filter(isTableDisplay).length >= 3, "at least three HTML tables");
    const streams = outputs
      .filter((o) => o.output_type === "stream")
      .map((o) => joined(o.text))
      .join("");
    assert.doesNotMatch(streams, /[╔║╟┌│]/, "danfojs' print() draws boxes");
  });
});
