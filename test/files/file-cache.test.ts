import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type CacheCodec, cacheKey, FileCache, sameValues } from "../../src/files/file-cache";

/** A codec of number lists as text, one number a line; a line "bad" makes it refuse the file. */
const lines: CacheCodec<number[]> = {
  extension: ".txt",
  read: (file) => {
    const text = fs.readFileSync(file, "utf8").trim().split("\n");
    return text.includes("bad") ? null : text.map(Number);
  },
  write: (file, v) => fs.writeFileSync(file, v.join("\n") + "\n"),
};

describe("files/FileCache (the one cache: D2min labels, feature matrices)", () => {
  let dir = "";
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-cache-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keys hash the parts whatever their order, and change with the version and every value", () => {
    const k = cacheKey(1, { cutoff: 5, file: "abc" });
    assert.match(k, /^[0-9a-f]{16}$/);
    assert.equal(cacheKey(1, { file: "abc", cutoff: 5 }), k);
    assert.notEqual(cacheKey(2, { cutoff: 5, file: "abc" }), k);
    assert.notEqual(cacheKey(1, { cutoff: 4, file: "abc" }), k);
    assert.equal(new FileCache(dir, "x", 1, lines).key({ file: "abc", cutoff: 5 }), k);
  });

  it("stores under dir/kind/group/key.ext with a .gitignore, and reads back what it wrote", () => {
    const cache = new FileCache(dir, "labels", 1, lines);
    assert.equal(cache.read("glass", "k1"), null);
    assert.equal(cache.write("glass", "k1", [1, 2.5, 3]), true);
    assert.ok(fs.existsSync(path.join(dir, "labels", "glass", "k1.txt")));
    assert.match(fs.readFileSync(path.join(dir, ".gitignore"), "utf8"), /^\*$/m);
    assert.deepEqual(cache.read("glass", "k1"), [1, 2.5, 3]);
    // A value that does not fit (e.g. other atom ids) reads as absent.
    assert.equal(
      cache.read("glass", "k1", (v) => sameValues(v, [1, 2.5])),
      null,
    );
    assert.deepEqual(
      cache.read("glass", "k1", (v) => sameValues(v, [1, 2.5, 3])),
      [1, 2.5, 3],
    );
  });

  it("never makes a run fail: unreadable files read as null, an unwritable folder is skipped", () => {
    const cache = new FileCache(dir, "labels", 1, lines);
    fs.mkdirSync(path.join(dir, "labels", "g"), { recursive: true });
    fs.writeFileSync(cache.file("g", "refused"), "1\nbad\n");
    assert.equal(cache.read("g", "refused"), null);
    fs.mkdirSync(cache.file("g", "a-folder"));
    assert.equal(cache.read("g", "a-folder"), null);
    fs.writeFileSync(path.join(dir, "plain-file"), "");
    assert.equal(new FileCache(path.join(dir, "plain-file"), "labels", 1, lines).write("g", "k", [1]), false);
  });
});
