import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { UsageError } from "../../src/cli/command";
import { d2minCommand } from "../../src/cli/d2min";
import { numericColumn, readCsv } from "../../src/table/csv";

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
});
