import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { Cell } from "../../src/structure/cell";
import { iterateDump, readDump, readDumpFrames, readDumpSync } from "../../src/io/dump-reader";
import { writeDump } from "../../src/io/dump-writer";
import type { Frame } from "../../src/structure/frame";
import { latticeFrame } from "../../src/io/lattice";
import { assertClose, assertSameFrame, tempDir } from "./helpers";

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A frame of random atoms inside `cell`, with random image flags, two types and a feature column. */
function randomFrame(cell: Cell, n: number, seed: number, timestep = 0): Frame {
  const r = rng(seed);
  const s = new Float64Array(3 * n);
  for (let k = 0; k < s.length; k++) s[k] = 1e-6 + r() * (1 - 2e-6); // off the faces: no wrapping ambiguity
  const positions = cell.toCartesian(s);
  const images = new Int32Array(3 * n);
  for (let k = 0; k < images.length; k++) images[k] = Math.floor(r() * 7) - 3;
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = 3 * (n - i) + 7; // sparse, descending
  const types = new Int32Array(n).map(() => 1 + Math.floor(r() * 2));
  const feature = new Float64Array(n).map(() => (r() - 0.5) * 1e-7);
  const unwrapped = new Float64Array(3 * n);
  const shift = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    cell.imageShift(images[3 * i], images[3 * i + 1], images[3 * i + 2], shift);
    for (let d = 0; d < 3; d++) unwrapped[3 * i + d] = positions[3 * i + d] + shift[d];
  }
  return {
    timestep,
    natoms: n,
    ids,
    types,
    positions,
    unwrapped,
    images,
    cell,
    boundary: cell.periodic.map((p) => (p ? "pp" : "fm")) as [string, string, string],
    columns: new Map([["c_feature", feature]]),
    elements: ["Cu", "Zr"],
  };
}

describe("io/dump-writer + dump-reader round trips", () => {
  let dir = "";
  before(() => {
    dir = tempDir("dump");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("orthogonal box with awkward bounds: ids, types, positions, images, cell and columns come back bit for bit", async () => {
    const cell = Cell.orthogonal(0.7 * 13, 10.3, 7.1, [0.1, -3.3, 1e-3]);
    const f = randomFrame(cell, 500, 1, 12345);
    const file = path.join(dir, "ortho.dump");
    writeDump(file, f);
    const back = await readDump(file, { types: ["Cu", "Zr"] });
    assertSameFrame(back, f);
    assert.deepEqual(back.elements, ["Cu", "Zr"]);
    assert.match(fs.readFileSync(file, "utf8").split("\n")[4], /^ITEM: BOX BOUNDS pp pp pp$/);
  });

  it("restricted triclinic boxes with negative and large tilts: the LAMMPS bound conversion inverts to the last bit or two", () => {
    const r = rng(7);
    let exact = 0;
    for (let trial = 0; trial < 40; trial++) {
      const lo: [number, number, number] = [(r() - 0.5) * 20, (r() - 0.5) * 20, (r() - 0.5) * 20];
      const len = [5 + r() * 20, 5 + r() * 20, 5 + r() * 20];
      const hi: [number, number, number] = [lo[0] + len[0], lo[1] + len[1], lo[2] + len[2]];
      const tilt: [number, number, number] = [
        (r() - 0.5) * len[0] * 1.6,
        (r() - 0.5) * len[0] * 1.6,
        (r() - 0.5) * len[1] * 1.6,
      ];
      const cell = Cell.fromLammps(lo, hi, tilt, [true, r() < 0.5, true]);
      const f = randomFrame(cell, 30, trial);
      const file = path.join(dir, `tri${trial}.dump`);
      writeDump(file, f);
      const back = readDumpSync(file);
      assertSameFrame(back, f, 2);
      assert.deepEqual(back.boundary, f.boundary);
      if (Array.from(back.cell.matrix).join() === Array.from(f.cell.matrix).join()) exact++;
    }
    assert.ok(exact >= 28, `only ${exact} of 40 cells came back bit for bit`);
  });

  it("atoms exactly on the lower faces of a tilted box (perfect crystal) stay where the file puts them", () => {
    const f = latticeFrame("fcc", 3.6, [3, 3, 3], { elements: ["Cu"] });
    const cell = Cell.fromLammps([-0.3, 0.7, 1.1], [10.5, 11.5, 11.9], [-3.3, 2.7, -1.9]);
    const frame = { ...f, cell, positions: cell.toCartesian(f.cell.toFractional(f.positions)) };
    const file = path.join(dir, "faces.dump");
    writeDump(file, frame);
    const back = readDumpSync(file);
    assert.deepEqual(Array.from(back.positions), Array.from(frame.positions));
    assert.deepEqual(Array.from(back.positions.subarray(0, 3)), [-0.3, 0.7, 1.1]); // the atom at the origin corner
  });

  it("a general (rotated) triclinic cell is written and read as 'abc origin'", () => {
    const cell = new Cell([8, 1, 0.5, -2, 9, 1, 1, -1.5, 10], [1, 2, 3]);
    const f = randomFrame(cell, 50, 3);
    const file = path.join(dir, "general.dump");
    writeDump(file, f);
    assert.match(
      fs.readFileSync(file, "utf8"),
      /ITEM: BOX BOUNDS abc origin pp pp pp\n8 1 0.5 1\n-2 9 1 2\n1 -1.5 10 3\n/,
    );
    assertSameFrame(readDumpSync(file), f);
  });

  it("unwrapped output (xu yu zu) reads back to the same wrapped positions, images and unwrapped coordinates", () => {
    const cell = Cell.fromLammps([0, 0, 0], [10, 11, 12], [-3, 2, -4]);
    const f = randomFrame(cell, 200, 5);
    const file = path.join(dir, "unwrapped.dump");
    writeDump(file, f, { unwrapped: true });
    const back = readDumpSync(file);
    assert.deepEqual(Array.from(back.unwrapped!), Array.from(f.unwrapped!));
    assert.deepEqual(Array.from(back.images!), Array.from(f.images!));
    assertClose(back.positions, f.positions, 1e-13, 50, "wrapped from unwrapped");
  });

  it("extra columns (e.g. softness) are written after the frame's own, and refuse wrong lengths, NaN or clashing names", () => {
    const f = latticeFrame("fcc", 3.6, [2, 2, 2], { elements: ["Cu"] });
    const softness = Float64Array.from({ length: f.natoms }, (_, i) => Math.sin(i) / 3);
    const file = path.join(dir, "columns.dump");
    writeDump(file, f, { columns: { softness, rank: Array.from({ length: f.natoms }, (_, i) => i) } });
    const back = readDumpSync(file);
    assert.deepEqual([...back.columns.keys()], ["softness", "rank"]);
    assert.deepEqual(Array.from(back.columns.get("softness")!), Array.from(softness));
    assert.throws(() => writeDump(file, f, { columns: { s: [1, 2] } }), /has 2 values, expected 32/);
    assert.throws(
      () => writeDump(file, f, { columns: { s: new Float64Array(f.natoms).fill(NaN) } }),
      /atom id 1 is NaN/,
    );
    assert.throws(() => writeDump(file, f, { columns: { x: new Float64Array(f.natoms) } }), /clashes/);
    assert.throws(() => writeDump(file, f, { unwrapped: true }), /needs frame.unwrapped or frame.images/);
    assert.deepEqual(Array.from(readDumpSync(file).columns.get("softness")!), Array.from(softness)); // failed writes left the file intact
  });

  it("gzip: written when the name ends in .gz, detected by magic bytes whatever the name, appended as gzip members", async () => {
    const cell = Cell.fromLammps([0, 0, 0], [9, 9, 9], [1, -1, 0.5]);
    const frames = [0, 100, 200].map((t, k) => randomFrame(cell, 100, 10 + k, t));
    const gz = path.join(dir, "multi.dump.gz");
    frames.forEach((f, k) => writeDump(gz, f, { append: k > 0 }));
    assert.equal(fs.readFileSync(gz)[0], 0x1f);
    const back = await readDumpFrames(gz);
    assert.equal(back.length, 3);
    back.forEach((f, k) => assertSameFrame(f, frames[k]));
    const disguised = path.join(dir, "disguised.lammpstrj");
    fs.copyFileSync(gz, disguised);
    assertSameFrame(readDumpSync(disguised, { frame: -1 }), frames[2]);
    const corrupt = path.join(dir, "corrupt.dump.gz");
    const bytes = fs.readFileSync(gz);
    fs.writeFileSync(corrupt, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await assert.rejects(
      readDumpFrames(corrupt),
      /corrupt\.dump\.gz(:\d+)?: cannot decompress|corrupt\.dump\.gz:\d+: file ends inside/,
    );
    assert.throws(() => readDumpSync(corrupt), /corrupt\.dump\.gz: cannot decompress/);
  });

  it("streams a multi-frame file larger than the read chunk frame by frame; selection by index and timestep", async () => {
    const cell = Cell.orthogonal(60, 60, 60);
    const frames = [10, 20, 30, 40].map((t, k) => randomFrame(cell, 12000, 20 + k, t));
    const file = path.join(dir, "stream.dump");
    frames.forEach((f, k) => writeDump(file, f, { append: k > 0 }));
    assert.ok(fs.statSync(file).size > 3 * (1 << 20), "the file must span several 1 MiB chunks");
    const seen: number[] = [];
    for await (const f of iterateDump(file, { sort: true })) {
      seen.push(f.timestep);
      const ref = frames[seen.length - 1];
      // sorted by id: ids ascend, and the atom with id 10 (last in file order) comes first
      assert.equal(f.ids[0], 10);
      for (let i = 1; i < f.natoms; i++) assert.ok(f.ids[i] > f.ids[i - 1]);
      assert.deepEqual(
        Array.from(f.positions.subarray(0, 3)),
        Array.from(ref.positions.subarray(3 * (ref.natoms - 1))),
      );
    }
    assert.deepEqual(seen, [10, 20, 30, 40]);
    assertSameFrame(await readDump(file, { frame: 2 }), frames[2]);
    assertSameFrame(await readDump(file, { frame: -1 }), frames[3]);
    assertSameFrame(await readDump(file, { timestep: 20 }), frames[1]);
    const only: number[] = [];
    for await (const f of iterateDump(file, { timestep: 30 })) only.push(f.timestep);
    assert.deepEqual(only, [30]);
  });

  it("dumps without id/type columns get ids 1..N and type 1; the sort option orders by id", () => {
    const file = path.join(dir, "minimal.dump");
    fs.writeFileSync(
      file,
      "ITEM: TIMESTEP\n5\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS\n0 10\n0 10\n0 10\nITEM: ATOMS x y z\n1 2 3\n11 -1 3\n4 5 6\n",
    );
    const f = readDumpSync(file);
    assert.deepEqual(Array.from(f.ids), [1, 2, 3]);
    assert.deepEqual(Array.from(f.types), [1, 1, 1]);
    assert.deepEqual(f.boundary, ["pp", "pp", "pp"]); // old dumps without flags: periodic
    assert.deepEqual(Array.from(f.positions.subarray(3, 6)), [1, 9, 3]); // wrapped along x and y
    assert.equal(f.elements, null);
    const g = path.join(dir, "unsorted.dump");
    fs.writeFileSync(
      g,
      "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\nITEM: ATOMS type id x y z\n2 30 1 1 1\n1 10 2 2 2\n1 20 3 3 3\n",
    );
    const sorted = readDumpSync(g, { sort: true });
    assert.deepEqual(Array.from(sorted.ids), [10, 20, 30]);
    assert.deepEqual(Array.from(sorted.types), [1, 1, 2]);
    assert.deepEqual(Array.from(sorted.positions.subarray(0, 3)), [2, 2, 2]);
  });

  it("reads CRLF line ends and gzip data compressed by an external tool", () => {
    const file = path.join(dir, "crlf.dump");
    const text =
      "ITEM: TIMESTEP\r\n0\r\nITEM: NUMBER OF ATOMS\r\n1\r\nITEM: BOX BOUNDS pp pp pp\r\n0 5\r\n0 5\r\n0 5\r\nITEM: ATOMS id type x y z\r\n1 1 1.5 2.5 3.5\r\n";
    fs.writeFileSync(file, text);
    assert.deepEqual(Array.from(readDumpSync(file).positions), [1.5, 2.5, 3.5]);
    fs.writeFileSync(file + ".gz", zlib.gzipSync(text, { level: 1 }));
    assert.deepEqual(Array.from(readDumpSync(file + ".gz").positions), [1.5, 2.5, 3.5]);
  });
});
