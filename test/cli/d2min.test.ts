import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { UsageError } from "../../src/cli/command";
import { d2minCommand } from "../../src/cli/d2min";
import { writeDump } from "../../src/io/dump-writer";
import { Cell } from "../../src/structure/cell";
import { numericColumn, readCsv } from "../../src/table/csv";
import { affine, deformCell, frameFromUnwrapped, randomPoints, rng } from "../labels/make-frame";

const dir = path.resolve(__dirname, "..", "fixtures", "labels");
const gunzip = (f: string) => zlib.gunzipSync(fs.readFileSync(path.join(dir, f))).toString("utf8");

async function quietly(run: () => Promise<number>): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (m: string) => lines.push(m);
  try {
    return { code: await run(), out: lines.join("\n") };
  } finally {
    console.log = log;
  }
}

describe("qsoft d2min command line", () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-d2min-cli-"));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("picks the deformed frame with --frame (0-based, negative from the end) and normalizes on request", async () => {
    // Frame 0 = the reference itself (D2min 0 everywhere), frame 1 = the 4 % snapshot.
    const two = path.join(tmp, "two.dump");
    fs.writeFileSync(two, gunzip("cuzr_quenched.dump.gz") + gunzip("cuzr_strain_0.04000.dump.gz"));
    const ref = path.join(dir, "cuzr_quenched.dump.gz");
    const expected = numericColumn(readCsv(path.join(dir, "cuzr_d2min_rc5.csv")), "d2min");
    const out = path.join(tmp, "d2.csv");
    const first = await quietly(() => d2minCommand.run([ref, two, "--out", out]));
    assert.equal(first.code, 0);
    assert.ok(numericColumn(readCsv(out), "d2min").every((x) => x < 1e-12));
    assert.match(first.out, /plastic fraction \(D2min > 5 A\^2\): 0\.0000/);
    for (const frame of ["1", "-1"]) {
      await quietly(() => d2minCommand.run([ref, two, "--frame", frame, "--out", out]));
      const got = numericColumn(readCsv(out), "d2min");
      for (let k = 0; k < expected.length; k++) assert.ok(Math.abs(got[k] - expected[k]) <= 1e-11 * expected[k]);
    }
    await quietly(() => d2minCommand.run([ref, two, "--frame", "1", "--normalize", "neighbors", "--out", out]));
    const t = readCsv(out);
    const n = numericColumn(t, "n_neighbors");
    const mean = numericColumn(t, "d2min");
    for (let k = 0; k < expected.length; k++) assert.ok(Math.abs(mean[k] - expected[k] / n[k]) <= 1e-11 * mean[k]);
    await assert.rejects(d2minCommand.run([ref, two, "--frame", "5", "--out", out]), /frame 5 not found/);
  });

  it("refuses bad command lines with a UsageError", async () => {
    const ref = path.join(dir, "cuzr_quenched.dump.gz");
    await assert.rejects(
      d2minCommand.run([ref, "--out", "x.csv"]),
      (e: Error) => e instanceof UsageError && /REF_DUMP and DEFORMED_DUMP/.test(e.message),
    );
    await assert.rejects(
      d2minCommand.run([ref, ref]),
      (e: Error) => e instanceof UsageError && /--out/.test(e.message),
    );
    await assert.rejects(
      d2minCommand.run([ref, ref, "--out", "x.csv", "--normalize", "mean"]),
      (e: Error) => e instanceof UsageError && /normalize/.test(e.message),
    );
    await assert.rejects(
      d2minCommand.run([ref, ref, "--out", "x.csv", "--cutoff", "-2"]),
      (e: Error) => e instanceof UsageError && /cutoff/.test(e.message),
    );
  });

  it("checks its options before reading any dump, naming them as typed (issue 14 case 12)", async () => {
    // The dumps do not exist: an option error must come first.
    const missing = path.join(tmp, "missing.dump");
    const out = path.join(tmp, "refused.csv");
    const refused = (args: string[], re: RegExp) =>
      assert.rejects(
        d2minCommand.run([missing, missing, "--out", out, ...args]),
        (e: Error) => e instanceof UsageError && re.test(e.message),
      );
    await refused(["--cutoff", "-2"], /^--cutoff must be a positive number of Angstrom, got -2$/);
    await refused(["--normalize", "mean"], /^--normalize must be "none" or "neighbors", got "mean"$/);
    await refused(["--threshold", "1e999"], /--threshold/);
    assert.ok(!fs.existsSync(out));
  });

  it("writes the same CSV with --threads 2 as with one thread, and --quiet prints no progress", async () => {
    // 1,500 atoms (more than 256 per thread, so a second thread runs), sheared 4 % with non-affine noise.
    const cell = new Cell([26, 0, 0, 1.5, 25, 0, -1, 2, 24]);
    const u = randomPoints(cell, 1500, 7, 1);
    const r = rng(11);
    const f = [1, 0.04, 0, 0, 1, 0, 0, 0, 1];
    const ref = path.join(tmp, "ref.dump");
    const def = path.join(tmp, "def.dump");
    writeDump(ref, frameFromUnwrapped(u, cell));
    writeDump(
      def,
      frameFromUnwrapped(
        affine(u, f).map((x) => x + 0.3 * (2 * r() - 1)),
        deformCell(cell, f),
      ),
    );
    const one = path.join(tmp, "one.csv");
    const two = path.join(tmp, "two.csv");
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((t: string) => written.push(t) > 0) as typeof process.stderr.write;
    try {
      assert.equal((await quietly(() => d2minCommand.run([ref, def, "--out", one, "--quiet"]))).code, 0);
      assert.equal(
        (await quietly(() => d2minCommand.run([ref, def, "--out", two, "--threads", "2", "--quiet"]))).code,
        0,
      );
    } finally {
      process.stderr.write = write;
    }
    assert.deepEqual(written, []);
    assert.equal(fs.readFileSync(two, "utf8"), fs.readFileSync(one, "utf8"));
    assert.ok(numericColumn(readCsv(one), "d2min").some((x) => x > 0.1));
    await assert.rejects(
      d2minCommand.run([ref, def, "--out", one, "--threads", "0"]),
      (e: Error) => e instanceof UsageError && /^--threads must be a positive integer, got 0$/.test(e.message),
    );
  });

  it("refuses a cutoff whose neighbors cannot fit before reading the deformed dump", async () => {
    const ref = path.join(dir, "cuzr_quenched.dump.gz");
    const missing = path.join(tmp, "missing.dump");
    const out = path.join(tmp, "big.csv");
    for (const [cutoff, perAtom] of [
      ["60", /about \d{5} neighbors per atom/],
      ["1e6", /about \d\.\d\de\+\d\d neighbors per atom/],
    ] as const) {
      await assert.rejects(d2minCommand.run([ref, missing, "--out", out, "--cutoff", cutoff]), (e: Error) => {
        assert.match(e.message, new RegExp(`cuzr_quenched\\.dump\\.gz: a ${Number(cutoff)} A cutoff gives`));
        assert.match(e.message, perAtom);
        assert.match(e.message, /the limit is 4000 per atom/);
        return true;
      });
    }
    assert.ok(!fs.existsSync(out));
  });
});
