import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ConvexHull, convexHull } from "../../src/geometry/convex-hull";

interface HullFixture {
  name: string;
  points: number[];
  area: number;
  volume: number;
  triangles: number;
  vertices: number[];
  simplicial: boolean;
  simplices: number[][] | null;
}

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/features/hull/hulls.json"), "utf8")) as { sets: HullFixture[] };

function sortedTriangles(t: Int32Array): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < t.length; k += 3) out.push([t[k], t[k + 1], t[k + 2]].sort((a, b) => a - b));
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
}

function usedVertices(t: Int32Array): number[] {
  return [...new Set(Array.from(t))].sort((a, b) => a - b);
}

/** Every triangle must face outward: all points on or below its plane. */
function assertOutward(points: number[], t: Int32Array): void {
  const n = points.length / 3;
  for (let k = 0; k < t.length; k += 3) {
    const [a, b, c] = [t[k], t[k + 1], t[k + 2]];
    const u = [0, 1, 2].map((d) => points[3 * b + d] - points[3 * a + d]);
    const v = [0, 1, 2].map((d) => points[3 * c + d] - points[3 * a + d]);
    const nrm = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
    const l = Math.hypot(...nrm);
    for (let p = 0; p < n; p++) {
      const d = (nrm[0] * (points[3 * p] - points[3 * a]) + nrm[1] * (points[3 * p + 1] - points[3 * a + 1]) + nrm[2] * (points[3 * p + 2] - points[3 * a + 2])) / l;
      assert.ok(d < 1e-9, `point ${p} is ${d} above triangle ${a},${b},${c}`);
    }
  }
}

describe("ConvexHull (quickhull, Qt-style triangles) against scipy.spatial.ConvexHull", () => {
  const hull = new ConvexHull();
  for (const s of fixture.sets) {
    it(`${s.name}: area, volume, vertices${s.simplicial ? ", triangles" : ""}`, () => {
      hull.compute(s.points);
      assert.equal(hull.kind, "solid");
      assert.equal(hull.approximate, false);
      assert.ok(Math.abs(hull.area() - s.area) <= 1e-9 * s.area, `area ${hull.area()} vs scipy ${s.area}`);
      assert.ok(Math.abs(hull.volume() - s.volume) <= 1e-9 * s.volume, `volume ${hull.volume()} vs scipy ${s.volume}`);
      assert.equal(hull.nTriangles, s.triangles, "triangle count");
      assert.deepEqual(usedVertices(hull.triangles), s.vertices);
      if (s.simplices) assert.deepEqual(sortedTriangles(hull.triangles), s.simplices);
      assertOutward(s.points, hull.triangles);
    });
  }

  it("cuts each square of a cube into 2 triangles and a bcc rhombus along its short diagonal", () => {
    const bcc = fixture.sets.find((s) => s.name === "bcc-14-rhombic-dodecahedron") as HullFixture;
    const t = convexHull(bcc.points).triangles;
    // Points 0-7 are cube corners (short diagonal of each rhombus joins two of them), 8-13 the octahedral tips.
    for (let k = 0; k < t.length; k += 3) {
      const tips = [t[k], t[k + 1], t[k + 2]].filter((i) => i >= 8).length;
      assert.equal(tips, 1, "every triangle = 2 cube corners + 1 tip");
    }
  });

  it("gives congruent triangles for every input order (coplanar squares of the cuboctahedron)", () => {
    const s = fixture.sets.find((x) => x.name === "fcc-cuboctahedron") as HullFixture;
    const shape = (pts: number[]) => {
      const t = convexHull(pts).triangles;
      const out: string[] = [];
      for (let k = 0; k < t.length; k += 3) {
        // Side lengths of each triangle, sorted: a congruence class.
        const d = (a: number, b: number) => Math.hypot(pts[3 * a] - pts[3 * b], pts[3 * a + 1] - pts[3 * b + 1], pts[3 * a + 2] - pts[3 * b + 2]);
        out.push([d(t[k], t[k + 1]), d(t[k + 1], t[k + 2]), d(t[k + 2], t[k])].sort((x, y) => x - y).map((x) => x.toFixed(9)).join(","));
      }
      return out.sort();
    };
    const ref = shape(s.points);
    assert.equal(ref.length, 20);
    for (const perm of [[5, 3, 11, 0, 7, 9, 1, 10, 2, 8, 4, 6], [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]) {
      const pts: number[] = [];
      for (const p of perm) pts.push(s.points[3 * p], s.points[3 * p + 1], s.points[3 * p + 2]);
      assert.deepEqual(shape(pts), ref);
    }
  });

  it("handles degenerate inputs: empty, one point, duplicates, collinear, coplanar", () => {
    assert.equal(new ConvexHull().compute([]).kind, "empty");
    assert.equal(new ConvexHull().compute([1, 2, 3]).kind, "empty");
    assert.equal(new ConvexHull().compute([1, 2, 3, 1, 2, 3, 1, 2, 3]).kind, "empty");
    const line = new ConvexHull().compute([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 0.5, 0.5, 0.5]);
    assert.equal(line.kind, "collinear");
    assert.equal(line.nTriangles, 0);
    // A regular hexagon in the plane z = 1 plus its centre and a point on an edge: one hexagon, 4 triangles.
    const pts: number[] = [];
    for (let k = 0; k < 6; k++) pts.push(Math.cos((k * Math.PI) / 3), Math.sin((k * Math.PI) / 3), 1);
    pts.push(0, 0, 1, (1 + Math.cos(Math.PI / 3)) / 2, Math.sin(Math.PI / 3) / 2, 1);
    const flat = new ConvexHull().compute(pts);
    assert.equal(flat.kind, "planar");
    assert.equal(flat.nTriangles, 4);
    assert.ok(Math.abs(flat.area() - (3 * Math.sqrt(3)) / 2) < 1e-12);
    assert.equal(flat.volume(), 0);
    assert.deepEqual(usedVertices(flat.triangles), [0, 1, 2, 3, 4, 5]);
    // Three points: one triangle.
    const tri = new ConvexHull().compute([0, 0, 0, 1, 0, 0, 0, 1, 0]);
    assert.equal(tri.kind, "planar");
    assert.equal(tri.nTriangles, 1);
    assert.throws(() => new ConvexHull().compute([0, 0, NaN, 1, 0, 0, 0, 1, 0, 0, 0, 1]), /point 0 has a non-finite coordinate/);
  });

  it("reuses its buffers across calls of different sizes", () => {
    const h = new ConvexHull();
    for (const s of [...fixture.sets].reverse()) {
      h.compute(s.points);
      assert.ok(Math.abs(h.volume() - s.volume) <= 1e-9 * s.volume, s.name);
    }
  });
});
