import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readTable, writeTable } from "../../src/index";
import { makeTable } from "../../src/table/csv";
import { openTableWriter } from "../../src/table/table-file";

describe("table/table-file: readTable, writeTable (package root) and openTableWriter", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-table-file-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const table = makeTable([
    ["id", Int32Array.of(3, 1, 2, 7, 5)],
    ["x", Float64Array.of(0.1, Number.NaN, -0, Number.POSITIVE_INFINITY, 1e-310)],
    ["name", ["a", "b,c", 'd"e', "f", "g"]],
  ]);

  for (const ext of ["csv", "parquet"]) {
    it(`${ext}: round trip of names, values, NaN, -0, infinities, subnormals and quoted text`, async () => {
      const file = path.join(dir, `t.${ext}`);
      writeTable(file, table);
      const back = await readTable(file);
      assert.deepEqual(back.columns, table.columns);
      assert.deepEqual(Array.from(back.data.get("id") as ArrayLike<number>), [3, 1, 2, 7, 5]);
      const x = back.data.get("x") as Float64Array;
      assert.ok(x instanceof Float64Array);
      [0.1, Number.NaN, -0, Number.POSITIVE_INFINITY, 1e-310].forEach((v, r) =>
        assert.ok(Object.is(x[r], v), `row ${r}`),
      );
      assert.deepEqual(back.data.get("name"), ["a", "b,c", 'd"e', "f", "g"]);
    });

    it(`${ext}: rows written in chunks read back as one table; a chunk with other columns is refused and nothing is left`, async () => {
      const file = path.join(dir, `c.${ext}`);
      const w = openTableWriter(file, [
        ["id", "int32"],
        ["x", "float64"],
      ]);
      w.write(
        makeTable([
          ["id", Int32Array.of(1, 2)],
          ["x", Float64Array.of(0.5, Number.NaN)],
        ]),
      );
      w.write(
        makeTable([
          ["id", Int32Array.of()],
          ["x", Float64Array.of()],
        ]),
      );
      w.write(
        makeTable([
          ["id", Int32Array.of(3)],
          ["x", Float64Array.of(-2)],
        ]),
      );
      assert.ok(!fs.existsSync(file), "nothing in place before close");
      w.close();
      const back = await readTable(file);
      assert.deepEqual(Array.from(back.data.get("id") as ArrayLike<number>), [1, 2, 3]);
      assert.deepEqual(Array.from(back.data.get("x") as Float64Array), [0.5, Number.NaN, -2]);

      const bad = path.join(dir, `bad.${ext}`);
      const v = openTableWriter(bad, [["id", "int32"]]);
      assert.throws(
        () => v.write(makeTable([["id", Float64Array.of(1)]])),
        /columns id:float64, the table has id:int32/,
      );
      v.abort();
      assert.deepEqual(fs.readdirSync(dir).sort(), [`c.${ext}`]);
    });
  }
});
