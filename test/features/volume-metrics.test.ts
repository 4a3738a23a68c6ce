import { strict as assert } from "node:assert";
import { StructureContext } from "../../src/features/context";
import {
  IDEAL_RADIUS_RATIO,
  VolumeMetricsFeaturizer,
  atomicPackingEfficiency,
  atomicVolumeRatio,
  clusterPackingEfficiency,
} from "../../src/features/volume-metrics";
import { latticeFrame } from "../../src/io/lattice";
import { LITERATURE_FLAGS } from "../../src/features/voronoi-index";
import { listFromRows } from "./brute-neighbors";
import { handTessellation } from "./tess-helpers";

function near(a: number, b: number, tol: number, what: string): void {
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
}

const octahedron = (d: number) => [
  [d, 0, 0],
  [-d, 0, 0],
  [0, d, 0],
  [0, -d, 0],
  [0, 0, d],
  [0, 0, -d],
];

describe("volume metrics", () => {
  it("ideal radius ratios agree with the touching polyhedra for N = 3, 4, 6, 12", () => {
    near(IDEAL_RADIUS_RATIO[3], 2 / Math.sqrt(3) - 1, 1e-6, "triangle");
    near(IDEAL_RADIUS_RATIO[4], Math.sqrt(1.5) - 1, 1e-6, "tetrahedron");
    near(IDEAL_RADIUS_RATIO[6], Math.SQRT2 - 1, 1e-6, "octahedron");
    near(IDEAL_RADIUS_RATIO[12], 2 * Math.sin((2 * Math.PI) / 5) - 1, 1e-6, "icosahedron");
  });

  it("octahedral cluster by hand: CPE = (4/3 pi Rc^3 + 6 x 4 asin(1/3) Rn^3 / 3) / (4/3 d^3), APE = Rc/Rn - (sqrt2 - 1)", () => {
    const d = 2.5;
    const list = listFromRows([octahedron(d).map((v, k) => ({ j: k + 1, v })), [], [], [], [], [], []]);
    const radius = Float64Array.from([1.1, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3]);
    const cpe = clusterPackingEfficiency(list, radius);
    const vertex = 4 * Math.asin(1 / 3); // solid angle of a regular octahedron at a vertex
    const want = ((4 / 3) * Math.PI * 1.1 ** 3 + (6 * vertex * 1.3 ** 3) / 3) / ((4 / 3) * d ** 3);
    near(cpe[0], want, 1e-12, "CPE");
    assert.ok(cpe.subarray(1).every(Number.isNaN), "fewer than 4 neighbors: NaN");
    const ape = atomicPackingEfficiency(list, radius);
    near(ape[0], 1.1 / 1.3 - 0.414214, 1e-15, "APE");
    assert.ok(Number.isNaN(ape[1]), "CN 0 is outside the table");
    // A flat (coplanar) shell spans no hull.
    const flat = listFromRows([
      [
        [1, 0, 0],
        [-1, 0, 0],
        [0, 1, 0],
        [0, -1, 0],
      ].map((v, k) => ({ j: k + 1, v })),
      [],
      [],
      [],
      [],
    ]);
    assert.ok(Number.isNaN(clusterPackingEfficiency(flat, new Float64Array(5).fill(1))[0]));
  });

  it("fcc of touching Cu spheres: atomic/Voronoi volume = pi / (3 sqrt 2), APE = 1 - 0.902113", () => {
    const r = 1.26; // Miracle radius of Cu (the context's default radii)
    const f = latticeFrame("fcc", 2 * Math.SQRT2 * r, [3, 3, 3], { elements: ["Cu"], shift: [0.01, 0.02, 0.03] });
    const m = new StructureContext(f).features(new VolumeMetricsFeaturizer());
    assert.deepEqual(m.labels, ["cpe_voro", "ape_voro", "vol_ratio_voro"]);
    const first = m.values[0];
    for (let i = 0; i < f.natoms; i++) {
      near(m.values[3 * i], first, 1e-12, "CPE is the same on every site");
      near(m.values[3 * i + 1], 1 - 0.902113, 1e-12, "APE");
      near(m.values[3 * i + 2], Math.PI / (3 * Math.SQRT2), 1e-12, "volume ratio");
    }
    assert.ok(first > 0.5 && first < 1, `CPE ${first}`);
    assert.ok((m.flags ?? []).every((b) => b === 0));
  });

  it("flags a shell without a solid hull (LITERATURE_FLAGS.flatHull) and an unusable cell (voronoiCell)", () => {
    const f = latticeFrame("sc", 3, [1, 1, 3], { elements: ["Cu"] });
    const tess = handTessellation([[{ j: 1, area: 1, edges: 4 }], [{ j: 0, area: 1, edges: 4 }], []], {
      flags: [0, 0, 1],
    });
    const voro = listFromRows([[{ j: 1, v: [0, 0, 3] }], [{ j: 0, v: [0, 0, -3] }], []]);
    const m = new StructureContext(f, { tessellation: tess, voronoiNeighbors: voro }).features(
      new VolumeMetricsFeaturizer(),
    );
    assert.deepEqual(Array.from(m.flags ?? []), [
      LITERATURE_FLAGS.flatHull,
      LITERATURE_FLAGS.flatHull,
      LITERATURE_FLAGS.voronoiCell,
    ]);
    assert.ok(Number.isNaN(m.values[0]) && Number.isNaN(m.values[1]), "CN 1: no hull, outside the APE table");
    near(m.values[2], ((4 / 3) * Math.PI * 1.26 ** 3) / 10, 1e-12, "volume ratio still defined");
    assert.ok(m.values.subarray(6).every(Number.isNaN));
  });

  it("volume ratio is NaN for failed or empty cells", () => {
    const v = atomicVolumeRatio(
      Float64Array.from([10, 10, 0]),
      Uint8Array.from([0, 1, 0]),
      Float64Array.from([1, 1, 1]),
    );
    near(v[0], ((4 / 3) * Math.PI) / 10, 1e-15, "ratio");
    assert.ok(Number.isNaN(v[1]) && Number.isNaN(v[2]));
  });
});
