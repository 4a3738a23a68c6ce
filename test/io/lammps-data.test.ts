import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { readDumpSync } from "../../src/io/dump-reader";
import { readLammpsData } from "../../src/io/lammps-data";
import { ParseError } from "../../src/io/parse-error";
import { assertClose, FIXTURES, tempDir } from "./helpers";

const HEADER =
  "LAMMPS data file via write_data, version 29 Sep 2021, timestep = 7\n\n3 atoms\n2 atom types\n\n0 10 xlo xhi\n0 10 ylo yhi\n0 10 zlo zhi\n\n";
const MASSES = "Masses\n\n1 63.546 # Cu\n2 91.224\n\n";
const ATOMS = "Atoms # atomic\n\n1 1 1 1 1 0 0 0\n2 2 2 2 2 1 0 -1\n3 1 3 3 3 0 0 0\n";

describe("io/lammps-data readLammpsData", () => {
  let dir = "";
  let count = 0;
  before(() => {
    dir = tempDir("data");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => {
    const file = path.join(dir, `d${count++}.data`);
    fs.writeFileSync(file, text);
    return file;
  };
  const expectError = (text: string, line: number, re: RegExp) => {
    const file = write(text);
    assert.throws(
      () => readLammpsData(file),
      (e: unknown) =>
        e instanceof ParseError && e.line === line && re.test(e.message) && e.message.startsWith(`${file}:${line}: `),
    );
  };

  it("reads write_data output of an orthogonal box with image flags (the same atoms as LAMMPS' dump at that step)", () => {
    const d = readLammpsData(path.join(FIXTURES, "ortho.data"), { sort: true, periodic: [true, false, false] });
    const f = readDumpSync(path.join(FIXTURES, "ortho.custom.dump"), { timestep: 80 });
    assert.equal(d.timestep, 80);
    assert.deepEqual(Array.from(d.ids), Array.from(f.ids));
    assert.deepEqual(Array.from(d.types), Array.from(f.types));
    assertClose(d.positions, f.positions, 1e-9, 10, "positions");
    assert.deepEqual(Array.from(d.images!), Array.from(f.images!));
    assert.deepEqual(Array.from(d.cell.origin), Array.from(f.cell.origin));
    assert.deepEqual(d.boundary, ["pp", "ff", "ff"]);
    assert.equal(d.elements, null);
  });

  it("masses become a per-atom column; comments, charge style, type labels and general triclinic headers are understood", () => {
    const d = readLammpsData(write(HEADER + MASSES + ATOMS + "\nVelocities\n\n1 0 0 0\n2 0 0 0\n3 0 0 0\n"));
    assert.deepEqual(Array.from(d.columns.get("mass")!), [63.546, 91.224, 63.546]);
    assert.deepEqual(Array.from(d.images!), [0, 0, 0, 1, 0, -1, 0, 0, 0]);
    assert.deepEqual(Array.from(d.unwrapped!.subarray(3, 6)), [12, 2, -8]);
    assert.equal(d.timestep, 7);

    const charge = readLammpsData(
      write(
        HEADER.replace("2 atom types", "2 atom types # two") +
          "Atom Type Labels\n\n1 Cu\n2 Zr\n\nAtoms # charge\n\n1 1 0.5 1 1 1\n2 2 -0.5 2 2 2\n3 1 0 3 3 3\n",
      ),
    );
    assert.deepEqual(Array.from(charge.columns.get("q")!), [0.5, -0.5, 0]);
    assert.deepEqual(charge.elements, ["Cu", "Zr"]);
    assert.equal(charge.images, null);
    assert.deepEqual(
      readLammpsData(write(HEADER + "Atoms\n\n1 1 1 1 1\n2 2 2 2 2\n3 1 3 3 3\n"), { types: ["Al", "Ni"] }).elements,
      ["Al", "Ni"],
    );

    const tri = readLammpsData(
      write(
        "tri\n\n1 atoms\n1 atom types\n-1 9 xlo xhi\n0 8 ylo yhi\n2 9 zlo zhi\n-2.5 1.5 -3 xy xz yz\n\nAtoms\n\n1 1 12 1 3\n",
      ),
    );
    assert.deepEqual(Array.from(tri.cell.matrix), [10, 0, 0, -2.5, 8, 0, 1.5, -3, 7]);
    assert.deepEqual(Array.from(tri.cell.origin), [-1, 0, 2]);
    assert.deepEqual(Array.from(tri.positions), [2, 1, 3]); // wrapped along a

    const gen = readLammpsData(
      write(
        "general\n\n1 atoms\n1 atom types\n8 1 0 avec\n-1 9 0 bvec\n0 1 7 cvec\n1 2 3 abc origin\n\nAtoms # atomic\n\n1 1 2 3 4\n",
      ),
    );
    assert.deepEqual(Array.from(gen.cell.matrix), [8, 1, 0, -1, 9, 0, 0, 1, 7]);
    assert.deepEqual(Array.from(gen.cell.origin), [1, 2, 3]);
  });

  it("errors name the line: truncated or short sections, fields, ids, types, masses, styles, header and box problems", () => {
    expectError(
      HEADER + MASSES + "Atoms # atomic\n\n1 1 1 1 1 0 0 0\n2 2 2 2 2 1 0 -1\n",
      18,
      /file ends inside section "Atoms" \(line 15\): 2 of 3 lines/,
    );
    expectError(
      HEADER + "Atoms # atomic\n\n1 1 1 1 1 0 0 0\n2 2 2 2 2\n3 1 3 3 3 0 0 0\n",
      13,
      /atom line has 5 fields, expected 8/,
    );
    expectError(
      HEADER + "Atoms # atomic\n\n1 1 1 1 1\n1 2 2 2 2\n3 1 3 3 3\n",
      13,
      /duplicate atom id 1 \(also on line 12\)/,
    );
    expectError(HEADER + "Atoms # atomic\n\n1 1 1 1 1\n2 3 2 2 2\n3 1 3 3 3\n", 13, /atom type 3 is outside 1..2/);
    expectError(HEADER + "Atoms # atomic\n\n1 1 1 1 1\n2 2 2 x 2\n3 1 3 3 3\n", 13, /value "x" is not a finite number/);
    expectError(HEADER + "Masses\n\n1 63.546 7\n2 91.224\n\n" + ATOMS, 12, /Masses line must be "type mass"/);
    expectError(HEADER + "Masses\n\n1 63.546\n2 -1\n\n" + ATOMS, 13, /positive mass/);
    expectError(HEADER + "Atoms # full\n\n1 1 1 1 1 1 1\n", 10, /atom style "full" is not supported/);
    expectError(
      HEADER + "Atoms\n\n1 1 0 1 1 1\n2 2 0 2 2 2\n3 1 0 3 3 3\n",
      12,
      /cannot tell the atom style from 6 fields/,
    );
    expectError(HEADER + "Bananas\n\n1\n", 10, /unknown section "Bananas"/);
    expectError(HEADER.replace("3 atoms", "3 atomz"), 3, /unknown header line "3 atomz"/);
    expectError(HEADER.replace("0 10 ylo yhi", "10 10 ylo yhi") + ATOMS, 7, /bad box: box length along y is 0/);
    expectError(HEADER.replace("0 10 ylo yhi", "0 ylo yhi") + ATOMS, 7, /"ylo yhi" needs 2 numbers, got 1/);
    expectError("title\n\n2 atom types\n\nAtoms\n\n", 5, /header has no "atoms" line/);
    expectError(HEADER, 9, /no "Atoms" section/);
    expectError(
      HEADER + "Masses\n\n1 1\n\nAtoms # atomic\n\n1 1 1 1 1\n2 2 2 2 2\n3 1 3 3 3\n",
      14,
      /section "Masses" \(line 10\) has 1 lines, expected 2/,
    );
  });
});
