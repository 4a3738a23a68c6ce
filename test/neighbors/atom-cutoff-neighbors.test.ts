import { strict as assert } from "node:assert";
import { join } from "node:path";
import { readDumpSync } from "../../src/io/dump-reader";
import { AtomCutoffNeighbors } from "../../src/neighbors/atom-cutoff-neighbors";
import { cutoffNeighbors } from "../../src/neighbors/cutoff-neighbors";

describe("neighbors/atom-cutoff-neighbors", () => {
  it("rows of chosen atoms are bitwise the whole list's rows, in the asked order (tilted periodic glass)", () => {
    const frame = readDumpSync(join(__dirname, "..", "fixtures", "voronoi", "glass-triclinic.dump.gz"));
    const rc = 6.3;
    const whole = cutoffNeighbors(frame, rc);
    const atoms = Int32Array.from([1371, 0, 42, 700]);
    const part = new AtomCutoffNeighbors(frame, rc).rows(atoms);
    assert.equal(part.n, atoms.length);
    atoms.forEach((i, k) => {
      const a = whole.offsets[i];
      const m = whole.offsets[i + 1] - a;
      const b = part.offsets[k];
      assert.equal(part.offsets[k + 1] - b, m);
      assert.ok(m > 30);
      for (let q = 0; q < m; q++) {
        assert.equal(part.indices[b + q], whole.indices[a + q]);
        assert.ok(Object.is(part.distances[b + q], whole.distances[a + q]));
        for (let d = 0; d < 3; d++) assert.ok(Object.is(part.vectors[3 * (b + q) + d], whole.vectors[3 * (a + q) + d]));
      }
    });
    assert.throws(() => new AtomCutoffNeighbors(frame, 0), /positive/);
  });
});
