import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { checkInputFile, gzipExtent, gzipProblem, readInputBytes } from "../../src/files/input-file";

describe("files/input-file", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-input-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const text = "ITEM: TIMESTEP\n0\n".repeat(500);

  it("finds where gzip members end: members written by the gzip tool (with a file name header field) and by zlib", () => {
    const plain = path.join(dir, "frame.txt");
    fs.writeFileSync(plain, text);
    // `gzip -N` stores the file name (FNAME flag): the header is longer than 10 bytes.
    execFileSync("gzip", ["-N", "-k", plain]);
    const tool = fs.readFileSync(`${plain}.gz`);
    assert.ok(tool[3] & 8, "the gzip tool wrote a file name");
    assert.deepEqual(gzipExtent(tool), { end: tool.length, members: 1, truncated: false });
    const two = Buffer.concat([tool, zlib.gzipSync("more\n")]);
    assert.deepEqual(gzipExtent(two), { end: two.length, members: 2, truncated: false });
  });

  it("names the byte offset of trailing garbage and of a cut member", () => {
    const gz = zlib.gzipSync(text);
    const trailing = Buffer.concat([gz, Buffer.from("garbage")]);
    assert.deepEqual(gzipExtent(trailing), { end: gz.length, members: 1, truncated: false });
    assert.match(
      gzipProblem(trailing),
      new RegExp(`7 bytes of trailing garbage start at byte offset ${gz.length}, after 1 complete gzip member`),
    );
    // gunzip agrees: the valid part alone decompresses to the text.
    assert.equal(zlib.gunzipSync(trailing.subarray(0, gz.length)).toString(), text);
    const cut = Buffer.concat([gz, gz.subarray(0, gz.length - 3)]);
    assert.deepEqual(gzipExtent(cut), { end: gz.length, members: 1, truncated: true });
    assert.match(gzipProblem(cut), new RegExp(`member starting at byte ${gz.length} is cut short`));
  });

  it("names a directory, a missing file and an empty name with what was expected; a pipe is not a regular file", () => {
    assert.throws(
      () => checkInputFile(dir, "a LAMMPS dump"),
      new RegExp(`^Error: ${dir}: is a directory, expected a LAMMPS dump$`),
    );
    assert.throws(
      () => checkInputFile(path.join(dir, "nope"), "a CSV file"),
      /nope: no such file, expected a CSV file/,
    );
    assert.throws(() => checkInputFile(" ", "a CSV file"), /name is empty, expected a CSV file/);
    const fifo = path.join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    assert.deepEqual(checkInputFile(fifo, "x"), { regular: false });
    assert.deepEqual(checkInputFile("-", "x"), { regular: false });
    const file = path.join(dir, "f.txt");
    fs.writeFileSync(file, "abc");
    assert.deepEqual(checkInputFile(file, "x"), { regular: true });
    assert.equal(readInputBytes(file, "x").toString(), "abc");
  });
});
