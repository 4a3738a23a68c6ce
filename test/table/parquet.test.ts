import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as arrow from "apache-arrow";
import { parquetMetadata } from "hyparquet";
import type * as ParquetWasm from "parquet-wasm/node/parquet_wasm";
import { makeTable, numericColumn, readCsv } from "../../src/table/csv";
import { encodeRowGroup, ParquetTableWriter, readParquet, writeParquet } from "../../src/table/parquet";
import { readTable, tableFormat, writeTable } from "../../src/table/table-file";

// The package exports "parquet-wasm/node" only; the types live in its file (found by TypeScript's node10 resolution).
const pw = require("parquet-wasm/node") as typeof ParquetWasm;

const fixture = path.join(__dirname, "..", "fixtures", "table", "arrow-rs.parquet");

/** A file read by arrow-rs (the Rust Parquet implementation, via parquet-wasm): an independent reader. */
function readWithArrowRs(file: string): arrow.Table {
  return arrow.tableFromIPC(pw.readParquet(fs.readFileSync(file)).intoIPCStream());
}

describe("table/parquet", () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-parquet-"));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  // 300,000 rows: three row groups, and pages split inside them.
  const n = 300_000;
  const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 10 ** ((i % 40) - 20));
  x[7] = NaN;
  x[8] = Infinity;
  x[9] = -Infinity;
  x[10] = -0;
  x[n - 1] = NaN;
  const ids = Int32Array.from({ length: n }, (_, i) => n - i);
  const types = Int32Array.from({ length: n }, (_, i) => 1 + (i % 3 === 0 ? 1 : 0));
  const names = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? "Zr" : 'Cu, "a"'));
  const table = makeTable([
    ["id", ids],
    ["type", types],
    ["x", x],
    ["element", names],
  ]);

  it("writes and reads back a table: names, order, types, every double bit for bit (NaN, +-Infinity, -0)", async () => {
    const file = path.join(tmp, "t.parquet");
    writeParquet(file, table);
    const back = await readParquet(file);
    assert.deepEqual(back.columns, ["id", "type", "x", "element"]);
    assert.equal(back.rows, n);
    assert.ok(back.data.get("id") instanceof Int32Array);
    assert.deepEqual(back.data.get("id"), ids);
    assert.deepEqual(back.data.get("type"), types);
    const bx = back.data.get("x") as Float64Array;
    assert.ok(bx instanceof Float64Array);
    for (let i = 0; i < n; i++) if (!Object.is(bx[i], x[i])) assert.fail(`row ${i}: ${bx[i]} vs ${x[i]}`);
    assert.deepEqual(back.data.get("element"), names);
  });

  it("row groups encoded apart and appended (as worker threads do) give the file writeParquet gives, read by arrow-rs", async () => {
    const file = path.join(tmp, "appended.parquet");
    const w = new ParquetTableWriter(file, [
      ["id", "int32"],
      ["type", "int32"],
      ["x", "float64"],
      ["element", "string"],
    ]);
    // Uneven groups, the first written through write() and the others appended after it.
    const cuts = [0, 70_000, 131_072, 250_000, n];
    const slice = (a: number, b: number) =>
      table.columns.map((c) => [c, (table.data.get(c) as Int32Array | Float64Array | string[]).slice(a, b)] as const);
    w.write(makeTable(slice(cuts[0], cuts[1]).map(([c, col]) => [c, col])));
    const groups = [1, 2, 3].map((g) => encodeRowGroup(slice(cuts[g], cuts[g + 1])));
    // Encoded data crosses threads by structured clone: the appended group must survive it.
    for (const g of [structuredClone(groups[0]), groups[1], groups[2]]) w.appendRowGroup(g);
    w.close();
    const back = await readParquet(file);
    assert.equal(back.rows, n);
    assert.deepEqual(back.data.get("id"), ids);
    assert.deepEqual(back.data.get("element"), names);
    const bx = back.data.get("x") as Float64Array;
    for (let i = 0; i < n; i++) if (!Object.is(bx[i], x[i])) assert.fail(`row ${i}: ${bx[i]} vs ${x[i]}`);
    const t = readWithArrowRs(file);
    assert.equal(t.numRows, n);
    const ax = t.getChild("x")?.toArray() as Float64Array;
    for (let i = 0; i < n; i++) if (!Object.is(ax[i], x[i])) assert.fail(`arrow-rs row ${i}: ${ax[i]} vs ${x[i]}`);
    assert.deepEqual(t.getChild("id")?.toArray(), ids);
    assert.equal(t.getChild("element")?.get(n - 1), names[n - 1]);
    assert.throws(() => encodeRowGroup([["x", new Float64Array(0)]]), /at least one row/);
    const other = new ParquetTableWriter(path.join(tmp, "other.parquet"), [["y", "float64"]]);
    assert.throws(() => other.appendRowGroup(encodeRowGroup([["x", new Float64Array(3)]])), /does not fit this table/);
    other.abort();
  });

  it("writes a file that arrow-rs reads: the same names, Parquet types and values, snappy-compressed", () => {
    const file = path.join(tmp, "independent.parquet");
    writeParquet(file, table);
    const t = readWithArrowRs(file);
    assert.equal(t.numRows, n);
    assert.deepEqual(
      t.schema.fields.map((f) => `${f.name}:${f.type}`),
      ["id:Int32", "type:Int32", "x:Float64", "element:Utf8"],
    );
    assert.deepEqual(t.getChild("id")?.toArray(), ids);
    const ax = t.getChild("x")?.toArray() as Float64Array;
    for (let i = 0; i < n; i++) if (!Object.is(ax[i], x[i])) assert.fail(`row ${i}: ${ax[i]} vs ${x[i]}`);
    assert.equal(t.getChild("element")?.get(1), 'Cu, "a"');
    assert.equal(t.getChild("element")?.get(n - 5), "Zr");
    const meta = pw.readParquet(fs.readFileSync(file));
    assert.ok(meta.numBatches > 0);
    // Compressed: smaller than the raw column bytes.
    assert.ok(fs.statSync(file).size < n * (4 + 4 + 8 + 6), `${fs.statSync(file).size} bytes`);
    // Doubles PLAIN-encoded: fastparquet 2026.9 (pandas' other engine) cannot read BYTE_STREAM_SPLIT pages.
    const bytes = fs.readFileSync(file);
    const footer = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    for (const group of footer.row_groups)
      for (const chunk of group.columns) {
        const encodings = chunk.meta_data?.encodings ?? [];
        assert.ok(!encodings.includes("BYTE_STREAM_SPLIT"), `${chunk.meta_data?.path_in_schema}: ${encodings}`);
        assert.equal(chunk.meta_data?.codec, "SNAPPY");
      }
  });

  it("reads a file written by arrow-rs (Int64 ids, a null, NaN, -Infinity, text, dictionary pages)", async () => {
    const t = await readParquet(fixture);
    assert.deepEqual(t.columns, ["id", "type", "x", "element"]);
    assert.deepEqual([...numericColumn(t, "id", fixture)], [1, 2, 3, 9007199254740991]);
    assert.deepEqual(t.data.get("type"), Int32Array.from([1, 2, 1, 2]));
    const tx = t.data.get("x") as Float64Array;
    assert.equal(tx[0], 0.1 + 0.2);
    assert.ok(Number.isNaN(tx[1]), "a null reads as NaN");
    assert.ok(Number.isNaN(tx[2]));
    assert.equal(tx[3], -Infinity);
    assert.deepEqual(t.data.get("element"), ["Cu", "Zr", 'Cu, "quoted"', "Zr"]);
  });

  it("chooses Parquet by the .parquet extension and CSV otherwise, through writeTable and readTable", async () => {
    assert.equal(tableFormat("a/b.PARQUET"), "parquet");
    assert.equal(tableFormat("b.parquet.csv"), "csv");
    const small = makeTable([
      ["id", Int32Array.from([1, 2])],
      ["x", Float64Array.from([0.5, NaN])],
    ]);
    const pq = path.join(tmp, "s.parquet");
    const csv = path.join(tmp, "s.csv");
    writeTable(pq, small);
    writeTable(csv, small);
    assert.equal(fs.readFileSync(pq).subarray(0, 4).toString(), "PAR1");
    assert.equal(fs.readFileSync(csv, "utf8"), "id,x\n1,0.5\n2,NaN\n");
    assert.deepEqual((await readTable(pq)).data.get("id"), Int32Array.from([1, 2]));
    assert.deepEqual([...numericColumn(readCsv(csv), "id")], [1, 2]);
  });

  it("refuses a file that is not Parquet, naming it, and leaves no output when a write fails", async () => {
    const bad = path.join(tmp, "bad.parquet");
    fs.writeFileSync(bad, "id,x\n1,2\n");
    await assert.rejects(readParquet(bad), (e: Error) => e.message.startsWith(`${bad}: not a Parquet file`));
    const out = path.join(tmp, "never.parquet");
    const broken = { columns: ["a"], data: new Map([["a", {} as Float64Array]]), rows: 1 };
    assert.throws(() => writeParquet(out, broken));
    assert.deepEqual(
      fs.readdirSync(tmp).filter((f) => f.includes("never")),
      [],
    );
  });
});
