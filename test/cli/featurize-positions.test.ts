import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { featurizeCommand } from "../../src/cli/featurize";
import { predictFeaturesCsv } from "../../src/cli/predict-features";
import { trainCommand } from "../../src/cli/train";
import { readDumpSync } from "../../src/io/dump-reader";
import { modelFeatureLabels, readClassifier } from "../../src/ml/model-io";
import type { Column, Table } from "../../src/table/csv";
import { readTable } from "../../src/table/table-file";

const LABELS = path.join(__dirname, "..", "fixtures", "labels");
const GLASSES = [
  { dump: path.join(LABELS, "cuzr_quenched.dump.gz"), labels: path.join(LABELS, "cuzr_d2min_rc5.csv"), types: "Cu,Zr" },
  { dump: path.join(LABELS, "alsm_quenched.dump.gz"), labels: path.join(LABELS, "alsm_d2min_rc5.csv"), types: "Al,Sm" },
];

/**
 * The positions of an orthogonal, fully periodic dump read from its text alone, sorted by id and wrapped into the
 * box as lo + ((x - lo) mod L): the truth the x, y, z columns are checked against.
 */
function dumpPositions(file: string): { ids: number[]; xyz: number[][] } {
  const raw = fs.readFileSync(file);
  const lines = (file.endsWith(".gz") ? zlib.gunzipSync(raw) : raw).toString("utf8").trim().split("\n");
  const bounds = lines.indexOf(lines.find((l) => l.startsWith("ITEM: BOX BOUNDS pp pp pp")) ?? "");
  assert.ok(bounds > 0, `${file}: not an orthogonal periodic box`);
  const box = [1, 2, 3].map((k) => lines[bounds + k].trim().split(/\s+/).map(Number));
  const header = lines[bounds + 4].split(/\s+/).slice(2);
  const col = (c: string) => header.indexOf(c);
  const rows = lines.slice(bounds + 5).map((l) => l.trim().split(/\s+/).map(Number));
  rows.sort((a, b) => a[col("id")] - b[col("id")]);
  const wrap = (v: number, d: number) => {
    const [lo, hi] = box[d];
    const L = hi - lo;
    return lo + ((((v - lo) % L) + L) % L);
  };
  return {
    ids: rows.map((r) => r[col("id")]),
    xyz: rows.map((r) => ["x", "y", "z"].map((c, d) => wrap(r[col(c)], d))),
  };
}

/** Asserts two tables have the same columns and every cell bitwise equal (NaN by Object.is). */
function assertSameCells(a: Table, b: Table, columns: readonly string[], what: string): void {
  assert.equal(b.rows, a.rows, `${what}: rows`);
  for (const c of columns) {
    const x = a.data.get(c) as Column;
    const y = b.data.get(c) as Column;
    for (let r = 0; r < a.rows; r++)
      if (!Object.is(Number(x[r]), Number(y[r]))) assert.fail(`${what}: row ${r} ${c}: ${x[r]} vs ${y[r]}`);
  }
}

describe("qsoft featurize --positions, and qsoft train --cv blocks on its output", () => {
  let dir = "";
  const log = console.log;
  const err = console.error;
  let printed: string[] = [];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-featurize-positions-"));
  });
  beforeEach(() => {
    printed = [];
    console.log = (...a: unknown[]) => printed.push(a.join(" "));
    console.error = () => {};
  });
  afterEach(() => {
    console.log = log;
    console.error = err;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const f = (n: string) => path.join(dir, n);
  const featurize = (g: (typeof GLASSES)[number], out: string, ...extra: string[]) =>
    featurizeCommand.run([g.dump, "--types", g.types, "--set", "interstice", "--quiet", "--out", out, ...extra]);

  it("writes x, y, z after id: the dump's positions wrapped into the box, whole frame and --domains 2, CSV and Parquet", async () => {
    for (const [k, g] of GLASSES.entries()) {
      const truth = dumpPositions(g.dump);
      const frame = readDumpSync(g.dump, { types: g.types.split(","), sort: true });
      assert.equal(await featurize(g, f(`plain${k}.csv`)), 0);
      const plain = await readTable(f(`plain${k}.csv`));
      assert.equal(plain.columns[1], "type");
      const featureColumns = plain.columns.slice(2);
      for (const ext of ["csv", "parquet"]) {
        for (const domains of [[], ["--domains", "2"]]) {
          const out = f(`pos${k}${domains.length ? "-d2" : ""}.${ext}`);
          assert.equal(await featurize(g, out, "--positions", ...domains), 0);
          const t = await readTable(out);
          const what = path.basename(out);
          assert.deepEqual(t.columns, ["id", "x", "y", "z", "type", ...featureColumns], what);
          assert.deepEqual(Array.from(t.data.get("id") as Column, Number), truth.ids, `${what}: ids`);
          for (const [d, c] of ["x", "y", "z"].entries()) {
            const col = t.data.get(c) as Float64Array;
            for (let r = 0; r < t.rows; r++) {
              const want = truth.xyz[r][d];
              assert.ok(Math.abs(col[r] - want) <= 1e-9, `${what}: id ${truth.ids[r]} ${c} ${col[r]} vs dump ${want}`);
              // As the frame holds them, to the bit (the table writers keep doubles exactly).
              assert.ok(Object.is(col[r], frame.positions[3 * r + d]), `${what}: id ${truth.ids[r]} ${c}`);
            }
          }
          // The features are those of the table without positions, row for row.
          assertSameCells(plain, t, ["id", "type", ...featureColumns], what);
        }
      }
    }
  });

  it("wraps positions the dump gives outside the box (shifted by whole box lengths) back into it", async () => {
    // The fixture's atoms all lie inside the box: shift every third atom by +L in x and -L in y in a copy.
    const text = zlib.gunzipSync(fs.readFileSync(GLASSES[0].dump)).toString("utf8").split("\n");
    const bounds = text.findIndex((l) => l.startsWith("ITEM: BOX BOUNDS"));
    const L = [1, 2].map((k) => {
      const [lo, hi] = text[bounds + k].trim().split(/\s+/).map(Number);
      return hi - lo;
    });
    let shifted = 0;
    const copy = text.map((l, i) => {
      if (i <= bounds + 4 || l.trim() === "") return l;
      const c = l.trim().split(/\s+/);
      if (Number(c[0]) % 3 !== 0) return l;
      shifted++;
      c[2] = String(Number(c[2]) + L[0]);
      c[3] = String(Number(c[3]) - L[1]);
      return c.join(" ");
    });
    fs.writeFileSync(f("shifted.dump"), copy.join("\n"));
    assert.equal(shifted, 85);
    const truth = dumpPositions(f("shifted.dump"));
    const inside = dumpPositions(GLASSES[0].dump);
    for (const domains of [[], ["--domains", "2"]]) {
      const out = f(`shifted${domains.length}.csv`);
      assert.equal(await featurize({ ...GLASSES[0], dump: f("shifted.dump") }, out, "--positions", ...domains), 0);
      const t = await readTable(out);
      for (const [d, c] of ["x", "y", "z"].entries()) {
        const col = t.data.get(c) as Float64Array;
        for (let r = 0; r < t.rows; r++) {
          assert.ok(Math.abs(col[r] - truth.xyz[r][d]) <= 1e-9, `id ${truth.ids[r]} ${c}`);
          assert.ok(Math.abs(col[r] - inside.xyz[r][d]) <= 1e-9, `id ${truth.ids[r]} ${c} vs the unshifted dump`);
        }
      }
    }
  });

  it("train --glass f1,l1 --glass f2,l2 --cv blocks runs on featurize --positions output; x, y, z are no features", async () => {
    // The first test's tables, made again when it did not run (mocha --grep).
    const made: [string, (typeof GLASSES)[number], string[]][] = [
      ["pos0.parquet", GLASSES[0], ["--positions"]],
      ["pos0.csv", GLASSES[0], ["--positions"]],
      ["pos1-d2.csv", GLASSES[1], ["--positions", "--domains", "2"]],
      ["plain0.csv", GLASSES[0], []],
    ];
    for (const [name, g, extra] of made)
      if (!fs.existsSync(f(name))) assert.equal(await featurize(g, f(name), ...extra), 0);
    const model = f("blocks.json");
    const code = await trainCommand.run([
      "--glass",
      `${f("pos0.parquet")},${GLASSES[0].labels},cuzr`,
      "--glass",
      `${f("pos1-d2.csv")},${GLASSES[1].labels},alsm`,
      "--cv",
      "blocks",
      "--blocks",
      "2,2,2",
      "--folds",
      "4",
      "--params",
      "nEstimators=10",
      "--quiet",
      "--out",
      model,
    ]);
    assert.equal(code, 0);
    const text = printed.join("\n");
    assert.match(text, /cuzr: 256 atoms with labels \(0 without\)/);
    assert.match(text, /alsm: 256 atoms with labels \(0 without\)/);
    const auc = /4-fold spatial-block CV AUC ([0-9.]+)/.exec(text);
    assert.ok(auc, text);
    assert.ok(Number(auc[1]) >= 0 && Number(auc[1]) <= 1, text);
    const labels = modelFeatureLabels(readClassifier(model)) ?? [];
    const plain = await readTable(f("plain0.csv"));
    assert.deepEqual(labels, plain.columns.slice(2), "the model's features: the feature columns, not x, y, z, type");
    // predict --features takes the model's columns by name: a table with x, y, z predicts as one without.
    assert.equal(await predictFeaturesCsv(model, f("pos0.csv"), f("qs-pos.csv")), 256);
    assert.equal(await predictFeaturesCsv(model, f("plain0.csv"), f("qs-plain.csv")), 256);
    const a = await readTable(f("qs-pos.csv"));
    const b = await readTable(f("qs-plain.csv"));
    assert.deepEqual(a.columns, ["id", "qs"]);
    assertSameCells(a, b, ["id", "qs"], "qs with and without x, y, z");
  });
});
