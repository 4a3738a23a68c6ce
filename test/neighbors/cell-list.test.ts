import * as assert from "node:assert/strict";
import { CandidateBuffer } from "../../src/neighbors/candidate-buffer";
import { CellList } from "../../src/neighbors/cell-list";
import { Cell } from "../../src/structure/cell";
import { rng } from "../geometry/test-frames";
import { brutePairs } from "./brute-force";

/** The (neighbor, rounded bond vector) multiset of a query, sorted, for comparison with brute force. */
function keys(items: { j: number; x: number; y: number; z: number }[]): string[] {
  return items.map((p) => `${p.j}:${p.x.toFixed(9)},${p.y.toFixed(9)},${p.z.toFixed(9)}`).sort();
}

function gathered(list: CellList, i: number, rMin: number, rMax: number): string[] {
  const buf = new CandidateBuffer(8);
  list.gatherAround(i, rMin, rMax, buf);
  const out = [];
  for (let k = 0; k < buf.count; k++) out.push({ j: buf.index[k], x: buf.dx[k], y: buf.dy[k], z: buf.dz[k] });
  return keys(out);
}

describe("neighbors/cell-list (CellList queries against brute force over images)", () => {
  const r = rng(2024);
  const n = 40;
  // Unwrapped input: atoms up to a cell length outside, so the list must wrap them itself.
  const cells = [
    Cell.orthogonal(7, 8, 9),
    Cell.fromLammps([0, 0, 0], [6, 7, 8], [1.5, -1, 0.5]),
    Cell.fromLammps([0, 0, 0], [6, 7, 8], [0, 0, 0], [true, false, true]),
  ];

  for (const cell of cells) {
    const frac = Float64Array.from({ length: 3 * n }, (_, k) => (cell.periodic[k % 3] ? 3 * r() - 1 : r()));
    const positions = cell.toCartesian(frac);
    const wrapped = new CellList(cell, positions, 1.7).wrapped;

    it(`finds every image within rMax, own images included, for ${cell.isOrthogonal ? "an orthogonal" : "a triclinic"} cell, periodic ${cell.periodic.join("/")}`, () => {
      const list = new CellList(cell, positions, 1.7);
      for (const rMax of [2.5, 5.5]) {
        for (let i = 0; i < n; i += 7) {
          assert.deepEqual(
            gathered(list, i, 0, rMax),
            keys(brutePairs(cell, wrapped, i, rMax)),
            `atom ${i}, rMax ${rMax}`,
          );
        }
      }
    });

    it(`drops candidates closer than rMin (${cell.periodic.join("/")})`, () => {
      const list = new CellList(cell, positions, 2.0);
      const inner = (i: number) => brutePairs(cell, wrapped, i, 4).filter((p) => p.d2 >= 2 * 2);
      for (let i = 0; i < n; i += 9) assert.deepEqual(gathered(list, i, 2, 4), keys(inner(i)), `atom ${i}`);
    });
  }

  it("keeps an atom inside the cell at its exact input coordinates and refuses bad input", () => {
    const cell = Cell.orthogonal(5, 5, 5);
    const list = new CellList(cell, Float64Array.of(1.1, 2.2, 3.3, 6.1, -0.4, 2), 1);
    assert.deepEqual([...list.wrapped.subarray(0, 3)], [1.1, 2.2, 3.3]);
    assert.ok(Math.abs(list.wrapped[3] - 1.1) < 1e-12 && Math.abs(list.wrapped[4] - 4.6) < 1e-12);
    assert.throws(() => new CellList(cell, Float64Array.of(1, 2), 1), /3 numbers per atom/);
    assert.throws(() => new CellList(cell, Float64Array.of(1, NaN, 2), 1), /atom 0 has a non-finite coordinate/);
    assert.throws(() => new CellList(cell, Float64Array.of(1, 2, 3), 0), /binSize must be a positive number/);
  });
});
