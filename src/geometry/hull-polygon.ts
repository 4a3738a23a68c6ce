/**
 * Convex polygons on a plane, for the convex hull (convex-hull.ts): a merged coplanar cluster's boundary loses the
 * vertices on straight stretches, is fanned from the vertex that maximises the smallest angle, and a point set
 * lying in one plane gets its 2-D hull (Andrew's monotone chain). Points are x, y, z in three arrays.
 */

/** Euclidean norm (Math.hypot is several times slower in V8). */
export function norm3(x: number, y: number, z: number): number {
  return Math.sqrt(x * x + y * y + z * z);
}

/**
 * Removes the vertices of polygon poly[0 .. m) that lie within eps of the chord of their two neighbors (a straight
 * stretch of the boundary); returns the new length (at least 3 vertices are kept).
 */
export function dropCollinear(
  poly: Int32Array,
  m: number,
  px: Float64Array,
  py: Float64Array,
  pz: Float64Array,
  eps: number,
): number {
  let changed = true;
  while (changed && m > 3) {
    changed = false;
    for (let k = 0; k < m && m > 3; k++) {
      const a = poly[(k + m - 1) % m];
      const v = poly[k];
      const b = poly[(k + 1) % m];
      const ux = px[b] - px[a];
      const uy = py[b] - py[a];
      const uz = pz[b] - pz[a];
      const wx = px[v] - px[a];
      const wy = py[v] - py[a];
      const wz = pz[v] - pz[a];
      const ul = norm3(ux, uy, uz);
      const off = ul > 0 ? norm3(uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx) / ul : norm3(wx, wy, wz);
      if (off <= eps) {
        for (let j = k; j < m - 1; j++) poly[j] = poly[j + 1];
        m--;
        changed = true;
        k--;
      }
    }
  }
  return m;
}

/** Interior angle at o of triangle (o, p, q), by atan2(|u x v|, u . v). */
function angleAt(px: Float64Array, py: Float64Array, pz: Float64Array, o: number, p: number, q: number): number {
  const ux = px[p] - px[o];
  const uy = py[p] - py[o];
  const uz = pz[p] - pz[o];
  const vx = px[q] - px[o];
  const vy = py[q] - py[o];
  const vz = pz[q] - pz[o];
  return Math.atan2(norm3(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx), ux * vx + uy * vy + uz * vz);
}

/** Smallest interior angle of triangle (a, b, c). */
export function minAngle(
  px: Float64Array,
  py: Float64Array,
  pz: Float64Array,
  a: number,
  b: number,
  c: number,
): number {
  return Math.min(angleAt(px, py, pz, a, b, c), angleAt(px, py, pz, b, c, a), angleAt(px, py, pz, c, a, b));
}

/**
 * The apex (index into poly) of the fan triangulation of convex polygon poly[0 .. m) that maximises the smallest
 * angle of its triangles (the first such apex within 1e-12 rad: independent of input order for regular shapes).
 */
export function fanApex(poly: Int32Array, m: number, px: Float64Array, py: Float64Array, pz: Float64Array): number {
  let apex = 0;
  if (m > 3) {
    let bestScore = -Infinity;
    for (let s = 0; s < m; s++) {
      let score = Infinity;
      for (let k = 1; k < m - 1; k++)
        score = Math.min(score, minAngle(px, py, pz, poly[s], poly[(s + k) % m], poly[(s + k + 1) % m]));
      if (score > bestScore + 1e-12) {
        bestScore = score;
        apex = s;
      }
    }
  }
  return apex;
}

/**
 * 2-D hull of the first n points, all within eps of the plane with unit normal (nx, ny, nz): Andrew's monotone
 * chain in an in-plane basis e1, e2 (e1 x e2 = n), a turn counting as left only beyond eps x chord length (drops
 * collinear points). Writes the polygon, counter-clockwise seen from the normal's side, to hull and returns its
 * length (< 3: the points are collinear). `us` (length >= n) is scratch; hull holds n entries (the chain's
 * closing repeat of the first point, dropped from the result, may fall at index n).
 */
export function planarHullPolygon(
  n: number,
  px: Float64Array,
  py: Float64Array,
  pz: Float64Array,
  nx: number,
  ny: number,
  nz: number,
  eps: number,
  us: Float64Array,
  hull: Int32Array,
): number {
  let ax = 1;
  let ay = 0;
  const az = 0;
  if (Math.abs(nx) > 0.9) {
    ax = 0;
    ay = 1;
  }
  const d = ax * nx + ay * ny + az * nz;
  let e1x = ax - d * nx;
  let e1y = ay - d * ny;
  let e1z = az - d * nz;
  const l1 = norm3(e1x, e1y, e1z);
  e1x /= l1;
  e1y /= l1;
  e1z /= l1;
  const e2x = ny * e1z - nz * e1y;
  const e2y = nz * e1x - nx * e1z;
  const e2z = nx * e1y - ny * e1x;
  const vs = new Float64Array(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    us[i] = px[i] * e1x + py[i] * e1y + pz[i] * e1z;
    vs[i] = px[i] * e2x + py[i] * e2y + pz[i] * e2z;
    order[i] = i;
  }
  order.sort((a, b) => us[a] - us[b] || vs[a] - vs[b]);
  const cross = (o: number, a: number, b: number) =>
    (us[a] - us[o]) * (vs[b] - vs[o]) - (vs[a] - vs[o]) * (us[b] - us[o]);
  let m = 0;
  const leftTurn = (o: number, a: number, b: number) => {
    const chord = Math.sqrt((us[b] - us[o]) ** 2 + (vs[b] - vs[o]) ** 2);
    return cross(o, a, b) > eps * chord;
  };
  for (let k = 0; k < n; k++) {
    const p = order[k];
    while (m >= 2 && !leftTurn(hull[m - 2], hull[m - 1], p)) m--;
    hull[m++] = p;
  }
  const lower = m + 1;
  for (let k = n - 2; k >= 0; k--) {
    const p = order[k];
    while (m >= lower && !leftTurn(hull[m - 2], hull[m - 1], p)) m--;
    hull[m++] = p;
  }
  return m - 1; // the last point repeats the first
}
