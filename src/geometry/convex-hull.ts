/**
 * 3-D convex hull by quickhull (Barber, Dobkin & Huhdanpaa 1996, ACM TOMS 22, 469), on typed arrays, for the
 * small point sets of a neighbor shell (tens of points). The output is triangles only, like qhull's `Qt` option
 * (which the paper uses through scipy): every facet is simplicial, oriented counter-clockwise seen from outside.
 *
 * Degeneracies are resolved with one distance tolerance, eps = tolerance x (largest distance of a point from the
 * centroid); if the result is inconsistent (a point more than 100 eps above an output triangle: inputs coplanar
 * up to noise of the order of eps), it is recomputed with a 100x, then 10^4 x coarser tolerance:
 * - a point within eps of the hull (inside, on a face, on an edge, duplicate) is not a vertex;
 * - adjacent triangles within eps of a common plane are merged into one convex polygon, vertices inside it or on
 *   a straight stretch of its boundary are dropped, and the polygon is re-triangulated by a fan from the vertex
 *   that maximises the smallest angle (Delaunay-like, independent of input order: a square gives 2 triangles, a
 *   rhombus is cut along its short diagonal, a regular polygon gives congruent fans from any vertex);
 * - all points within eps of one plane (kind "planar"): the 2-D hull polygon, triangulated the same way, once;
 * - all points within eps of one line, or fewer than 3 distinct points (kind "collinear"/"empty"): no triangles.
 *
 * A hull object keeps its buffers between calls (configure once, compute many times): results are views valid
 * until the next `compute`.
 */

import { dropCollinear, fanApex, norm3, planarHullPolygon } from "./hull-polygon";

/** What the input point set spans. */
export type HullKind = "solid" | "planar" | "collinear" | "empty";

export interface ConvexHullOptions {
  /** Relative distance tolerance (see above). Default 1e-10. */
  readonly tolerance?: number;
}

const UNSET = -1;

export class ConvexHull {
  readonly tolerance: number;
  /** Kind of the last computed hull. */
  kind: HullKind = "empty";
  /** Number of triangles of the last hull. */
  nTriangles = 0;
  /**
   * True when no tolerance gave a consistent hull (a point could not be inserted, or a point remains above an
   * output triangle): the triangles are then those of the last attempt. Not observed in tests and fuzzing.
   */
  approximate = false;

  // Points (copied).
  private px = new Float64Array(0);
  private py = new Float64Array(0);
  private pz = new Float64Array(0);
  private cap = 0;
  // Faces: vertices, neighbor across edge e (v[e] -> v[e+1]), plane n.x = d, alive flag, visit mark.
  private fv = new Int32Array(0);
  private fnb = new Int32Array(0);
  private fn = new Float64Array(0);
  private fd = new Float64Array(0);
  private falive = new Uint8Array(0);
  private fmark = new Int32Array(0);
  private fcap = 0;
  private nf = 0;
  private epoch = 0;
  // Quickhull outside sets: pending points, their face and distance.
  private pending = new Int32Array(0);
  private pface = new Int32Array(0);
  private pdist = new Float64Array(0);
  // Horizon work arrays.
  private stack = new Int32Array(0);
  private visible = new Int32Array(0);
  private hu = new Int32Array(0);
  private hw = new Int32Array(0);
  private hg = new Int32Array(0);
  private hge = new Int32Array(0);
  private startSlot = new Int32Array(0);
  private newFaces = new Int32Array(0);
  // Output and polygon work arrays.
  private tri = new Int32Array(0);
  private tcap = 0;
  private cluster = new Int32Array(0);
  private poly = new Int32Array(0);
  private nextV = new Int32Array(0);
  private eps = 0;
  private readonly ext = new Int32Array(6);
  /** Scratch of {@link triangleNormal}. */
  private readonly normal = new Float64Array(3);

  constructor(options: ConvexHullOptions = {}) {
    const tol = options.tolerance ?? 1e-10;
    if (!(Number.isFinite(tol) && tol >= 0))
      throw new Error(`ConvexHull: tolerance must be a non-negative number, got ${tol}`);
    this.tolerance = tol;
  }

  /** Triangles of the last hull: 3 point indices each, counter-clockwise seen from outside. A view: copy to keep. */
  get triangles(): Int32Array {
    return this.tri.subarray(0, 3 * this.nTriangles);
  }

  /** The underlying triangle buffer (no copy, no view): entries 0 .. 3 nTriangles - 1 are valid. For hot loops. */
  get triangleData(): Int32Array {
    return this.tri;
  }

  /**
   * Computes the hull of the first `n` points of `points` (x, y, z interleaved). Returns this.
   * Non-finite coordinates are refused with an error naming the point.
   */
  compute(points: ArrayLike<number>, n: number = Math.floor(points.length / 3)): this {
    if (3 * n > points.length)
      throw new Error(`ConvexHull: ${n} points need ${3 * n} coordinates, got ${points.length}`);
    this.reserve(n);
    this.nTriangles = 0;
    this.approximate = false;
    this.nf = 0;
    const { px, py, pz } = this;
    let cx = 0;
    let cy = 0;
    let cz = 0;
    for (let i = 0; i < n; i++) {
      const x = points[3 * i];
      const y = points[3 * i + 1];
      const z = points[3 * i + 2];
      if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z)))
        throw new Error(`ConvexHull: point ${i} has a non-finite coordinate`);
      px[i] = x;
      py[i] = y;
      pz[i] = z;
      cx += x;
      cy += y;
      cz += z;
    }
    if (n === 0) {
      this.kind = "empty";
      return this;
    }
    cx /= n;
    cy /= n;
    cz /= n;
    let scale2 = 0;
    for (let i = 0; i < n; i++) {
      const d2 = (px[i] - cx) ** 2 + (py[i] - cy) ** 2 + (pz[i] - cz) ** 2;
      if (d2 > scale2) scale2 = d2;
    }
    const scale = Math.sqrt(scale2);
    if (n < 3 || scale2 === 0) {
      this.kind = n < 2 || scale2 === 0 ? "empty" : "collinear";
      return this;
    }
    // Near-degenerate inputs (e.g. a crystal written with 12 digits: coplanar up to noise of the order of the
    // tolerance) can defeat one tolerance; the result is checked and recomputed with a 100x and 10^4 x coarser
    // tolerance, under which such noise is exactly coplanar.
    for (let attempt = 0; attempt < 3; attempt++) {
      this.eps = this.tolerance * scale * 100 ** attempt;
      this.nf = 0;
      this.nTriangles = 0;
      this.approximate = false;
      this.build(n);
      if (this.kind !== "solid" || (!this.approximate && this.consistent(n))) return this;
    }
    this.approximate = true;
    return this;
  }

  /** True when no point lies more than 100 eps above the plane of any output triangle. */
  private consistent(n: number): boolean {
    const { px, py, pz, tri } = this;
    const limit = 100 * this.eps;
    for (let t = 0; t < this.nTriangles; t++) {
      const a = tri[3 * t];
      const b = tri[3 * t + 1];
      const c = tri[3 * t + 2];
      const l = this.triangleNormal(a, b, c);
      if (!(l > 0)) continue;
      const nx = this.normal[0];
      const ny = this.normal[1];
      const nz = this.normal[2];
      const bound = limit * l;
      for (let p = 0; p < n; p++) {
        if (nx * (px[p] - px[a]) + ny * (py[p] - py[a]) + nz * (pz[p] - pz[a]) > bound) return false;
      }
    }
    return true;
  }

  /** One hull computation at tolerance this.eps: sets kind and the triangles. */
  private build(n: number): void {
    const { px, py, pz } = this;
    const eps = this.eps;
    // Initial simplex: the farthest pair of points (of the axis extremes when there are many points), the
    // farthest point from their line, the farthest point from that plane.
    let i0 = 0;
    let i1 = 0;
    let best = -1;
    if (n <= 64) {
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
          const d2 = this.dist2(a, b);
          if (d2 > best) {
            best = d2;
            i0 = a;
            i1 = b;
          }
        }
      }
    } else {
      const ext = this.ext;
      ext.fill(0);
      for (let i = 1; i < n; i++) {
        if (px[i] < px[ext[0]]) ext[0] = i;
        if (px[i] > px[ext[1]]) ext[1] = i;
        if (py[i] < py[ext[2]]) ext[2] = i;
        if (py[i] > py[ext[3]]) ext[3] = i;
        if (pz[i] < pz[ext[4]]) ext[4] = i;
        if (pz[i] > pz[ext[5]]) ext[5] = i;
      }
      for (let a = 0; a < 6; a++) {
        for (let b = a + 1; b < 6; b++) {
          const d2 = this.dist2(ext[a], ext[b]);
          if (d2 > best) {
            best = d2;
            i0 = ext[a];
            i1 = ext[b];
          }
        }
      }
    }
    if (Math.sqrt(best) <= eps) {
      this.kind = "empty";
      return;
    }
    const ux = px[i1] - px[i0];
    const uy = py[i1] - py[i0];
    const uz = pz[i1] - pz[i0];
    const ul = norm3(ux, uy, uz);
    let i2 = -1;
    best = -1;
    for (let i = 0; i < n; i++) {
      const wx = px[i] - px[i0];
      const wy = py[i] - py[i0];
      const wz = pz[i] - pz[i0];
      const d = norm3(uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx) / ul;
      if (d > best) {
        best = d;
        i2 = i;
      }
    }
    if (best <= eps) {
      this.kind = "collinear";
      return;
    }
    const nl = this.triangleNormal(i0, i1, i2);
    let nx = this.normal[0];
    let ny = this.normal[1];
    let nz = this.normal[2];
    nx /= nl;
    ny /= nl;
    nz /= nl;
    const d0 = nx * px[i0] + ny * py[i0] + nz * pz[i0];
    let i3 = -1;
    best = -1;
    for (let i = 0; i < n; i++) {
      const d = Math.abs(nx * px[i] + ny * py[i] + nz * pz[i] - d0);
      if (d > best) {
        best = d;
        i3 = i;
      }
    }
    if (best <= eps) {
      this.kind = "planar";
      this.planarHull(n, nx, ny, nz);
      return;
    }
    this.kind = "solid";
    this.buildSimplex(i0, i1, i2, i3);
    this.runQuickhull(n, i0, i1, i2, i3);
    this.emit();
  }

  /** Total area of the last hull's triangles. */
  area(): number {
    let s = 0;
    const t = this.tri;
    for (let f = 0; f < this.nTriangles; f++) s += this.triangleArea(t[3 * f], t[3 * f + 1], t[3 * f + 2]);
    return s;
  }

  /** Enclosed volume of the last hull (0 unless kind is "solid"). */
  volume(): number {
    if (this.kind !== "solid") return 0;
    const { px, py, pz, tri } = this;
    let v = 0;
    const o = tri[0];
    for (let f = 0; f < this.nTriangles; f++) {
      const a = tri[3 * f];
      const b = tri[3 * f + 1];
      const c = tri[3 * f + 2];
      const ax = px[a] - px[o];
      const ay = py[a] - py[o];
      const az = pz[a] - pz[o];
      const bx = px[b] - px[o];
      const by = py[b] - py[o];
      const bz = pz[b] - pz[o];
      const qx = px[c] - px[o];
      const qy = py[c] - py[o];
      const qz = pz[c] - pz[o];
      v += ax * (by * qz - bz * qy) - ay * (bx * qz - bz * qx) + az * (bx * qy - by * qx);
    }
    return v / 6;
  }

  // ---- internals ----

  private reserve(n: number): void {
    if (n > this.cap) {
      const cap = Math.max(n, 2 * this.cap, 16);
      this.cap = cap;
      this.px = new Float64Array(cap);
      this.py = new Float64Array(cap);
      this.pz = new Float64Array(cap);
      this.pending = new Int32Array(cap);
      this.pface = new Int32Array(cap);
      this.pdist = new Float64Array(cap);
      this.startSlot = new Int32Array(cap).fill(UNSET);
      this.nextV = new Int32Array(cap).fill(UNSET);
      this.poly = new Int32Array(cap);
      this.hu = new Int32Array(cap);
      this.hw = new Int32Array(cap);
      this.hg = new Int32Array(cap);
      this.hge = new Int32Array(cap);
      this.newFaces = new Int32Array(cap);
    }
    this.reserveFaces(8 * n + 8);
    if (6 * n > this.tcap) {
      this.tcap = Math.max(6 * n, 2 * this.tcap);
      this.tri = new Int32Array(this.tcap);
    }
  }

  private reserveFaces(m: number): void {
    if (m <= this.fcap) return;
    const cap = Math.max(m, 2 * this.fcap, 64);
    const grow32 = (a: Int32Array, k: number) => {
      const b = new Int32Array(cap * k);
      b.set(a);
      return b;
    };
    const grow64 = (a: Float64Array, k: number) => {
      const b = new Float64Array(cap * k);
      b.set(a);
      return b;
    };
    this.fv = grow32(this.fv, 3);
    this.fnb = grow32(this.fnb, 3);
    this.fn = grow64(this.fn, 3);
    this.fd = grow64(this.fd, 1);
    const alive = new Uint8Array(cap);
    alive.set(this.falive);
    this.falive = alive;
    this.fmark = grow32(this.fmark, 1);
    this.stack = new Int32Array(cap);
    this.visible = new Int32Array(cap);
    this.cluster = new Int32Array(cap);
    this.fcap = cap;
  }

  private dist2(a: number, b: number): number {
    return (this.px[a] - this.px[b]) ** 2 + (this.py[a] - this.py[b]) ** 2 + (this.pz[a] - this.pz[b]) ** 2;
  }

  /**
   * The normal (b - a) x (c - a) of triangle (a, b, c), not normalised, into `this.normal`; returns its length
   * (twice the triangle's area). The one place the hull computes a triangle normal.
   */
  private triangleNormal(a: number, b: number, c: number): number {
    const { px, py, pz } = this;
    const ux = px[b] - px[a];
    const uy = py[b] - py[a];
    const uz = pz[b] - pz[a];
    const vx = px[c] - px[a];
    const vy = py[c] - py[a];
    const vz = pz[c] - pz[a];
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    const nz = ux * vy - uy * vx;
    this.normal[0] = nx;
    this.normal[1] = ny;
    this.normal[2] = nz;
    return norm3(nx, ny, nz);
  }

  private triangleArea(a: number, b: number, c: number): number {
    return 0.5 * this.triangleNormal(a, b, c);
  }

  /** Adds face (a, b, c) with its plane; neighbors unset. Returns its index. */
  private addFace(a: number, b: number, c: number): number {
    if (this.nf + 1 > this.fcap) this.reserveFaces(this.nf + 1);
    const f = this.nf++;
    const { px, py, pz } = this;
    this.fv[3 * f] = a;
    this.fv[3 * f + 1] = b;
    this.fv[3 * f + 2] = c;
    this.fnb[3 * f] = UNSET;
    this.fnb[3 * f + 1] = UNSET;
    this.fnb[3 * f + 2] = UNSET;
    const l = this.triangleNormal(a, b, c);
    let nx = this.normal[0];
    let ny = this.normal[1];
    let nz = this.normal[2];
    if (l > 0) {
      nx /= l;
      ny /= l;
      nz /= l;
    }
    this.fn[3 * f] = nx;
    this.fn[3 * f + 1] = ny;
    this.fn[3 * f + 2] = nz;
    // Offset through the centroid of the three vertices (less rounding than through one vertex).
    this.fd[f] = (nx * (px[a] + px[b] + px[c]) + ny * (py[a] + py[b] + py[c]) + nz * (pz[a] + pz[b] + pz[c])) / 3;
    this.falive[f] = 1;
    this.fmark[f] = 0;
    return f;
  }

  private distance(f: number, p: number): number {
    return this.fn[3 * f] * this.px[p] + this.fn[3 * f + 1] * this.py[p] + this.fn[3 * f + 2] * this.pz[p] - this.fd[f];
  }

  /** Edge index e of face g such that edge e goes a -> b. */
  private edgeIndex(g: number, a: number, b: number): number {
    const v = this.fv;
    for (let e = 0; e < 3; e++) if (v[3 * g + e] === a && v[3 * g + ((e + 1) % 3)] === b) return e;
    return UNSET;
  }

  private buildSimplex(i0: number, i1: number, i2: number, i3: number): void {
    // Orient (a, b, c) so that d lies below it (negative side); faces (a,b,c), (a,d,b), (b,d,c), (c,d,a) then
    // all face outward and each edge appears once in each direction.
    const { px, py, pz } = this;
    const ux = px[i1] - px[i0];
    const uy = py[i1] - py[i0];
    const uz = pz[i1] - pz[i0];
    const vx = px[i2] - px[i0];
    const vy = py[i2] - py[i0];
    const vz = pz[i2] - pz[i0];
    const side =
      (uy * vz - uz * vy) * (px[i3] - px[i0]) +
      (uz * vx - ux * vz) * (py[i3] - py[i0]) +
      (ux * vy - uy * vx) * (pz[i3] - pz[i0]);
    const a = i0;
    const b = side > 0 ? i2 : i1;
    const c = side > 0 ? i1 : i2;
    const d = i3;
    const f0 = this.addFace(a, b, c);
    const f1 = this.addFace(a, d, b);
    const f2 = this.addFace(b, d, c);
    const f3 = this.addFace(c, d, a);
    const nb = this.fnb;
    nb[3 * f0] = f1;
    nb[3 * f0 + 1] = f2;
    nb[3 * f0 + 2] = f3;
    nb[3 * f1] = f3;
    nb[3 * f1 + 1] = f2;
    nb[3 * f1 + 2] = f0;
    nb[3 * f2] = f1;
    nb[3 * f2 + 1] = f3;
    nb[3 * f2 + 2] = f0;
    nb[3 * f3] = f2;
    nb[3 * f3 + 1] = f1;
    nb[3 * f3 + 2] = f0;
  }

  private runQuickhull(n: number, i0: number, i1: number, i2: number, i3: number): void {
    const eps = this.eps;
    const { pending, pface, pdist } = this;
    let np = 0;
    for (let p = 0; p < n; p++) {
      if (p === i0 || p === i1 || p === i2 || p === i3) continue;
      let bf = UNSET;
      let bd = eps;
      for (let f = 0; f < this.nf; f++) {
        const d = this.distance(f, p);
        if (d > bd) {
          bd = d;
          bf = f;
        }
      }
      if (bf !== UNSET) {
        pending[np] = p;
        pface[p] = bf;
        pdist[p] = bd;
        np++;
      }
    }
    while (np > 0) {
      // Farthest pending point.
      let k = 0;
      for (let j = 1; j < np; j++) if (pdist[pending[j]] > pdist[pending[k]]) k = j;
      const p = pending[k];
      pending[k] = pending[--np];
      const firstNew = this.nf;
      // Faces p sees or lies on (within eps) are replaced, so p never makes a sliver with a coplanar neighbor
      // face; if that region is not a disk, fall back to the faces p strictly sees.
      if (!this.insert(p, pface[p], -this.eps) && !this.insert(p, pface[p], this.eps)) this.approximate = true;
      // Reassign points whose face died to the new faces (quickhull outside sets).
      let w = 0;
      for (let j = 0; j < np; j++) {
        const q = pending[j];
        if (this.falive[pface[q]]) {
          pending[w++] = q;
          continue;
        }
        // Usually a new face sees q; with coplanar faces replaced it can be an old one, so look there too
        // before deciding that q is inside the hull.
        let bf = UNSET;
        let bd = eps;
        for (let pass = 0; pass < 2 && bf === UNSET; pass++) {
          for (let f = pass === 0 ? firstNew : 0; f < (pass === 0 ? this.nf : firstNew); f++) {
            if (!this.falive[f]) continue;
            const d = this.distance(f, q);
            if (d > bd) {
              bd = d;
              bf = f;
            }
          }
        }
        if (bf !== UNSET) {
          pface[q] = bf;
          pdist[q] = bd;
          pending[w++] = q;
        }
      }
      np = w;
    }
  }

  /**
   * Adds point p seen from face f0, replacing the connected region of faces whose distance to p exceeds
   * `threshold`. Returns false (hull unchanged) when the horizon is not a simple cycle.
   */
  private insert(p: number, f0: number, threshold: number): boolean {
    const { fv, fnb, fmark, stack, visible } = this;
    const mark = ++this.epoch;
    // Connected region of faces that see p (depth-first from f0).
    let sp = 0;
    let nvis = 0;
    stack[sp++] = f0;
    fmark[f0] = mark;
    while (sp > 0) {
      const f = stack[--sp];
      visible[nvis++] = f;
      for (let e = 0; e < 3; e++) {
        const g = fnb[3 * f + e];
        if (fmark[g] === mark || fmark[g] === -mark) continue;
        if (this.distance(g, p) > threshold) {
          fmark[g] = mark;
          stack[sp++] = g;
        } else {
          fmark[g] = -mark;
        }
      }
    }
    // Horizon edges: edges of visible faces whose neighbor is not visible.
    const { hu, hw, hg, hge, startSlot } = this;
    let nh = 0;
    let simple = true;
    for (let k = 0; k < nvis; k++) {
      const f = visible[k];
      for (let e = 0; e < 3; e++) {
        const g = fnb[3 * f + e];
        if (fmark[g] === mark) continue;
        const u = fv[3 * f + e];
        const w = fv[3 * f + ((e + 1) % 3)];
        if (nh >= hu.length || startSlot[u] !== UNSET) {
          simple = false;
          break;
        }
        hu[nh] = u;
        hw[nh] = w;
        hg[nh] = g;
        hge[nh] = this.edgeIndex(g, w, u);
        startSlot[u] = nh;
        nh++;
      }
      if (!simple) break;
    }
    // The horizon must be one simple cycle through all its edges.
    let ordered = 0;
    if (simple && nh >= 3) {
      let h = 0;
      do {
        this.newFaces[ordered++] = h;
        h = startSlot[hw[h]];
      } while (h !== UNSET && h !== 0 && ordered <= nh);
      simple = h === 0 && ordered === nh;
    } else {
      simple = false;
    }
    for (let k = 0; k < nh; k++) startSlot[hu[k]] = UNSET;
    if (!simple) return false;
    for (let k = 0; k < nvis; k++) this.falive[visible[k]] = 0;
    // New faces (u, w, p) around the horizon, in cycle order.
    const order = this.newFaces;
    const first = this.nf;
    for (let k = 0; k < nh; k++) {
      const h = order[k];
      const f = this.addFace(hu[h], hw[h], p);
      this.fnb[3 * f] = hg[h];
      this.fnb[3 * hg[h] + hge[h]] = f;
    }
    for (let k = 0; k < nh; k++) {
      const f = first + k;
      const next = first + ((k + 1) % nh);
      const prev = first + ((k + nh - 1) % nh);
      this.fnb[3 * f + 1] = next; // edge w -> p is shared with the next face's p -> u(next) = p -> w
      this.fnb[3 * f + 2] = prev;
    }
    return true;
  }

  private pushTriangle(a: number, b: number, c: number): void {
    if (3 * (this.nTriangles + 1) > this.tcap) {
      const t = new Int32Array(2 * this.tcap + 3);
      t.set(this.tri);
      this.tri = t;
      this.tcap = t.length;
    }
    const k = 3 * this.nTriangles++;
    this.tri[k] = a;
    this.tri[k + 1] = b;
    this.tri[k + 2] = c;
  }

  /** Writes the triangles: merged coplanar clusters re-triangulated, other faces as they are. */
  private emit(): void {
    const eps = this.eps;
    const { fv, fnb, fn, falive, cluster } = this;
    const nf = this.nf;
    for (let f = 0; f < nf; f++) cluster[f] = UNSET;
    for (let seed = 0; seed < nf; seed++) {
      if (!falive[seed] || cluster[seed] !== UNSET) continue;
      // Grow the set of faces coplanar with the seed face (all vertices within eps of its plane, same side).
      let size = 0;
      let sp = 0;
      const stack = this.stack;
      stack[sp++] = seed;
      cluster[seed] = seed;
      const members = this.visible;
      while (sp > 0) {
        const f = stack[--sp];
        members[size++] = f;
        for (let e = 0; e < 3; e++) {
          const g = fnb[3 * f + e];
          if (cluster[g] !== UNSET) continue;
          const dot = fn[3 * seed] * fn[3 * g] + fn[3 * seed + 1] * fn[3 * g + 1] + fn[3 * seed + 2] * fn[3 * g + 2];
          if (dot <= 0) continue;
          let flat = true;
          for (let j = 0; j < 3 && flat; j++) flat = Math.abs(this.distance(seed, fv[3 * g + j])) <= eps;
          if (flat) {
            cluster[g] = seed;
            stack[sp++] = g;
          }
        }
      }
      if (size === 1) {
        this.pushTriangle(fv[3 * seed], fv[3 * seed + 1], fv[3 * seed + 2]);
        continue;
      }
      if (!this.emitPolygon(seed, members, size)) {
        for (let k = 0; k < size; k++) {
          const f = members[k];
          this.pushTriangle(fv[3 * f], fv[3 * f + 1], fv[3 * f + 2]);
        }
      }
    }
  }

  /** Boundary of a coplanar cluster as one polygon, re-triangulated. False if the boundary is not one cycle. */
  private emitPolygon(seed: number, members: Int32Array, size: number): boolean {
    const { fv, fnb, cluster, nextV } = this;
    let start = UNSET;
    let nb = 0;
    let ok = true;
    for (let k = 0; k < size && ok; k++) {
      const f = members[k];
      for (let e = 0; e < 3; e++) {
        if (cluster[fnb[3 * f + e]] === seed) continue;
        const u = fv[3 * f + e];
        const w = fv[3 * f + ((e + 1) % 3)];
        if (nextV[u] !== UNSET) {
          ok = false;
          break;
        }
        nextV[u] = w;
        start = u;
        nb++;
      }
    }
    let m = 0;
    if (ok && start !== UNSET) {
      let v = start;
      do {
        this.poly[m++] = v;
        v = nextV[v];
      } while (v !== UNSET && v !== start && m <= nb);
      ok = v === start && m === nb;
    }
    for (let k = 0; k < size; k++) {
      const f = members[k];
      for (let e = 0; e < 3; e++) nextV[fv[3 * f + e]] = UNSET;
    }
    if (!ok) return false;
    m = dropCollinear(this.poly, m, this.px, this.py, this.pz, this.eps);
    if (m < 3) return false;
    this.fan(this.poly, m);
    return true;
  }

  /** Fan triangulation of a convex polygon (ccw from outside) from the apex maximising the smallest angle. */
  private fan(poly: Int32Array, m: number): void {
    const apex = fanApex(poly, m, this.px, this.py, this.pz);
    for (let k = 1; k < m - 1; k++) this.pushTriangle(poly[apex], poly[(apex + k) % m], poly[(apex + k + 1) % m]);
  }

  /** All points within eps of the plane with unit normal n: 2-D hull (monotone chain), triangulated once. */
  private planarHull(n: number, nx: number, ny: number, nz: number): void {
    // this.pdist serves as the scratch of the in-plane u coordinates.
    const m = planarHullPolygon(n, this.px, this.py, this.pz, nx, ny, nz, this.eps, this.pdist, this.poly);
    if (m < 3) {
      this.kind = "collinear";
      return;
    }
    this.fan(this.poly, m);
  }
}

/** Convenience: triangles (copied) of the convex hull of `points` (x, y, z interleaved) and the hull kind. */
export function convexHull(
  points: ArrayLike<number>,
  options: ConvexHullOptions = {},
): { kind: HullKind; triangles: Int32Array; approximate: boolean } {
  const h = new ConvexHull(options).compute(points);
  return { kind: h.kind, triangles: h.triangles.slice(), approximate: h.approximate };
}
