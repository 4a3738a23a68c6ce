import * as assert from "node:assert/strict";
import { FaceSink } from "../../src/geometry/face-sink";

describe("geometry/face-sink", () => {
  it("keeps every pushed face through growth, and drops the faces after a mark", () => {
    const s = new FaceSink(2);
    for (let k = 0; k < 9; k++) s.push(k, k, 2 * k, 3 * k, k / 2, 3 + (k % 4), k + 1);
    assert.equal(s.count, 9);
    assert.ok(s.neighbor.length >= 9);
    for (let k = 0; k < 9; k++) {
      assert.deepEqual(
        [s.neighbor[k], ...s.vector.subarray(3 * k, 3 * k + 3), s.area[k], s.edges[k], s.distance[k]],
        [k, k, 2 * k, 3 * k, k / 2, 3 + (k % 4), k + 1],
      );
    }
    s.truncate(4);
    assert.equal(s.count, 4);
    s.push(42, 0, 0, 0, 1, 5, 1);
    assert.equal(s.neighbor[4], 42);
    assert.equal(s.neighbor[3], 3);
  });
});
