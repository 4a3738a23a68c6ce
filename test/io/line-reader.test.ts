import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { isGzipFile, readLineBatches, readLines, readLinesSync } from "../../src/io/line-reader";
import { tempDir } from "./helpers";

async function collect(file: string, chunk: number): Promise<{ lines: string[]; numbers: number[] }> {
  const lines: string[] = [];
  const numbers: number[] = [];
  for await (const b of readLineBatches(file, chunk)) {
    b.lines.forEach((l, k) => {
      lines.push(l);
      numbers.push(b.firstLine + k);
    });
  }
  return { lines, numbers };
}

describe("io/line-reader", () => {
  let dir = "";
  before(() => {
    dir = tempDir("lines");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const text = "first line\r\nzweite Zeile: äöü ✓ 銅\n\n  indented\nlast without newline";
  const expected = ["first line", "zweite Zeile: äöü ✓ 銅", "", "  indented", "last without newline"];

  it("streams the same lines as the sync reader for any chunk size, with multi-byte characters split across chunks", async () => {
    const file = path.join(dir, "plain.txt");
    fs.writeFileSync(file, text);
    assert.deepEqual(readLinesSync(file), expected);
    for (const chunk of [1, 2, 3, 5, 7, 64, 1 << 20]) {
      const got = await collect(file, chunk);
      assert.deepEqual(got.lines, expected, `chunk ${chunk}`);
      assert.deepEqual(got.numbers, [1, 2, 3, 4, 5]);
    }
    const one: string[] = [];
    for await (const { line, lineNo } of readLines(file)) one.push(`${lineNo}:${line}`);
    assert.equal(one[4], "5:last without newline");
  });

  it("reads gzip (one or several members) by magic bytes, and reports no final empty line after a trailing newline", async () => {
    const file = path.join(dir, "data.bin");
    fs.writeFileSync(file, Buffer.concat([zlib.gzipSync("a\nb\n"), zlib.gzipSync("c\n")]));
    assert.equal(isGzipFile(file), true);
    assert.deepEqual(readLinesSync(file), ["a", "b", "c"]);
    assert.deepEqual((await collect(file, 4)).lines, ["a", "b", "c"]);
    const plain = path.join(dir, "looks.gz");
    fs.writeFileSync(plain, "not compressed\n");
    assert.equal(isGzipFile(plain), false);
    assert.deepEqual(readLinesSync(plain), ["not compressed"]);
  });

  it("stopping early closes the file; a missing file is an error", async () => {
    const file = path.join(dir, "many.txt");
    fs.writeFileSync(file, Array.from({ length: 10000 }, (_, i) => `line ${i}`).join("\n"));
    let n = 0;
    for await (const b of readLineBatches(file, 256)) {
      n += b.lines.length;
      if (n > 100) break;
    }
    assert.ok(n > 100 && n < 10000);
    await assert.rejects(collect(path.join(dir, "nope.txt"), 10), /nope\.txt: no such file/);
  });
});
