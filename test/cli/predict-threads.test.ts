import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { readDumpSync } from "../../src/io/dump-reader";
import { QuenchInSoftness } from "../../src/softness/quench-in-softness";

const GLASS = path.join(__dirname, "..", "fixtures", "voronoi", "glass.dump.gz");
const MODEL = "cu65zr35-interstice";

/** Runs the command line with stdout and stderr captured. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const log = console.log;
  const error = console.error;
  const write = process.stderr.write;
  console.log = (...a: unknown[]) => (out += `${a.join(" ")}\n`);
  console.error = (...a: unknown[]) => (err += `${a.join(" ")}\n`);
  process.stderr.write = ((t: string) => {
    err += t;
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(argv), out, err };
  } finally {
    console.log = log;
    console.error = error;
    process.stderr.write = write;
  }
}

describe("qsoft predict --threads and --quiet, and the progress of QuenchInSoftness", function () {
  this.timeout(180000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-predict-threads-"));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("writes the same CSV with --threads 2 as with one thread, and prints no progress with --quiet", async () => {
    const one = path.join(tmp, "one.csv");
    const two = path.join(tmp, "two.csv");
    const base = ["predict", GLASS, "--types", "Cu,Zr", "--model", MODEL, "--quiet"];
    const a = await run([...base, "--out", one]);
    const b = await run([...base, "--out", two, "--threads", "2"]);
    assert.equal(a.code, 0, a.err);
    assert.equal(b.code, 0, b.err);
    assert.equal(a.err, "");
    assert.equal(b.err, "");
    assert.equal(fs.readFileSync(two, "utf8"), fs.readFileSync(one, "utf8"));
    assert.equal(fs.readFileSync(one, "utf8").split("\n")[0], "id,type,qs");
    const bad = await run([...base, "--out", path.join(tmp, "bad.csv"), "--threads", "0"]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--threads must be a positive integer, got 0/);
  });

  it("QuenchInSoftness.compute reports voronoi, features and predict, each monotonic and ending at its total", () => {
    const frame = readDumpSync(GLASS, { types: ["Cu", "Zr"], sort: true });
    const calls: [number, number, string][] = [];
    const r = QuenchInSoftness.shipped(MODEL).compute(frame, {
      onProgress: (done, total, stage) => calls.push([done, total, stage]),
    });
    assert.deepEqual([...new Set(calls.map((c) => c[2]))], ["voronoi", "features", "predict"]);
    const finite = r.qs.filter(Number.isFinite).length;
    for (const [stage, total] of [
      ["voronoi", frame.natoms],
      ["features", QuenchInSoftness.shipped(MODEL).sets.length],
      ["predict", finite],
    ] as const) {
      const mine = calls.filter((c) => c[2] === stage);
      for (let k = 1; k < mine.length; k++) assert.ok(mine[k][0] > mine[k - 1][0], `${stage} goes back`);
      assert.ok(mine.every((c) => c[1] === total));
      assert.deepEqual(mine.at(-1), [total, total, stage]);
    }
  });
});
