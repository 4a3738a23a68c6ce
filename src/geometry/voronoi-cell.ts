import { CandidateBuffer } from "../neighbors/candidate-buffer";
import type { CellList } from "../neighbors/cell-list";

/** Per-atom flag: the cell could not be built consistently (duplicate point, numerical failure); no faces. */
export const VORONOI_FAILED = 1;
/** Per-atom flag: the cell touches a wall of a non-periodic direction; wall faces are not listed as faces. */
export const VORONOI_WALL = 2;
/** Per-atom flag: the radical (Laguerre) cell of the atom is empty (swallowed by bigger neighbors). */
export const VORONOI_EMPTY = 4;

/** Plane ids below this mark the starting cube's faces; between it and 0, the walls. */
const CUBE_PLANE = -100;

/**
 * Where the faces of computed cells go (a growable struct of arrays, one entry per face).
 */
export class FaceSink {
  count = 0;
  neighbor: Int32Array;
  vector: Float64Array;
  area: Float64Array;
  edges: Int32Array;
  distance: Float64Array;

  constructor(capacity = 1024) {
    this.neighbor = new Int32Array(capacity);
    this.vector = new Float64Array(3 * capacity);
    this.area = new Float64Array(capacity);
    this.edges = new Int32Array(capacity);
    this.distance = new Float64Array(capacity);
  }

  push(j: number, x: number, y: number, z: number, area: number, edges: number, distance: number): void {
    if (this.count === this.neighbor.length) this.grow();
    const k = this.count++;
    this.neighbor[k] = j;
    this.vector[3 * k] = x;
    this.vector[3 * k + 1] = y;
    this.vector[3 * k + 2] = z;
    this.area[k] = area;
    this.edges[k] = edges;
    this.distance[k] = distance;
  }

  /** Drops the faces pushed after `mark` (used when a cell fails after some faces were written). */
  truncate(mark: number): void {
    this.count = mark;
  }

  private grow(): void {
    const cap = 2 * this.neighbor.length;
    const n = new Int32Array(cap);
    n.set(this.neighbor);
    this.neighbor = n;
    const v = new Float64Array(3 * cap);
    v.set(this.vector);
    this.vector = v;
    const a = new Float64Array(cap);
    a.set(this.area);
    this.area = a;
    const e = new Int32Array(cap);
    e.set(this.edges);
    this.edges = e;
    const d = new Float64Array(cap);
    d.set(this.distance);
    this.distance = d;
  }
}

/** Result of one cell: its volume and flags (faces went to the sink). */
export interface CellResult {
  volume: number;
  flags: number;
}

/**
 * The Voronoi (or radical) cell of one atom at a time, built the way voro++ does (Rycroft, Chaos 19, 041111
 * (2009)): start from a polyhedron that surely contains the cell, cut it with the bisecting plane of each
 * neighbor taken in order of distance, and stop once the farthest vertex (distance rmax from the atom) proves
 * that no farther neighbor can cut: a neighbor at distance d has its bisector at d/2, so none with d >= 2 rmax
 * can (for radical planes the bound uses the largest radius, below).
 *
 * The polyhedron is stored as faces, each a cyclic list of vertex indices counter-clockwise seen from outside.
 * A cut classifies every vertex once as outside / inside / on the plane with a tolerance, clips every face
 * (Sutherland-Hodgman; each crossing edge gets one new vertex shared by both of its faces), and closes the
 * hole with the cap polygon chained from the on-plane edges of the clipped faces. A vertex on the plane is kept
 * as it is, so a vertex where four or more planes meet (fcc, bcc and other crystals, cospherical points) stays
 * one vertex and all faces come out with their true edge count. All storage is typed arrays that grow on
 * demand and are reused from atom to atom: a cut allocates nothing.
 */
export class VoronoiCellKernel {
  // Vertices: positions relative to the atom, signed plane values, sides.
  private vpos = new Float64Array(3 * 256);
  private vval = new Float64Array(256);
  private side = new Int8Array(256);
  private remap = new Int32Array(256).fill(-1);
  private capNext = new Int32Array(256).fill(-1);
  private edgeHead = new Int32Array(256).fill(-1);
  private nv = 0;
  private rmax2 = 0;
  // Faces: vertex lists in `fv` (double-buffered with `fvOut`), start/length/plane per face.
  private fv = new Int32Array(1024);
  private fvOut = new Int32Array(1024);
  private fStart = new Int32Array(128);
  private fLen = new Int32Array(128);
  private fPlane = new Int32Array(128);
  private fStartOut = new Int32Array(128);
  private fLenOut = new Int32Array(128);
  private fPlaneOut = new Int32Array(128);
  private nf = 0;
  private fvUsed = 0;
  // Edge-crossing table of the current cut: (inside vertex -> chain of (outside vertex, new vertex)).
  private eOther = new Int32Array(64);
  private eVertex = new Int32Array(64);
  private eNext = new Int32Array(64);
  private eCount = 0;
  private eTouched = new Int32Array(64);
  private capList = new Int32Array(64);
  // Planes of the current cell: normal (not normalised), offset h (n . x <= h inside), neighbor, candidate.
  private pnx = new Float64Array(128);
  private pny = new Float64Array(128);
  private pnz = new Float64Array(128);
  private ph = new Float64Array(128);
  private pj = new Int32Array(128);
  private np = 0;

  private readonly buf = new CandidateBuffer(128);
  private readonly cubeHalf: number;
  private readonly spacing: number;
  private readonly r0: number;
  private readonly maxRadius: number;

  /**
   * @param cells binned atoms (periodic images come from it)
   * @param radii per-atom radii for the radical tessellation, or null for plain Voronoi
   * @param tolerance relative tolerance: a vertex closer than tolerance x (mean atomic spacing) to a plane is
   *   on the plane
   */
  constructor(
    private readonly cells: CellList,
    private readonly radii: Float64Array | null,
    private readonly tolerance = 1e-10,
  ) {
    const cell = cells.cell;
    const m = cell.matrix;
    const n = Math.max(cells.n, 1);
    let volume = cell.volume;
    let half = 0;
    for (let k = 0; k < 3; k++) {
      const span = cell.periodic[k] ? 1 : this.spanOf(k);
      volume *= span;
      half += span * Math.hypot(m[3 * k], m[3 * k + 1], m[3 * k + 2]);
    }
    // Every point of the cell is within |a| + |b| + |c| of its atom (periodic: the atom's own images bound the
    // cell inside the lattice's Wigner-Seitz cell, whose circumradius is at most (|a|+|b|+|c|)/2; walls: the
    // whole box is within that distance), so a cube of that half-width contains the cell.
    this.cubeHalf = 1.01 * half + 1;
    this.spacing = Math.cbrt(volume / n);
    // First search radius: about 30 neighbors at the mean density (most cells are closed within it).
    this.r0 = 1.9 * this.spacing;
    let rm = 0;
    if (radii) for (let i = 0; i < radii.length; i++) rm = Math.max(rm, radii[i]);
    this.maxRadius = rm;
  }

  private spanOf(k: number): number {
    // The binned region along a non-periodic direction (box and atoms); read through the wall planes.
    const s = this.cells.fractional;
    let lo = 0;
    let hi = 1;
    for (let i = k; i < s.length; i += 3) {
      if (s[i] < lo) lo = s[i];
      if (s[i] > hi) hi = s[i];
    }
    return hi - lo;
  }

  /**
   * Computes the cell of atom i, appends its faces to `sink` (ordered by bond length) and returns its volume
   * and flags. A failure is retried with a 100x larger and a 100x smaller tolerance before the atom is flagged.
   */
  compute(i: number, sink: FaceSink): CellResult {
    const mark = sink.count;
    for (const factor of [1, 100, 0.01]) {
      sink.truncate(mark);
      const result = this.attempt(i, sink, this.tolerance * factor);
      if (result.flags !== VORONOI_FAILED) return result;
    }
    sink.truncate(mark);
    return { volume: 0, flags: VORONOI_FAILED };
  }

  private attempt(i: number, sink: FaceSink, tol: number): CellResult {
    this.initCube(this.cubeHalf);
    this.np = 0;
    let flags = 0;
    const cell = this.cells.cell;
    const lengthTol = tol * this.spacing;
    // Walls along non-periodic directions: the planes of the binned region (the box, widened to hold all atoms).
    for (let k = 0; k < 3; k++) {
      if (cell.periodic[k]) continue;
      const inv = cell.inverse;
      const gx = inv[k];
      const gy = inv[3 + k];
      const gz = inv[6 + k];
      const g = Math.hypot(gx, gy, gz);
      const [lo, hi] = this.wallBounds(k);
      const s = this.cells.fractional[3 * i + k];
      for (const upper of [false, true]) {
        const sign = upper ? 1 : -1;
        const h = (upper ? hi - s : s - lo) / g;
        const id = this.addPlane(sign * gx / g, sign * gy / g, sign * gz / g, h, -1 - k);
        const r = this.cut(id, lengthTol);
        if (r < 0) return { volume: 0, flags: VORONOI_FAILED };
      }
    }
    const radii = this.radii;
    const ri2 = radii ? radii[i] * radii[i] : 0;
    const rw2 = this.maxRadius * this.maxRadius;
    const buf = this.buf;
    let rPrev = 0;
    let r = this.r0;
    let done = false;
    const dupe2 = (1e-8 * this.spacing) ** 2;
    while (!done) {
      buf.clear();
      this.cells.gatherAround(i, rPrev, r, buf);
      const order = buf.sortByDistance();
      for (let q = 0; q < buf.count; q++) {
        const c = order[q];
        const d2 = buf.d2[c];
        if (d2 >= this.stop2(ri2, rw2)) {
          done = true;
          break;
        }
        if (d2 < dupe2) return { volume: 0, flags: VORONOI_FAILED };
        const j = buf.index[c];
        // Bisector n . x <= |d|^2/2; radical plane n . x <= (|d|^2 + r_i^2 - r_j^2)/2 (power distance equal,
        // Aurenhammer, SIAM J. Comput. 16, 78 (1987)).
        const h = radii ? 0.5 * (d2 + ri2 - radii[j] * radii[j]) : 0.5 * d2;
        const dx = buf.dx[c];
        const dy = buf.dy[c];
        const dz = buf.dz[c];
        const dn = Math.sqrt(d2);
        // No vertex can be beyond a plane farther than rmax.
        if (h > dn * Math.sqrt(this.rmax2)) continue;
        const id = this.addPlane(dx, dy, dz, h, j);
        const res = this.cut(id, lengthTol * dn);
        if (res === -1) {
          if (radii) return { volume: 0, flags: VORONOI_EMPTY };
          return { volume: 0, flags: VORONOI_FAILED };
        }
        if (res < -1) return { volume: 0, flags: VORONOI_FAILED };
        if (res === 0) this.np--; // the plane did not cut: forget it
      }
      if (done) break;
      const stop = Math.sqrt(this.stop2(ri2, rw2));
      if (r >= stop) break;
      rPrev = r;
      r = Math.min(2 * r, Math.max(1.25 * r, stop * (1 + 1e-9)));
    }
    // Output faces; a remaining face of the starting cube means the cell was not closed.
    let volume = 0;
    const fv = this.fv;
    const vp = this.vpos;
    for (let f = 0; f < this.nf; f++) {
      const p = this.fPlane[f];
      if (this.pj[p] <= CUBE_PLANE) return { volume: 0, flags: VORONOI_FAILED };
    }
    for (let f = 0; f < this.nf; f++) {
      const p = this.fPlane[f];
      const st = this.fStart[f];
      const len = this.fLen[f];
      const nx = this.pnx[p];
      const ny = this.pny[p];
      const nz = this.pnz[p];
      const nn = Math.sqrt(nx * nx + ny * ny + nz * nz);
      // Polygon area = half the normal component of sum (v_k - v_0) x (v_k+1 - v_0).
      const a0 = fv[st];
      const x0 = vp[3 * a0];
      const y0 = vp[3 * a0 + 1];
      const z0 = vp[3 * a0 + 2];
      let ax = 0;
      let ay = 0;
      let az = 0;
      for (let q = 1; q < len - 1; q++) {
        const b = fv[st + q];
        const c = fv[st + q + 1];
        const ux = vp[3 * b] - x0;
        const uy = vp[3 * b + 1] - y0;
        const uz = vp[3 * b + 2] - z0;
        const wx = vp[3 * c] - x0;
        const wy = vp[3 * c + 1] - y0;
        const wz = vp[3 * c + 2] - z0;
        ax += uy * wz - uz * wy;
        ay += uz * wx - ux * wz;
        az += ux * wy - uy * wx;
      }
      const area = (0.5 * (ax * nx + ay * ny + az * nz)) / nn;
      const dist = this.ph[p] / nn;
      // Pyramid over the face with apex at the atom (signed height: exact for any convex cell).
      volume += (area * dist) / 3;
      const j = this.pj[p];
      if (j < 0) {
        flags |= VORONOI_WALL;
        continue;
      }
      sink.push(j, nx, ny, nz, area, len, dist);
    }
    return { volume, flags };
  }

  /** Smallest squared neighbor distance whose plane can no longer cut the current cell. */
  private stop2(ri2: number, rw2: number): number {
    const rmax = Math.sqrt(this.rmax2);
    if (!this.radii) return 4 * this.rmax2 * (1 + 1e-12);
    // A neighbor at distance d with radius r_j <= R cuts only if (d^2 + r_i^2 - r_j^2) / (2d) < rmax, which
    // needs d < rmax + sqrt(rmax^2 + R^2 - r_i^2).
    const d = rmax + Math.sqrt(Math.max(0, this.rmax2 + rw2 - ri2));
    return d * d * (1 + 1e-12);
  }

  private wallBounds(k: number): [number, number] {
    const s = this.cells.fractional;
    let lo = 0;
    let hi = 1;
    for (let i = k; i < s.length; i += 3) {
      if (s[i] < lo) lo = s[i];
      if (s[i] > hi) hi = s[i];
    }
    return [lo, hi];
  }

  private addPlane(nx: number, ny: number, nz: number, h: number, j: number): number {
    if (this.np === this.pnx.length) {
      const cap = 2 * this.np;
      const grow = (a: Float64Array) => {
        const g = new Float64Array(cap);
        g.set(a);
        return g;
      };
      this.pnx = grow(this.pnx);
      this.pny = grow(this.pny);
      this.pnz = grow(this.pnz);
      this.ph = grow(this.ph);
      const pj = new Int32Array(cap);
      pj.set(this.pj);
      this.pj = pj;
    }
    const id = this.np++;
    this.pnx[id] = nx;
    this.pny[id] = ny;
    this.pnz[id] = nz;
    this.ph[id] = h;
    this.pj[id] = j;
    return id;
  }

  /** Resets the polyhedron to the cube [-L, L]^3 (faces counter-clockwise seen from outside). */
  private initCube(L: number): void {
    this.np = 0;
    const vp = this.vpos;
    for (let v = 0; v < 8; v++) {
      vp[3 * v] = v & 1 ? L : -L;
      vp[3 * v + 1] = v & 2 ? L : -L;
      vp[3 * v + 2] = v & 4 ? L : -L;
    }
    this.nv = 8;
    this.rmax2 = 3 * L * L;
    // Vertex v = x + 2y + 4z bits. Faces: -x, +x, -y, +y, -z, +z.
    const faces = [
      [0, 4, 6, 2],
      [1, 3, 7, 5],
      [0, 1, 5, 4],
      [2, 6, 7, 3],
      [0, 2, 3, 1],
      [4, 5, 7, 6],
    ];
    const normals = [
      [-1, 0, 0],
      [1, 0, 0],
      [0, -1, 0],
      [0, 1, 0],
      [0, 0, -1],
      [0, 0, 1],
    ];
    let p = 0;
    for (let f = 0; f < 6; f++) {
      this.fStart[f] = p;
      this.fLen[f] = 4;
      for (const v of faces[f]) this.fv[p++] = v;
      const [nx, ny, nz] = normals[f];
      this.fPlane[f] = this.addPlane(nx, ny, nz, L, CUBE_PLANE - f);
    }
    this.nf = 6;
    this.fvUsed = p;
  }

  private growVertices(need: number): void {
    let cap = this.vval.length;
    if (need <= cap) return;
    while (cap < need) cap *= 2;
    const vp = new Float64Array(3 * cap);
    vp.set(this.vpos);
    this.vpos = vp;
    const vv = new Float64Array(cap);
    vv.set(this.vval);
    this.vval = vv;
    const sd = new Int8Array(cap);
    sd.set(this.side);
    this.side = sd;
    const fill = (a: Int32Array) => {
      const g = new Int32Array(cap).fill(-1);
      g.set(a);
      return g;
    };
    this.remap = fill(this.remap);
    this.capNext = fill(this.capNext);
    this.edgeHead = fill(this.edgeHead);
  }

  /**
   * Cuts the polyhedron with plane `id` (n . x <= h kept). Returns 1 when it cut, 0 when no vertex is beyond
   * the plane by more than tol x |n|... (tolerance `eps` is in the units of n . x), -1 when no vertex is
   * inside (the cell would vanish), -2 when the cut is topologically inconsistent (degenerate input beyond
   * the tolerance).
   */
  private cut(id: number, eps: number): number {
    const nx = this.pnx[id];
    const ny = this.pny[id];
    const nz = this.pnz[id];
    const h = this.ph[id];
    const nv = this.nv;
    const vp = this.vpos;
    const val = this.vval;
    const side = this.side;
    let anyOut = false;
    let anyIn = false;
    for (let v = 0; v < nv; v++) {
      const s = vp[3 * v] * nx + vp[3 * v + 1] * ny + vp[3 * v + 2] * nz - h;
      val[v] = s;
      if (s > eps) {
        side[v] = 1;
        anyOut = true;
      } else if (s < -eps) {
        side[v] = -1;
        anyIn = true;
      } else side[v] = 0;
    }
    if (!anyOut) return 0;
    if (!anyIn) return -1;

    // Room: each clipped face gains at most one vertex, plus the cap (at most one vertex per face).
    const nf = this.nf;
    const needFv = this.fvUsed + 3 * nf + 8;
    if (this.fvOut.length < needFv) {
      let cap = this.fvOut.length;
      while (cap < needFv) cap *= 2;
      this.fvOut = new Int32Array(cap);
    }
    if (this.fStartOut.length < nf + 2) {
      const cap = 2 * (nf + 2);
      const grow = (a: Int32Array) => {
        const g = new Int32Array(cap);
        g.set(a);
        return g;
      };
      this.fStart = grow(this.fStart);
      this.fLen = grow(this.fLen);
      this.fPlane = grow(this.fPlane);
      this.fStartOut = new Int32Array(cap);
      this.fLenOut = new Int32Array(cap);
      this.fPlaneOut = new Int32Array(cap);
    }
    if (this.capList.length < nf + 2) this.capList = new Int32Array(2 * (nf + 2));

    const fv = this.fv;
    let out = 0;
    let nfOut = 0;
    let total = nv; // next new vertex index
    let capCount = 0;
    let ok = true;
    this.eCount = 0;
    for (let f = 0; f < nf; f++) {
      const st = this.fStart[f];
      const len = this.fLen[f];
      let outside = 0;
      let on = 0;
      for (let q = 0; q < len; q++) {
        const sd = side[fv[st + q]];
        if (sd > 0) outside++;
        else if (sd === 0) on++;
      }
      if (outside === len) continue;
      if (this.fvOut.length < out + len + 2) {
        const g = new Int32Array(2 * (out + len + 2));
        g.set(this.fvOut.subarray(0, out));
        this.fvOut = g;
      }
      const fo = this.fvOut;
      const start = out;
      if (outside === 0) {
        for (let q = 0; q < len; q++) fo[out++] = fv[st + q];
      } else {
        for (let q = 0; q < len; q++) {
          const a = fv[st + q];
          const b = fv[st + (q + 1 === len ? 0 : q + 1)];
          const sa = side[a];
          const sb = side[b];
          if (sa <= 0) fo[out++] = a;
          if ((sa < 0 && sb > 0) || (sa > 0 && sb < 0)) {
            const u = sa < 0 ? a : b;
            const w = sa < 0 ? b : a;
            let x = -1;
            for (let e = this.edgeHead[u]; e !== -1; e = this.eNext[e]) {
              if (this.eOther[e] === w) {
                x = this.eVertex[e];
                break;
              }
            }
            if (x === -1) {
              x = total++;
              if (x >= this.vval.length) this.growVertices(x + 1);
              const vpos = this.vpos;
              // Intersection of edge u-w with the plane: u + t (w - u), t = val(u) / (val(u) - val(w)).
              const t = val[u] / (val[u] - val[w]);
              vpos[3 * x] = vpos[3 * u] + t * (vpos[3 * w] - vpos[3 * u]);
              vpos[3 * x + 1] = vpos[3 * u + 1] + t * (vpos[3 * w + 1] - vpos[3 * u + 1]);
              vpos[3 * x + 2] = vpos[3 * u + 2] + t * (vpos[3 * w + 2] - vpos[3 * u + 2]);
              this.side[x] = 0;
              if (this.eCount === this.eOther.length) this.growEdges();
              const e = this.eCount++;
              this.eOther[e] = w;
              this.eVertex[e] = x;
              if (this.edgeHead[u] === -1) this.eTouched[e] = u;
              else this.eTouched[e] = -1;
              this.eNext[e] = this.edgeHead[u];
              this.edgeHead[u] = e;
            }
            fo[out++] = x;
          }
        }
      }
      const olen = out - start;
      if (olen < 3) {
        out = start;
        continue;
      }
      // Edges of the clipped face lying in the plane border the cap, in the opposite direction.
      if (outside > 0 || on >= 2) {
        const sideNow = this.side;
        let zeros = 0;
        for (let q = 0; q < olen; q++) if (sideNow[fo[start + q]] === 0) zeros++;
        if (zeros === olen) {
          // A face lying in the plane within the tolerance: the cap replaces it.
          out = start;
          continue;
        }
        for (let q = 0; q < olen; q++) {
          const a = fo[start + q];
          const b = fo[start + (q + 1 === olen ? 0 : q + 1)];
          if (sideNow[a] === 0 && sideNow[b] === 0) {
            if (this.capNext[b] !== -1) ok = false;
            else {
              this.capNext[b] = a;
              if (capCount === this.capList.length) {
                const g = new Int32Array(2 * capCount);
                g.set(this.capList);
                this.capList = g;
              }
              this.capList[capCount++] = b;
            }
          }
        }
      }
      this.fStartOut[nfOut] = start;
      this.fLenOut[nfOut] = olen;
      this.fPlaneOut[nfOut] = this.fPlane[f];
      nfOut++;
    }
    // Reset the crossing table.
    for (let e = 0; e < this.eCount; e++) {
      const u = this.eTouched[e];
      if (u !== -1) this.edgeHead[u] = -1;
    }
    // Chain the cap: capNext[b] = a for every cap edge a <- b.
    let capLen = 0;
    if (ok && capCount >= 3) {
      if (this.fvOut.length < out + capCount) {
        const g = new Int32Array(2 * (out + capCount));
        g.set(this.fvOut.subarray(0, out));
        this.fvOut = g;
      }
      const fo = this.fvOut;
      const first = this.capList[0];
      let v = first;
      const start = out;
      do {
        fo[out++] = v;
        v = this.capNext[v];
        capLen++;
      } while (v !== first && v !== -1 && capLen <= capCount);
      if (v !== first || capLen !== capCount) ok = false;
      else {
        if (nfOut >= this.fStartOut.length) ok = false;
        else {
          this.fStartOut[nfOut] = start;
          this.fLenOut[nfOut] = capLen;
          this.fPlaneOut[nfOut] = id;
          nfOut++;
        }
      }
    } else ok = false;
    for (let c = 0; c < capCount; c++) this.capNext[this.capList[c]] = -1;
    if (!ok) return -2;

    // Compact the vertices referenced by the new faces (in increasing index order, so in place), renumber.
    const fo = this.fvOut;
    const remap = this.remap;
    for (let q = 0; q < out; q++) remap[fo[q]] = 0;
    const vpos = this.vpos;
    let k = 0;
    let r2 = 0;
    for (let v = 0; v < total; v++) {
      if (remap[v] === -1) continue;
      remap[v] = k;
      const x = vpos[3 * v];
      const y = vpos[3 * v + 1];
      const z = vpos[3 * v + 2];
      vpos[3 * k] = x;
      vpos[3 * k + 1] = y;
      vpos[3 * k + 2] = z;
      const d = x * x + y * y + z * z;
      if (d > r2) r2 = d;
      k++;
    }
    for (let q = 0; q < out; q++) fo[q] = remap[fo[q]];
    for (let v = 0; v < total; v++) remap[v] = -1;
    this.nv = k;
    this.rmax2 = r2;
    // Swap the face buffers.
    const tv = this.fv;
    this.fv = this.fvOut;
    this.fvOut = tv;
    const ts = this.fStart;
    this.fStart = this.fStartOut;
    this.fStartOut = ts;
    const tl = this.fLen;
    this.fLen = this.fLenOut;
    this.fLenOut = tl;
    const tp = this.fPlane;
    this.fPlane = this.fPlaneOut;
    this.fPlaneOut = tp;
    this.nf = nfOut;
    this.fvUsed = out;
    return 1;
  }

  private growEdges(): void {
    const cap = 2 * this.eOther.length;
    const grow = (a: Int32Array) => {
      const g = new Int32Array(cap);
      g.set(a);
      return g;
    };
    this.eOther = grow(this.eOther);
    this.eVertex = grow(this.eVertex);
    this.eNext = grow(this.eNext);
    this.eTouched = grow(this.eTouched);
  }
}
