import * as assert from "node:assert/strict";
import { Cell } from "../../src/structure/cell";
import { sliceField } from "../../src/analysis/slice-field";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

describe("analysis/slice-field: a per-atom quantity in a slab as a 2-D field", () => {
  it("picks the atoms within half the thickness of the centre, through a periodic boundary", () => {
    const positions = [1, 1, 0.1, 1, 1, 5, 1, 1, 9.6, 1, 1, 8.2];
    const periodic = sliceField(positions, [1, 2, 3, 4], Cell.orthogonal(4, 4, 10), {
      normal: "z",
      center: 9.5,
      thickness: 2,
    });
    assert.deepEqual(Array.from(periodic.atoms), [0, 2]);
    assert.deepEqual(periodic.axes, ["x", "y"]);
    const open = sliceField(positions, [1, 2, 3, 4], Cell.orthogonal(4, 4, 10, [0, 0, 0], [true, true, false]), {
      normal: "z",
      center: 9.5,
      thickness: 2,
    });
    assert.deepEqual(Array.from(open.atoms), [2]);
  });

  it("averages the values with Gaussian weights (hand-worked) and leaves nodes far from every atom empty", () => {
    // Two atoms in the y = 0 slab at x = 1 and x = 3, z = 5; σ = 1, spacing 1, non-periodic in the plane.
    const cell = Cell.orthogonal(10, 4, 10, [0, 0, 0], [false, true, false]);
    const s = sliceField([1, 0, 5, 3, 0, 5], [2, 8], cell, {
      normal: "y",
      center: 0,
      thickness: 1,
      spacing: 1,
      sigma: 1,
    });
    assert.deepEqual(s.axes, ["x", "z"]);
    const { x, y, z } = s.field;
    assert.equal(x.length, 11);
    assert.equal(y.length, 11);
    const at = (xi: number, zj: number) => z[zj * x.length + xi];
    const e2 = Math.exp(-2); // weight of an atom 2σ away
    close(at(1, 5), (2 + 8 * e2) / (1 + e2));
    close(at(2, 5), 5, 1e-12); // halfway: equal weights
    close(at(3, 5), (2 * e2 + 8) / (1 + e2));
    assert.ok(Number.isNaN(at(8, 5)), "more than 3σ from both atoms");
    assert.ok(Number.isNaN(at(1, 9)));
  });

  it("reaches across periodic in-plane boundaries, first and last nodes being images", () => {
    const s = sliceField([7.75, 2, 1], [3], Cell.orthogonal(8, 4, 2), {
      normal: "z",
      thickness: 4,
      spacing: 0.5,
      sigma: 0.5,
    });
    const { x, z } = s.field;
    const nu = x.length;
    assert.equal(nu, 17);
    const row = 4; // y = 2
    close(z[row * nu], 3);
    close(z[row * nu + nu - 1], 3);
    close(z[row * nu + 1], 3, 1e-12); // x = 0.5, 0.75 Å away through the boundary
    assert.ok(Number.isNaN(z[row * nu + 8]), "x = 4 is far from the atom");
    const uniform = sliceField([0.3, 0.2, 1, 4, 3.9, 1, 7.9, 1, 1, 2, 2, 1], [5, 5, 5, 5], Cell.orthogonal(8, 4, 2), {
      normal: "z",
      thickness: 4,
      sigma: 2,
    });
    for (const f of Array.from(uniform.field.z)) assert.ok(Number.isNaN(f) || Math.abs(f - 5) < 1e-12);
  });

  it("rejects triclinic cells, bad lengths and bad options", () => {
    const tri = new Cell([4, 0, 0, 1, 4, 0, 0, 0, 4]);
    assert.throws(() => sliceField([0, 0, 0], [1], tri, { normal: "z", thickness: 2 }), /orthogonal cell/);
    const cell = Cell.orthogonal(4, 4, 4);
    assert.throws(
      () => sliceField([0, 0, 0], [1, 2], cell, { normal: "z", thickness: 2 }),
      /values has 2 values but positions \/ 3 has 1/,
    );
    assert.throws(() => sliceField([0, 0, 0], [1], cell, { normal: "w" as "x", thickness: 2 }), /normal must be/);
    assert.throws(
      () => sliceField([0, 0, 0], [1], cell, { normal: "z", thickness: 0 }),
      /thickness must be a positive length/,
    );
  });
});
