import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AtomicWriter, checkOutputPath, writeFileAtomic } from "../../src/files/atomic-write";

const tempFiles = (dir: string): string[] => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("atomic writes", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-atomic-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses an empty name, a directory, a missing or unwritable folder before opening anything", () => {
    assert.throws(() => checkOutputPath(""), /name is empty/);
    assert.throws(
      () => checkOutputPath(dir),
      (e: Error) => e.message.startsWith(`${dir}: is a directory`),
    );
    const missing = path.join(dir, "no-such-folder", "x.csv");
    assert.throws(() => checkOutputPath(missing), /no-such-folder does not exist/);
    const file = path.join(dir, "plain.txt");
    fs.writeFileSync(file, "x");
    assert.throws(() => checkOutputPath(path.join(file, "x.csv")), /plain\.txt is not a folder/);
    assert.throws(() => new AtomicWriter(dir), /is a directory/);
    assert.throws(() => writeFileAtomic(dir, "x"), /is a directory/);
    assert.deepEqual(tempFiles(dir), []);
    assert.deepEqual(
      tempFiles(path.dirname(dir)).filter((f) => f.includes(path.basename(dir))),
      [],
    );
  });

  it("removes its temporary file when the final rename fails (target turned into a directory meanwhile)", () => {
    const target = path.join(dir, "late.csv");
    const w = new AtomicWriter(target);
    w.write("a,b\n1,2\n");
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, "keep"), "x");
    assert.throws(() => w.close());
    assert.deepEqual(tempFiles(dir), []);
    w.abort();
    fs.rmSync(target, { recursive: true });
  });

  it("holds its signal handlers only while a write is in progress; with another SIGINT listener (a notebook kernel) it only cleans up", async () => {
    const base = process.listenerCount("SIGINT");
    const baseTerm = process.listenerCount("SIGTERM");
    const target = path.join(dir, "hooks.csv");
    const w = new AtomicWriter(target);
    assert.equal(process.listenerCount("SIGINT"), base + 1);
    const kernel = () => undefined;
    process.on("SIGINT", kernel);
    try {
      process.emit("SIGINT", "SIGINT");
    } finally {
      process.removeListener("SIGINT", kernel);
    }
    assert.deepEqual(tempFiles(dir), [], "the temporary file is gone, the process lives on");
    w.abort();
    writeFileAtomic(target, "a\n");
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(process.listenerCount("SIGINT"), base);
    assert.equal(process.listenerCount("SIGTERM"), baseTerm);
    assert.equal(fs.readFileSync(target, "utf8"), "a\n");
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`removes the temporary file of a write in progress on ${signal} and ends with that signal`, async function () {
      this.timeout(20000);
      const target = path.join(dir, `${signal}.csv`);
      const script = `const { AtomicWriter } = require(${JSON.stringify(path.resolve(__dirname, "../../src/files/atomic-write"))});
const w = new AtomicWriter(${JSON.stringify(target)}); w.write("half"); console.log("ready"); setTimeout(() => {}, 60000);`;
      const child = spawn(process.execPath, ["--require", "tsx/cjs", "-e", script], {
        cwd: path.resolve(__dirname, "../.."),
        stdio: ["ignore", "pipe", "inherit"],
      });
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, sig) => resolve(sig)));
      await new Promise<void>((resolve) =>
        child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve()),
      );
      assert.equal(tempFiles(dir).length, 1, "the write is in progress");
      child.kill(signal);
      assert.equal(await ended, signal);
      assert.deepEqual(tempFiles(dir), []);
      assert.equal(fs.existsSync(target), false);
    });
  }
});
