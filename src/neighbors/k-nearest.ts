import { kdTree } from "kd-tree-javascript";
import { CandidateBuffer } from "./candidate-buffer";
import { CellList } from "./cell-list";
import type { Points } from "./cutoff-neighbors";
import type { NeighborList } from "./neighbor-list";
import { NeighborListBuilder } from "./neighbor-list-builder";

export interface KNearestOptions {
  /**
   * "kd-tree": the `kd-tree-javascript` package on the atoms plus, along periodic directions, the images that
   * lie within a margin of the cell (the margin grows until every k-th distance is inside it).
   * "cell-list": the periodic cell list with a growing search radius (no padding).
   * "auto" (default): the cell list for periodic frames and for finite ones that fill their bounding box (about
   * 8x faster there, bench/voronoi.bench.ts), the kd-tree for finite clustered point sets, where uniform bins
   * degenerate (30,000 atoms in 10 blobs: kd-tree 2.4 s, cell list 52 s).
   * All give the same neighbors; ties at the k-th distance are broken by neighbor index, then bond vector.
   */
  readonly method?: "auto" | "kd-tree" | "cell-list";
}

/**
 * The k nearest neighbors of every atom (periodic images included, the atom's own images too; distance > 0).
 * Rows hold min(k, available) entries sorted by distance; a row is shorter than k only in a finite
 * (non-periodic) system with fewer than k + 1 atoms. Not symmetric: j in i's row does not imply i in j's row.
 */
export function kNearest(points: Points, k: number, options: KNearestOptions = {}): NeighborList {
  if (!Number.isInteger(k) || k < 1) throw new Error(`kNearest: k must be a positive integer, got ${k}`);
  const method = options.method ?? "auto";
  if (method === "kd-tree" || (method === "auto" && isClusteredFinite(points))) return kNearestKdTree(points, k);
  if (method === "cell-list" || method === "auto") return kNearestCellList(points, k);
  throw new Error(`kNearest: unknown method "${String(method)}" (expected "auto", "kd-tree" or "cell-list")`);
}

/**
 * True for a finite (nowhere periodic) point set that leaves most of its bounding box empty: fewer than 30 % of
 * about N/4 coarse bins over the box are occupied.
 */
function isClusteredFinite(points: Points): boolean {
  if (points.cell.periodic.some((p) => p)) return false;
  const pos = points.positions;
  const n = pos.length / 3;
  if (n < 64) return false;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < 3; d++) {
      lo[d] = Math.min(lo[d], pos[3 * i + d]);
      hi[d] = Math.max(hi[d], pos[3 * i + d]);
    }
  }
  const ext = [0, 1, 2].map((d) => Math.max(hi[d] - lo[d], 1e-9));
  const side = Math.cbrt((ext[0] * ext[1] * ext[2]) / Math.max(1, n / 4));
  const nb = ext.map((e) => Math.max(1, Math.min(1024, Math.ceil(e / side))));
  const occupied = new Set<number>();
  for (let i = 0; i < n; i++) {
    let b = 0;
    for (let d = 2; d >= 0; d--)
      b = b * nb[d] + Math.min(nb[d] - 1, Math.floor(((pos[3 * i + d] - lo[d]) / ext[d]) * nb[d]));
    occupied.add(b);
  }
  return occupied.size < 0.3 * nb[0] * nb[1] * nb[2];
}

/** Radius expected to hold about k neighbors at the mean number density of the cell. */
function radiusFor(points: Points, k: number): number {
  const n = points.positions.length / 3;
  const density = Math.max(n, 1) / points.cell.volume;
  return Math.cbrt((3 * (k + 1)) / (4 * Math.PI * density));
}

function kNearestCellList(points: Points, k: number): NeighborList {
  const n = points.positions.length / 3;
  const guess = radiusFor(points, k);
  const cells = new CellList(points.cell, points.positions, guess / 2);
  const buf = new CandidateBuffer(4 * k + 16);
  const builder = new NeighborListBuilder(n, n * k);
  const finite = !points.cell.periodic.some((p) => p);
  // Beyond this radius a finite system has no more atoms to find: the diagonal of the atoms' bounding box.
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let q = 0; q < points.positions.length; q++) {
    lo[q % 3] = Math.min(lo[q % 3], points.positions[q]);
    hi[q % 3] = Math.max(hi[q % 3], points.positions[q]);
  }
  const reach = n > 0 ? Math.hypot(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]) : 0;
  for (let i = 0; i < n; i++) {
    let r = guess * 1.2;
    let found = 0;
    for (;;) {
      buf.clear();
      cells.gatherAround(i, 0, r, buf);
      found = 0;
      for (let q = 0; q < buf.count; q++) if (buf.d2[q] > 0) found++;
      if (found >= k) break;
      // A finite system has no atom beyond its extent; a periodic one always has enough images.
      if (finite && r > reach) break;
      r *= 1.5;
    }
    const order = buf.sortByDistance();
    let taken = 0;
    for (let q = 0; q < buf.count && taken < k; q++) {
      const c = order[q];
      if (buf.d2[c] === 0) continue;
      builder.push(buf.index[c], buf.dx[c], buf.dy[c], buf.dz[c], Math.sqrt(buf.d2[c]));
      taken++;
    }
    builder.endRow();
  }
  return builder.finish();
}

interface TreePoint {
  x: number;
  y: number;
  z: number;
  j: number;
}

const squared = (a: TreePoint, b: TreePoint): number => {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  const dz = a.z - b.z;
  return dx * dx + dy * dy + dz * dz;
};

function kNearestKdTree(points: Points, k: number): NeighborList {
  const cell = points.cell;
  const n = points.positions.length / 3;
  // The cell list is used here only to wrap positions consistently with the other searches. The tree itself is
  // built from one JS object per point (the package's data model), which is why the periodic searches of
  // qsoft use the typed-array cell list instead and only finite clustered sets come here by default.
  const wrapped = new CellList(cell, points.positions, Math.cbrt(cell.volume)).wrapped;
  const s = cell.toFractional(wrapped);
  const widths = cell.widths;
  const m = cell.matrix;
  let margin = 1.5 * radiusFor(points, k);
  for (;;) {
    const tree: TreePoint[] = [];
    const reach = [0, 1, 2].map((d) => (cell.periodic[d] ? Math.ceil(margin / widths[d]) : 0));
    for (let j = 0; j < n; j++) {
      for (let a = -reach[0]; a <= reach[0]; a++) {
        for (let b = -reach[1]; b <= reach[1]; b++) {
          for (let c = -reach[2]; c <= reach[2]; c++) {
            const fa = s[3 * j] + a;
            const fb = s[3 * j + 1] + b;
            const fc = s[3 * j + 2] + c;
            if (a !== 0 && (fa < -margin / widths[0] || fa > 1 + margin / widths[0])) continue;
            if (b !== 0 && (fb < -margin / widths[1] || fb > 1 + margin / widths[1])) continue;
            if (c !== 0 && (fc < -margin / widths[2] || fc > 1 + margin / widths[2])) continue;
            tree.push({
              x: wrapped[3 * j] + a * m[0] + b * m[3] + c * m[6],
              y: wrapped[3 * j + 1] + a * m[1] + b * m[4] + c * m[7],
              z: wrapped[3 * j + 2] + a * m[2] + b * m[5] + c * m[8],
              j,
            });
          }
        }
      }
    }
    const total = tree.length;
    const index = new kdTree<TreePoint>(tree, squared, ["x", "y", "z"]);
    const builder = new NeighborListBuilder(n, n * k);
    const buf = new CandidateBuffer(k + 8);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const q: TreePoint = { x: wrapped[3 * i], y: wrapped[3 * i + 1], z: wrapped[3 * i + 2], j: i };
      // Ask for k + 2 (the atom itself and one more) and widen the query until the last returned point is
      // strictly farther than the k-th: then no point tied with the k-th can have been pruned by the tree.
      let ask = Math.min(k + 2, total);
      let order: Int32Array;
      for (;;) {
        const hits = index.nearest(q, ask);
        buf.clear();
        for (const [p, d2] of hits) if (d2 > 0) buf.push(p.j, p.x - q.x, p.y - q.y, p.z - q.z, d2);
        order = buf.sortByDistance();
        if (ask >= total) break;
        if (buf.count > k && buf.d2[order[buf.count - 1]] > buf.d2[order[k - 1]]) break;
        ask = Math.min(total, 2 * ask);
      }
      const take = Math.min(k, buf.count);
      builder.pushCandidates(buf, order, take);
      builder.endRow();
      if (take > 0) worst = Math.max(worst, Math.sqrt(buf.d2[order[take - 1]]));
    }
    // Every image within `margin` of the cell was inserted, so the result is exact when no k-th distance
    // exceeds it (or when nothing is periodic).
    if (!cell.periodic.some((p) => p) || worst <= margin) return builder.finish();
    margin = 1.5 * worst;
  }
}
