import { strict as assert } from "node:assert";
import { StructureContext } from "../../src/features/context";
import { latticeFrame } from "../../src/io/lattice";
import {
  checkNeighborBudget,
  checkNumberDensity,
  estimateNeighbors,
  MAX_NEIGHBORS_PER_ATOM,
} from "../../src/neighbors/neighbor-budget";
import { cutoffNeighbors } from "../../src/neighbors/cutoff-neighbors";

describe("neighbors/neighbor-budget", () => {
  it("estimates rho 4/3 pi rc^3 neighbors per atom, close to the count of an fcc crystal at large cutoff", () => {
    // fcc, a = 3.6 A: 4 atoms per a^3. Hand-worked: rho = 4 / 46.656 = 0.085734; at rc = 7 A, 4/3 pi 343 rho = 123.18.
    const est = estimateNeighbors(4000, 4000 * (3.6 ** 3 / 4), 7, 16);
    assert.ok(Math.abs(est.perAtom - 123.18) < 0.01);
    assert.ok(Math.abs(est.bytes - 4000 * est.perAtom * 16) < 1e-6);
    const frame = latticeFrame("fcc", 3.6, [6, 6, 6]);
    const counted = cutoffNeighbors(frame, 7).offsets[frame.natoms] / frame.natoms;
    assert.ok(Math.abs(counted - est.perAtom) / est.perAtom < 0.1, `${counted} counted vs ${est.perAtom} estimated`);
  });

  it("refuses a cutoff beyond the per-atom limit before building the list, in the feature context too", () => {
    const frame = latticeFrame("fcc", 3.6, [3, 3, 3]);
    const rc = Math.cbrt((MAX_NEIGHBORS_PER_ATOM * 1.1) / ((4 / 3.6 ** 3) * (4 / 3) * Math.PI));
    assert.throws(
      () => checkNeighborBudget(frame.natoms, frame.cell.volume, rc, "glass.dump"),
      /^Error: glass\.dump: a [\d.]+ A cutoff gives about 44\d\d neighbors per atom/,
    );
    assert.doesNotThrow(() =>
      checkNeighborBudget(
        frame.natoms,
        frame.cell.volume,
        0.95 * Math.cbrt(MAX_NEIGHBORS_PER_ATOM / ((4 / 3.6 ** 3) * (4 / 3) * Math.PI)),
        "glass.dump",
      ),
    );
    assert.throws(() => new StructureContext(frame).cutoffNeighbors(1e6), /neighbors per atom/);
  });

  it("refuses densities no solid has: above 0.35, or below 0.004 atoms/A^3 in a fully periodic box", () => {
    assert.throws(
      () => checkNumberDensity(200, 27, "dense.dump"),
      /dense\.dump: 200 atoms in 27\.00 A\^3 is 7\.41 atoms\/A\^3, denser than any solid/,
    );
    assert.throws(() => checkNumberDensity(100, 1e18, "huge.dump", [true, true, true]), /less dense than any solid/);
    assert.doesNotThrow(() => checkNumberDensity(100, 1e18, "cluster.dump", [true, true, false]));
    assert.doesNotThrow(() => checkNumberDensity(4000, 4000 / 0.065, "glass.dump", [true, true, true]));
  });
});
