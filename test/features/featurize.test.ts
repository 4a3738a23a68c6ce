import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { featurizeCommand } from "../../src/cli/featurize";
import { UsageError } from "../../src/cli/command";
import { Cell } from "../../src/structure/cell";
import { featurize } from "../../src/features/compute-features";
import { writeDump } from "../../src/io/dump-writer";
import { readCsv } from "../../src/table/csv";
import { makeFrame } from "./featurize-helpers";

const FIXTURE_DIR = path.join(__dirname, "../fixtures/features/interstice");

describe("qsoft featurize (CLI) and featurize() (DataFrame)", () => {
  let dir: string;
  let dump: string;
  let log: typeof console.log;
  let err: typeof console.error;
  const printed: string[] = [];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-featurize-"));
    const fx = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, "glass.json"), "utf8")) as {
      lo: number[];
      hi: number[];
      ids: number[];
      types: number[];
      positions: number[];
    };
    const L = [0, 1, 2].map((d) => fx.hi[d] - fx.lo[d]);
    const frame = makeFrame(fx.positions, fx.types, null, Cell.orthogonal(L[0], L[1], L[2], fx.lo));
    // File order reversed (ids 500 .. 1): the CSV must come out sorted by id.
    const n = frame.natoms;
    const rev = makeFrame(
      Array.from({ length: 3 * n }, (_, q) => frame.positions[3 * (n - 1 - Math.floor(q / 3)) + (q % 3)]),
      Array.from({ length: n }, (_, i) => fx.types[n - 1 - i]),
      null,
      frame.cell,
    );
    rev.ids = Int32Array.from({ length: n }, (_, i) => fx.ids[n - 1 - i]);
    dump = path.join(dir, "glass.dump");
    writeDump(dump, rev);
    log = console.log;
    err = console.error;
    console.log = (...a: unknown[]) => void printed.push(a.join(" "));
    console.error = (...a: unknown[]) => void printed.push(a.join(" "));
  });

  after(() => {
    console.log = log;
    console.error = err;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes id, type and the 80 interstice features sorted by id, matching the numpy/scipy fixture", async () => {
    const out = path.join(dir, "features.csv");
    assert.equal(await featurizeCommand.run([dump, "--types", "Cu,Zr", "--out", out]), 0);
    const got = readCsv(out);
    const ref = readCsv(path.join(FIXTURE_DIR, "features.csv"));
    assert.deepEqual(got.columns, ref.columns);
    assert.deepEqual(
      Array.from(got.data.get("id") as Float64Array),
      Array.from({ length: 500 }, (_, i) => i + 1),
    );
    for (const c of ref.columns) {
      const a = got.data.get(c) as Float64Array;
      const b = ref.data.get(c) as Float64Array;
      for (let i = 0; i < a.length; i++)
        assert.ok(Math.abs(a[i] - b[i]) <= 1e-9 * Math.max(1, Math.abs(b[i])), `${c} row ${i}`);
    }
    assert.ok(printed.some((l) => l.includes("500 atoms x 80 features (interstice, mro)")));
  });

  it("honours --set, --radii, --cutoff and --no-clamp", async () => {
    const out = path.join(dir, "sro.csv");
    assert.equal(
      await featurizeCommand.run([
        dump,
        "--types",
        "Cu,Zr",
        "--set",
        "interstice",
        "--radii",
        "Cu=1.4,Zr=1.7",
        "--cutoff",
        "3.5",
        "--no-clamp",
        "--out",
        out,
      ]),
      0,
    );
    const t = readCsv(out);
    assert.equal(t.columns.length, 18);
    const area = t.data.get("area_voro_min") as Float64Array;
    assert.ok(
      area.some((v) => v < 0),
      "bigger radii and no clamping give negative area interstices",
    );
  });

  it("refuses bad command lines with a usage error", async () => {
    const out = path.join(dir, "x.csv");
    await assert.rejects(
      featurizeCommand.run([dump, "--out", out]),
      (e: Error) => e instanceof UsageError && /--types is required/.test(e.message),
    );
    await assert.rejects(featurizeCommand.run([dump, "--types", "Cu,Zr"]), /--out FILE.csv is required/);
    await assert.rejects(
      featurizeCommand.run([dump, "--types", "Cu,Zr", "--out", out, "--set", "nope"]),
      /unknown feature set "nope"/,
    );
    await assert.rejects(
      featurizeCommand.run([dump, "--types", "Cu,Zr", "--out", out, "--radii", "Cu"]),
      /--radii: expected name=number/,
    );
    await assert.rejects(
      featurizeCommand.run([dump, "--types", "Cu,Xx", "--out", out]),
      /no atomic radius for element "Xx"/,
    );
    await assert.rejects(
      featurizeCommand.run([dump, "--types", "Cu,Zr", "--out", out, "--bogus"]),
      /unknown option --bogus/,
    );
    assert.ok(featurizeCommand.usage.includes("interstice") && featurizeCommand.usage.includes("mro"));
    assert.ok(!fs.existsSync(out));
  });

  it("checks every option before reading the dump, in the command line's words (issue 14 case 12)", async () => {
    const out = path.join(dir, "refused.csv");
    const missing = path.join(dir, "no-such.dump");
    const refused = (args: string[], re: RegExp) =>
      assert.rejects(
        featurizeCommand.run([missing, "--types", "Cu,Zr", "--out", out, ...args]),
        (e: Error) => e instanceof UsageError && re.test(e.message),
      );
    await refused(["--cutoff", "-1"], /^--cutoff must be a positive number of Angstrom, got -1$/);
    await refused(["--face-filter", "1.5"], /^--face-filter must be a fraction in \[0, 1\), got 1.5$/);
    await refused(["--threads", "0"], /^--threads must be a positive integer, got 0$/);
    await refused(["--radii", "Cu=-1"], /^--radii: the radius of Cu must be a positive number of Angstrom, got -1$/);
    await refused(["--mro-neighbors", "all"], /^--mro-neighbors must be "voronoi" or "cutoff", got "all"$/);
    assert.ok(!fs.existsSync(out));
  });

  it("featurize() returns a danfojs DataFrame with id, type, then the features", function () {
    this.timeout(60000);
    const frame = makeFrame([0, 0, 0, 1, 1, 1, 1, -1, -1, -1, 1, -1, -1, -1, 1], [1, 1, 1, 1, 1], ["Cu"]);
    const df = featurize(frame, ["interstice"], { cutoff: 2 });
    assert.deepEqual(df.columns.slice(0, 3), ["id", "type", "dist_voro_mean"]);
    assert.equal(df.shape[0], 5);
    assert.equal(df.shape[1], 18);
  });
});
