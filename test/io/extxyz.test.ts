import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Cell } from "../../src/structure/cell";
import { parseExtxyzComment, readExtxyz, readExtxyzFrames, writeExtxyz } from "../../src/io/extxyz";
import { latticeFrame } from "../../src/io/lattice";
import { ParseError } from "../../src/io/parse-error";
import { assertSameFrame, tempDir } from "./helpers";

// Two frames as ASE writes them (ase.io.write(..., format="extxyz")): lattice rows, extra per-atom arrays,
// per-frame info keys, positions not wrapped.
const ASE_STYLE = `3
Lattice="4.0 0.0 0.0 1.0 5.0 0.0 0.0 0.0 6.0" Properties=species:S:1:pos:R:3:forces:R:3:tags:I:1:fixed:L:1 energy=-3.25 config_type="two words" pbc="T T F"
Zr 0.5 0.5 0.5 0.1 -0.2 0.3 7 T
Cu 4.5 1.0 2.0 0 0 0 8 F
Zr 1.0 2.0 3.0 1e-3 2E-3 -3e-3 9 F
2
Lattice="4.0 0.0 0.0 1.0 5.0 0.0 0.0 0.0 6.0" Properties=species:S:1:pos:R:3:forces:R:3:tags:I:1:fixed:L:1 pbc="T T F"
Al 0.5 0.5 0.5 0 0 0 1 F
Cu 1 1 1 0 0 0 2 T
`;

describe("io/extxyz", () => {
  let dir = "";
  let count = 0;
  before(() => {
    dir = tempDir("extxyz");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => {
    const file = path.join(dir, `x${count++}.xyz`);
    fs.writeFileSync(file, text);
    return file;
  };

  it("parses comment lines with quoted, braced and bare values", () => {
    const info = parseExtxyzComment(
      `Lattice="1 0 0 0 1 0 0 0 1" name=abc quote="say \\"hi\\"" arr={1 2 3} flag pbc = "T F T"`,
    );
    assert.equal(info.get("Lattice"), "1 0 0 0 1 0 0 0 1");
    assert.equal(info.get("name"), "abc");
    assert.equal(info.get("quote"), 'say "hi"');
    assert.equal(info.get("arr"), "1 2 3");
    assert.equal(info.get("flag"), "T");
    assert.equal(info.get("pbc"), "T F T");
  });

  it("reads ASE-style frames: species in order of first appearance across frames, extra properties as columns, pbc, unwrapped positions", () => {
    const file = write(ASE_STYLE);
    const [a, b] = readExtxyzFrames(file);
    assert.deepEqual(a.elements, ["Zr", "Cu", "Al"]);
    assert.deepEqual(Array.from(a.types), [1, 2, 1]);
    assert.deepEqual(Array.from(b.types), [3, 2]);
    assert.deepEqual(Array.from(a.cell.matrix), [4, 0, 0, 1, 5, 0, 0, 0, 6]);
    assert.deepEqual(a.cell.periodic, [true, true, false]);
    assert.deepEqual(a.boundary, ["pp", "pp", "ff"]);
    assert.deepEqual([...a.columns.keys()], ["forces_x", "forces_y", "forces_z", "tags", "fixed"]);
    assert.deepEqual(Array.from(a.columns.get("forces_y")!), [-0.2, 0, 0.002]);
    assert.deepEqual(Array.from(a.columns.get("fixed")!), [1, 0, 0]);
    assert.deepEqual(Array.from(a.ids), [1, 2, 3]);
    // atom 2 at x = 4.5 lies outside the cell (fractional a = 1.125): wrapped by -a, kept as unwrapped
    assert.deepEqual(Array.from(a.positions.subarray(3, 6)), [0.5, 1, 2]);
    assert.deepEqual(Array.from(a.unwrapped!.subarray(3, 6)), [4.5, 1, 2]);
    assert.deepEqual(Array.from(a.images!), [0, 0, 0, 1, 0, 0, 0, 0, 0]);
    assert.equal(b.unwrapped, null); // all inside: nothing to unwrap
    assert.equal(readExtxyz(file, { frame: -1 }).natoms, 2);
    const mapped = readExtxyz(file, { types: ["Cu", "Zr", "Al"] });
    assert.deepEqual(Array.from(mapped.types), [2, 1, 2]);
    assert.deepEqual(mapped.elements, ["Cu", "Zr", "Al"]);
  });

  it("round trip: triclinic cell with origin, ids, columns and several frames come back bit for bit", () => {
    const f = latticeFrame("hcp", 3.2, [2, 2, 2], { elements: ["Zr", "Cu"], basisTypes: [1, 2, 1, 2], timestep: 500 });
    const cell = new Cell([7.1, 0, 0, -2.2, 8.3, 0.4, 1.1, -0.9, 9.7], [0.1, -0.2, 0.3], [true, true, false]);
    const frame = {
      ...f,
      cell,
      positions: cell.toCartesian(f.cell.toFractional(f.positions)),
      boundary: ["pp", "pp", "ff"] as [string, string, string],
    };
    frame.columns = new Map([["softness", Float64Array.from({ length: f.natoms }, (_, i) => Math.cos(i) / 7)]]);
    const file = path.join(dir, "round.extxyz");
    writeExtxyz(file, [frame, { ...frame, timestep: 600 }]);
    writeExtxyz(
      file,
      { ...frame, timestep: 700 },
      { append: true, columns: { extra: new Float64Array(f.natoms).fill(0.25) } },
    );
    const back = readExtxyzFrames(file, { types: ["Zr", "Cu"] });
    assert.deepEqual(
      back.map((b) => b.timestep),
      [500, 600, 700],
    );
    assertSameFrame(back[0], frame);
    assert.deepEqual(back[0].elements, ["Zr", "Cu"]);
    assert.deepEqual(Array.from(back[2].columns.get("extra")!), new Array(f.natoms).fill(0.25));
    const gz = path.join(dir, "round.extxyz.gz");
    writeExtxyz(gz, frame);
    assertSameFrame(readExtxyz(gz, { types: ["Zr", "Cu"] }), frame);
    assert.throws(() => writeExtxyz(file, { ...frame, elements: null }), /no type map/);
  });

  it("errors name the line: counts, fields, numbers, species, properties, lattice and truncation", () => {
    const expectError = (text: string, line: number, re: RegExp, types?: string[]) => {
      const file = write(text);
      assert.throws(
        () => readExtxyzFrames(file, { types }),
        (e: unknown) => e instanceof ParseError && e.line === line && re.test(e.message),
      );
    };
    const head = `2\nLattice="5 0 0 0 5 0 0 0 5" Properties=species:S:1:pos:R:3 pbc="T T T"\n`;
    expectError(`${head}Cu 0 0 0\nCu 1 1\n`, 4, /atom row has 3 fields, expected 4/);
    expectError(`${head}Cu 0 0 0\nCu 1 x 1\n`, 4, /position value "x" is not a finite number/);
    expectError(`${head}Cu 0 0 0\n`, 3, /file ends inside frame 0: expected 2 atom rows, found 1/);
    expectError(`${head}Cu 0 0 0\nNi 1 1 1\n`, 4, /species "Ni" is not in the type map \[Cu, Zr\]/, ["Cu", "Zr"]);
    expectError(`two\n`, 1, /expected the atom count of frame 0, got "two"/);
    expectError(`1\nProperties=species:S:1:position:R:3\nCu 0 0 0\n`, 2, /must include pos:R:3/);
    expectError(`1\nProperties=species:S:1:pos:R:3:tag:S:1\nCu 0 0 0 a\n`, 2, /string property "tag" is not supported/);
    expectError(`1\nLattice="5 0 0 0 5 0" Properties=species:S:1:pos:R:3\nCu 0 0 0\n`, 2, /Lattice must be 9 numbers/);
    expectError(`1\nLattice="5 0 0 0 -5 0 0 0 5"\nCu 0 0 0\n`, 2, /bad cell: .*right-handed/);
    expectError(`1\npbc="T T T"\nCu 0 0 0\n`, 2, /pbc has periodic directions but there is no Lattice/);
    expectError(
      `1\nProperties=species:S:1:pos:R:3:id:I:1\nCu 0 0 0 1.5\n`,
      3,
      /integer property "id" is not an integer/,
    );
    expectError(
      `2\nProperties=species:S:1:pos:R:3:id:I:1\nCu 0 0 0 4\nCu 1 1 1 4\n`,
      4,
      /duplicate atom id 4 \(also on line 3\)/,
    );
  });

  it("a file without Lattice gets a non-periodic bounding box", () => {
    const f = readExtxyz(write("2\ncomment\nO 0 0 0\nH 0.9 0.2 0\n"));
    assert.deepEqual(f.cell.periodic, [false, false, false]);
    assert.deepEqual(Array.from(f.cell.origin), [0, 0, 0]);
    assert.deepEqual(Array.from(f.cell.matrix), [1, 0, 0, 0, 1, 0, 0, 0, 1]); // at least 1 Angstrom wide
    assert.deepEqual(f.elements, ["O", "H"]);
  });
});
