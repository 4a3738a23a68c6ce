import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { readDumpFrames, readDumpSync } from "../../src/io/dump-reader";
import { dumpFrameChunks, formatDumpFrame, writeDump } from "../../src/io/dump-writer";
import { latticeFrame } from "../../src/io/lattice";
import type { Frame } from "../../src/structure/frame";
import { tempDir } from "./helpers";

/** A jittered fcc frame of 4 x 22^3 = 42,592 atoms with image flags: several streamed row blocks. */
function bigFrame(): Frame {
  const f = latticeFrame("fcc", 3.6, [22, 22, 22]);
  for (let k = 0; k < f.positions.length; k++) f.positions[k] += 0.05 * Math.sin(k * 12.9898);
  f.positions.set(f.cell.wrap(f.positions).positions);
  const images = new Int32Array(3 * f.natoms).map((_, k) => (k % 7) - 3);
  return { ...f, images, unwrapped: null };
}

describe("io/dump-writer streaming", () => {
  let dir = "";
  before(() => {
    dir = tempDir("dump-writer");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("streams a frame of many row blocks; every line is what the atom's numbers say, in order", () => {
    const f = bigFrame();
    assert.ok(f.natoms > 40_000, `${f.natoms}`);
    const pe = Float64Array.from({ length: f.natoms }, (_, i) => -3.5 + Math.cos(i) / 7);
    const pieces = [...dumpFrameChunks(f, { columns: { c_pe: pe } })];
    assert.ok(pieces.length >= 4, `${pieces.length} pieces`);
    const file = path.join(dir, "big.dump");
    writeDump(file, f, { columns: { c_pe: pe } });
    const lines = fs.readFileSync(file, "utf8").split("\n");
    assert.equal(lines[0], "ITEM: TIMESTEP");
    assert.equal(Number(lines[3]), f.natoms);
    assert.equal(lines[8], "ITEM: ATOMS id type x y z ix iy iz c_pe");
    assert.equal(lines.length, 9 + f.natoms + 1);
    for (const i of [0, 1, 16383, 16384, 16385, f.natoms - 1]) {
      const want = [
        f.ids[i],
        f.types[i],
        f.positions[3 * i],
        f.positions[3 * i + 1],
        f.positions[3 * i + 2],
        (f.images as Int32Array)[3 * i],
        (f.images as Int32Array)[3 * i + 1],
        (f.images as Int32Array)[3 * i + 2],
        pe[i],
      ].join(" ");
      assert.equal(lines[9 + i], want, `atom ${i}`);
    }
    assert.equal(fs.readFileSync(file, "utf8"), formatDumpFrame(f, { columns: { c_pe: pe } }));
    const back = readDumpSync(file);
    assert.deepEqual(back.positions, f.positions);
    assert.deepEqual(back.columns.get("c_pe"), pe);
  });

  it("writes gzip that gunzip and our reader inflate to the same text; appends a frame as another member", async () => {
    const f = bigFrame();
    const gz = path.join(dir, "big.dump.gz");
    writeDump(gz, f, { unwrapped: true });
    writeDump(gz, { ...f, timestep: 10 }, { unwrapped: true, append: true });
    const text = zlib.gunzipSync(fs.readFileSync(gz)).toString("utf8");
    const one = formatDumpFrame(f, { unwrapped: true });
    assert.equal(text, one + formatDumpFrame({ ...f, timestep: 10 }, { unwrapped: true }));
    const frames = await readDumpFrames(gz);
    assert.deepEqual(
      frames.map((g) => g.timestep),
      [0, 10],
    );
    // Unwrapped coordinates computed row by row from the images: position + image . cell.
    const shift = new Float64Array(3);
    const i = 12345;
    const im = f.images as Int32Array;
    f.cell.imageShift(im[3 * i], im[3 * i + 1], im[3 * i + 2], shift);
    assert.equal((frames[1].unwrapped as Float64Array)[3 * i + 1], f.positions[3 * i + 1] + shift[1]);
  });

  it("leaves the old file as it was when a value late in the frame cannot be written", () => {
    const f = bigFrame();
    const file = path.join(dir, "keep.dump");
    fs.writeFileSync(file, "old content\n");
    const bad = new Float64Array(f.natoms);
    bad[f.natoms - 2] = NaN;
    assert.throws(() => writeDump(file, f, { columns: { c_bad: bad } }), /finite numbers only/);
    assert.equal(fs.readFileSync(file, "utf8"), "old content\n");
    assert.deepEqual(
      fs.readdirSync(dir).filter((n) => n.endsWith(".tmp")),
      [],
    );
  });
});
