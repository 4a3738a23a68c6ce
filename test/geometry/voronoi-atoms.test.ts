import { strict as assert } from "node:assert";
import { join } from "node:path";
import { Voronoi } from "../../src/geometry/voronoi";
import { VoronoiAtoms } from "../../src/geometry/voronoi-atoms";
import { readDumpSync } from "../../src/io/dump-reader";

describe("geometry/voronoi-atoms", () => {
  it("the cells of chosen atoms are bitwise the whole tessellation's rows (tilted periodic glass)", () => {
    const frame = readDumpSync(join(__dirname, "..", "fixtures", "voronoi", "glass-triclinic.dump.gz"));
    const whole = new Voronoi().compute(frame);
    const atoms = Int32Array.from([0, 5, 77, 400, 1371, 900]);
    const part = new VoronoiAtoms(frame).cells(atoms);
    assert.equal(part.n, atoms.length);
    atoms.forEach((i, k) => {
      assert.ok(Object.is(part.volumes[k], whole.volumes[i]));
      assert.equal(part.flags[k], whole.flags[i]);
      const a = whole.faceOffsets[i];
      const m = whole.faceOffsets[i + 1] - a;
      const b = part.faceOffsets[k];
      assert.equal(part.faceOffsets[k + 1] - b, m, `faces of atom ${i}`);
      for (let q = 0; q < m; q++) {
        assert.equal(part.faceNeighbors[b + q], whole.faceNeighbors[a + q]);
        assert.ok(Object.is(part.faceAreas[b + q], whole.faceAreas[a + q]));
        assert.ok(Object.is(part.faceDistances[b + q], whole.faceDistances[a + q]));
        assert.equal(part.faceEdges[b + q], whole.faceEdges[a + q]);
        for (let d = 0; d < 3; d++)
          assert.ok(Object.is(part.faceVectors[3 * (b + q) + d], whole.faceVectors[3 * (a + q) + d]));
      }
    });
    assert.throws(() => new VoronoiAtoms(frame).cells(Int32Array.from([1372])), /outside/);
  });
});
