import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Voronoi } from "../../src/geometry/voronoi";
import { readDumpSync } from "../../src/io/dump-reader";
import { SHRINK_WRAP_MARGIN } from "../../src/io/nonperiodic-bounds";
import { dumpText, GLASS_L, glassAtoms } from "../fuzz/inputs";
import { FIXTURES } from "./helpers";

describe("io/nonperiodic-bounds: boxes follow LAMMPS's boundary flags", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-bounds-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const bounds: [number, number][] = [
    [0, GLASS_L],
    [0, GLASS_L],
    [0, GLASS_L],
  ];
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };

  it("LAMMPS writes a shrink-wrapped face 1e-4 x the initial box length beyond the outermost atom (fixture written by LAMMPS)", () => {
    // in.ortho: boundary p s f, y from 0 to 5 A initially; every frame's y faces sit 5e-4 A beyond the atoms.
    const lines = fs.readFileSync(path.join(FIXTURES, "ortho.custom.dump"), "utf8").split("\n");
    const frame = readDumpSync(path.join(FIXTURES, "ortho.custom.dump"));
    const [ylo, yhi] = lines[lines.indexOf("ITEM: BOX BOUNDS pp ss ff") + 2].split(" ").map(Number);
    const ys = Array.from({ length: frame.natoms }, (_, i) => frame.positions[3 * i + 1]);
    assert.ok(Math.abs(Math.min(...ys) - ylo - SHRINK_WRAP_MARGIN * 5) < 1e-12);
    assert.ok(Math.abs(yhi - Math.max(...ys) - SHRINK_WRAP_MARGIN * 5) < 1e-12);
    assert.equal(frame.cell.origin[1], ylo, "atoms inside: the written bounds are kept");
  });

  it("refuses an atom 50 A outside an ff box, naming the file, line and atom id", () => {
    const atoms = glassAtoms();
    atoms[5] = { ...atoms[5], x: atoms[5].x + 50 };
    const file = write("ff.dump", dumpText({ atoms, bounds, boundary: "ff ff ff" }));
    // Header: 9 lines, so the 6th atom (id 6) is on line 15.
    assert.throws(
      () => readDumpSync(file),
      (e: Error) => e.message.startsWith(`${file}:15: atom id 6 lies`) && /fixed/.test(e.message),
    );
  });

  it("accepts an atom beyond a fixed face by no more than the roundoff of LAMMPS's default %g output", () => {
    // A box from 1000 to 1011.6 A: %g keeps 6 significant digits, so a written x can be off by up to
    // 5e-6 x 1011.6 = 5.1e-3 A. Beyond the face by 4e-4 A is roundoff; by 0.01 A it is not.
    const shifted = (dx: number) =>
      glassAtoms().map((a, k) => ({ ...a, x: a.x + 1000 + (k === 0 ? GLASS_L - a.x + dx : 0), y: a.y, z: a.z }));
    const box: [number, number][] = [
      [1000, 1000 + GLASS_L],
      [0, GLASS_L],
      [0, GLASS_L],
    ];
    const ok = readDumpSync(
      write("f-round.dump", dumpText({ atoms: shifted(4e-4), bounds: box, boundary: "ff pp pp" })),
    );
    assert.equal(ok.cell.origin[0], 1000);
    const file = write("f-out.dump", dumpText({ atoms: shifted(0.01), bounds: box, boundary: "ff pp pp" }));
    assert.throws(() => readDumpSync(file), /:10: atom id 1 lies 0\.01\d* A beyond the upper x face/);
  });

  it("moves a shrink-wrapped face out to an atom beyond it: Voronoi volumes sum to the box volume", () => {
    const atoms = glassAtoms();
    atoms[3] = { ...atoms[3], z: GLASS_L + 0.5 };
    atoms[8] = { ...atoms[8], z: -0.7 };
    const frame = readDumpSync(write("ss.dump", dumpText({ atoms, bounds, boundary: "pp pp ss" })));
    const zs = Array.from({ length: frame.natoms }, (_, i) => frame.positions[3 * i + 2]);
    assert.equal(frame.cell.origin[2], -0.7 - SHRINK_WRAP_MARGIN * GLASS_L);
    const zhi = frame.cell.origin[2] + frame.cell.matrix[8];
    assert.ok(Math.abs(zhi - (Math.max(...zs) + SHRINK_WRAP_MARGIN * GLASS_L)) < 1e-12);
    const tess = new Voronoi().compute(frame);
    const total = tess.volumes.reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(total - frame.cell.volume) < 1e-9 * frame.cell.volume, `${total} vs ${frame.cell.volume}`);
    assert.ok(frame.cell.volume > GLASS_L ** 3 + 1.2 * GLASS_L ** 2 * 0.99);
  });

  it("an fs face: the fixed side refuses, the shrink-wrapped side follows the atom", () => {
    const out = glassAtoms();
    out[0] = { ...out[0], y: GLASS_L + 2 };
    const ok = readDumpSync(write("fs-hi.dump", dumpText({ atoms: out, bounds, boundary: "pp fs pp" })));
    assert.ok(ok.cell.origin[1] === 0 && ok.cell.matrix[4] > GLASS_L + 2);
    const low = glassAtoms();
    low[0] = { ...low[0], y: -2 };
    const file = write("fs-lo.dump", dumpText({ atoms: low, bounds, boundary: "pp fs pp" }));
    assert.throws(() => readDumpSync(file), new RegExp(`${file}:10: atom id 1 lies 2\\.000 A beyond the lower y face`));
  });
});
