import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { makeTable, numericColumn, readCsv, writeCsv } from "../../src/table/csv";
import { CsvParser } from "../../src/table/csv-stream";
import { parseNumberCell } from "../../src/table/number-format";

describe("table/csv streaming reader (RFC 4180)", () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-csv-stream-"));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  // RFC 4180 section 2's cases by hand: CRLF endings, quoted fields holding commas, doubled quotes and a line
  // break, a last record without a line break; and a two-byte UTF-8 character (so chunks split inside it).
  const text = 'id,name,x\r\n1,"a, b",0.5\r\n2,"say ""hi""",NaN\r\n3,"two\r\nlines",-Infinity\r\n4,Zürich,1e-300';
  const expected = {
    columns: ["id", "name", "x"],
    id: [1, 2, 3, 4],
    name: ["a, b", 'say "hi"', "two\r\nlines", "Zürich"],
    x: [0.5, NaN, -Infinity, 1e-300],
  };

  it("reads the same table whatever the chunk size (records, quotes, CR LF and UTF-8 split across chunks)", () => {
    const file = path.join(tmp, "rfc.csv");
    fs.writeFileSync(file, text);
    for (const chunk of [1, 2, 3, 5, 7, 16, 1 << 22]) {
      const t = readCsv(file, chunk);
      assert.deepEqual(t.columns, expected.columns, `chunk ${chunk}`);
      assert.deepEqual([...numericColumn(t, "id")], expected.id, `chunk ${chunk}`);
      assert.deepEqual(t.data.get("name"), expected.name, `chunk ${chunk}`);
      assert.deepEqual([...numericColumn(t, "x")], expected.x, `chunk ${chunk}`);
    }
  });

  it("hands records and their physical line numbers to the caller, text pushed in any pieces", () => {
    const records: string[] = [];
    const p = new CsvParser("t.csv", (f, line) => records.push(`${line}:${f.join("|")}`));
    for (const c of text) p.push(c);
    p.end();
    assert.deepEqual(records, [
      "1:id|name|x",
      "2:1|a, b|0.5",
      '3:2|say "hi"|NaN',
      "4:3|two\r\nlines|-Infinity",
      "6:4|Zürich|1e-300",
    ]);
  });

  it("round-trips NaN, +-Infinity, -0, the shortest digits, and text that needs quotes", () => {
    const file = path.join(tmp, "rt.csv");
    const x = Float64Array.from([NaN, Infinity, -Infinity, -0, 0.1 + 0.2, 5e-324, 1.7976931348623157e308, -1 / 3]);
    const s = ["plain", "with,comma", 'with "quotes"', "line\nbreak", " padded ", "", "Cu", "Zr"];
    writeCsv(
      file,
      makeTable([
        ["x", x],
        ["s", s],
      ]),
    );
    const body = fs.readFileSync(file, "utf8");
    assert.ok(body.startsWith("x,s\nNaN,plain\nInfinity,with,comma".replace("with,comma", '"with,comma"')), body);
    assert.ok(body.includes("\n-0,"), body);
    assert.ok(body.includes("\n0.30000000000000004,"), body);
    const back = readCsv(file);
    const bx = numericColumn(back, "x");
    for (let i = 0; i < x.length; i++) assert.ok(Object.is(bx[i], x[i]), `row ${i}: ${bx[i]} vs ${x[i]}`);
    assert.deepEqual(back.data.get("s"), s);
  });

  it("reads missing values and infinities as pandas writes them (empty, nan, inf, -inf); hex is text", () => {
    assert.ok(Number.isNaN(parseNumberCell("") as number));
    assert.ok(Number.isNaN(parseNumberCell("nan") as number));
    assert.equal(parseNumberCell("inf"), Infinity);
    assert.equal(parseNumberCell("-inf"), -Infinity);
    assert.equal(parseNumberCell("-1.5E+3"), -1500);
    assert.equal(parseNumberCell("0x10"), undefined);
    assert.equal(parseNumberCell("-0b1"), undefined);
    assert.equal(parseNumberCell("Cu"), undefined);
    const file = path.join(tmp, "pandas.csv");
    fs.writeFileSync(file, "a,b\n1,\n,inf\n");
    const t = readCsv(file);
    assert.deepEqual([...numericColumn(t, "a")], [1, NaN]);
    assert.deepEqual([...numericColumn(t, "b")], [NaN, Infinity]);
  });

  it("names the file and physical line of a ragged row after a multi-line field, an unclosed quote, a blank line", () => {
    const file = path.join(tmp, "bad.csv");
    fs.writeFileSync(file, 'a,b\n"x\ny",1\n2\n');
    for (const chunk of [1, 4, 1 << 22])
      assert.throws(
        () => readCsv(file, chunk),
        (e: Error) => e.message.includes(`${file}:4: 1 fields, expected 2`),
      );
    fs.writeFileSync(file, 'a,b\n1,"open\n2,3\n');
    assert.throws(
      () => readCsv(file, 3),
      (e: Error) => e.message.includes(`${file}:2: a quoted field is not closed before the end of the file`),
    );
    fs.writeFileSync(file, 'a,b\n1,"x"y\n');
    assert.throws(
      () => readCsv(file),
      (e: Error) => e.message.includes(`${file}:2: unexpected character "y"`),
    );
    fs.writeFileSync(file, "a,b\n1,2\n\n3,4\n\n\n");
    assert.throws(
      () => readCsv(file),
      (e: Error) => e.message.includes(`${file}:3: blank line inside the table`),
    );
    fs.writeFileSync(file, "a,b\n1,2\n\n\n");
    assert.equal(readCsv(file).rows, 1, "blank lines at the end are dropped");
    fs.writeFileSync(file, "");
    assert.throws(() => readCsv(file), /empty file, expected a header line/);
  });

  it("reads a table far larger than one chunk (every row split across chunks) with the values in order", () => {
    const file = path.join(tmp, "big.csv");
    const n = 50_000;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 1e3);
    const ids = Int32Array.from({ length: n }, (_, i) => i + 1);
    writeCsv(
      file,
      makeTable([
        ["id", ids],
        ["x", x],
      ]),
    );
    const t = readCsv(file, 4093);
    assert.equal(t.rows, n);
    assert.deepEqual(numericColumn(t, "x"), x);
    assert.deepEqual([...numericColumn(t, "id")], [...ids]);
  });
});
