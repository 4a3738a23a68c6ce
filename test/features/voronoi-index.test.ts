import { strict as assert } from "node:assert";
import { StructureContext } from "../../src/features/context";
import { VoronoiIndexFeaturizer, keptFaceMask, keptFacesOf, voronoiIndex } from "../../src/features/voronoi-index";
import { latticeFrame } from "../../src/io/lattice";
import type { NeighborList } from "../../src/neighbors/neighbor-list";
import { handTessellation } from "./tess-helpers";

describe("Voronoi index <n3..n7> from the kept faces", () => {
  it("removes faces below fraction x mean area in one pass, keeping a face exactly at the threshold", () => {
    // Cell 0: areas 0.2, 1, 1, 1 -> mean 0.8, threshold 0.25 x 0.8 = 0.2: all kept.
    // Cell 1: areas 0.19, 1, 1, 1 -> threshold 0.1975: the small face goes.
    const t = handTessellation([
      [
        { j: 1, area: 0.2, edges: 3 },
        { j: 1, area: 1, edges: 5 },
        { j: 1, area: 1, edges: 5 },
        { j: 1, area: 1, edges: 6 },
      ],
      [
        { j: 0, area: 0.19, edges: 3 },
        { j: 0, area: 1, edges: 5 },
        { j: 0, area: 1, edges: 8 },
        { j: 0, area: 1, edges: 7 },
      ],
    ]);
    assert.deepEqual(Array.from(keptFaceMask(t, 0.25)), [1, 1, 1, 1, 0, 1, 1, 1]);
    assert.deepEqual(Array.from(keptFaceMask(t, 0)), [1, 1, 1, 1, 1, 1, 1, 1]);
    // Counting: edge numbers of the original cell; the 8-edged face counts in no n_i.
    assert.deepEqual(Array.from(voronoiIndex(t, keptFaceMask(t, 0.25))), [1, 0, 2, 1, 0, 0, 0, 1, 0, 1]);
    assert.throws(() => keptFaceMask(t, 1), /must be a number in \[0, 1\)/);
  });

  it("recovers the kept faces from a filtered neighbor list, in any row order, and refuses foreign entries", () => {
    const t = handTessellation([
      [
        { j: 1, area: 0.01, edges: 3 },
        { j: 1, area: 1, edges: 4 },
        { j: 2, area: 1, edges: 5 },
      ],
      [
        { j: 0, area: 1, edges: 6 },
        { j: 2, area: 1, edges: 7 },
      ],
      [{ j: 0, area: 1, edges: 5 }],
    ]);
    const mask = keptFaceMask(t, 0.05);
    const rows: number[][] = [[2, 1], [0, 1], [0]]; // faces listed out of order in row 0
    const offsets = Int32Array.from([0, 2, 4, 5]);
    const faces = rows.flatMap((r, i) => r.map((k) => t.faceOffsets[i] + k));
    const list: NeighborList = {
      n: 3,
      offsets,
      indices: Int32Array.from(faces, (f) => t.faceNeighbors[f]),
      vectors: Float64Array.from(faces.flatMap((f) => Array.from(t.faceVectors.subarray(3 * f, 3 * f + 3)))),
      distances: new Float64Array(5),
    };
    assert.deepEqual(Array.from(keptFacesOf(t, list)), Array.from(mask));
    const foreign = { ...list, vectors: Float64Array.from(list.vectors, (x, k) => (k === 0 ? x + 0.5 : x)) };
    assert.throws(() => keptFacesOf(t, foreign), /is not a face of the atom's Voronoi cell/);
  });

  it("gives <0,12,0,0,0> for fcc and <0,6,0,8,0> for bcc (Voronoi of src/geometry)", () => {
    for (const [kind, want] of [
      ["fcc", [0, 12, 0, 0, 0]],
      ["bcc", [0, 6, 0, 8, 0]],
    ] as const) {
      const f = latticeFrame(kind, 3.2, [3, 3, 3], { shift: [0.013, 0.021, 0.034] });
      const m = new StructureContext(f).features(new VoronoiIndexFeaturizer());
      assert.deepEqual(m.labels, ["voro_n3", "voro_n4", "voro_n5", "voro_n6", "voro_n7"]);
      for (let i = 0; i < f.natoms; i++)
        assert.deepEqual(Array.from(m.values.subarray(5 * i, 5 * i + 5)), want, `${kind} atom ${i}`);
    }
  });

  it("is NaN for a cell the tessellation flagged as failed", () => {
    const t = handTessellation([[{ j: 1, area: 1, edges: 5 }], []], { flags: [0, 1] });
    const v = voronoiIndex(t, null);
    assert.equal(v[2], 1);
    assert.ok(v.subarray(5).every(Number.isNaN));
  });
});
