import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { UsageError } from "../../src/cli/command";
import { featurizeCommand } from "../../src/cli/featurize";
import { writeFeaturesByDomains } from "../../src/features/domain-feature-writer";
import { readDumpSync } from "../../src/io/dump-reader";
import type { Column, Table } from "../../src/table/csv";
import { RowSpill } from "../../src/table/row-spill";
import { readTable } from "../../src/table/table-file";

const GLASS = path.join(__dirname, "..", "fixtures", "voronoi", "glass.dump.gz");

/** Asserts two tables have the same columns and every cell bitwise equal (NaN by Object.is). */
function assertTablesBitwiseEqual(a: Table, b: Table, what: string): void {
  assert.deepEqual(b.columns, a.columns, `${what}: columns`);
  assert.equal(b.rows, a.rows, `${what}: rows`);
  for (const c of a.columns) {
    const x = a.data.get(c) as Column;
    const y = b.data.get(c) as Column;
    assert.equal(y.constructor, x.constructor, `${what}: column ${c} kind`);
    for (let r = 0; r < a.rows; r++)
      if (!Object.is(x[r], y[r])) assert.fail(`${what}: row ${r} ${c}: whole ${x[r]}, domains ${y[r]}`);
  }
}

describe("features/domain-feature-writer: featurize by domains straight to a table file", () => {
  let dir: string;
  let log: typeof console.log;
  let err: typeof console.error;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-domain-writer-"));
    log = console.log;
    err = console.error;
    console.log = () => {};
    console.error = () => {};
  });

  afterEach(() => {
    console.log = log;
    console.error = err;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const ext of ["csv", "parquet"]) {
    it(`qsoft featurize --domains 4 --out f.${ext}: the whole frame's table, row for row, bitwise`, async function () {
      this.timeout(120_000);
      const whole = path.join(dir, `whole.${ext}`);
      const dom = path.join(dir, `domains.${ext}`);
      const common = ["--types", "Cu,Zr", "--quiet", "--set", "interstice,mro,cn"];
      assert.equal(await featurizeCommand.run([GLASS, ...common, "--out", whole]), 0);
      assert.equal(await featurizeCommand.run([GLASS, ...common, "--out", dom, "--domains", "4"]), 0);
      const a = await readTable(whole);
      const b = await readTable(dom);
      assert.equal(a.rows, 1372);
      assert.ok(a.columns.length > 80);
      // Same order too (ids ascending, as the whole frame's): no sorting needed.
      assertTablesBitwiseEqual(a, b, ext);
      const ids = b.data.get("id") as Int32Array;
      for (let r = 1; r < ids.length; r++) assert.ok(ids[r] > ids[r - 1], "ids ascend");
      assert.deepEqual(fs.readdirSync(dir).sort(), [`domains.${ext}`, `whole.${ext}`], "no scratch file left");
    });
  }

  it("qsoft featurize --domains refuses a set that reads the whole frame as a usage error, writing nothing", async () => {
    const out = path.join(dir, "f.csv");
    await assert.rejects(
      featurizeCommand.run([GLASS, "--types", "Cu,Zr", "--quiet", "--set", "csro", "--domains", "2", "--out", out]),
      (e: Error) => e instanceof UsageError && /feature set "csro" cannot be computed by domains/.test(e.message),
    );
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it("feeds the rows per domain as each is done, and writes only after the last", function () {
    this.timeout(120_000);
    const frame = readDumpSync(GLASS, { types: ["Cu", "Zr"] });
    const out = path.join(dir, "f.parquet");
    const calls: number[] = [];
    let domainsDone = 0;
    const res = writeFeaturesByDomains(frame, ["interstice", "mro"], out, {
      domains: [2, 2, 1],
      onRows: (atoms) => {
        calls.push(atoms.length);
        // Fed before the domain is reported done, and nothing is in place yet.
        assert.equal(domainsDone, calls.length - 1);
        assert.ok(!fs.existsSync(out));
      },
      onDomain: (done) => {
        domainsDone = done;
      },
    });
    assert.equal(calls.length, 4);
    assert.ok(calls.every((c) => c > 0 && c < frame.natoms));
    assert.equal(
      calls.reduce((s, c) => s + c, 0),
      frame.natoms,
    );
    assert.equal(res.rows, frame.natoms);
    assert.equal(res.labels.length, 80);
    assert.ok(fs.existsSync(out));
  });

  it("leaves no output and no scratch file when a domain fails", () => {
    const frame = readDumpSync(GLASS, { types: ["Cu", "Zr"] });
    const out = path.join(dir, "f.csv");
    assert.throws(
      () =>
        writeFeaturesByDomains(frame, ["interstice", "mro"], out, {
          domains: 4,
          onDomain: (done) => {
            if (done === 2) throw new Error("stop at domain 2");
          },
        }),
      /stop at domain 2/,
    );
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});

describe("table/row-spill: runs of ascending rows put back in row order", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-row-spill-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("interleaved runs, tiny read buffers and odd chunks give every row back bitwise, in order", () => {
    const n = 1000;
    const w = 3;
    // Row i goes to run i mod 3 for i < 600, then to run 3: runs interleave, and refill their 64-row buffers.
    const runs: number[][] = [[], [], [], []];
    for (let i = 0; i < n; i++) runs[i < 600 ? i % 3 : 3].push(i);
    // Values: a distinct NaN payload per row in column 1, -0 in column 2.
    const value = (i: number, k: number): number => {
      if (k === 1) {
        const b = new DataView(new ArrayBuffer(8));
        b.setUint32(0, 0x7ff80000, false);
        b.setUint32(4, i + 1, false);
        return b.getFloat64(0, false);
      }
      return k === 2 ? -0 : i * 1.5 + 0.1;
    };
    const spill = new RowSpill(path.join(dir, "out.parquet"), n, w);
    try {
      for (const r of [runs[2], runs[0], runs[3], runs[1]])
        spill.add(
          Int32Array.from(r),
          Float64Array.from({ length: r.length * w }, (_, q) => value(r[Math.floor(q / w)], q % w)),
        );
      assert.equal(fs.readdirSync(dir).length, 1, "one scratch file beside the output");
      let next = 0;
      for (const { start, values } of spill.chunks(7, 64 * 8)) {
        assert.equal(start, next);
        const rows = values.length / w;
        for (let r = 0; r < rows; r++)
          for (let k = 0; k < w; k++) {
            const got = new DataView(values.buffer, values.byteOffset + 8 * (r * w + k), 8).getBigUint64(0, true);
            const want = new DataView(Float64Array.of(value(start + r, k)).buffer).getBigUint64(0, true);
            assert.equal(got, want, `row ${start + r} column ${k}`);
          }
        next += rows;
      }
      assert.equal(next, n);
    } finally {
      spill.dispose();
    }
    assert.deepEqual(fs.readdirSync(dir), [], "scratch file removed");
  });

  it("refuses rows given twice, rows out of order, and missing rows", () => {
    const spill = new RowSpill(path.join(dir, "o.csv"), 4, 1);
    try {
      assert.throws(() => spill.add(Int32Array.of(2, 1), Float64Array.of(0, 0)), /must ascend/);
      spill.add(Int32Array.of(0, 2), Float64Array.of(0, 0));
      assert.throws(() => spill.add(Int32Array.of(2), Float64Array.of(0)), /row 2 was given twice/);
      assert.throws(() => spill.add(Int32Array.of(9), Float64Array.of(0)), /outside 0..3/);
      assert.throws(() => [...spill.chunks()], /2 of 4 rows were never given/);
    } finally {
      spill.dispose();
    }
  });
});
