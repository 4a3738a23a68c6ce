import { strict as assert } from "node:assert";
import type { Tessellation } from "../../src/geometry/tessellation";
import { Voronoi } from "../../src/geometry/voronoi";
import { voronoiNeighbors } from "../../src/geometry/voronoi-neighbors";
import { glassFrame, voroppCells } from "./fixtures";

/** A hand-made tessellation: per atom, faces as [neighbor, area, edges] with bond vectors along x. */
function handMade(cells: [number, number, number][][]): Tessellation {
  const n = cells.length;
  const faceOffsets = new Int32Array(n + 1);
  cells.forEach((c, i) => (faceOffsets[i + 1] = faceOffsets[i] + c.length));
  const m = faceOffsets[n];
  const t = {
    n,
    volumes: Float64Array.from(cells, (_, i) => 10 + i),
    faceOffsets,
    faceNeighbors: new Int32Array(m),
    faceVectors: new Float64Array(3 * m),
    faceAreas: new Float64Array(m),
    faceEdges: new Int32Array(m),
    faceDistances: new Float64Array(m),
    flags: new Uint8Array(n),
  };
  let f = 0;
  cells.forEach((c) =>
    c.forEach(([j, area, edges], q) => {
      t.faceNeighbors[f] = j;
      t.faceVectors[3 * f] = 2 + q * 0.1;
      t.faceAreas[f] = area;
      t.faceEdges[f] = edges;
      t.faceDistances[f] = 1 + q * 0.05;
      f++;
    }),
  );
  return t;
}

describe("voronoiNeighbors: face filter and Voronoi index", () => {
  it("removes faces below 5 % of the mean face area of the original cell; a face exactly at the threshold stays", () => {
    // Mean (5 + 5 + 5.8 + 0.2) / 4 = 4, threshold 0.05 x 4 = 0.2: the 0.2 face stays, a 0.19999 face goes.
    const areas = [5, 5, 5.8, 0.2];
    assert.equal(0.05 * ((5 + 5 + 5.8 + 0.2) / 4), 0.2, "precondition: the threshold is exactly 0.2 in doubles");
    const t = handMade([
      areas.map((a, q) => [q + 1, a, 5] as [number, number, number]),
      [[0, 1, 5]],
      [[0, 1, 5]],
      [[0, 1, 5]],
      [[0, 1, 5]],
    ]);
    let vn = voronoiNeighbors(t);
    assert.equal(vn.coordination[0], 4);
    t.faceAreas[3] = 0.19999;
    vn = voronoiNeighbors(t);
    assert.equal(vn.coordination[0], 3);
    assert.deepEqual(Array.from(vn.kept.subarray(0, 4)), [1, 1, 1, 0]);
  });

  it("is a single pass (the mean is not updated after removals), unlike amlearn's running mean", () => {
    // Mean 404.1 / 6 = 67.35, threshold 3.3675: only the 0.1 face goes. After that removal the mean would be
    // 80.8 (threshold 4.04), which would also remove the 4.0 face: the paper's single pass keeps it.
    const cell = (order: number[]) => order.map((a, q) => [q + 1, a, 5] as [number, number, number]);
    const t = handMade([cell([100, 100, 0.1, 4, 100, 100])]);
    assert.deepEqual(Array.from(voronoiNeighbors(t).kept), [1, 1, 0, 1, 1, 1]);
    assert.deepEqual(
      Array.from(voronoiNeighbors(t, { minAreaFraction: 0.05, amlearnRunningMean: true }).kept),
      [1, 1, 0, 0, 1, 1],
    );
    // amlearn visits faces by neighbor index: with the 4.0 face first, its threshold is still 3.3675.
    const u = handMade([cell([100, 100, 4, 0.1, 100, 100])]);
    assert.deepEqual(Array.from(voronoiNeighbors(u, { amlearnRunningMean: true }).kept), [1, 1, 1, 0, 1, 1]);
  });

  it("counts kept faces by their edges in the original cell; 8+ edges count in CN but in no n_i", () => {
    const t = handMade([
      [
        [1, 3, 3],
        [2, 3, 4],
        [3, 3, 5],
        [4, 3, 5],
        [5, 3, 6],
        [6, 3, 7],
        [7, 3, 8],
        [8, 3, 9],
        [9, 0.01, 5],
      ],
    ]);
    const vn = voronoiNeighbors(t);
    assert.equal(vn.coordination[0], 8);
    assert.deepEqual(Array.from(vn.index), [1, 1, 2, 1, 1]);
    assert.deepEqual(Array.from(voronoiNeighbors(t, { minAreaFraction: 0 }).index), [1, 1, 3, 1, 1]);
    assert.equal(vn.volumes[0], 10);
  });

  it("returns the kept faces as a neighbor list (weights = areas), not necessarily symmetric", () => {
    // Atom 0 drops its small face to 1 (its other faces are big); atom 1 keeps it (its faces are all small).
    const t = handMade([
      [
        [1, 0.3, 4],
        [2, 10, 5],
        [3, 10, 5],
      ],
      [
        [0, 0.3, 4],
        [2, 0.3, 5],
      ],
      [[0, 10, 5]],
      [[0, 10, 5]],
    ]);
    const vn = voronoiNeighbors(t);
    const nl = vn.neighbors;
    assert.deepEqual(Array.from(nl.offsets), [0, 2, 4, 5, 6]);
    assert.deepEqual(Array.from(nl.indices.subarray(0, 2)), [2, 3]);
    assert.deepEqual(Array.from(nl.indices.subarray(2, 4)), [0, 2], "1 keeps 0 although 0 dropped 1");
    assert.deepEqual(Array.from(nl.weights ?? []), [10, 10, 0.3, 0.3, 10, 10]);
    assert.ok(Math.abs(nl.distances[0] - 2.1) < 1e-15);
    assert.deepEqual(Array.from(nl.vectors.subarray(0, 3)), [2.1, 0, 0]);
  });

  it("offers the other conventions: absolute area (OVITO/LAMMPS face_threshold) and fraction of the total area", () => {
    const t = handMade([
      [
        [1, 0.5, 4],
        [2, 1.0, 5],
        [3, 2.0, 5],
        [4, 6.5, 6],
      ],
    ]);
    assert.deepEqual(Array.from(voronoiNeighbors(t, { minAreaFraction: 0, minArea: 1.0 }).kept), [0, 1, 1, 1]);
    // Total 10: 10 % of it is 1.0.
    assert.deepEqual(
      Array.from(voronoiNeighbors(t, { minAreaFraction: 0, minTotalAreaFraction: 0.1 }).kept),
      [0, 1, 1, 1],
    );
    assert.deepEqual(
      Array.from(voronoiNeighbors(t, { minAreaFraction: 0, minTotalAreaFraction: 0.15 }).kept),
      [0, 0, 1, 1],
    );
    // Criteria combine: removed when any removes it (mean 2.5: 5 % = 0.125; minArea 0.75).
    assert.deepEqual(Array.from(voronoiNeighbors(t, { minArea: 0.75 }).kept), [0, 1, 1, 1]);
    assert.throws(() => voronoiNeighbors(t, { minAreaFraction: 1.5 }), /minAreaFraction/);
    assert.throws(() => voronoiNeighbors(t, { minArea: -1 }), /minArea/);
  });

  it("on the glass: the same kept faces and indices as the filter applied to voro++'s own faces", () => {
    const frame = glassFrame();
    const vn = voronoiNeighbors(new Voronoi().compute(frame));
    let compared = 0;
    for (const c of voroppCells("voropp-glass.vol.gz")) {
      const mean = c.areas.reduce((s, a) => s + a, 0) / c.areas.length;
      // voro++ prints 6 digits: skip the rare cells with a face within 1e-4 of the threshold.
      if (c.areas.some((a) => Math.abs(a - 0.05 * mean) < 1e-4 * mean)) continue;
      const index = [0, 0, 0, 0, 0];
      let cn = 0;
      c.areas.forEach((a, q) => {
        if (a < 0.05 * mean) return;
        cn++;
        if (c.edges[q] >= 3 && c.edges[q] <= 7) index[c.edges[q] - 3]++;
      });
      const i = c.id - 1;
      assert.equal(vn.coordination[i], cn, `atom ${c.id}`);
      assert.deepEqual(Array.from(vn.index.subarray(5 * i, 5 * i + 5)), index, `atom ${c.id}`);
      compared++;
    }
    assert.ok(compared > 1300, `compared ${compared} atoms`);
  });
});
