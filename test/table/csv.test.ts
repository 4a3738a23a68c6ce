import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { formatNumber, makeTable, numericColumn, readCsv, writeCsv } from "../../src/table/csv";
import { PARALLEL_CSV_ROWS } from "../../src/table/csv-rows";

describe("table/csv", () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-csv-"));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("formats numbers so they read back to the same double, short when that suffices", () => {
    assert.equal(formatNumber(3), "3");
    assert.equal(formatNumber(0.5), "0.5");
    assert.equal(formatNumber(0.1 + 0.2), "0.30000000000000004");
    assert.equal(formatNumber(NaN), "NaN");
    // biome-ignore lint/correctness/noPrecisionLoss: the literal has more digits than a double on purpose (round trip of the nearest double)
    for (const x of [Math.PI, 1 / 3, -2.5e-300, 1e21, 123456789.123456789]) assert.equal(Number(formatNumber(x)), x);
  });

  it("writes and reads a table back: numbers bit for bit, NaN, strings, the header order", () => {
    const file = path.join(tmp, "t.csv");
    const x = Float64Array.from([0.1 + 0.2, -1e-310, NaN, 7]);
    const t = makeTable([
      ["id", Int32Array.from([4, 3, 2, 1])],
      ["x", x],
      ["name", ["a", "b", "c", "d"]],
    ]);
    writeCsv(file, t);
    assert.equal(fs.readFileSync(file, "utf8").split("\n")[0], "id,x,name");
    const back = readCsv(file);
    assert.deepEqual(back.columns, ["id", "x", "name"]);
    assert.equal(back.rows, 4);
    assert.deepEqual([...numericColumn(back, "id", file)], [4, 3, 2, 1]);
    const bx = numericColumn(back, "x", file);
    for (let i = 0; i < 4; i++) assert.ok(Object.is(bx[i], x[i]), `row ${i}: ${bx[i]} vs ${x[i]}`);
    assert.deepEqual(back.data.get("name"), ["a", "b", "c", "d"]);
  });

  it("refuses ragged rows and non-numeric columns naming the file and line", () => {
    const file = path.join(tmp, "bad.csv");
    fs.writeFileSync(file, "a,b\n1,2\n3\n");
    assert.throws(
      () => readCsv(file),
      (e: Error) => e.message.includes(`${file}:3: 1 fields, expected 2`),
    );
    fs.writeFileSync(file, "a,b\n1,2\n3,x\n");
    assert.throws(
      () => numericColumn(readCsv(file), "b", file),
      (e: Error) => e.message.includes(`${file}:3: column "b" is not numeric ("x")`),
    );
    assert.throws(() => numericColumn(readCsv(file), "c", file), /no column "c" \(columns: a, b\)/);
  });

  it("refuses columns of different lengths and duplicate names", () => {
    assert.throws(
      () =>
        makeTable([
          ["a", Float64Array.of(1, 2)],
          ["b", Float64Array.of(1)],
        ]),
      /column "b" has 1 rows, expected 2/,
    );
    assert.throws(
      () =>
        makeTable([
          ["a", Float64Array.of(1)],
          ["a", Float64Array.of(2)],
        ]),
      /duplicate column "a"/,
    );
  });
});

describe("table/csv: formatting on worker threads", function () {
  this.timeout(60000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-csv-threads-"));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("writes the same bytes with 1, 2 and 3 threads (numbers, -0, NaN, infinities, subnormals, quoted UTF-8 text)", () => {
    const n = 2 * PARALLEL_CSV_ROWS + 1234;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 10 ** ((i % 40) - 20));
    x.set([Number.NaN, Infinity, -Infinity, -0, 5e-324, Number.MAX_VALUE], n - 6);
    const id = Int32Array.from({ length: n }, (_, i) => i + 1);
    const text = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? `Zr, "é" ${i}` : i % 7 === 0 ? " Cu" : "Cu"));
    const table = makeTable([
      ["id", id],
      ["x", x],
      ["element", text],
    ]);
    const files = [1, 2, 3].map((threads) => {
      const f = path.join(tmp, `t${threads}.csv`);
      writeCsv(f, table, { threads });
      return fs.readFileSync(f);
    });
    assert.ok(files[0].equals(files[1]), "2 threads");
    assert.ok(files[0].equals(files[2]), "3 threads");
    const back = readCsv(path.join(tmp, "t3.csv"));
    assert.deepEqual(back.data.get("element"), text);
    const bx = numericColumn(back, "x");
    for (let i = 0; i < n; i++) assert.ok(Object.is(bx[i], x[i]), `row ${i}`);
  });

  it("refuses a thread count that is not a positive integer, leaving no file", () => {
    const f = path.join(tmp, "bad.csv");
    assert.throws(
      () => writeCsv(f, makeTable([["a", new Float64Array(3)]]), { threads: 0 }),
      /threads must be a positive integer, got 0/,
    );
    assert.equal(fs.existsSync(f), false);
  });
});
