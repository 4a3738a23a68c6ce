import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { formatColumn, formatNumbers } from "../../src/table/cell-format";

interface PandasCase {
  values: (number | string)[];
  cells: string[];
}

/** pandas' own display of float columns; made by test/fixtures/table/pandas-float-format.py (command in its header). */
const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "fixtures", "table", "pandas-float-format.json"), "utf8"),
) as { pandas: string; columns: PandasCase[] };
const decode = (v: number | string): number =>
  typeof v === "number" ? v : v === "nan" ? NaN : v === "inf" ? Infinity : -Infinity;

describe("table/cell-format: numbers as pandas displays them", () => {
  it(`formats every float column of the fixture exactly as pandas ${fixture.pandas} does`, () => {
    assert.ok(fixture.columns.length >= 10);
    for (const c of fixture.columns) {
      const values = c.values.map(decode);
      assert.deepEqual(formatNumbers(values, 6), c.cells, `values ${JSON.stringify(c.values)}`);
    }
  });

  it("prints a column of whole numbers as integers (JavaScript has no int type; pandas would print 3.0 for a float)", () => {
    assert.deepEqual(formatNumbers([3, 12, NaN, -4], 6), ["3", "12", "NaN", "-4"]);
    assert.deepEqual(formatNumbers([10000000000000, 1e15], 6), ["10000000000000", "1000000000000000"]);
  });

  it("writes |x| >= 1e21 in scientific notation, which toFixed cannot write in fixed point", () => {
    assert.deepEqual(formatNumbers([1.5e21, 0.5], 6), ["1.500000e+21", "5.000000e-01"]);
  });

  it("takes the precision as the number of decimals", () => {
    assert.deepEqual(formatNumbers([10.254, 6.5], 2), ["10.25", "6.50"]);
  });

  it("treats null and undefined in a number column as NaN, and formats text, booleans and arrays as text", () => {
    assert.deepEqual(formatColumn([0.5, null, undefined]), { cells: ["0.5", "NaN", "NaN"], numeric: true });
    assert.deepEqual(formatColumn(["a\nb", true, [0.5, 2]]), { cells: ["a\\nb", "true", "[0.5, 2]"], numeric: false });
    assert.deepEqual(formatColumn(["12.5 %", "-", "1e13"]), { cells: ["12.5 %", "-", "1e13"], numeric: true });
    assert.deepEqual(formatColumn(["-", ""]), { cells: ["-", ""], numeric: false });
  });
});
