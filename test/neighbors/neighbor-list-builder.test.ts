import * as assert from "node:assert/strict";
import { CandidateBuffer } from "../../src/neighbors/candidate-buffer";
import { NeighborListBuilder } from "../../src/neighbors/neighbor-list-builder";

describe("neighbors/neighbor-list-builder", () => {
  it("builds the CSR rows in order, growing past its initial capacity, weights only when asked", () => {
    const b = new NeighborListBuilder(3, 1);
    for (let j = 0; j < 20; j++) b.push(j % 3, j, -j, 0.5, j + 0.25);
    b.endRow();
    b.endRow();
    b.push(0, 1, 2, 3, Math.sqrt(14));
    b.endRow();
    const list = b.finish();
    assert.deepEqual([...list.offsets], [0, 20, 20, 21]);
    assert.equal(list.indices.length, 21);
    assert.deepEqual([...list.vectors.subarray(3 * 19, 3 * 21)], [19, -19, 0.5, 1, 2, 3]);
    assert.equal(list.distances[5], 5.25);
    assert.equal(list.weights, undefined);
    const w = new NeighborListBuilder(1, 4, true);
    w.push(0, 1, 0, 0, 1, 0.7);
    w.endRow();
    assert.deepEqual([...(w.finish().weights ?? [])], [0.7]);
  });

  it("appends candidates in the given order with their distances", () => {
    const buf = new CandidateBuffer(2);
    buf.push(4, 3, 0, 0, 9);
    buf.push(2, 0, 1, 0, 1);
    const b = new NeighborListBuilder(1);
    b.pushCandidates(buf, buf.sortByDistance(), 2);
    b.endRow();
    const list = b.finish();
    assert.deepEqual([...list.indices], [2, 4]);
    assert.deepEqual([...list.distances], [1, 3]);
  });

  it("refuses too many rows and finishing early", () => {
    const b = new NeighborListBuilder(1);
    assert.throws(() => b.finish(), /0 rows closed, expected 1/);
    b.endRow();
    assert.throws(() => b.endRow(), /more than 1 rows/);
  });
});
