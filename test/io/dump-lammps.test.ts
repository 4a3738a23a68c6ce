import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { writeDump } from "../../src/io/dump-writer";
import { readDump, readDumpFrames, readDumpSync } from "../../src/io/dump-reader";
import { readLammpsData } from "../../src/io/lammps-data";
import type { Frame } from "../../src/structure/frame";
import { assertClose, assertSameFrame, FIXTURES, tempDir, thermoBoxes } from "./helpers";

const fx = (name: string) => path.join(FIXTURES, name);
const EPS = Number.EPSILON;

/** The box of a frame as LAMMPS parameters [xlo, xhi, ylo, yhi, zlo, zhi, xy, xz, yz]. */
function boxParams(f: Frame): number[] {
  const m = f.cell.matrix;
  const o = f.cell.origin;
  return [o[0], o[0] + m[0], o[1], o[1] + m[4], o[2], o[2] + m[8], m[3], m[6], m[7]];
}

/** The box must equal LAMMPS' own (thermo output) to the few ulps the dump's bound rounding leaves. */
function assertLammpsBox(f: Frame, expected: number[]): void {
  const scale = Math.max(...expected.map(Math.abs));
  assertClose(boxParams(f), expected, 8 * EPS, scale, `box at step ${f.timestep}`);
}

/** Positions must lie inside the cell (fractional coordinates in [0, 1) up to rounding) along periodic directions. */
function assertInside(f: Frame): void {
  const s = f.cell.toFractional(f.positions);
  for (let k = 0; k < s.length; k++) {
    if (!f.cell.periodic[k % 3]) continue;
    assert.ok(s[k] >= -1e-12 && s[k] < 1 + 1e-12, `atom ${Math.floor(k / 3)} fractional ${s[k]}`);
  }
}

describe("io/dump-reader against LAMMPS (29 Sep 2021) fixtures", () => {
  const boxes = thermoBoxes(fx("log.triclinic"));

  it("triclinic box with negative tilts: x+image, xs, xu, xsu and a shuffled gzip dump give the same atoms", async () => {
    const names = [
      "triclinic.x.dump",
      "triclinic.xs.dump",
      "triclinic.xu.dump",
      "triclinic.xsu.dump",
      "triclinic.mixed.dump.gz",
    ];
    const all = await Promise.all(names.map((n) => readDumpFrames(fx(n), { sort: true, types: ["Cu", "Zr"] })));
    for (const frames of all)
      assert.deepEqual(
        frames.map((f) => f.timestep),
        [0, 50, 100],
      );
    for (let t = 0; t < 3; t++) {
      const ref = all[0][t];
      assert.equal(ref.natoms, 16);
      assertLammpsBox(ref, boxes.get(ref.timestep)!);
      assert.deepEqual(ref.boundary, ["pp", "pp", "pp"]);
      const scale = 30; // Angstrom, the size of the unwrapped coordinates
      for (let k = 1; k < all.length; k++) {
        const f = all[k][t];
        assert.deepEqual(Array.from(f.ids), Array.from(ref.ids));
        assert.deepEqual(Array.from(f.types), Array.from(ref.types));
        assert.deepEqual(Array.from(f.cell.matrix), Array.from(ref.cell.matrix));
        assertClose(f.positions, ref.positions, 1e-9, scale, `${names[k]} positions t=${ref.timestep}`);
        if (names[k] !== "triclinic.xs.dump") {
          assertClose(f.unwrapped!, ref.unwrapped!, 1e-9, scale, `${names[k]} unwrapped t=${ref.timestep}`);
          assert.deepEqual(Array.from(f.images!), Array.from(ref.images!), `${names[k]} images`);
        } else {
          assert.equal(f.unwrapped, null);
          assert.equal(f.images, null);
        }
        assertInside(f);
      }
    }
    // The run really exercises image flags and the wrapped form of unwrapped coordinates.
    const last = all[0][2];
    assert.ok(Array.from(last.images!).some((i) => Math.abs(i) >= 2));
    assert.deepEqual([...all[4][2].columns.keys()], ["vx"]);
  });

  it("unwrapped = x + ix a + iy b + iz c with the tilted lattice vectors (checked by hand for one atom)", () => {
    const f = readDumpSync(fx("triclinic.x.dump"), { frame: -1, sort: true });
    const m = f.cell.matrix;
    for (let i = 0; i < f.natoms; i++) {
      const [ix, iy, iz] = [f.images![3 * i], f.images![3 * i + 1], f.images![3 * i + 2]];
      // a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz)
      const ux = f.positions[3 * i] + ix * m[0] + iy * m[3] + iz * m[6];
      const uy = f.positions[3 * i + 1] + iy * m[4] + iz * m[7];
      const uz = f.positions[3 * i + 2] + iz * m[8];
      assertClose([ux, uy, uz], f.unwrapped!.subarray(3 * i, 3 * i + 3), 1e-12, 30, `atom ${f.ids[i]}`);
    }
  });

  it("the data file written at the last step holds the same box (exact) and atoms", () => {
    const d = readLammpsData(fx("triclinic.data"), { sort: true, types: ["Cu", "Zr"] });
    const f = readDumpSync(fx("triclinic.x.dump"), { timestep: 100, sort: true });
    assert.equal(d.timestep, 100);
    assert.deepEqual(
      boxParams(d).map((x) => Number(x.toPrecision(15))),
      [0.5, 10.7, -1.2, 8.3, 0.3, 9.1, -2.3, 1.7, -1.9],
    );
    assert.deepEqual(Array.from(d.cell.origin), [0.5, -1.2, 0.3]);
    assert.deepEqual([d.cell.matrix[3], d.cell.matrix[6], d.cell.matrix[7]], [-2.3, 1.7, -1.9]);
    assertLammpsBox(d, boxes.get(100)!);
    assert.deepEqual(Array.from(d.ids), Array.from(f.ids));
    assert.deepEqual(Array.from(d.types), Array.from(f.types));
    assertClose(d.positions, f.positions, 1e-9, 30, "data positions");
    assertClose(d.unwrapped!, f.unwrapped!, 1e-9, 30, "data unwrapped");
    assert.deepEqual(Array.from(d.images!), Array.from(f.images!));
    const mass = d.columns.get("mass")!;
    for (let i = 0; i < d.natoms; i++) assert.equal(mass[i], d.types[i] === 1 ? 63.546 : 91.224);
  });

  it("a box flipped by fix deform: every frame's box matches LAMMPS and x+image agrees with xsu", async () => {
    const flipBoxes = thermoBoxes(fx("log.flip"));
    const a = await readDumpFrames(fx("flip.x.dump"));
    const b = await readDumpFrames(fx("flip.xsu.dump"));
    assert.deepEqual(
      a.map((f) => f.timestep),
      [0, 100, 200, 300, 400, 500, 600],
    );
    const tilts = a.map((f) => f.cell.lammps.xy);
    assert.ok(tilts[1] < -3.6 && tilts[2] > 3.5, `expected a flip between steps 100 and 200, got ${tilts}`);
    for (let t = 0; t < a.length; t++) {
      assertLammpsBox(a[t], flipBoxes.get(a[t].timestep)!);
      assertLammpsBox(b[t], flipBoxes.get(b[t].timestep)!);
      assertClose(b[t].positions, a[t].positions, 1e-9, 50, `flip positions t=${a[t].timestep}`);
      assertClose(b[t].unwrapped!, a[t].unwrapped!, 1e-9, 50, `flip unwrapped t=${a[t].timestep}`);
      assert.deepEqual(Array.from(b[t].images!), Array.from(a[t].images!));
      assertInside(a[t]);
    }
  });

  it("orthogonal box with p s f boundaries, dump atom scaled output, element column, TIME and UNITS headers", async () => {
    const boxesO = thermoBoxes(fx("log.ortho"));
    const custom = await readDumpFrames(fx("ortho.custom.dump"));
    const atom = await readDumpFrames(fx("ortho.atom.dump"), { sort: true, types: ["Cu", "Zr"] });
    const image = await readDumpFrames(fx("ortho.atom-image.dump"), { sort: true });
    assert.deepEqual(
      custom.map((f) => f.timestep),
      [0, 40, 80],
    );
    for (let t = 0; t < 3; t++) {
      const c = custom[t];
      assert.deepEqual(c.boundary, ["pp", "ss", "ff"]);
      assert.deepEqual(c.cell.periodic, [true, false, false]);
      assert.deepEqual(c.elements, ["Cu", "Zr"]); // from the element column, pairs (type, element)
      assert.deepEqual(Array.from(c.types), Array.from(atom[t].types));
      const L = boxesO.get(c.timestep)!;
      // orthogonal bounds are exact: origin = (xlo, ylo, zlo) and edge = hi - lo as LAMMPS computes it
      assert.deepEqual(Array.from(c.cell.origin), [L[0], L[2], L[4]]);
      assert.deepEqual([c.cell.matrix[0], c.cell.matrix[4], c.cell.matrix[8]], [L[1] - L[0], L[3] - L[2], L[5] - L[4]]);
      assert.ok(c.cell.isOrthogonal);
      // dump atom has 6 significant digits in scaled units: agreement to 1e-5 of the box
      assertClose(atom[t].positions, c.positions, 1e-5, 10, `atom-style positions t=${c.timestep}`);
      assertClose(image[t].unwrapped!, c.unwrapped!, 1e-5, 10, "atom-style unwrapped");
      assert.deepEqual(Array.from(image[t].images!), Array.from(c.images!));
    }
    assert.ok(Array.from(custom[2].images!).some((i) => i !== 0));
  });

  it("LAMMPS read_dump reads our writer's triclinic dump to the same box (bit for bit) and atoms", () => {
    const ours = readDumpSync(fx("qsoft.written.dump"));
    const lammps = readDumpSync(fx("lammps.reread.dump"));
    const box = thermoBoxes(fx("log.reread")).get(1000)!;
    // LAMMPS' box after read_dump: the same doubles our reader derives from the bounds we wrote
    assert.deepEqual([ours.cell.origin[0], ours.cell.origin[1], ours.cell.origin[2]], [box[0], box[2], box[4]]);
    assert.deepEqual([ours.cell.matrix[3], ours.cell.matrix[6], ours.cell.matrix[7]], [box[6], box[7], box[8]]);
    assertLammpsBox(ours, box);
    assert.deepEqual(Array.from(lammps.cell.matrix), Array.from(ours.cell.matrix));
    assert.deepEqual(Array.from(lammps.ids), Array.from(ours.ids));
    assertClose(lammps.positions, ours.positions, 1e-9, 30, "reread positions");
    assertClose(lammps.unwrapped!, ours.unwrapped!, 1e-9, 30, "reread unwrapped");
    assert.deepEqual(Array.from(lammps.images!), Array.from(ours.images!));
    // writing what we read and reading it again gives the same frame, cell included, bit for bit
    const dir = tempDir("reread");
    try {
      const again = path.join(dir, "again.dump");
      writeDump(again, ours);
      assertSameFrame(readDumpSync(again), ours);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("selects frames by index (also negative) and by timestep, streaming or not", async () => {
    const file = fx("flip.x.dump");
    assert.equal((await readDump(file)).timestep, 0);
    assert.equal((await readDump(file, { frame: 2 })).timestep, 200);
    assert.equal((await readDump(file, { frame: -1 })).timestep, 600);
    assert.equal((await readDump(file, { frame: -7 })).timestep, 0);
    assert.equal((await readDump(file, { timestep: 400 })).source!.frameIndex, 4);
    assert.equal(readDumpSync(file, { frame: -2 }).timestep, 500);
    assert.equal(readDumpSync(file, { timestep: 300 }).timestep, 300);
    assert.equal((await readDump(fx("triclinic.mixed.dump.gz"), { frame: 1 })).timestep, 50);
    assert.deepEqual(
      (await readDumpFrames(file, { timestep: 500 })).map((f) => f.timestep),
      [500],
    );
  });
});
