import * as assert from "node:assert/strict";
import { DataFrame } from "danfojs-node";
import { makeTable } from "../../src/table/csv";
import { tableHtml } from "../../src/table/table-html";

const STYLE = `<style scoped>
.dataframe tbody tr th:only-of-type { vertical-align: middle; }
.dataframe tbody tr th { vertical-align: top; }
.dataframe thead th { text-align: right; }
.dataframe td { font-variant-numeric: tabular-nums; }
</style>`;

const L = ' style="text-align: left;"';

describe("table/table-html: tables as pandas-style HTML", () => {
  it("writes a small frame cell by cell: header, index, precision, NaN, inf, escaped text", () => {
    // Hand-worked: x has 0.5, 0.25 and 1/3; fixed with 6 decimals gives 0.500000, 0.250000, 0.333333, whose
    // trailing zeros are not common to all, so nothing is trimmed. n holds integers only. y: 1.5 -> "1.5" after
    // trimming 1.500000 and 2.000000 to one decimal (pandas keeps the ".0"), NaN and -Infinity spelled as pandas does.
    const df = new DataFrame({
      element: ["Cu", "<Zr & Al>", 'say "hi"'],
      x: [0.5, 0.25, 1 / 3],
      n: [3, 12, 100],
      y: [1.5, NaN, -Infinity],
    });
    const expected = `<div>
${STYLE}
<table border="1" class="dataframe">
<thead>
<tr style="text-align: right;"><th></th><th${L}>element</th><th>x</th><th>n</th><th>y</th></tr>
</thead>
<tbody>
<tr><th>0</th><td${L}>Cu</td><td>0.500000</td><td>3</td><td>1.5</td></tr>
<tr><th>1</th><td${L}>&lt;Zr &amp; Al&gt;</td><td>0.250000</td><td>12</td><td>NaN</td></tr>
<tr><th>2</th><td${L}>say &quot;hi&quot;</td><td>0.333333</td><td>100</td><td>-inf</td></tr>
</tbody>
</table>
</div>`;
    assert.equal(tableHtml(df), expected);
  });

  it("trims trailing zeros common to a column and switches to scientific notation as pandas does", () => {
    // 0.5, 0.25 -> 0.50, 0.25 (pandas: 0.50, 0.25); 2.5e16 is above 1e6 and too long in fixed point, so the whole
    // column is scientific (test/fixtures/table/pandas-float-format.json has pandas' own cells for more cases).
    const html = tableHtml(
      {
        columns: ["a", "b"],
        rows: [
          [0.5, 1.5],
          [0.25, 2.5e16],
        ],
      },
      { index: false },
    );
    assert.match(
      html,
      /<tr><td>0\.50<\/td><td>1\.500000e\+00<\/td><\/tr>\n<tr><td>0\.25<\/td><td>2\.500000e\+16<\/td><\/tr>/,
    );
    assert.doesNotMatch(html, /<th><\/th>/, "index: false draws no row-label column");
  });

  it("shows a 1,000-row frame as its first and last 5 rows, an ellipsis row and the shape line", () => {
    const n = 1000;
    const table = makeTable([
      ["id", Float64Array.from({ length: n }, (_, i) => i + 1)],
      ["qs", Float64Array.from({ length: n }, (_, i) => i / 1000)],
      ["label", Array.from({ length: n }, (_, i) => (i % 2 === 0 ? "hard" : "soft"))],
    ]);
    const html = tableHtml(table);
    const rows = html.split("\n").filter((l) => l.startsWith("<tr><th>"));
    assert.deepEqual(
      rows.map((r) => /^<tr><th>([^<]*)<\/th>/.exec(r)?.[1]),
      ["0", "1", "2", "3", "4", "...", "995", "996", "997", "998", "999"],
    );
    assert.equal(rows[5], `<tr><th>...</th><td>...</td><td>...</td><td${L}>...</td></tr>`);
    assert.equal(rows[10], `<tr><th>999</th><td>1000</td><td>0.999</td><td${L}>soft</td></tr>`);
    // qs of the shown rows: 0, 0.001, ..., 0.004, 0.995, ..., 0.999: three decimals after trimming common zeros.
    assert.equal(rows[0], `<tr><th>0</th><td>1</td><td>0.000</td><td${L}>hard</td></tr>`);
    assert.ok(html.endsWith("</table>\n<p>1000 rows × 3 columns</p>\n</div>"), html.slice(-80));
  });

  it("shows every row of a frame of 60 rows and no shape line", () => {
    const html = tableHtml(Array.from({ length: 60 }, (_, i) => ({ i })));
    assert.equal(html.split("\n").filter((l) => l.startsWith("<tr><th>")).length, 60);
    assert.doesNotMatch(html, /<p>/);
  });

  it("puts an ellipsis column between the first and last 10 of 30 columns", () => {
    const columns = Array.from({ length: 30 }, (_, k) => `f${k}`);
    const html = tableHtml({ columns, rows: [columns.map((_, k) => k)] });
    const head = /<tr style="text-align: right;">(.*)<\/tr>/.exec(html)?.[1] ?? "";
    const names = [...head.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1]);
    assert.deepEqual(names, ["", ...columns.slice(0, 10), "...", ...columns.slice(20)]);
    assert.match(html, /<p>1 row × 30 columns<\/p>/);
  });
});
