import { CandidateBuffer } from "../neighbors/candidate-buffer";
import type { CellList } from "../neighbors/cell-list";
import type { FaceSink } from "./face-sink";

/** Per-atom flag: the cell could not be built consistently (duplicate point, numerical failure); no faces. */
export const VORONOI_FAILED = 1;
/** Per-atom flag: the cell touches a wall of a non-periodic direction; wall faces are not listed as faces. */
export const VORONOI_WALL = 2;
/** Per-atom flag: the radical (Laguerre) cell of the atom is empty (swallowed by bigger neighbors). */
export const VORONOI_EMPTY = 4;

/** Plane ids below this mark the starting cube's faces; between it and 0, the walls. */
const CUBE_PLANE = -100;

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
 * one vertex and all faces come out with their true edge count. Every cut is checked with Euler's formula
 * V - E + F = 2; an inconsistent cut (degenerate input beyond the tolerance) fails the attempt, which is
 * retried with other tolerances before the atom is flagged.
 *
 * Storage: vertex slots are stable (a removed vertex's slot is reused by a later new vertex), faces untouched
 * by a cut are not rewritten, clipped faces and the cap are appended to the face-vertex buffer, which is
 * compacted when full. All of it is typed arrays that grow on demand and are reused from atom to atom: a cut
 * allocates nothing.
 */
export class VoronoiCellKernel {
  /** Volume of the last computed cell. */
  volume = 0;
  /** Flags of the last computed cell (VORONOI_*). */
  flags = 0;

  // Vertex slots: position relative to the atom, plane value and side of the current cut.
  private vpos = new Float64Array(3 * 256);
  private vval = new Float64Array(256);
  private side = new Int8Array(256);
  private capNext = new Int32Array(256).fill(-1);
  private edgeHead = new Int32Array(256).fill(-1);
  /** Live vertex slots, densely. */
  private alive = new Int32Array(256);
  private nAlive = 0;
  private free = new Int32Array(256);
  private nFree = 0;
  private nSlots = 0;
  private rmax2 = 0;
  /** Bounding box of the live vertices (relative to the atom), computed only for large cells (`boxValid`). */
  private lox = 0;
  private loy = 0;
  private loz = 0;
  private hix = 0;
  private hiy = 0;
  private hiz = 0;
  private boxValid = false;
  // Faces: vertex list of face f is fv[fStart[f] .. fStart[f] + fLen[f] - 1]; fPlane[f] its plane.
  private fv = new Int32Array(4096);
  private fvSpare = new Int32Array(4096);
  private fvUsed = 0;
  /** Sum of the live faces' lengths (twice the number of edges). */
  private fvLive = 0;
  private fStart = new Int32Array(128);
  private fLen = new Int32Array(128);
  private fPlane = new Int32Array(128);
  private nf = 0;
  // Edge-crossing table of the current cut: inside vertex -> chain of (outside vertex, new vertex).
  private eOther = new Int32Array(64);
  private eVertex = new Int32Array(64);
  private eNext = new Int32Array(64);
  private eOwner = new Int32Array(64);
  private capList = new Int32Array(64);
  private newList = new Int32Array(64);
  // Planes of the current cell: normal n (not normalised) and offset h (n . x <= h is inside), neighbor.
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
  /** Fractional bounds [lo, hi] of the walls along each direction (used along non-periodic ones). */
  private readonly wallLo = new Float64Array(3);
  private readonly wallHi = new Float64Array(3);

  /**
   * @param cells binned atoms (periodic images come from it)
   * @param radii per-atom radii for the radical tessellation, or null for plain Voronoi
   * @param tolerance relative tolerance: a vertex closer than tolerance x (mean atomic spacing) to a plane is
   *   on the plane
   * @param minEdgeLength edges shorter than this (Angstrom) are not counted in a face's edge count (OVITO's
   *   `edge_threshold`); 0 counts every edge, as voro++ does
   */
  constructor(
    private readonly cells: CellList,
    private readonly radii: Float64Array | null,
    private readonly tolerance = 1e-10,
    private readonly minEdgeLength = 0,
  ) {
    const cell = cells.cell;
    const m = cell.matrix;
    const n = Math.max(cells.n, 1);
    const s = cells.fractional;
    let volume = cell.volume;
    let half = 0;
    for (let k = 0; k < 3; k++) {
      let lo = 0;
      let hi = 1;
      if (!cell.periodic[k]) {
        for (let i = k; i < s.length; i += 3) {
          if (s[i] < lo) lo = s[i];
          if (s[i] > hi) hi = s[i];
        }
      }
      this.wallLo[k] = lo;
      this.wallHi[k] = hi;
      volume *= hi - lo;
      half += (hi - lo) * Math.hypot(m[3 * k], m[3 * k + 1], m[3 * k + 2]);
    }
    // Every point of the cell is within |a| + |b| + |c| of its atom (periodic: the atom's own images bound the
    // cell inside the lattice's Wigner-Seitz cell, whose circumradius is at most (|a|+|b|+|c|)/2; walls: the
    // whole box is within that distance), so a cube of that half-width contains the cell.
    this.cubeHalf = 1.01 * half + 1;
    this.spacing = Math.cbrt(volume / n);
    // First search radius: about 27 neighbors at the mean density; most cells are closed within it.
    this.r0 = 1.9 * this.spacing;
    let rm = 0;
    if (radii) for (let i = 0; i < radii.length; i++) rm = Math.max(rm, radii[i]);
    this.maxRadius = rm;
  }

  /**
   * Computes the cell of atom i, appends its faces to `sink` (ordered by bond length), and sets `volume` and
   * `flags`. A failed attempt is retried with a 100x larger, then a 100x smaller tolerance before the atom is
   * flagged VORONOI_FAILED (volume 0, no faces).
   */
  compute(i: number, sink: FaceSink): void {
    const mark = sink.count;
    if (this.attempt(i, sink, this.tolerance)) return;
    sink.truncate(mark);
    if (this.attempt(i, sink, this.tolerance * 100)) return;
    sink.truncate(mark);
    if (this.attempt(i, sink, this.tolerance * 0.01)) return;
    sink.truncate(mark);
    this.volume = 0;
    this.flags = VORONOI_FAILED;
  }

  /** One attempt at the cell of atom i; false when it failed (then the caller retries or flags). */
  private attempt(i: number, sink: FaceSink, tol: number): boolean {
    this.initCube(this.cubeHalf);
    this.volume = 0;
    this.flags = 0;
    const cell = this.cells.cell;
    const lengthTol = tol * this.spacing;
    // Walls along non-periodic directions: the planes of the box widened to hold all atoms.
    for (let k = 0; k < 3; k++) {
      if (cell.periodic[k]) continue;
      const inv = cell.inverse;
      const gx = inv[k];
      const gy = inv[3 + k];
      const gz = inv[6 + k];
      const g = Math.hypot(gx, gy, gz);
      const s = this.cells.fractional[3 * i + k];
      // s_k(x) = s_k(atom) + x . g (g: column k of the inverse cell matrix), so the lower wall is
      // -x . g/|g| <= (s - lo)/|g| and the upper one x . g/|g| <= (hi - s)/|g|.
      this.addPlane(-gx / g, -gy / g, -gz / g, (s - this.wallLo[k]) / g, -1 - k);
      if (this.cut(this.np - 1, lengthTol) < 0) return false;
      this.addPlane(gx / g, gy / g, gz / g, (this.wallHi[k] - s) / g, -1 - k);
      if (this.cut(this.np - 1, lengthTol) < 0) return false;
    }
    const radii = this.radii;
    const ri2 = radii ? radii[i] * radii[i] : 0;
    const rw2 = this.maxRadius * this.maxRadius;
    const buf = this.buf;
    const dupe2 = (1e-8 * this.spacing) ** 2;
    let rPrev = 0;
    let r = this.r0;
    let done = false;
    while (!done) {
      buf.clear();
      this.cells.gatherAround(i, rPrev, r, buf);
      // Candidates in order of distance: sorted when few, from a heap when many (then the loop usually stops
      // long before the last one).
      const count = buf.count;
      const small = count <= 48;
      const order = small ? buf.sortByDistance() : buf.order;
      if (!small) buf.begin();
      let stop2 = this.stop2(ri2, rw2);
      const big2 = 6.25 * this.spacing * this.spacing;
      for (let q = 0; ; q++) {
        const c = small ? (q < count ? order[q] : -1) : buf.next();
        if (c === -1) break;
        const d2 = buf.d2[c];
        if (d2 >= stop2) {
          done = true;
          break;
        }
        if (d2 < dupe2) return false;
        const j = buf.index[c];
        // Bisector n . x <= |d|^2/2; radical plane n . x <= (|d|^2 + r_i^2 - r_j^2)/2 (equal power distance,
        // Aurenhammer, SIAM J. Comput. 16, 78 (1987)).
        const h = radii ? 0.5 * (d2 + ri2 - radii[j] * radii[j]) : 0.5 * d2;
        const dn = Math.sqrt(d2);
        // No vertex lies beyond a plane farther than rmax from the atom.
        if (h >= dn * Math.sqrt(this.rmax2)) continue;
        const dx = buf.dx[c];
        const dy = buf.dy[c];
        const dz = buf.dz[c];
        if (this.rmax2 > big2) {
          // A large cell (e.g. reaching into vacuum at a wall): most candidates are rejected by the support
          // function of the vertices' bounding box along the plane normal, without a full vertex test.
          if (!this.boxValid) this.updateBox();
          const reach =
            (dx > 0 ? dx * this.hix : dx * this.lox) +
            (dy > 0 ? dy * this.hiy : dy * this.loy) +
            (dz > 0 ? dz * this.hiz : dz * this.loz);
          if (h >= reach) continue;
        }
        this.addPlane(dx, dy, dz, h, j);
        const res = this.cut(this.np - 1, lengthTol * dn);
        if (res === 0) {
          this.np--; // the plane did not cut: forget it
          continue;
        }
        if (res === -1) {
          if (!radii) return false;
          // The whole cell is beyond a radical plane: an empty Laguerre cell, a valid result.
          this.nf = 0;
          this.flags = VORONOI_EMPTY;
          return true;
        }
        if (res < 0) return false;
        stop2 = this.stop2(ri2, rw2);
      }
      if (done) break;
      const stop = Math.sqrt(this.stop2(ri2, rw2));
      if (r >= stop) break;
      rPrev = r;
      r = Math.min(2 * r, Math.max(1.25 * r, stop * (1 + 1e-9)));
    }
    // A face of the starting cube left over means the cell was not closed.
    for (let f = 0; f < this.nf; f++) if (this.pj[this.fPlane[f]] <= CUBE_PLANE) return false;
    this.output(sink);
    return true;
  }

  /** Appends the faces of the finished cell to the sink and sets the volume. */
  private output(sink: FaceSink): void {
    let volume = 0;
    const fv = this.fv;
    const vp = this.vpos;
    for (let f = 0; f < this.nf; f++) {
      const p = this.fPlane[f];
      const st = this.fStart[f];
      const len = this.fLen[f];
      const nx = this.pnx[p];
      const ny = this.pny[p];
      const nz = this.pnz[p];
      const nn = Math.sqrt(nx * nx + ny * ny + nz * nz);
      // Polygon area: half the normal component of sum_k (v_k - v_0) x (v_k+1 - v_0).
      const a0 = fv[st];
      const x0 = vp[3 * a0];
      const y0 = vp[3 * a0 + 1];
      const z0 = vp[3 * a0 + 2];
      let ax = 0;
      let ay = 0;
      let az = 0;
      let b = fv[st + 1];
      let ux = vp[3 * b] - x0;
      let uy = vp[3 * b + 1] - y0;
      let uz = vp[3 * b + 2] - z0;
      for (let q = 2; q < len; q++) {
        const c = fv[st + q];
        const wx = vp[3 * c] - x0;
        const wy = vp[3 * c + 1] - y0;
        const wz = vp[3 * c + 2] - z0;
        ax += uy * wz - uz * wy;
        ay += uz * wx - ux * wz;
        az += ux * wy - uy * wx;
        ux = wx;
        uy = wy;
        uz = wz;
        b = c;
      }
      const area = (0.5 * (ax * nx + ay * ny + az * nz)) / nn;
      const edges = this.minEdgeLength > 0 ? this.countEdges(st, len) : len;
      const dist = this.ph[p] / nn;
      // Pyramid over the face with apex at the atom (signed height: exact for any convex cell).
      volume += (area * dist) / 3;
      const j = this.pj[p];
      if (j < 0) {
        this.flags |= VORONOI_WALL;
        continue;
      }
      sink.push(j, nx, ny, nz, area, edges, dist);
    }
    this.volume = volume;
  }

  /** Number of edges of the face at fv[st .. st+len-1] at least `minEdgeLength` long. */
  private countEdges(st: number, len: number): number {
    const fv = this.fv;
    const vp = this.vpos;
    const min2 = this.minEdgeLength * this.minEdgeLength;
    let count = 0;
    for (let q = 0; q < len; q++) {
      const a = fv[st + q];
      const b = fv[st + (q + 1 === len ? 0 : q + 1)];
      const dx = vp[3 * b] - vp[3 * a];
      const dy = vp[3 * b + 1] - vp[3 * a + 1];
      const dz = vp[3 * b + 2] - vp[3 * a + 2];
      if (dx * dx + dy * dy + dz * dz >= min2) count++;
    }
    return count;
  }

  /** Recomputes the bounding box of the live vertices. */
  private updateBox(): void {
    const vp = this.vpos;
    let lx = Infinity;
    let ly = Infinity;
    let lz = Infinity;
    let hx = -Infinity;
    let hy = -Infinity;
    let hz = -Infinity;
    for (let q = 0; q < this.nAlive; q++) {
      const v = 3 * this.alive[q];
      const x = vp[v];
      const y = vp[v + 1];
      const z = vp[v + 2];
      if (x < lx) lx = x;
      if (x > hx) hx = x;
      if (y < ly) ly = y;
      if (y > hy) hy = y;
      if (z < lz) lz = z;
      if (z > hz) hz = z;
    }
    this.lox = lx;
    this.loy = ly;
    this.loz = lz;
    this.hix = hx;
    this.hiy = hy;
    this.hiz = hz;
    this.boxValid = true;
  }

  /** Smallest squared neighbor distance whose plane can no longer cut the current cell. */
  private stop2(ri2: number, rw2: number): number {
    if (!this.radii) return 4 * this.rmax2 * (1 + 1e-12);
    // A neighbor at distance d with radius r_j <= R cuts only if (d^2 + r_i^2 - r_j^2) / (2d) < rmax, which
    // needs d < rmax + sqrt(rmax^2 + R^2 - r_i^2).
    const rmax = Math.sqrt(this.rmax2);
    const d = rmax + Math.sqrt(Math.max(0, this.rmax2 + rw2 - ri2));
    return d * d * (1 + 1e-12);
  }

  private addPlane(nx: number, ny: number, nz: number, h: number, j: number): void {
    if (this.np === this.pnx.length) {
      const cap = 2 * this.np;
      this.pnx = growF64(this.pnx, cap);
      this.pny = growF64(this.pny, cap);
      this.pnz = growF64(this.pnz, cap);
      this.ph = growF64(this.ph, cap);
      this.pj = growI32(this.pj, cap);
    }
    const id = this.np++;
    this.pnx[id] = nx;
    this.pny[id] = ny;
    this.pnz[id] = nz;
    this.ph[id] = h;
    this.pj[id] = j;
  }

  /** Resets the polyhedron to the cube [-L, L]^3 (faces counter-clockwise seen from outside). */
  private initCube(L: number): void {
    this.np = 0;
    const vp = this.vpos;
    for (let v = 0; v < 8; v++) {
      vp[3 * v] = v & 1 ? L : -L;
      vp[3 * v + 1] = v & 2 ? L : -L;
      vp[3 * v + 2] = v & 4 ? L : -L;
      this.alive[v] = v;
    }
    this.nSlots = 8;
    this.nAlive = 8;
    this.nFree = 0;
    this.rmax2 = 3 * L * L;
    this.boxValid = false;
    // Vertex v = x + 2y + 4z bits; faces -x, +x, -y, +y, -z, +z.
    const fv = this.fv;
    fv.set(CUBE_FACES);
    for (let f = 0; f < 6; f++) {
      this.fStart[f] = 4 * f;
      this.fLen[f] = 4;
      this.fPlane[f] = f;
      const axis = f >> 1;
      const sign = f & 1 ? 1 : -1;
      this.addPlane(axis === 0 ? sign : 0, axis === 1 ? sign : 0, axis === 2 ? sign : 0, L, CUBE_PLANE - f);
    }
    this.nf = 6;
    this.fvUsed = 24;
    this.fvLive = 24;
  }

  private growVertices(need: number): void {
    let cap = this.vval.length;
    while (cap < need) cap *= 2;
    this.vpos = growF64(this.vpos, 3 * cap);
    this.vval = growF64(this.vval, cap);
    const sd = new Int8Array(cap);
    sd.set(this.side);
    this.side = sd;
    this.capNext = growI32(this.capNext, cap, -1);
    this.edgeHead = growI32(this.edgeHead, cap, -1);
    this.alive = growI32(this.alive, cap);
    this.free = growI32(this.free, cap);
  }

  /** Room for `extra` more face-vertex entries: compacts the live face lists, growing the buffer if needed. */
  private reserveFv(extra: number): void {
    if (this.fvUsed + extra <= this.fv.length) return;
    let live = 0;
    for (let f = 0; f < this.nf; f++) live += this.fLen[f];
    let cap = this.fv.length;
    while (cap < 2 * (live + extra)) cap *= 2;
    if (this.fvSpare.length < cap) this.fvSpare = new Int32Array(cap);
    const src = this.fv;
    const dst = this.fvSpare;
    let p = 0;
    for (let f = 0; f < this.nf; f++) {
      const st = this.fStart[f];
      const len = this.fLen[f];
      this.fStart[f] = p;
      for (let q = 0; q < len; q++) dst[p++] = src[st + q];
    }
    this.fvSpare = src;
    this.fv = dst;
    this.fvUsed = p;
  }

  /**
   * Cuts the polyhedron with plane `id` (n . x <= h is kept; a vertex with |n . x - h| <= eps is on the plane).
   * Returns 1 when it cut, 0 when no vertex is beyond the plane, -1 when no vertex is inside (the cell would
   * vanish), -2 when the cut is topologically inconsistent.
   */
  private cut(id: number, eps: number): number {
    const where = this.classify(id, eps);
    if (where !== 1) return where;
    const nf = this.nf;
    const nAlive = this.nAlive;
    this.reserveCut();
    const vp = this.vpos;
    const val = this.vval;
    const side = this.side;
    const fv = this.fv;
    const fStart = this.fStart;
    const fLen = this.fLen;
    const fPlane = this.fPlane;
    const capNext = this.capNext;
    const capList = this.capList;
    const edgeHead = this.edgeHead;
    const eOther = this.eOther;
    const eVertex = this.eVertex;
    const eNext = this.eNext;
    const eOwner = this.eOwner;
    const newList = this.newList;
    const free = this.free;
    let nFree = this.nFree;
    let nSlots = this.nSlots;
    let eCount = 0;
    let used = this.fvUsed;
    let nfOut = 0;
    let capCount = 0;
    let nNew = 0;
    let edgeSum = 0;
    let ok = true;
    for (let f = 0; f < nf; f++) {
      let st = fStart[f];
      let len = fLen[f];
      let outside = 0;
      let on = 0;
      for (let q = 0; q < len; q++) {
        const sd = side[fv[st + q]];
        if (sd > 0) outside++;
        else if (sd === 0) on++;
      }
      if (outside === len) continue;
      if (outside > 0) {
        // Clip: the kept vertices in order, with one new vertex per crossing edge (shared with the face on
        // the other side of the edge through the crossing table).
        const start = used;
        let exitVertex = -1;
        let entryVertex = -1;
        for (let q = 0; q < len; q++) {
          const a = fv[st + q];
          const b = fv[st + (q + 1 === len ? 0 : q + 1)];
          const sa = side[a];
          const sb = side[b];
          if (sa <= 0) fv[used++] = a;
          if ((sa < 0 && sb > 0) || (sa > 0 && sb < 0)) {
            const u = sa < 0 ? a : b;
            const w = sa < 0 ? b : a;
            let x = -1;
            for (let e = edgeHead[u]; e !== -1; e = eNext[e]) {
              if (eOther[e] === w) {
                x = eVertex[e];
                break;
              }
            }
            if (x === -1) {
              x = nFree > 0 ? free[--nFree] : nSlots++;
              // Intersection of edge u-w with the plane: u + t (w - u), t = val(u) / (val(u) - val(w)).
              const t = val[u] / (val[u] - val[w]);
              vp[3 * x] = vp[3 * u] + t * (vp[3 * w] - vp[3 * u]);
              vp[3 * x + 1] = vp[3 * u + 1] + t * (vp[3 * w + 1] - vp[3 * u + 1]);
              vp[3 * x + 2] = vp[3 * u + 2] + t * (vp[3 * w + 2] - vp[3 * u + 2]);
              side[x] = 0;
              newList[nNew++] = x;
              const e = eCount++;
              eOther[e] = w;
              eVertex[e] = x;
              eOwner[e] = u;
              eNext[e] = edgeHead[u];
              edgeHead[u] = e;
            }
            fv[used++] = x;
            if (sa < 0) exitVertex = x;
            else entryVertex = x;
          }
        }
        len = used - start;
        st = start;
        if (len < 3) {
          used = start;
          continue;
        }
        if (on === 0) {
          // No vertex on the plane: the clipped face has exactly one edge in it, exit -> entry (the usual case;
          // the general search below handles faces through on-plane vertices).
          if (capNext[entryVertex] !== -1) ok = false;
          else {
            capNext[entryVertex] = exitVertex;
            capList[capCount++] = entryVertex;
          }
          fStart[nfOut] = st;
          fLen[nfOut] = len;
          fPlane[nfOut] = fPlane[f];
          edgeSum += len;
          nfOut++;
          continue;
        }
      }
      // Edges of the face lying in the plane border the cap, which has them in the opposite direction.
      if (outside > 0 || on >= 2) {
        let zeros = 0;
        for (let q = 0; q < len; q++) if (side[fv[st + q]] === 0) zeros++;
        if (zeros === len) {
          // A face lying in the plane within the tolerance: the cap replaces it.
          if (outside > 0) used = st;
          continue;
        }
        for (let q = 0; q < len; q++) {
          const a = fv[st + q];
          const b = fv[st + (q + 1 === len ? 0 : q + 1)];
          if (side[a] === 0 && side[b] === 0) {
            if (capNext[b] !== -1) ok = false;
            else {
              capNext[b] = a;
              capList[capCount++] = b;
            }
          }
        }
      }
      fStart[nfOut] = st;
      fLen[nfOut] = len;
      fPlane[nfOut] = fPlane[f];
      edgeSum += len;
      nfOut++;
    }
    for (let e = 0; e < eCount; e++) edgeHead[eOwner[e]] = -1;
    this.nf = nfOut;
    this.fvUsed = used;
    this.fvLive = edgeSum;
    this.nFree = nFree;
    this.nSlots = nSlots;
    ok = this.closeCap(id, capCount, ok);
    this.keepInsideVertices(nAlive, nNew);
    // Euler's formula for a convex polyhedron, V - E + F = 2, catches any inconsistent cut.
    if (!ok || 2 * (this.nAlive + this.nf) - this.fvLive !== 4) return -2;
    return 1;
  }

  /**
   * Puts every live vertex on its side of plane `id` (side 1 beyond, -1 inside, 0 within eps; vval the signed
   * distance n . x - h). Returns 1 when the plane cuts, 0 when no vertex is beyond it, -1 when none is inside.
   */
  private classify(id: number, eps: number): number {
    const nx = this.pnx[id];
    const ny = this.pny[id];
    const nz = this.pnz[id];
    const h = this.ph[id];
    const nAlive = this.nAlive;
    const alive = this.alive;
    const vp = this.vpos;
    const val = this.vval;
    const side = this.side;
    let anyOut = false;
    let anyIn = false;
    for (let q = 0; q < nAlive; q++) {
      const v = alive[q];
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
    return 1;
  }

  /**
   * Room for one cut: each clipped face gains at most one vertex; the cap has at most one vertex per edge; there
   * are at most as many new vertices as edges. Reserved up front so that the cut never reallocates.
   */
  private reserveCut(): void {
    const nf = this.nf;
    const nAlive = this.nAlive;
    this.reserveFv(2 * this.fvLive + 2 * nf + 16);
    if (this.nSlots + this.fvLive + 8 > this.vval.length) this.growVertices(this.nSlots + this.fvLive + 8);
    if (this.fStart.length < nf + 2) {
      const cap = 2 * (nf + 2);
      this.fStart = growI32(this.fStart, cap);
      this.fLen = growI32(this.fLen, cap);
      this.fPlane = growI32(this.fPlane, cap);
    }
    if (this.capList.length < 2 * (nf + nAlive) + 4) {
      this.capList = new Int32Array(4 * (nf + nAlive) + 8);
      this.newList = new Int32Array(4 * (nf + nAlive) + 8);
    }
    if (this.eOther.length < 2 * (nf + nAlive) + 4) {
      const cap = 4 * (nf + nAlive) + 8;
      this.eOther = new Int32Array(cap);
      this.eVertex = new Int32Array(cap);
      this.eNext = new Int32Array(cap);
      this.eOwner = new Int32Array(cap);
    }
  }

  /**
   * Closes the cut with the cap face on plane `id`: capNext[b] = a for each of the `capCount` cap edges, chained
   * from any of its vertices and appended as the last face, when the faces were `consistent` so far. False when
   * they were not or the edges do not form one loop. Clears capNext either way.
   */
  private closeCap(id: number, capCount: number, consistent: boolean): boolean {
    const fv = this.fv;
    const capNext = this.capNext;
    const capList = this.capList;
    let ok = false;
    if (consistent && capCount >= 3) {
      const first = capList[0];
      let v = first;
      let used = this.fvUsed;
      const start = used;
      let capLen = 0;
      do {
        fv[used++] = v;
        v = capNext[v];
        capLen++;
      } while (v !== first && v !== -1 && capLen <= capCount);
      if (v === first && capLen === capCount) {
        const f = this.nf++;
        this.fStart[f] = start;
        this.fLen[f] = capLen;
        this.fPlane[f] = id;
        this.fvLive += capLen;
        this.fvUsed = used;
        ok = true;
      }
    }
    for (let c = 0; c < capCount; c++) capNext[capList[c]] = -1;
    return ok;
  }

  /**
   * The live vertices after a cut: the first `nAlive` old ones not beyond the plane, then the `nNew` new ones;
   * freed slots are reused later. Updates the bounding radius (rmax2) and invalidates the box.
   */
  private keepInsideVertices(nAlive: number, nNew: number): void {
    const vp = this.vpos;
    const side = this.side;
    const free = this.free;
    const newList = this.newList;
    const alive = this.alive;
    let nFree = this.nFree;
    let k = 0;
    let r2 = 0;
    for (let q = 0; q < nAlive; q++) {
      const v = alive[q];
      if (side[v] > 0) {
        free[nFree++] = v;
        continue;
      }
      alive[k++] = v;
      const d = vp[3 * v] * vp[3 * v] + vp[3 * v + 1] * vp[3 * v + 1] + vp[3 * v + 2] * vp[3 * v + 2];
      if (d > r2) r2 = d;
    }
    for (let q = 0; q < nNew; q++) {
      const v = newList[q];
      alive[k++] = v;
      const d = vp[3 * v] * vp[3 * v] + vp[3 * v + 1] * vp[3 * v + 1] + vp[3 * v + 2] * vp[3 * v + 2];
      if (d > r2) r2 = d;
    }
    this.nAlive = k;
    this.nFree = nFree;
    this.rmax2 = r2;
    this.boxValid = false;
  }
}

const CUBE_FACES = [0, 4, 6, 2, 1, 3, 7, 5, 0, 1, 5, 4, 2, 6, 7, 3, 0, 2, 3, 1, 4, 5, 7, 6];

function growF64(a: Float64Array<ArrayBuffer>, cap: number): Float64Array<ArrayBuffer> {
  const g = new Float64Array(cap);
  g.set(a.subarray(0, Math.min(a.length, cap)));
  return g;
}

function growI32(a: Int32Array<ArrayBuffer>, cap: number, fill = 0): Int32Array<ArrayBuffer> {
  const g = new Int32Array(cap);
  if (fill !== 0) g.fill(fill);
  g.set(a.subarray(0, Math.min(a.length, cap)));
  return g;
}
