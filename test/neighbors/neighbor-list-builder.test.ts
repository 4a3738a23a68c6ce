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
    // A row longer than the capacity (at least 16) grows it; weights, when kept, are 0.
    const many = new CandidateBuffer(4);
    for (let j = 0; j < 40; j++) many.push(j, j, 0, 0, j * j);
    const w = new NeighborListBuilder(1, 16, true);
    w.pushCandidates(many, many.sortByDistance(), 40);
    w.endRow();
    const long = w.finish();
    assert.deepEqual(
      [...long.indices],
      Array.from({ length: 40 }, (_, j) => j),
    );
    assert.deepEqual(
      [...long.distances],
      Array.from({ length: 40 }, (_, j) => j),
    );
    assert.deepEqual([...(long.weights ?? [])], new Array(40).fill(0));
  });

  it("finishes with views of its arrays when they are at least 3/4 full, exact-size copies otherwise", () => {
    const fill = (capacity: number, entries: number) => {
      const b = new NeighborListBuilder(1, capacity, true);
      for (let j = 0; j < entries; j++) b.push(j, j, 2 * j, 3 * j, j + 0.5, -j);
      b.endRow();
      return b.finish();
    };
    for (const [capacity, entries, view] of [
      [20, 15, true],
      [20, 14, false],
      [20, 20, true],
    ] as const) {
      const list = fill(capacity, entries);
      const buffers = [list.indices, list.vectors, list.distances, list.weights ?? new Float64Array(0)];
      for (const a of buffers) assert.equal(a.buffer.byteLength > a.byteLength, view && entries < capacity);
      assert.equal(list.indices.buffer.byteLength, 4 * (view ? capacity : entries));
      assert.deepEqual(
        [...list.indices],
        Array.from({ length: entries }, (_, j) => j),
      );
      assert.deepEqual([...list.vectors.subarray(-3)], [entries - 1, 2 * (entries - 1), 3 * (entries - 1)]);
      assert.equal(list.distances.length, entries);
      assert.equal(list.weights?.[entries - 1], 1 - entries);
    }
  });

  it("refuses too many rows and finishing early", () => {
    const b = new NeighborListBuilder(1);
    assert.throws(() => b.finish(), /0 rows closed, expected 1/);
    b.endRow();
    assert.throws(() => b.endRow(), /more than 1 rows/);
  });
});
