import * as assert from "node:assert/strict";
import { Cell } from "../../src/structure/cell";
import { spatialBlocks } from "../../src/geometry/spatial-blocks";
import { frameOf } from "./test-frames";

describe("spatialBlocks", () => {
  it("numbers blocks (bx * ny + by) * nz + bz along the cell vectors of a tilted box, wrapping outside points", () => {
    // rows a, b, c: a = (10,0,0), b = (4,10,0) (xy tilt), c = (0,0,20), origin (-1,2,3)
    const cell = new Cell([10, 0, 0, 4, 10, 0, 0, 0, 20], [-1, 2, 3]);
    const frac = [
      [0.6, 0.1, 0.9], // (1,0,1) of [2,2,2] -> 5
      [0.1, 0.7, 0.2], // (0,1,0) -> 2
      [-0.1, 0.2, 1.3], // wraps to (0.9, 0.2, 0.3) -> (1,0,0) -> 4
      [0.999999, 0.999999, 0.999999], // -> 7
    ];
    const pos = cell.toCartesian(Float64Array.from(frac.flat()));
    assert.deepEqual(Array.from(spatialBlocks(frameOf(cell, pos), [2, 2, 2])), [5, 2, 4, 7]);
    // 3 x 1 x 2: (1,0,1) -> 3, (0,0,0) -> 0, (2,0,0) -> 4, (2,0,1) -> 5
    assert.deepEqual(Array.from(spatialBlocks(frameOf(cell, pos), [3, 1, 2])), [3, 0, 4, 5]);
  });

  it("refuses block counts that are not positive integers", () => {
    const f = frameOf(Cell.orthogonal(5, 5, 5), [1, 1, 1]);
    assert.throws(() => spatialBlocks(f, [2, 0, 2]), /integers >= 1/);
    assert.throws(() => spatialBlocks(f, [2, 1.5, 2]), /integers >= 1/);
  });
});
