import * as assert from "node:assert/strict";
import { resolvePositions } from "../../src/io/atom-positions";
import { Cell } from "../../src/structure/cell";

// Hand-worked cases of the LAMMPS dump conventions (dump manual): x wrapped, xu = x + ix a + iy b + iz c,
// xs = fractional. Cell: a = (10, 0, 0), b = (2, 10, 0), c = (0, 0, 10), origin (1, 0, 0), periodic x and y only.
describe("io/atom-positions resolvePositions (hand-worked triclinic cell)", () => {
  const cell = new Cell([10, 0, 0, 2, 10, 0, 0, 0, 10], [1, 0, 0], [true, true, false]);

  it("keeps wrapped atoms inside the cell bit for bit and derives unwrapped positions from image flags", () => {
    const x = Float64Array.of(1.1, 0.3, 12, 5, 9.9, -4);
    const r = resolvePositions(cell, 2, { coords: x, scaled: false }, null, Int32Array.of(1, -1, 0, 0, 2, 0));
    assert.deepEqual([...r.positions], [...x]);
    // atom 0: + a - b = (1.1 + 10 - 2, 0.3 - 10, 12); atom 1: + 2 b = (5 + 4, 9.9 + 20, -4).
    assert.deepEqual([...(r.unwrapped ?? [])], [1.1 + 10 - 2, 0.3 - 10, 12, 5 + 4, 9.9 + 20, -4]);
    assert.deepEqual([...(r.images ?? [])], [1, -1, 0, 0, 2, 0]);
  });

  it("wraps an outside atom by whole lattice vectors along periodic directions only, adding the shift to the images", () => {
    // (13.5, 11, 25) - origin = (12.5, 11, 25): fractional b = 11 / 10 = 1.1, a = (12.5 - 0.2 * 11) / 10 = 1.03, so
    // one a and one b back: (13.5 - 10 - 2, 11 - 10, 25) = (1.5, 1, 25). z is not periodic: it stays at 25.
    const r = resolvePositions(
      cell,
      1,
      { coords: Float64Array.of(13.5, 11, 25), scaled: false },
      null,
      Int32Array.of(0, 0, 0),
    );
    assert.ok(Math.abs(r.positions[0] - 1.5) < 1e-12 && Math.abs(r.positions[1] - 1) < 1e-12);
    assert.equal(r.positions[2], 25);
    assert.deepEqual([...(r.images ?? [])], [1, 1, 0]);
    assert.deepEqual([...(r.unwrapped ?? [])], [13.5, 11, 25]);
  });

  it("reads scaled coordinates, and finds images between wrapped and unwrapped positions without flags", () => {
    const xs = Float64Array.of(0.5, 0.5, 0.5);
    const xsu = Float64Array.of(1.5, -0.5, 0.5);
    const r = resolvePositions(cell, 1, { coords: xs, scaled: true }, { coords: xsu, scaled: true }, null);
    // r = origin + 0.5 a + 0.5 b + 0.5 c = (1 + 5 + 1, 5, 5).
    assert.deepEqual([...r.positions], [7, 5, 5]);
    assert.deepEqual([...(r.images ?? [])], [1, -1, 0]);
    assert.deepEqual([...(r.unwrapped ?? [])], [7 + 10 - 2, 5 - 10, 5]);
  });

  it("without image flags or wrapped coordinates, wraps the unwrapped ones and keeps them", () => {
    const r = resolvePositions(cell, 1, null, { coords: Float64Array.of(21.5, 1, 1), scaled: false }, null);
    // fractional a = (21.5 - 1) / 10 = 2.05: two a back.
    assert.deepEqual([...r.positions], [1.5, 1, 1]);
    assert.deepEqual([...(r.images ?? [])], [2, 0, 0]);
    assert.deepEqual([...(r.unwrapped ?? [])], [21.5, 1, 1]);
    assert.equal(
      resolvePositions(cell, 1, { coords: Float64Array.of(2, 2, 2), scaled: false }, null, null).images,
      null,
    );
    assert.throws(() => resolvePositions(cell, 1, null, null, null), /no coordinates/);
  });
});
