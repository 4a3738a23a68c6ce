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

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/features/hull/hulls.json"), "utf8")) as {
  sets: HullFixture[];
};

/** Index of the first point with exactly the same coordinates (duplicates are interchangeable hull vertices). */
function canonical(points: number[]): (i: number) => number {
  const first = new Map<string, number>();
  const map: number[] = [];
  for (let i = 0; i < points.length / 3; i++) {
    const key = points.slice(3 * i, 3 * i + 3).join(",");
    if (!first.has(key)) first.set(key, i);
    map.push(first.get(key) as number);
  }
  return (i) => map[i];
}

function sortedTriangles(t: ArrayLike<number>, canon: (i: number) => number = (i) => i): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < t.length; k += 3) out.push([canon(t[k]), canon(t[k + 1]), canon(t[k + 2])].sort((a, b) => a - b));
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
}

function usedVertices(t: ArrayLike<number>, canon: (i: number) => number = (i) => i): number[] {
  return [...new Set(Array.from(t, canon))].sort((a, b) => a - b);
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
      const d =
        (nrm[0] * (points[3 * p] - points[3 * a]) +
          nrm[1] * (points[3 * p + 1] - points[3 * a + 1]) +
          nrm[2] * (points[3 * p + 2] - points[3 * a + 2])) /
        l;
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
      const canon = canonical(s.points);
      assert.deepEqual(usedVertices(hull.triangles, canon), usedVertices(s.vertices, canon));
      if (s.simplices)
        assert.deepEqual(sortedTriangles(hull.triangles, canon), sortedTriangles(s.simplices.flat(), canon));
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
        const d = (a: number, b: number) =>
          Math.hypot(pts[3 * a] - pts[3 * b], pts[3 * a + 1] - pts[3 * b + 1], pts[3 * a + 2] - pts[3 * b + 2]);
        out.push(
          [d(t[k], t[k + 1]), d(t[k + 1], t[k + 2]), d(t[k + 2], t[k])]
            .sort((x, y) => x - y)
            .map((x) => x.toFixed(9))
            .join(","),
        );
      }
      return out.sort();
    };
    const ref = shape(s.points);
    assert.equal(ref.length, 20);
    for (const perm of [
      [5, 3, 11, 0, 7, 9, 1, 10, 2, 8, 4, 6],
      [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]) {
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
    assert.throws(
      () => new ConvexHull().compute([0, 0, NaN, 1, 0, 0, 0, 1, 0, 0, 0, 1]),
      /point 0 has a non-finite coordinate/,
    );
  });

  it("is robust on a rotated 3x3x3 grid (coplanar faces, collinear edges, interior point), with and without 1e-13 noise", () => {
    let seed = 99;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const h = new ConvexHull();
    for (let trial = 0; trial < 50; trial++) {
      // Random rotation from a random unit quaternion.
      let [w, x, y, z] = [rnd() - 0.5, rnd() - 0.5, rnd() - 0.5, rnd() - 0.5];
      const l = Math.hypot(w, x, y, z);
      [w, x, y, z] = [w / l, x / l, y / l, z / l];
      const R = [
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
      ];
      const noise = trial % 2 === 0 ? 0 : 1e-13;
      const pts: number[] = [];
      for (const a of [-1, 0, 1])
        for (const b of [-1, 0, 1])
          for (const c of [-1, 0, 1]) {
            for (let d = 0; d < 3; d++) pts.push(R[d][0] * a + R[d][1] * b + R[d][2] * c + 5 + noise * (rnd() - 0.5));
          }
      h.compute(pts);
      assert.equal(h.kind, "solid");
      assert.equal(h.approximate, false);
      assert.equal(h.nTriangles, 12, `trial ${trial}`);
      assert.ok(
        Math.abs(h.volume() - 8) < 1e-9 && Math.abs(h.area() - 24) < 1e-9,
        `trial ${trial}: ${h.volume()} ${h.area()}`,
      );
      assertOutward(pts, h.triangles);
    }
  });

  it("fuzz: rotated crystal shells and grids with noise from 0 to 1e-4 (around the tolerance) give consistent hulls", () => {
    let seed = 11;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const phi = (1 + Math.sqrt(5)) / 2;
    const shapes: number[][][] = [[], [], [], []];
    for (const a of [-1, 1]) for (const b of [-phi, phi]) shapes[0].push([0, a, b], [a, b, 0], [b, 0, a]);
    for (const a of [-1, 1]) for (const b of [-1, 1]) shapes[1].push([a, b, 0], [a, 0, b], [0, a, b]);
    for (const a of [-1, 1]) for (const b of [-1, 1]) for (const c of [-1, 1]) shapes[2].push([a, b, c]);
    shapes[2].push([2, 0, 0], [-2, 0, 0], [0, 2, 0], [0, -2, 0], [0, 0, 2], [0, 0, -2]);
    for (const a of [-1, -0.5, 0, 0.5, 1])
      for (const b of [-1, 0, 1]) for (const c of [-1, 0, 1]) shapes[3].push([a, b, c]);
    const h = new ConvexHull();
    for (const noise of [0, 1e-12, 1e-11, 1e-10, 3e-10, 1e-9, 1e-8, 1e-6, 1e-4]) {
      for (let trial = 0; trial < 40; trial++) {
        const shape = shapes[trial % shapes.length];
        let [w, x, y, z] = [rnd() - 0.5, rnd() - 0.5, rnd() - 0.5, rnd() - 0.5];
        const l = Math.hypot(w, x, y, z);
        [w, x, y, z] = [w / l, x / l, y / l, z / l];
        const R = [
          [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
          [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
          [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
        ];
        const pts: number[] = [];
        for (const p of [...shape].sort(() => rnd() - 0.5)) {
          for (let d = 0; d < 3; d++)
            pts.push(2.5 * (R[d][0] * p[0] + R[d][1] * p[1] + R[d][2] * p[2]) + 2.5 * noise * (rnd() - 0.5));
        }
        h.compute(pts);
        assert.equal(h.approximate, false, `noise ${noise} shape ${trial % 4}`);
        const t = h.triangles;
        for (let k = 0; k < t.length; k += 3) {
          const [a, b, c] = [t[k], t[k + 1], t[k + 2]];
          const u = [0, 1, 2].map((d) => pts[3 * b + d] - pts[3 * a + d]);
          const v = [0, 1, 2].map((d) => pts[3 * c + d] - pts[3 * a + d]);
          const nr = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
          const ln = Math.hypot(nr[0], nr[1], nr[2]);
          for (let p = 0; p < pts.length / 3; p++) {
            const d =
              (nr[0] * (pts[3 * p] - pts[3 * a]) +
                nr[1] * (pts[3 * p + 1] - pts[3 * a + 1]) +
                nr[2] * (pts[3 * p + 2] - pts[3 * a + 2])) /
              ln;
            assert.ok(!(d > 1e-6), `noise ${noise} shape ${trial % 4}: point ${p} is ${d} above a triangle`);
          }
        }
      }
    }
  });

  it("reuses its buffers across calls of different sizes", () => {
    const h = new ConvexHull();
    for (const s of [...fixture.sets].reverse()) {
      h.compute(s.points);
      assert.ok(Math.abs(h.volume() - s.volume) <= 1e-9 * s.volume, s.name);
    }
  });
});
