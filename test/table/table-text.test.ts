import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { DataFrame } from "danfojs-node";
import { tableText } from "../../src/table/table-text";

describe("table/table-text: tables as aligned text", () => {
  it("aligns numbers right and text left, two spaces apart, with the row labels on the left", () => {
    const rows = [
      { feature: "mro_vol_voro_mean_std", importance: 0.123456789, rank: 1 },
      { feature: "dist_voro_min", importance: 0.05, rank: 12 },
    ];
    // Hand-laid: "feature" is as wide as its longest name (21 characters, more than danfojs' 16-character cut),
    // importance 0.123457 / 0.050000 (6 decimals, zeros not common), rank right-aligned under its header.
    const expected = [
      "   feature                importance  rank",
      "0  mro_vol_voro_mean_std    0.123457     1",
      "1  dist_voro_min            0.050000    12",
    ].join("\n");
    assert.equal(tableText(rows), expected);
  });

  it("never cuts a long cell", () => {
    const long = "interstice + MRO + symmetry functions (166 columns)";
    const text = tableText({ columns: ["group"], rows: [[long]] });
    assert.ok(text.includes(long), text);
  });

  it("counts Å, ± and × as one character each", () => {
    const text = tableText(
      {
        columns: ["quantity", "value"],
        rows: [
          ["box (Å)", "29.5 × 29.5"],
          ["AUC", "0.71 ± 0.01"],
        ],
      },
      { index: false },
    );
    assert.equal(text, ["quantity  value", "box (Å)   29.5 × 29.5", "AUC       0.71 ± 0.01"].join("\n"));
  });

  it("right-aligns a column of numbers written as strings, as the notebooks' pre-rounded tables are", () => {
    const text = tableText(
      {
        columns: ["glass", "AUC"],
        rows: [
          ["Cu65Zr35_1e13_s3", "0.7"],
          ["Fe80P20_1e13_s3", "-"],
        ],
      },
      { index: false },
    );
    assert.equal(text, ["glass             AUC", "Cu65Zr35_1e13_s3  0.7", "Fe80P20_1e13_s3     -"].join("\n"));
  });

  it("prints a 1,000-row frame exactly as pandas' repr does: first and last five rows, the ellipsis row, the shape", () => {
    // Reference: test/fixtures/table/pandas-float-format.py (pandas 1.5.3), same frame i = 0..999, half = i / 2.
    const fixture = JSON.parse(
      fs.readFileSync(path.join(__dirname, "..", "fixtures", "table", "pandas-float-format.json"), "utf8"),
    ) as { frame1000Repr: string };
    const df = new DataFrame({
      i: Array.from({ length: 1000 }, (_, i) => i),
      half: Array.from({ length: 1000 }, (_, i) => i / 2),
    });
    assert.equal(tableText(df), fixture.frame1000Repr);
  });

  it("reads a FeatureMatrix (row-major values and labels) and a danfojs Series", () => {
    const m = { n: 2, labels: ["a", "b"], values: new Float64Array([1, 2, 3, 4.25]) };
    assert.equal(tableText(m), ["   a     b", "0  1  2.00", "1  3  4.25"].join("\n"));
    const s = new DataFrame({ qs: [0.1, 0.9] }).column("qs");
    assert.equal(tableText(s), ["    qs", "0  0.1", "1  0.9"].join("\n"));
  });

  it("reads rows typed by an interface (as summarizeScenarios and the ledger return), null as NaN", () => {
    interface Scenario {
      readonly scenario: string;
      readonly pairs: number;
      readonly meanDrop: number | null;
    }
    const rows: Scenario[] = [
      { scenario: "ii) quench rate", pairs: 6, meanDrop: 0.0125 },
      { scenario: "v) composition", pairs: 0, meanDrop: null },
    ];
    assert.equal(
      tableText(rows, { index: false }),
      ["scenario         pairs  meanDrop", "ii) quench rate      6    0.0125", "v) composition       0       NaN"].join(
        "\n",
      ),
    );
  });

  it("says how many columns an empty table has", () => {
    assert.equal(tableText({ columns: ["id", "qs"], rows: [] }), ["id  qs", "", "[0 rows x 2 columns]"].join("\n"));
    assert.equal(tableText([]), ["", "", "[0 rows x 0 columns]"].join("\n"));
  });

  it("rejects what is not a table, and rows longer than the header, with a clear message", () => {
    assert.throws(() => tableText(42 as never), /expected a table .* got number/);
    assert.throws(() => tableText([[1, 2]] as never), /row 0 is an array \(use \{columns, rows\}\)/);
    assert.throws(() => tableText({ columns: ["a"], rows: [[1, 2]] }), /table row 0 has 2 values for 1 columns/);
    assert.throws(
      () => tableText({ columns: ["a"], rows: [[1]] }, { maxRows: 0 }),
      /maxRows must be an integer >= 1, got 0/,
    );
  });
});
