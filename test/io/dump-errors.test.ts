import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { iterateDump, readDump, readDumpSync, type ReadDumpOptions } from "../../src/io/dump-reader";
import { ParseError } from "../../src/io/parse-error";
import { tempDir } from "./helpers";

const HEAD = "ITEM: TIMESTEP\n100\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\n";
const GOOD_ROWS = "1 1 1 1 1\n2 2 2 2 2\n3 1 3 3 3\n";
const GOOD = `${HEAD}ITEM: ATOMS id type x y z\n${GOOD_ROWS}`;

describe("io/dump-reader errors name the file and line, never return a partial frame", () => {
  let dir = "";
  let count = 0;
  before(() => {
    dir = tempDir("dump-errors");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Writes `text`, reads it with both readers and checks they throw the same ParseError at `line` matching `re`. */
  async function expectError(text: string, line: number, re: RegExp, options: ReadDumpOptions = {}): Promise<void> {
    const file = path.join(dir, `case${count++}.dump`);
    fs.writeFileSync(file, text);
    let syncError: unknown = null;
    try {
      readDumpSync(file, options);
    } catch (e) {
      syncError = e;
    }
    assert.ok(syncError instanceof ParseError, `sync reader: expected a ParseError, got ${String(syncError)}`);
    assert.equal(syncError.file, file);
    assert.equal(syncError.line, line, `sync reader: ${syncError.message}`);
    assert.match(syncError.message, re);
    assert.ok(syncError.message.startsWith(line > 0 ? `${file}:${line}: ` : `${file}: `), syncError.message);
    await assert.rejects(
      readDump(file, options),
      (e: unknown) => e instanceof ParseError && e.message === (syncError as ParseError).message,
    );
  }

  it("a valid file reads (control)", async () => {
    const file = path.join(dir, "good.dump");
    fs.writeFileSync(file, GOOD);
    assert.equal((await readDump(file)).natoms, 3);
  });

  it("truncated file: inside the atom rows, inside the box, after an ITEM line", async () => {
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 2 2 2 2\n`,
      11,
      /file ends inside frame 0 \(timestep 100\): expected 3 atom rows, found 2/,
    );
    await expectError(
      "ITEM: TIMESTEP\n100\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n",
      7,
      /expected 3 BOX BOUNDS lines, found 2/,
    );
    await expectError("ITEM: TIMESTEP\n100\nITEM: NUMBER OF ATOMS\n", 3, /value after the last ITEM line is missing/);
    await expectError(HEAD, 8, /no ATOMS section/);
    await expectError(
      `${GOOD}ITEM: TIMESTEP\n200\n`,
      14,
      /file ends inside frame 1 \(timestep 200\): no NUMBER OF ATOMS/,
      { frame: 1 },
    );
    await expectError(`${GOOD}ITEM: TIMESTEP\n200\n`, 14, /file ends inside frame 1/, { frame: -1 });
  });

  it("atom count disagreeing with the rows (too few before the next frame, too many)", async () => {
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 2 2 2 2\n${GOOD}`,
      12,
      /NUMBER OF ATOMS is 3 \(line 4\) but only 2 atom rows precede this ITEM line/,
    );
    // too many rows: even the first frame is refused although reading could stop after 3 rows
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n${GOOD_ROWS}4 1 4 4 4\n${GOOD}`,
      13,
      /NUMBER OF ATOMS is 3 \(line 4\) but there are more atom rows/,
    );
  });

  it("wrong number of fields in a row", async () => {
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 2 2 2\n3 1 3 3 3\n`,
      11,
      /atom row has 4 fields, expected 5 \(id type x y z\)/,
    );
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 2 2 2 2 9\n3 1 3 3 3\n`,
      11,
      /atom row has 6 fields, expected 5/,
    );
    await expectError(`${HEAD}ITEM: ATOMS id type x y z\n1 1 1 1 1\n\n3 1 3 3 3\n`, 11, /atom row has 0 fields/);
  });

  it("non-numeric and non-finite values", async () => {
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 2 2 abc 2\n3 1 3 3 3\n`,
      11,
      /value "abc" of column "y" is not a number/,
    );
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z c_pe\n1 1 1 1 1 0\n2 2 2 2 2 nan\n3 1 3 3 3 0\n`,
      11,
      /value "nan" of column "c_pe" is not a number/,
    );
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 2 2 2 1e999\n3 1 3 3 3\n`,
      11,
      /value "1e999" of column "z" is not finite/,
    );
    // Hexadecimal coordinates are not read (issue 14 case 12): named as such, not "not finite".
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 2 0x1p3 2 2\n3 1 3 3 3\n`,
      11,
      /value "0x1p3" of column "x" is not a decimal number/,
    );
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 2 2 0x10 2\n3 1 3 3 3\n`,
      11,
      /value "0x10" of column "y" is not a decimal number/,
    );
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 2 inf 2 2\n3 1 3 3 3\n`,
      11,
      /value "inf" of column "x"/,
    );
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n1 1 1 1 1\n2.5 2 2 2 2\n3 1 3 3 3\n`,
      11,
      /atom id 2.5 is not a positive 32-bit integer/,
    );
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z ix iy iz\n1 1 1 1 1 0 0 0\n2 2 2 2 2 0 0.5 0\n3 1 3 3 3 0 0 0\n`,
      11,
      /image flag 0.5 \(iy\) is not an integer/,
    );
    await expectError("ITEM: TIMESTEP\nten\n", 2, /TIMESTEP must be a non-negative integer, got "ten"/);
    await expectError(
      "ITEM: TIMESTEP\n1\nITEM: NUMBER OF ATOMS\n-3\n",
      4,
      /NUMBER OF ATOMS must be a non-negative integer/,
    );
    await expectError(
      "ITEM: TIMESTEP\n1\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 nan\n0 10\n",
      7,
      /BOX BOUNDS value "nan" is not a finite number/,
    );
  });

  it("missing or incomplete position columns and image flags (reported at the ATOMS line)", async () => {
    await expectError(
      `${HEAD}ITEM: ATOMS id type vx vy vz\n${GOOD_ROWS}`,
      9,
      /no position columns: need x y z, xs ys zs, xu yu zu or xsu ysu zsu/,
    );
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y q\n${GOOD_ROWS}`,
      9,
      /incomplete position columns: "z" missing next to "x y"/,
    );
    await expectError(`${HEAD}ITEM: ATOMS id type x y z ix iy\n`, 9, /incomplete image flags/);
    await expectError(`${HEAD}ITEM: ATOMS id type x y z x\n`, 9, /column "x" appears twice/);
    await expectError(`${HEAD}ITEM: ATOMS\n`, 9, /lists no columns/);
  });

  it("duplicate ids (dense and sparse), types out of the type map, bad types, unknown elements", async () => {
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 2 2 2 2\n1 1 3 3 3\n`,
      12,
      /duplicate atom id 1 \(also on line 10\)/,
    );
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n5 1 1 1 1\n900000000 2 2 2 2\n900000000 1 3 3 3\n`,
      12,
      /duplicate atom id 900000000 \(also on line 11\)/,
    );
    await expectError(GOOD, 11, /atom id 2 has type 2, outside the type map \[Cu\]/, { types: ["Cu"] });
    await expectError(
      `${HEAD}ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 0 2 2 2\n3 1 3 3 3\n`,
      11,
      /atom type 0 is not a positive integer/,
    );
    await expectError(
      `${HEAD}ITEM: ATOMS id element x y z\n1 Cu 1 1 1\n2 Zr 2 2 2\n3 Al 3 3 3\n`,
      12,
      /element "Al" is not in the type map \[Cu, Zr\]/,
      { types: ["Cu", "Zr"] },
    );
    await expectError(
      `${HEAD}ITEM: ATOMS id type element x y z\n1 1 Cu 1 1 1\n2 2 Zr 2 2 2\n3 1 Zr 3 3 3\n`,
      12,
      /type 1 is element "Zr" here but "Cu" on an earlier row/,
    );
  });

  it("zero or negative box lengths, malformed box lines and headers", async () => {
    const box = (lines: string, header = "pp pp pp") =>
      `ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS ${header}\n${lines}ITEM: ATOMS x y z\n0 0 0\n`;
    await expectError(
      box("0 10\n5 5\n0 10\n"),
      5,
      /bad box: box length along y is 0 \(ylo 5, yhi 5\); it must be positive/,
    );
    await expectError(box("0 10\n0 10\n3 -1\n"), 5, /box length along z is -4/);
    // triclinic bounds whose conversion leaves no room: xlo_bound - MIN(0, xy, xz, xy+xz) >= xhi_bound - MAX(...)
    await expectError(box("0 4 5\n0 10 0\n0 10 0\n", "xy xz yz pp pp pp"), 5, /box length along x is -1/);
    await expectError(
      box("0 10 0 0\n0 10 0 0\n0 10 0 0\n", "abc origin pp pp pp"),
      5,
      /bad box: Cell: the lattice vectors must form a right-handed cell/,
    );
    await expectError(box("0 10\n0 10 0\n0 10\n"), 7, /BOX BOUNDS line must have 2 numbers, got 3/);
    await expectError(
      box("0 10\n0 10\n0 10\n", "xy xz pp pp pp"),
      5,
      /triclinic BOX BOUNDS header must read "xy xz yz"/,
    );
    await expectError(box("0 10\n0 10\n0 10\n", "pp pp"), 5, /needs 3 boundary flags/);
    await expectError(box("0 10\n0 10\n0 10\n", "pp pq pp"), 5, /boundary flag "pq"/);
  });

  it("frame or timestep not found; empty files; files that are not dumps", async () => {
    const twice = `${GOOD}${GOOD.replace("\n100\n", "\n200\n")}`;
    await expectError(twice, 0, /frame 2 not found \(the file has 2 frames\)/, { frame: 2 });
    await expectError(twice, 0, /frame -3 not found \(the file has 2 frames\)/, { frame: -3 });
    await expectError(twice, 0, /timestep 150 not found \(the file has timesteps 100, 200\)/, { timestep: 150 });
    await expectError("", 0, /no frames found/);
    await expectError("\n\n", 0, /no frames found/);
    await expectError("id,type,x,y,z\n1,1,0,0,0\n", 1, /expected an "ITEM:" line, got "id,type,x,y,z"/);
    await expectError(`${GOOD}ITEM: BONDS\n`, 13, /unknown dump section "ITEM: BONDS"/);
    await expectError(`ITEM: NUMBER OF ATOMS\n3\n`, 1, /"ITEM: NUMBER OF ATOMS" outside a frame/);
    await expectError(`ITEM: TIMESTEP\n1\nITEM: ATOMS x y z\n`, 3, /ATOMS section before NUMBER OF ATOMS/);
    await expectError(
      `ITEM: TIMESTEP\n1\nITEM: NUMBER OF ATOMS\n1\nITEM: ATOMS x y z\n`,
      5,
      /ATOMS section before BOX BOUNDS/,
    );
    await expectError(
      `ITEM: TIMESTEP\n1\nITEM: NUMBER OF ATOMS\n1\nITEM: TIMESTEP\n2\n`,
      5,
      /"ITEM: TIMESTEP" inside frame 0 \(timestep 1\), which has no ATOMS section yet/,
    );
  });

  it("an error in a later frame does not hide the frames before it when streaming, and stops the stream there", async () => {
    const file = path.join(dir, "later.dump");
    fs.writeFileSync(file, `${GOOD}${GOOD.replace("2 2 2 2 2", "2 2 2 2")}`);
    assert.equal((await readDump(file)).timestep, 100); // frame 0 is complete and confirmed by the next ITEM line
    const seen: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const f of iterateDump(file)) seen.push(f.natoms);
      })(),
      /later\.dump:23: atom row has 4 fields/,
    );
    assert.deepEqual(seen, [3]);
  });

  it("refuses contradictory or malformed options", async () => {
    const file = path.join(dir, "good.dump");
    assert.throws(() => readDumpSync(file, { frame: 0, timestep: 100 }), /either frame or timestep/);
    assert.throws(() => readDumpSync(file, { frame: 0.5 }), /frame must be an integer/);
    assert.throws(() => readDumpSync(file, { types: [] }), /non-empty array/);
    assert.throws(() => readDumpSync(file, { types: ["Cu", "Cu"] }), /"Cu" appears twice/);
    await assert.rejects(readDump(file, { timestep: -1 }), /timestep must be a non-negative integer/);
    await assert.rejects(readDump(path.join(dir, "missing.dump")), /missing\.dump: no such file/);
  });
});
