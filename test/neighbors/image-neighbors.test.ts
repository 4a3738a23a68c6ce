import * as assert from "node:assert/strict";
import { cutoffNeighbors } from "../../src/neighbors/cutoff-neighbors";
import { bondImages, imageNeighbors } from "../../src/neighbors/image-neighbors";
import { Cell } from "../../src/structure/cell";
import { randomPoints } from "../labels/make-frame";

/** Every (i, j, m) with 0 < |r_j - r_i + m H| < rc, by looping over all pairs and images |m_d| <= k. */
function bruteForce(p: Float64Array, cell: Cell, rc: number, k: number): string[] {
  const n = p.length / 3;
  const out: string[] = [];
  const h = cell.matrix;
  const range = (d: number) => (cell.periodic[d] ? k : 0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      for (let a = -range(0); a <= range(0); a++) {
        for (let b = -range(1); b <= range(1); b++) {
          for (let c = -range(2); c <= range(2); c++) {
            const x = p[3 * j] - p[3 * i] + a * h[0] + b * h[3] + c * h[6];
            const y = p[3 * j + 1] - p[3 * i + 1] + a * h[1] + b * h[4] + c * h[7];
            const z = p[3 * j + 2] - p[3 * i + 2] + a * h[2] + b * h[5] + c * h[8];
            const r2 = x * x + y * y + z * z;
            if (r2 > 0 && r2 < rc * rc) out.push(`${i} ${j} ${a} ${b} ${c}`);
          }
        }
      }
    }
  }
  return out.sort();
}

function fromList(p: Float64Array, cell: Cell, rc: number): string[] {
  const nl = imageNeighbors(p, cell, rc);
  const out: string[] = [];
  for (let i = 0; i < nl.n; i++) {
    for (let e = nl.offsets[i]; e < nl.offsets[i + 1]; e++) {
      const j = nl.indices[e];
      out.push(`${i} ${j} ${nl.images[3 * e]} ${nl.images[3 * e + 1]} ${nl.images[3 * e + 2]}`);
      // The stored vector is r_j - r_i + m H, and the distance its length.
      const s = cell.imageShift(nl.images[3 * e], nl.images[3 * e + 1], nl.images[3 * e + 2]);
      for (let d = 0; d < 3; d++)
        assert.ok(Math.abs(nl.vectors[3 * e + d] - (p[3 * j + d] - p[3 * i + d] + s[d])) < 1e-12);
      assert.ok(
        Math.abs(nl.distances[e] - Math.hypot(nl.vectors[3 * e], nl.vectors[3 * e + 1], nl.vectors[3 * e + 2])) < 1e-12,
      );
    }
  }
  return out.sort();
}

describe("neighbors/imageNeighbors (cutoff pairs with explicit images, a query of the cell list)", () => {
  it("equals brute force in a triclinic cell with unwrapped positions", () => {
    const cell = Cell.fromLammps([1, -2, 0], [12, 10, 11], [2, -1.5, 1]);
    const p = randomPoints(cell, 120, 21, 1); // unwrapped over images -1..1, so |m| <= 3
    assert.deepEqual(fromList(p, cell, 4.0), bruteForce(p, cell, 4.0, 3));
  });

  it("finds several images of the same atom (and of itself) when the cutoff exceeds half the cell", () => {
    const cell = Cell.fromLammps([0, 0, 0], [5, 6, 7], [1, 0.5, -0.5]);
    const p = randomPoints(cell, 12, 22);
    const list = fromList(p, cell, 6.5);
    assert.deepEqual(list, bruteForce(p, cell, 6.5, 3));
    assert.ok(
      list.some((e) => e.startsWith("0 0 ")),
      "self images are neighbors",
    );
  });

  it("uses no images along non-periodic directions", () => {
    const cell = new Cell([9, 0, 0, 0, 9, 0, 0, 0, 9], [0, 0, 0], [true, false, true]);
    const p = randomPoints(cell, 60, 23);
    p[1] = -4; // an atom outside the box along the open direction
    assert.deepEqual(fromList(p, cell, 3.5), bruteForce(p, cell, 3.5, 2));
  });

  it("keeps the NeighborList contract: the rows and vectors of cutoffNeighbors, sorted by distance", () => {
    const cell = Cell.fromLammps([1, -2, 0], [12, 10, 11], [2, -1.5, 1]);
    const p = randomPoints(cell, 120, 24, 1);
    const nl = imageNeighbors(p, cell, 4.0);
    const plain = cutoffNeighbors({ cell, positions: p }, 4.0);
    assert.deepEqual(nl.offsets, plain.offsets);
    assert.deepEqual(nl.indices, plain.indices);
    for (let i = 0; i < nl.n; i++) {
      for (let e = nl.offsets[i] + 1; e < nl.offsets[i + 1]; e++)
        assert.ok(nl.distances[e - 1] <= nl.distances[e], `row ${i} is sorted`);
    }
  });

  it("bondImages gives the image of each bond relative to wrapped or unwrapped positions", () => {
    const cell = Cell.orthogonal(6, 6, 6);
    // Atom 1 sits one cell to the right of its wrapped place. The bond from atom 0 to atom 1 crosses the face
    // x = 0: r_1 - r_0 + (-2, 0, 0) H in these positions, r_1 - r_0 + (-1, 0, 0) H in the wrapped ones.
    const unwrapped = new Float64Array([0.5, 3, 3, 11.5, 3, 3]);
    const wrapped = new Float64Array([0.5, 3, 3, 5.5, 3, 3]);
    const list = cutoffNeighbors({ cell, positions: wrapped }, 1.5);
    assert.deepEqual(Array.from(list.indices), [1, 0]);
    assert.deepEqual(Array.from(bondImages(list, wrapped, cell)), [-1, 0, 0, 1, 0, 0]);
    assert.deepEqual(Array.from(bondImages(list, unwrapped, cell)), [-2, 0, 0, 2, 0, 0]);
  });
});
