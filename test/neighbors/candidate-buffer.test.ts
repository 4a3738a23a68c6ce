import { strict as assert } from "node:assert";
import { CandidateBuffer } from "../../src/neighbors/candidate-buffer";
import { rng } from "../geometry/test-frames";

describe("CandidateBuffer", () => {
  it("visits candidates in (distance, index, vector) order by sort and by heap alike, ties included", () => {
    for (const n of [5, 48, 49, 500]) {
      const r = rng(n);
      const buf = new CandidateBuffer(4);
      for (let k = 0; k < n; k++) {
        // Coarse distances make many exact ties, broken by index then vector.
        const d2 = Math.floor(r() * 10);
        buf.push(Math.floor(r() * 20), Math.floor(r() * 3) - 1, 0, 0, d2);
      }
      const sorted = Array.from(buf.sortByDistance().subarray(0, n));
      buf.begin();
      const visited: number[] = [];
      for (let c = buf.next(); c !== -1; c = buf.next()) visited.push(c);
      const key = (c: number) => [buf.d2[c], buf.index[c], buf.dx[c]].join(",");
      assert.deepEqual(visited.map(key), sorted.map(key), `n = ${n}`);
      for (let q = 1; q < n; q++) {
        const a = sorted[q - 1];
        const b = sorted[q];
        assert.ok(
          buf.d2[a] < buf.d2[b] ||
            (buf.d2[a] === buf.d2[b] &&
              (buf.index[a] < buf.index[b] || (buf.index[a] === buf.index[b] && buf.dx[a] <= buf.dx[b]))),
        );
      }
    }
  });
});
