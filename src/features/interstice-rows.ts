import { ConvexHull } from "../geometry/convex-hull";
import { VORONOI_EMPTY, VORONOI_FAILED, VORONOI_WALL } from "../geometry/voronoi";
import type { NeighborList } from "../neighbors/neighbor-list";
import type { FeatureMatrix } from "../table/feature-matrix";
import { areaInterstice, distanceInterstice, volumeInterstice, writeStats4 } from "./interstice-kernels";

/** Bits of the interstice featurizer's per-atom flags (FeatureMatrix.flags). */
export const INTERSTICE_FLAGS = Object.freeze({
  /**
   * The Voronoi cell could not be built or is empty (Tessellation.flags VORONOI_FAILED / VORONOI_EMPTY): no
   * Voronoi neighbors, so the Voronoi columns are NaN.
   */
  voronoiCell: 1,
  /** Fewer than 4 Voronoi neighbors, or all of them in one plane or on one line: no 3-D hull (see docs). */
  flatHull: 2,
  /** Some hull triangle had numerically zero area, or some tetrahedron O-ABC zero volume, and was left out. */
  skippedSimplex: 4,
  /** The hull skipped a point it could not insert consistently within tolerance (never seen in practice). */
  approximateHull: 8,
  /** No neighbor within the cutoff: the dist_cut columns are NaN. */
  noCutoffNeighbor: 16,
  /** The Voronoi cell touches a wall of a non-periodic box (VORONOI_WALL): a surface atom, its shell is open. */
  wallCell: 32,
});

const STATS = ["mean", "min", "max", "std"];
const GROUPS = ["dist_voro", "dist_cut", "area_voro", "vol_voro"];

/** The 16 interstice SRO labels, in output order. */
export const INTERSTICE_LABELS: readonly string[] = Object.freeze(GROUPS.flatMap((g) => STATS.map((s) => `${g}_${s}`)));

function maxRow(list: NeighborList): number {
  let m = 0;
  for (let i = 0; i < list.n; i++) m = Math.max(m, list.offsets[i + 1] - list.offsets[i]);
  return m;
}

/** What the interstice kernel reads (see computeInterstices). */
export interface IntersticeInput {
  readonly voro: NeighborList;
  readonly cut: NeighborList;
  readonly radii: Float64Array;
  readonly voronoiFlags: Uint8Array | null;
  readonly clamp: boolean;
  readonly denominator: "bond" | "radiusSum";
  readonly hullTolerance: number | undefined;
}

/** Checks that the lists and radii of an interstice input agree; returns the number of atoms. */
export function checkIntersticeInput(input: IntersticeInput): number {
  const n = input.voro.n;
  if (input.cut.n !== n || input.radii.length !== n)
    throw new Error(
      `interstices: ${n} Voronoi rows, ${input.cut.n} cutoff rows and ${input.radii.length} radii must agree`,
    );
  return n;
}

/** The largest neighbor row of an interstice input (sizes the per-thread scratch). */
export function intersticeRowBound(input: IntersticeInput): number {
  return Math.max(maxRow(input.voro), maxRow(input.cut), 4);
}

/** One thread's scratch of the interstice kernel: value buffers and a convex hull, for rows of up to `kmax`. */
export class IntersticeScratch {
  readonly vals: Float64Array;
  readonly vols: Float64Array;
  readonly pts: Float64Array;
  readonly hull: ConvexHull;

  constructor(kmax: number, hullTolerance: number | undefined) {
    this.vals = new Float64Array(2 * kmax + 4);
    this.vols = new Float64Array(2 * kmax + 4);
    this.pts = new Float64Array(3 * kmax);
    this.hull = new ConvexHull(hullTolerance === undefined ? {} : { tolerance: hullTolerance });
  }
}

/**
 * The interstice kernel over whole neighbor lists (no per-atom allocation): rows of `voro` give the Voronoi
 * neighbors (hull, dist_voro), rows of `cut` the cutoff neighbors (dist_cut). Exposed for callers that hold their
 * own neighbor lists; IntersticeFeaturizer.compute is the usual entry point.
 */
export function computeInterstices(
  voro: NeighborList,
  cut: NeighborList,
  radii: Float64Array,
  voronoiFlags: Uint8Array | null = null,
  clamp = true,
  denominator: "bond" | "radiusSum" = "bond",
  hullTolerance?: number,
): FeatureMatrix {
  const input: IntersticeInput = { voro, cut, radii, voronoiFlags, clamp, denominator, hullTolerance };
  const n = checkIntersticeInput(input);
  const out = new Float64Array(n * INTERSTICE_LABELS.length);
  const flags = new Uint8Array(n);
  intersticeRows(input, 0, n, out, flags, new IntersticeScratch(intersticeRowBound(input), hullTolerance));
  return { n, labels: INTERSTICE_LABELS.slice(), values: out, flags };
}

/**
 * Rows [from, to) of the interstice features into `out` (N x 16, row-major) and their flags into `flags`: each
 * row depends on its own atom's lists only, so rows computed by different threads are those of one thread.
 */
export function intersticeRows(
  input: IntersticeInput,
  from: number,
  to: number,
  out: Float64Array,
  flags: Uint8Array,
  scratch: IntersticeScratch,
): void {
  const { voro, cut, radii, voronoiFlags, clamp, denominator } = input;
  const width = INTERSTICE_LABELS.length;
  const { vals, vols, pts, hull } = scratch;
  for (let i = from; i < to; i++) {
    const ri = radii[i];
    const row = i * width;
    const vf = voronoiFlags ? voronoiFlags[i] : 0;
    let flag = vf & (VORONOI_FAILED | VORONOI_EMPTY) ? INTERSTICE_FLAGS.voronoiCell : 0;
    if (vf & VORONOI_WALL) flag |= INTERSTICE_FLAGS.wallCell;
    // Distance interstices (Methods): Voronoi neighbors, then cutoff neighbors.
    for (let pass = 0; pass < 2; pass++) {
      const list = pass === 0 ? voro : cut;
      let count = 0;
      for (let e = list.offsets[i]; e < list.offsets[i + 1]; e++) {
        const d = list.distances[e];
        if (d > 0) vals[count++] = distanceInterstice(d, ri, radii[list.indices[e]], denominator);
      }
      writeStats4(vals, count, out, row + 4 * pass);
      if (pass === 1 && count === 0) flag |= INTERSTICE_FLAGS.noCutoffNeighbor;
    }
    // Convex hull of the Voronoi neighbors (centre O at the origin, not a hull point).
    const start = voro.offsets[i];
    const k = voro.offsets[i + 1] - start;
    const vec = voro.vectors;
    for (let j = 0; j < 3 * k; j++) pts[j] = vec[3 * start + j];
    hull.compute(pts, k);
    if (hull.kind !== "solid") flag |= INTERSTICE_FLAGS.flatHull;
    if (hull.approximate) flag |= INTERSTICE_FLAGS.approximateHull;
    const tri = hull.triangleData;
    let na = 0;
    let nv = 0;
    for (let t = 0; t < hull.nTriangles; t++) {
      const a = tri[3 * t];
      const b = tri[3 * t + 1];
      const c = tri[3 * t + 2];
      const ra = radii[voro.indices[start + a]];
      const rb = radii[voro.indices[start + b]];
      const rc = radii[voro.indices[start + c]];
      const ax = pts[3 * a];
      const ay = pts[3 * a + 1];
      const az = pts[3 * a + 2];
      const bx = pts[3 * b];
      const by = pts[3 * b + 1];
      const bz = pts[3 * b + 2];
      const cx = pts[3 * c];
      const cy = pts[3 * c + 1];
      const cz = pts[3 * c + 2];
      // Area interstice of facet ABC, volume interstice of tetrahedron O-ABC (Methods); clamped as amlearn does.
      const sa = areaInterstice(ax, ay, az, bx, by, bz, cx, cy, cz, ra, rb, rc);
      if (Number.isNaN(sa)) flag |= INTERSTICE_FLAGS.skippedSimplex;
      else vals[na++] = clamp && sa < 0 ? 0 : sa;
      const sv = volumeInterstice(ax, ay, az, bx, by, bz, cx, cy, cz, ri, ra, rb, rc);
      if (Number.isNaN(sv)) flag |= INTERSTICE_FLAGS.skippedSimplex;
      else vols[nv++] = clamp && sv < 0 ? 0 : sv;
    }
    writeStats4(vals, na, out, row + 8);
    writeStats4(vols, nv, out, row + 12);
    flags[i] = flag;
  }
}
