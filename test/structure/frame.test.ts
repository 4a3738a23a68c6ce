import * as assert from "node:assert/strict";
import { idOrder, sortById } from "../../src/structure/frame";
import { latticeFrame } from "../../src/io/lattice";

describe("structure/frame sortById and idOrder", () => {
  it("orders dense unique ids in linear time and sparse or repeated ids by comparison (stable)", () => {
    assert.deepEqual(Array.from(idOrder(Int32Array.from([3, 1, 2]))), [1, 2, 0]);
    assert.deepEqual(Array.from(idOrder(Int32Array.from([2000000000, 5, 70000]))), [1, 2, 0]);
    assert.deepEqual(Array.from(idOrder(Int32Array.from([2, 1, 2, 1]))), [1, 3, 0, 2]);
    assert.deepEqual(Array.from(idOrder(new Int32Array(0))), []);
  });

  it("sortById moves every per-atom array with its atom and leaves the input alone", () => {
    const f = latticeFrame("bcc", 3, [1, 1, 1], { basisTypes: [1, 2] });
    f.ids.set([9, 4]);
    f.images = Int32Array.from([1, 2, 3, 4, 5, 6]);
    f.columns.set("q", Float64Array.from([0.5, -0.5]));
    const s = sortById(f);
    assert.deepEqual(Array.from(s.ids), [4, 9]);
    assert.deepEqual(Array.from(s.types), [2, 1]);
    assert.deepEqual(Array.from(s.positions), [1.5, 1.5, 1.5, 0, 0, 0]);
    assert.deepEqual(Array.from(s.images!), [4, 5, 6, 1, 2, 3]);
    assert.deepEqual(Array.from(s.columns.get("q")!), [-0.5, 0.5]);
    assert.deepEqual(Array.from(f.ids), [9, 4]);
  });
});
