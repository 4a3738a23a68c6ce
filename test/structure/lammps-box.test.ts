import * as assert from "node:assert/strict";
import { Cell } from "../../src/structure/cell";
import {
  boxFromDumpBounds,
  cellFromBox,
  dumpBoundsOfCell,
  isRestrictedTriclinic,
  lammpsBoxOfCell,
  periodicFromBoundary,
} from "../../src/structure/lammps-box";

describe("structure/lammps-box: LAMMPS box descriptions <-> Cell", () => {
  // Hand-worked from the LAMMPS dump manual: xlo_bound = xlo + MIN(0, xy, xz, xy + xz) = 0 + MIN(0, 1, -0.5, 0.5)
  // = -0.5, xhi_bound = xhi + MAX(0, 1, -0.5, 0.5) = 10 + 1 = 11, ylo_bound = 0 + MIN(0, 0.25) = 0,
  // yhi_bound = 9 + MAX(0, 0.25) = 9.25, z unchanged.
  const tilt: [number, number, number] = [1, -0.5, 0.25];
  const bounds = [-0.5, 11, 0, 9.25, 0, 8];

  it("recovers the box from a triclinic dump's bounds (hand-worked case)", () => {
    assert.deepEqual(boxFromDumpBounds(bounds, tilt), { lo: [0, 0, 0], hi: [10, 9, 8], tilt: [1, -0.5, 0.25] });
  });

  it("writes the bounds of a cell so that reading them gives the cell lengths back bit for bit", () => {
    const cell = Cell.fromLammps([0, 0, 0], [10, 9, 8], tilt);
    assert.deepEqual(dumpBoundsOfCell(cell), bounds);
    const awkward = Cell.fromLammps([0.1, -3.3, 0.7], [17.9, 14.3, 20.1], [0.3, -1.7, 0.9]);
    const back = cellFromBox(boxFromDumpBounds(dumpBoundsOfCell(awkward), [0.3, -1.7, 0.9]), [true, true, true]);
    assert.deepEqual([...back.matrix], [...awkward.matrix]);
    // xlo = xlo_bound - MIN(...) is rounded at the scale of the bounds (about 20 A here, ulp 3.6e-15), so the
    // origin comes back to within an ulp of the bounds, not of xlo (0.1 reads back as 0.10000000000000009).
    const ulpOfBounds = 2 ** (Math.floor(Math.log2(20)) - 52);
    for (let d = 0; d < 3; d++)
      assert.ok(Math.abs(back.origin[d] - awkward.origin[d]) <= ulpOfBounds, `origin ${d}: ${back.origin[d]}`);
  });

  it("gives the restricted-triclinic parameters of a cell and refuses a rotated one", () => {
    const cell = Cell.fromLammps([1, 2, 3], [11, 22, 33], [0.5, 0, 0]);
    const box = lammpsBoxOfCell(cell);
    assert.deepEqual(box.lo, [1, 2, 3]);
    assert.deepEqual(box.tilt, [0.5, 0, 0]);
    assert.equal(box.hi[0] - box.lo[0], 10);
    const rotated = new Cell([0, 10, 0, -10, 0, 0, 0, 0, 10]);
    assert.equal(isRestrictedTriclinic(rotated), false);
    assert.throws(() => lammpsBoxOfCell(rotated), /not LAMMPS restricted triclinic/);
  });

  it("names the axis of a box whose length is not positive", () => {
    assert.throws(
      () => cellFromBox({ lo: [0, 5, 0], hi: [1, 5, 1], tilt: [0, 0, 0] }, [true, true, true]),
      /box length along y is 0 \(ylo 5, yhi 5\)/,
    );
  });

  it("reads periodic flags from LAMMPS boundary strings (only pp is periodic)", () => {
    assert.deepEqual(periodicFromBoundary(["pp", "ff", "sm"]), [true, false, false]);
  });
});
