import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Cell } from "../../src/structure/cell";
import { solidAngle } from "../../src/geometry/solid-angle";
import { latticeFrame } from "../../src/io/lattice";
import type { Frame } from "../../src/structure/frame";
import type { NeighborList } from "../../src/neighbors/neighbor-list";
import { computeFeatures } from "../../src/features/compute-features";
import { StructureContext } from "../../src/features/context";
import { INTERSTICE_FLAGS, INTERSTICE_LABELS, IntersticeFeaturizer } from "../../src/features/interstice";
import { areaInterstice, distanceInterstice, volumeInterstice } from "../../src/features/interstice-kernels";
import { readCsv } from "../../src/table/csv";
import { cell, close, cluster, listFromRows, makeFrame, shellNeighbors } from "./featurize-helpers";

const { PI, sqrt, atan, tan, acos } = Math;

/** Stats (mean, min, max, population std) of a multiset given as [value, count] pairs. */
function stats(groups: [number, number][]): number[] {
  const n = groups.reduce((s, [, c]) => s + c, 0);
  const mean = groups.reduce((s, [v, c]) => s + v * c, 0) / n;
  const variance = groups.reduce((s, [v, c]) => s + c * (v - mean) ** 2, 0) / n;
  return [mean, Math.min(...groups.map(([v]) => v)), Math.max(...groups.map(([v]) => v)), sqrt(variance)];
}

function expectRow(
  m: { labels: string[]; values: Float64Array },
  i: number,
  group: string,
  expected: number[],
  tol = 1e-12,
): void {
  ["mean", "min", "max", "std"].forEach((s, k) =>
    close(cell(m, i, `${group}_${s}`), expected[k], tol, `${group}_${s} of atom ${i}`),
  );
}

/** SRO features of a crystal with a nearest-neighbor shell as the "Voronoi" list and 0 < d < 4 A as cutoff list. */
function crystal(frame: Frame, shell: number): ReturnType<IntersticeFeaturizer["computeFrame"]> {
  const voronoiNeighbors = shellNeighbors(frame, 0, shell);
  const cutoffNeighbors = shellNeighbors(frame, 0, 4.0);
  return new IntersticeFeaturizer().computeFrame(frame, { voronoiNeighbors, cutoffNeighbors });
}

// Solid angle of an octahedron vertex split in two, and of the other vertices of the sc/fcc tetrahedra
// (derived in the comments of the fcc and sc tests below).
const OMEGA_WIDE = 2 * atan(1 / (2 * sqrt(2)));
const OMEGA_NARROW = 2 * atan(tan(PI / 8) ** 2);

describe("interstice SRO features: analytic crystals", () => {
  it("bcc with touching nearest neighbors: the paper's values 0, 1 - 3 pi / 16, 1 - pi sqrt(3) / 8", () => {
    // R = 1.25 (Fe), a = 4R / sqrt(3): the 8 nearest neighbors touch (d = 2R), hull = cube of edge a, each
    // square cut into 2 right isosceles triangles (12 triangles). Area: S = a^2 / 2, packed = R^2 pi / 2 (angles
    // sum to pi), R^2 = 3a^2 / 16 -> 1 - 3 pi / 16. Volume: paper, Methods ("0.32", 1 - packing fraction 0.68).
    // Cutoff 4 A: 8 bonds at 2R (0) + 6 at a (1 - 2R / a = 1 - sqrt(3) / 2); third shell a sqrt(2) = 4.08 > 4.
    const R = 1.25;
    const a = (4 * R) / sqrt(3);
    const frame = latticeFrame("bcc", a, [3, 3, 3], { elements: ["Fe"] });
    const m = crystal(frame, 2.6);
    for (let i = 0; i < frame.natoms; i++) {
      expectRow(m, i, "dist_voro", [0, 0, 0, 0]);
      expectRow(
        m,
        i,
        "dist_cut",
        stats([
          [0, 8],
          [1 - sqrt(3) / 2, 6],
        ]),
      );
      expectRow(m, i, "area_voro", [1 - (3 * PI) / 16, 1 - (3 * PI) / 16, 1 - (3 * PI) / 16, 0]);
      expectRow(m, i, "vol_voro", [1 - (PI * sqrt(3)) / 8, 1 - (PI * sqrt(3)) / 8, 1 - (PI * sqrt(3)) / 8, 0]);
    }
    assert.ok(
      Math.abs(cell(m, 0, "area_voro_mean") - 0.41) < 0.005 && Math.abs(cell(m, 0, "vol_voro_mean") - 0.32) < 0.005,
      "paper's rounded values",
    );
    assert.ok(m.flags?.every((f) => f === 0));
  });

  it("fcc with touching neighbors: 8 equilateral + 12 half-square facets (cuboctahedron)", () => {
    // R = 1.26 (Cu), a = 2 sqrt(2) R. Hull: 8 equilateral triangles (side 2R) and 6 squares cut in 2 right
    // isosceles triangles (legs 2R).
    // Area: equilateral S = sqrt(3) R^2, packed R^2 pi / 2 -> 1 - pi / (2 sqrt 3); right isosceles S = 2R^2 -> 1 - pi/4.
    // Volume, equilateral: O + facet = regular tetrahedron of edge 2R, V = 2 sqrt(2) R^3 / 3, each solid angle
    //   arccos(23/27) -> 1 - 4 R^3 arccos(23/27) / 3 / V = 1 - sqrt(2) arccos(23/27).
    // Volume, half square: O + (1,1,0), (1,0,1), (1,-1,0) (x sqrt(2) R): V = 2 sqrt(2) R^3 / 3; Van Oosterom at O
    //   and at the right-angle vertex: tan(W/2) = 2 / (4 sqrt 2) -> W = 2 atan(1 / (2 sqrt 2)); at the two acute
    //   vertices tan(W/2) = 2 / (6 + 4 sqrt 2) = tan^2(pi/8). Packed = R^3 (2 W_wide + 2 W_narrow) / 3.
    // Cutoff 4 A: 12 bonds at 2R (0) + 6 at a (1 - 1/sqrt 2); a sqrt(3/2) = 4.36 > 4.
    const R = 1.26;
    const frame = latticeFrame("fcc", 2 * sqrt(2) * R, [3, 3, 3], { elements: ["Cu"] });
    const m = crystal(frame, 2.8);
    const vHalf = 1 - (2 * OMEGA_WIDE + 2 * OMEGA_NARROW) / 3 / ((2 * sqrt(2)) / 3);
    const area = stats([
      [1 - PI / (2 * sqrt(3)), 8],
      [1 - PI / 4, 12],
    ]);
    const vol = stats([
      [1 - sqrt(2) * acos(23 / 27), 8],
      [vHalf, 12],
    ]);
    for (let i = 0; i < frame.natoms; i++) {
      expectRow(m, i, "dist_voro", [0, 0, 0, 0]);
      expectRow(
        m,
        i,
        "dist_cut",
        stats([
          [0, 12],
          [1 - 1 / sqrt(2), 6],
        ]),
      );
      expectRow(m, i, "area_voro", area);
      expectRow(m, i, "vol_voro", vol);
    }
    close(1 - sqrt(2) * acos(23 / 27), 0.2203644, 1e-7, "regular tetrahedron interstice (packing 0.7796)");
  });

  it("hcp (ideal c/a) gives exactly the fcc values: same facet shapes (triangular orthobicupola)", () => {
    // 12 neighbors at 2R forming 8 equilateral triangles and 6 squares; second shell 6 at a sqrt 2 < 4 A,
    // then 2 at c = 4.11 A > 4 A, so the cutoff statistics are the fcc ones too.
    const R = 1.26;
    const fcc = crystal(latticeFrame("fcc", 2 * sqrt(2) * R, [3, 3, 3], { elements: ["Cu"] }), 2.8);
    const hcpFrame = latticeFrame("hcp", 2 * R, [3, 2, 2], { elements: ["Cu"] });
    const hcp = crystal(hcpFrame, 2.8);
    for (let i = 0; i < hcpFrame.natoms; i++) {
      for (const label of INTERSTICE_LABELS)
        close(cell(hcp, i, label), cell(fcc, 0, label), 1e-12, `${label} of hcp atom ${i}`);
    }
  });

  it("sc with touching neighbors: octahedron of 8 equilateral facets", () => {
    // R = 1.26, a = 2R; 6 neighbors at a; hull = octahedron, 8 triangles of side a sqrt 2.
    // Area: S = 2 sqrt(3) R^2, packed R^2 pi / 2 -> 1 - pi / (4 sqrt 3).
    // Volume: O + (a,0,0), (0,a,0), (0,0,a): V = a^3 / 6 = 4R^3 / 3; solid angle at O = 4 pi / 8; at (a,0,0):
    //   vectors (-1,0,0), (-1,1,0), (-1,0,1): triple 1, den 3 + 2 sqrt 2 -> tan(W/2) = tan^2(pi/8).
    //   Interstice 1 - (pi/2 + 3 W) / 4.
    // Cutoff 4 A: 6 at 2R (0) + 12 at a sqrt 2 (1 - 1/sqrt 2); a sqrt 3 = 4.36 > 4.
    const frame = latticeFrame("sc", 2.52, [4, 4, 4], { elements: ["Cu"] });
    const m = crystal(frame, 2.6);
    const v = 1 - (PI / 2 + 3 * OMEGA_NARROW) / 4;
    for (let i = 0; i < frame.natoms; i += 7) {
      expectRow(m, i, "dist_voro", [0, 0, 0, 0]);
      expectRow(
        m,
        i,
        "dist_cut",
        stats([
          [0, 6],
          [1 - 1 / sqrt(2), 12],
        ]),
      );
      expectRow(m, i, "area_voro", [1 - PI / (4 * sqrt(3)), 1 - PI / (4 * sqrt(3)), 1 - PI / (4 * sqrt(3)), 0]);
      expectRow(m, i, "vol_voro", [v, v, v, 0]);
    }
  });
});

describe("interstice SRO features: hand-worked clusters", () => {
  // Centre O at the origin, 4 neighbors at the vertices of a regular tetrahedron s (+-1, +-1, +-1) (even
  // number of minus signs), s = 1: |OA| = sqrt 3, facets equilateral of side 2 sqrt 2.
  // Radii: centre 0.5, neighbors 0.9.
  // dist: (sqrt 3 - 1.4) / sqrt 3 = 0.19171.
  // area: S = 2 sqrt 3, packed = 0.81 pi / 2 -> 1 - 0.81 pi / (4 sqrt 3) = 0.632706.
  // volume: V = (8/3) / 4 = 2/3; solid angle at O = 4 pi / 4 = pi; at A = (1,1,1) with B = (1,-1,-1),
  //   C = (-1,1,-1): a = (-1,-1,-1), b = (0,-2,-2), c = (-2,0,-2); |a| = sqrt 3, |b| = |c| = 2 sqrt 2;
  //   a.b = a.c = b.c = 4; a.(b x c) = -4 -> tan(W/2) = 4 / (8 sqrt 3 + 8 sqrt 2 + 8 sqrt 2 + 4 sqrt 3)
  //   = 1 / (3 sqrt 3 + 4 sqrt 2), W = 0.183762; packed = (0.125 pi + 3 x 0.729 W) / 3 = 0.264862 -> 0.602707.
  const tetra = [
    [1, 1, 1],
    [1, -1, -1],
    [-1, 1, -1],
    [-1, -1, 1],
  ];
  const W = 2 * atan(1 / (3 * sqrt(3) + 4 * sqrt(2)));
  const radii = Float64Array.from([0.5, 0.9, 0.9, 0.9, 0.9]);

  it("regular tetrahedral cage", () => {
    const { frame, list } = cluster(tetra, [1, 2, 2, 2, 2], ["A", "B"]);
    const m = new IntersticeFeaturizer().computeFrame(frame, {
      voronoiNeighbors: list,
      cutoffNeighbors: list,
      atomRadii: radii,
    });
    const d = (sqrt(3) - 1.4) / sqrt(3);
    const area = 1 - (0.81 * PI) / (4 * sqrt(3));
    const vol = 1 - (0.125 * PI + 3 * 0.729 * W) / 3 / (2 / 3);
    expectRow(m, 0, "dist_voro", [d, d, d, 0]);
    expectRow(m, 0, "dist_cut", [d, d, d, 0]);
    expectRow(m, 0, "area_voro", [area, area, area, 0]);
    expectRow(m, 0, "vol_voro", [vol, vol, vol, 0]);
    close(area, 0.632706, 1e-6, "hand value");
    close(vol, 0.602707, 1e-6, "hand value");
    assert.equal(m.flags?.[0], 0);
  });

  it("clamps negative area/volume interstices to 0 unless clamp is false; distance never clamped", () => {
    // Same cage, radii 1.0 everywhere: dist = (sqrt 3 - 2) / sqrt 3 < 0; area 1 - pi / (4 sqrt 3) = 0.5466 > 0;
    // volume 1 - (pi + 3 W) / 2 = -0.6587 < 0.
    const { frame, list } = cluster(tetra, [1, 1, 1, 1, 1], ["Cu"]);
    const opts = { voronoiNeighbors: list, cutoffNeighbors: list, atomRadii: new Float64Array(5).fill(1) };
    const clamped = new IntersticeFeaturizer().computeFrame(frame, opts);
    const raw = new IntersticeFeaturizer({ clamp: false }).computeFrame(frame, opts);
    const v = 1 - (PI + 3 * W) / 3 / (2 / 3);
    assert.ok(v < 0);
    close(cell(clamped, 0, "vol_voro_mean"), 0, 0, "clamped");
    close(cell(raw, 0, "vol_voro_mean"), v, 1e-12, "raw");
    close(cell(clamped, 0, "dist_voro_min"), (sqrt(3) - 2) / sqrt(3), 1e-12, "distance not clamped");
    close(cell(clamped, 0, "area_voro_mean"), 1 - PI / (4 * sqrt(3)), 1e-12, "area");
  });

  it("distanceDenominator radiusSum reproduces amlearn/matminer's d / (R_O + R_A) - 1", () => {
    const { frame, list } = cluster(tetra, [1, 2, 2, 2, 2], ["A", "B"]);
    const m = new IntersticeFeaturizer({ distanceDenominator: "radiusSum" }).computeFrame(frame, {
      voronoiNeighbors: list,
      cutoffNeighbors: list,
      atomRadii: radii,
    });
    close(cell(m, 0, "dist_voro_mean"), sqrt(3) / 1.4 - 1, 1e-12, "radiusSum form");
    close(distanceInterstice(3, 1, 0.5), 0.5, 0, "bond form (3 - 1.5) / 3");
  });

  it("kernels: right-angle triangle and the unit-cube corner tetrahedron by hand", () => {
    // Triangle (0,0,0), (2,0,0), (0,2,0): S = 2; angles pi/2, pi/4, pi/4; radii 1, 1, 1 -> packed = pi/2.
    close(areaInterstice(0, 0, 0, 2, 0, 0, 0, 2, 0, 1, 1, 1), 1 - PI / 4, 1e-15, "area");
    // Radii 1, 0, 0: packed = (pi/2) / 2 = pi/4 -> 1 - pi/8.
    close(areaInterstice(0, 0, 0, 2, 0, 0, 0, 2, 0, 1, 0, 0), 1 - PI / 8, 1e-15, "area, one sphere");
    // O + (1,0,0), (0,1,0), (0,0,1): V = 1/6; solid angle at O = pi/2; only the centre has a radius (0.5):
    // packed = 0.125 (pi/2) / 3 = pi / 48 -> 1 - pi / 8.
    close(volumeInterstice(1, 0, 0, 0, 1, 0, 0, 0, 1, 0.5, 0, 0, 0), 1 - PI / 8, 1e-15, "volume");
    close(solidAngle(1, 0, 0, 0, 1, 0, 0, 0, 1), PI / 2, 1e-15, "octant");
    // Apex inside a large triangle's plane region: solid angle near 2 pi, never negative.
    const w = solidAngle(-1, -1, -1e-9, 10, -1, -1e-9, -1, 10, -1e-9);
    assert.ok(w > 6.28 && w <= 2 * PI, `near 2 pi: ${w}`);
    assert.ok(solidAngle(1, 0, 0, 0, 1, 0, 0, 0, -1) > 0, "orientation does not matter");
    assert.ok(Number.isNaN(areaInterstice(0, 0, 0, 1, 1, 1, 2, 2, 2, 1, 1, 1)), "zero-area triangle");
    assert.ok(Number.isNaN(volumeInterstice(1, 0, 0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1)), "zero-volume tetrahedron");
  });
});

describe("interstice SRO features: degenerate neighbor sets", () => {
  it("3 neighbors: one triangle (planar hull), flagged", () => {
    // Triangle (1.5,0,0.5), (0,1.5,0.5), (-1,-1,0.5): one area value; O off the plane -> one volume value.
    const { frame, list } = cluster(
      [
        [1.5, 0, 0.5],
        [0, 1.5, 0.5],
        [-1, -1, 0.5],
      ],
      [1, 1, 1, 1],
      ["Cu"],
    );
    const m = new IntersticeFeaturizer({ clamp: false }).computeFrame(frame, {
      voronoiNeighbors: list,
      cutoffNeighbors: list,
    });
    const r = 1.26;
    const area = areaInterstice(1.5, 0, 0.5, 0, 1.5, 0.5, -1, -1, 0.5, r, r, r);
    const vol = volumeInterstice(1.5, 0, 0.5, 0, 1.5, 0.5, -1, -1, 0.5, r, r, r, r);
    expectRow(m, 0, "area_voro", [area, area, area, 0]);
    expectRow(m, 0, "vol_voro", [vol, vol, vol, 0]);
    assert.equal((m.flags?.[0] ?? 0) & INTERSTICE_FLAGS.flatHull, INTERSTICE_FLAGS.flatHull);
  });

  it("coplanar neighbors through the centre: area from the polygon, volume NaN (zero-volume tetrahedra)", () => {
    // Square of 4 neighbors around O in the plane z = 0: 2 triangles; O lies in their plane.
    const sq = [
      [2.5, 0, 0],
      [0, 2.5, 0],
      [-2.5, 0, 0],
      [0, -2.5, 0],
    ];
    const { frame, list } = cluster(sq, [1, 1, 1, 1, 1], ["Cu"]);
    const m = new IntersticeFeaturizer().computeFrame(frame, { voronoiNeighbors: list, cutoffNeighbors: list });
    // Right isosceles triangles, legs 2.5 sqrt 2: S = 6.25, packed = 1.26^2 pi / 2.
    const a = 1 - (1.26 ** 2 * PI) / 2 / 6.25;
    expectRow(m, 0, "area_voro", [a, a, a, 0]);
    expectRow(m, 0, "vol_voro", [NaN, NaN, NaN, NaN]);
    const f = m.flags?.[0] ?? 0;
    assert.ok(f & INTERSTICE_FLAGS.flatHull && f & INTERSTICE_FLAGS.skippedSimplex, `flags ${f}`);
  });

  it("collinear, 2, 1 and 0 neighbors: no triangle, NaN area/vol (documented), distances still defined", () => {
    const cases = [
      [
        [2.5, 0, 0],
        [-2.5, 0, 0],
        [5, 0, 0],
      ],
      [
        [2.5, 0, 0],
        [0, 2.5, 0],
      ],
      [[2.5, 0, 0]],
    ];
    for (const nb of cases) {
      const { frame, list } = cluster(nb, new Array(nb.length + 1).fill(1), ["Cu"]);
      const m = new IntersticeFeaturizer().computeFrame(frame, { voronoiNeighbors: list, cutoffNeighbors: list });
      expectRow(m, 0, "area_voro", [NaN, NaN, NaN, NaN]);
      expectRow(m, 0, "vol_voro", [NaN, NaN, NaN, NaN]);
      assert.ok(Number.isFinite(cell(m, 0, "dist_voro_mean")));
      assert.ok((m.flags?.[0] ?? 0) & INTERSTICE_FLAGS.flatHull);
    }
    // An atom with no neighbor at all (e.g. a degenerate Voronoi cell with its faces dropped).
    const frame = makeFrame([0, 0, 0, 10, 0, 0], [1, 1], ["Cu"]);
    const empty = listFromRows([[], []]);
    const m = new IntersticeFeaturizer().computeFrame(frame, { voronoiNeighbors: empty, cutoffNeighbors: empty });
    for (const label of INTERSTICE_LABELS) assert.ok(Number.isNaN(cell(m, 0, label)), label);
    assert.equal((m.flags?.[0] ?? 0) & INTERSTICE_FLAGS.noCutoffNeighbor, INTERSTICE_FLAGS.noCutoffNeighbor);
  });

  it("duplicate neighbor vectors and collinear points on hull edges do not change the result", () => {
    const cube: number[][] = [];
    for (const x of [-1.4, 1.4]) for (const y of [-1.4, 1.4]) for (const z of [-1.4, 1.4]) cube.push([x, y, z]);
    const base = cluster(cube, new Array(9).fill(1), ["Fe"]);
    const extra = cluster([...cube, [1.4, 1.4, 1.4], [1.4, 0, 1.4], [0, 0, 1.4]], new Array(12).fill(1), ["Fe"]);
    const f = new IntersticeFeaturizer();
    const a = f.computeFrame(base.frame, { voronoiNeighbors: base.list, cutoffNeighbors: base.list });
    const b = f.computeFrame(extra.frame, { voronoiNeighbors: extra.list, cutoffNeighbors: extra.list });
    for (const g of ["area_voro", "vol_voro"])
      for (const s of ["mean", "min", "max", "std"])
        close(cell(b, 0, `${g}_${s}`), cell(a, 0, `${g}_${s}`), 1e-12, `${g}_${s}`);
  });
});

interface GlassFixture {
  elements: string[];
  radii: Record<string, number>;
  cutoff: number;
  lo: number[];
  hi: number[];
  ids: number[];
  types: number[];
  positions: number[];
  voronoi: number[][][];
}

const FIXTURE_DIR = path.join(__dirname, "../fixtures/features/interstice");

function loadGlass(): { frame: Frame; voro: NeighborList; cut: NeighborList; fixture: GlassFixture } {
  const fx = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, "glass.json"), "utf8")) as GlassFixture;
  const L = [0, 1, 2].map((d) => fx.hi[d] - fx.lo[d]);
  const c = Cell.orthogonal(L[0], L[1], L[2], fx.lo);
  const frame = makeFrame(fx.positions, fx.types, fx.elements, c);
  frame.ids = Int32Array.from(fx.ids);
  const p = frame.positions;
  const voro = listFromRows(
    fx.voronoi.map((row, i) =>
      row.map(([j, a, b, cc]) => ({
        j,
        v: [
          p[3 * j] + a * L[0] - p[3 * i],
          p[3 * j + 1] + b * L[1] - p[3 * i + 1],
          p[3 * j + 2] + cc * L[2] - p[3 * i + 2],
        ],
      })),
    ),
  );
  return { frame, voro, cut: shellNeighbors(frame, 0, fx.cutoff), fixture: fx };
}

describe("interstice SRO + MRO on a 500-atom Cu-Zr glass against an independent numpy/scipy implementation", () => {
  let glass: ReturnType<typeof loadGlass>;
  before(function () {
    this.timeout(60000);
    glass = loadGlass();
  });

  it("all 80 features of all atoms match the fixture (test/fixtures/features/interstice)", () => {
    const { frame, voro, cut } = glass;
    const res = computeFeatures(frame, ["interstice", "mro"], { voronoiNeighbors: voro, cutoffNeighbors: cut });
    const ref = readCsv(path.join(FIXTURE_DIR, "features.csv"));
    assert.deepEqual(res.matrix.labels, ref.columns.slice(2));
    assert.equal(res.matrix.labels.length, 80);
    let worst = 0;
    for (const label of res.matrix.labels) {
      const col = ref.data.get(label) as Float64Array;
      for (let i = 0; i < frame.natoms; i++) {
        const got = cell(res.matrix, i, label);
        const want = col[i];
        const err = Math.abs(got - want) / Math.max(1, Math.abs(want));
        worst = Math.max(worst, err);
        assert.ok(err < 1e-9, `${label} of atom id ${frame.ids[i]}: ${got} vs numpy/scipy ${want}`);
      }
    }
    assert.ok(res.matrix.flags?.every((f) => f === 0));
    assert.ok(worst < 1e-9);
  });

  it("is invariant under rotation of the bond vectors and under relabelling of the atoms", () => {
    const { frame, voro, cut } = glass;
    const f = new IntersticeFeaturizer();
    const ref = f.computeFrame(frame, { voronoiNeighbors: voro, cutoffNeighbors: cut });
    // Rotation: about the axis (1, 2, 3) by 0.7 rad (Rodrigues).
    const k = [1, 2, 3].map((x) => x / sqrt(14));
    const c = Math.cos(0.7);
    const s = Math.sin(0.7);
    const rot = (v: Float64Array) => {
      const out = new Float64Array(v.length);
      for (let e = 0; e < v.length; e += 3) {
        const [x, y, z] = [v[e], v[e + 1], v[e + 2]];
        const dot = k[0] * x + k[1] * y + k[2] * z;
        const cr = [k[1] * z - k[2] * y, k[2] * x - k[0] * z, k[0] * y - k[1] * x];
        for (let d = 0; d < 3; d++) out[e + d] = [x, y, z][d] * c + cr[d] * s + k[d] * dot * (1 - c);
      }
      return out;
    };
    const rotated = f.computeFrame(frame, {
      voronoiNeighbors: { ...voro, vectors: rot(voro.vectors) },
      cutoffNeighbors: { ...cut, vectors: rot(cut.vectors) },
    });
    for (let e = 0; e < ref.values.length; e++) close(rotated.values[e], ref.values[e], 1e-12, `rotated entry ${e}`);
    // Relabelling: reverse the atom order and reverse each neighbor row.
    const n = frame.natoms;
    const perm = (i: number) => n - 1 - i;
    const relabel = (list: NeighborList) =>
      listFromRows(
        Array.from({ length: n }, (_, i) => {
          const old = perm(i);
          const row: { j: number; v: number[] }[] = [];
          for (let e = list.offsets[old + 1] - 1; e >= list.offsets[old]; e--)
            row.push({ j: perm(list.indices[e]), v: Array.from(list.vectors.subarray(3 * e, 3 * e + 3)) });
          return row;
        }),
      );
    const pframe = makeFrame(
      Array.from({ length: 3 * n }, (_, q) => frame.positions[3 * perm(Math.floor(q / 3)) + (q % 3)]),
      Array.from({ length: n }, (_, i) => frame.types[perm(i)]),
      frame.elements,
      frame.cell,
    );
    const permuted = f.computeFrame(pframe, { voronoiNeighbors: relabel(voro), cutoffNeighbors: relabel(cut) });
    const w = INTERSTICE_LABELS.length;
    for (let i = 0; i < n; i++)
      for (let q = 0; q < w; q++)
        close(permuted.values[i * w + q], ref.values[perm(i) * w + q], 1e-12, `atom ${i} column ${q}`);
  });

  it("neighbor sources are interchangeable: a precomputed list and the context's give the same matrix", () => {
    const { frame, voro, cut } = glass;
    const ctx = new StructureContext(frame, { voronoiNeighbors: voro, cutoffNeighbors: cut });
    const viaContext = ctx.features(new IntersticeFeaturizer());
    const viaKernel = new IntersticeFeaturizer().compute(ctx);
    assert.deepEqual(Array.from(viaKernel.values), Array.from(viaContext.values));
    assert.equal(ctx.features(new IntersticeFeaturizer()), viaContext, "cached by key");
  });
});
