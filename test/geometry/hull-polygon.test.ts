import { strict as assert } from "node:assert";
import { dropCollinear, fanApex, minAngle, planarHullPolygon } from "../../src/geometry/hull-polygon";

/** Points (x, y, z) as the three coordinate arrays the polygon helpers take. */
function xyz(points: readonly (readonly [number, number, number])[]): [Float64Array, Float64Array, Float64Array] {
  return [0, 1, 2].map((d) => Float64Array.from(points, (p) => p[d])) as [Float64Array, Float64Array, Float64Array];
}

describe("geometry: hull polygons (dropCollinear, fanApex, planarHullPolygon)", () => {
  it("drops the midpoints of a square's sides, keeps its corners in order", () => {
    // Unit square with a vertex in the middle of each side, counter-clockwise.
    const [px, py, pz] = xyz([
      [0, 0, 0],
      [0.5, 0, 0],
      [1, 0, 0],
      [1, 0.5, 0],
      [1, 1, 0],
      [0.5, 1, 0],
      [0, 1, 0],
      [0, 0.5, 0],
    ]);
    const poly = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
    const m = dropCollinear(poly, 8, px, py, pz, 1e-12);
    assert.deepEqual([...poly.subarray(0, m)], [0, 2, 4, 6]);
  });

  it("gives the angles of a 3-4-5 triangle and fans a rhombus along its short diagonal", () => {
    const [px, py, pz] = xyz([
      [0, 0, 0],
      [4, 0, 0],
      [0, 3, 0],
    ]);
    // Smallest angle: atan(3/4) at the vertex (4, 0).
    assert.ok(Math.abs(minAngle(px, py, pz, 0, 1, 2) - Math.atan2(3, 4)) < 1e-15);
    // Rhombus with diagonals 4 (x) and 2 (y): fanning from a sharp vertex (x = +-2) cuts along the long diagonal
    // (smallest angle atan(1/2) = 26.6 deg); from a blunt vertex along the short one (smallest angle 45 deg).
    const [rx, ry, rz] = xyz([
      [2, 0, 0],
      [0, 1, 0],
      [-2, 0, 0],
      [0, -1, 0],
    ]);
    const apex = fanApex(Int32Array.from([0, 1, 2, 3]), 4, rx, ry, rz);
    assert.ok(apex === 1 || apex === 3, `apex ${apex}`);
    assert.equal(apex, 1, "the first best apex in polygon order");
  });

  it("finds the 2-D hull of points in a tilted plane, dropping interior and collinear points", () => {
    // Square corners, a side midpoint and the centre, in the plane z = x (unit normal (-1, 0, 1)/sqrt 2).
    const pts: [number, number, number][] = [
      [0, 0, 0],
      [1, 0, 1],
      [1, 1, 1],
      [0, 1, 0],
      [0.5, 0, 0.5],
      [0.5, 0.5, 0.5],
    ];
    const [px, py, pz] = xyz(pts);
    const s = Math.SQRT1_2;
    const hull = new Int32Array(pts.length);
    const m = planarHullPolygon(pts.length, px, py, pz, -s, 0, s, 1e-12, new Float64Array(pts.length), hull);
    assert.equal(m, 4);
    const corners = [...hull.subarray(0, m)];
    assert.deepEqual([...corners].sort(), [0, 1, 2, 3]);
    // Counter-clockwise seen from the normal's side: (b - a) x (c - b) points along the normal.
    const [a, b, c] = corners;
    const u = [px[b] - px[a], py[b] - py[a], pz[b] - pz[a]];
    const w = [px[c] - px[b], py[c] - py[b], pz[c] - pz[b]];
    const n = [u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]];
    assert.ok(-s * n[0] + s * n[2] > 0, `orientation ${n}`);
    // Collinear points: fewer than 3 hull vertices.
    const [lx, ly, lz] = xyz([
      [0, 0, 0],
      [1, 1, 0],
      [2, 2, 0],
      [3, 3, 0],
    ]);
    assert.ok(planarHullPolygon(4, lx, ly, lz, 0, 0, 1, 1e-12, new Float64Array(4), new Int32Array(4)) < 3);
  });
});
