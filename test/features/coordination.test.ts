import { strict as assert } from "node:assert";
import { StructureContext } from "../../src/features/context";
import { CoordinationFeaturizer } from "../../src/features/coordination";
import { latticeFrame } from "../../src/io/lattice";
import { listFromRows } from "./brute-neighbors";
import { glassFrame } from "./glass-frame";
import { handTessellation } from "./tess-helpers";

describe("coordination numbers (cn_voro, cn_cut)", () => {
  it("cn_cut equals LAMMPS compute coord/atom cutoff 4.0 on the Cu-Zr glass", () => {
    const frame = glassFrame();
    const m = new StructureContext(frame).features(new CoordinationFeaturizer());
    const coord = frame.columns.get("c_coord") as Float64Array;
    assert.deepEqual(m.labels, ["cn_voro", "cn_cut"]);
    for (let i = 0; i < frame.natoms; i++) assert.equal(m.values[2 * i + 1], coord[i], `atom id ${frame.ids[i]}`);
    // Voronoi CN of a dense metallic glass after small-face removal: about 10..18.
    for (let i = 0; i < frame.natoms; i++) assert.ok(m.values[2 * i] >= 9 && m.values[2 * i] <= 19);
  });

  it("fcc: 12 Voronoi neighbors; bcc: 14 (both shells share faces); cutoff CN follows the shells", () => {
    const fcc = latticeFrame("fcc", 3.6, [3, 3, 3]);
    const a = new StructureContext(fcc, { cutoff: 3.0 }).features(new CoordinationFeaturizer());
    const b = new StructureContext(fcc).features(new CoordinationFeaturizer({ cutoff: 4.8 })); // shells 12 + 6 + 24 (the next, 12 at 5.09 A, is out)
    const bcc = latticeFrame("bcc", 3.0, [3, 3, 3]);
    const c = new StructureContext(bcc).features(new CoordinationFeaturizer({ cutoff: 2.7 }));
    for (let i = 0; i < fcc.natoms; i++) {
      assert.deepEqual([a.values[2 * i], a.values[2 * i + 1], b.values[2 * i + 1]], [12, 12, 42]);
    }
    for (let i = 0; i < bcc.natoms; i++) assert.deepEqual([c.values[2 * i], c.values[2 * i + 1]], [14, 8]);
  });

  it("is NaN for a failed Voronoi cell and rejects a bad cutoff", () => {
    const f = latticeFrame("sc", 3, [1, 1, 2]);
    const tess = handTessellation([[{ j: 1, area: 1, edges: 4 }], []], { flags: [0, 1] });
    const voro = listFromRows([[{ j: 1, v: [0, 0, 3] }], []]);
    const cut = listFromRows([[{ j: 1, v: [0, 0, 3] }], [{ j: 0, v: [0, 0, -3] }]]);
    const m = new StructureContext(f, { tessellation: tess, voronoiNeighbors: voro, cutoffNeighbors: cut }).features(
      new CoordinationFeaturizer(),
    );
    assert.deepEqual(Array.from(m.values.subarray(0, 3)), [1, 1, NaN]);
    assert.equal(m.values[3], 1);
    assert.deepEqual(Array.from(m.flags ?? []), [0, 1]); // LITERATURE_FLAGS.voronoiCell
    assert.throws(() => new CoordinationFeaturizer({ cutoff: -1 }), /CN cutoff must be a positive number/);
  });
});
