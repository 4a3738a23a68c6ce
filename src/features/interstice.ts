import { ConvexHull } from "../geometry/convex-hull";
import { VORONOI_EMPTY, VORONOI_FAILED, VORONOI_WALL } from "../geometry/voronoi";
import type { NeighborList } from "../neighbors/neighbor-list";
import { AMLEARN, BARBER_1996, LAWS_2015, MIRACLE_2006, VAN_OOSTEROM_1983, WANG_JAIN_2019 } from "./citations";
import { checkCutoff, type StructureContext } from "./context";
import type { Citation, FeatureReach, ReachScale } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { BaseFeaturizer, ownReach } from "./featurizer";
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

export interface IntersticeOptions {
  /** Clamp negative area and volume interstices to 0, as the authors' code does. Default true. Distance interstices are never clamped. */
  readonly clamp?: boolean;
  /**
   * Denominator of the distance interstice: "bond", (d - R_O - R_A) / d as written in the paper (default), or
   * "radiusSum", d / (R_O + R_A) - 1 as coded in amlearn and matminer.
   */
  readonly distanceDenominator?: "bond" | "radiusSum";
  /** Cutoff radius (Angstrom) of the dist_cut columns. Default: the context's cutoff (4.0 A unless set). */
  readonly cutoff?: number;
  /** Relative tolerance of the neighbor convex hull (see ConvexHull). Default 1e-10. */
  readonly hullTolerance?: number;
}

const STATS = ["mean", "min", "max", "std"];
const GROUPS = ["dist_voro", "dist_cut", "area_voro", "vol_voro"];

/** The 16 interstice SRO labels, in output order. */
export const INTERSTICE_LABELS: readonly string[] = Object.freeze(GROUPS.flatMap((g) => STATS.map((s) => `${g}_${s}`)));

/**
 * Interstice distribution in the short range (Wang & Jain 2019, Methods and Figure 1): 16 columns
 * `{dist_voro, dist_cut, area_voro, vol_voro}_{mean, min, max, std}` (std: population, ddof 0).
 *
 * - dist_voro / dist_cut: distance interstice of every bond to a Voronoi neighbor (face-filtered) / to every
 *   neighbor with 0 < d < cutoff; never clamped (negative = overlapping spheres).
 * - area_voro: area interstice of every triangle of the convex hull of the Voronoi neighbors (the centre is not
 *   a hull point; coplanar facets triangulated, see ConvexHull).
 * - vol_voro: volume interstice of every tetrahedron formed by the centre and a hull triangle.
 * Negative area/volume interstices are set to 0 unless `clamp: false`.
 *
 * Degenerate geometry (documented in docs/features.md, flagged in FeatureMatrix.flags with INTERSTICE_FLAGS):
 * a statistic over an empty set is NaN: an atom without Voronoi neighbors has NaN Voronoi columns, without cutoff
 * neighbors NaN dist_cut columns; fewer than 3 non-collinear neighbors give no triangle (NaN area/vol); 3 or more
 * coplanar neighbors give the triangulated polygon once; zero-area triangles and zero-volume tetrahedra are left
 * out of the statistics.
 */
export class IntersticeFeaturizer extends BaseFeaturizer {
  readonly name = "interstice";
  readonly key: string;
  readonly clamp: boolean;
  readonly distanceDenominator: "bond" | "radiusSum";

  constructor(readonly options: IntersticeOptions = {}) {
    super();
    this.clamp = options.clamp ?? true;
    this.distanceDenominator = options.distanceDenominator ?? "bond";
    if (this.distanceDenominator !== "bond" && this.distanceDenominator !== "radiusSum") {
      throw new Error(`distanceDenominator must be "bond" or "radiusSum", got "${String(this.distanceDenominator)}"`);
    }
    if (options.cutoff !== undefined) checkCutoff(options.cutoff, "interstice cutoff");
    this.key = `interstice(clamp=${this.clamp};d=${this.distanceDenominator};rc=${options.cutoff ?? "ctx"};tol=${options.hullTolerance ?? "default"})`;
  }

  featureLabels(): string[] {
    return INTERSTICE_LABELS.slice();
  }

  citations(): Citation[] {
    return [WANG_JAIN_2019, LAWS_2015, MIRACLE_2006, AMLEARN, BARBER_1996, VAN_OOSTEROM_1983];
  }

  /** Its own Voronoi and cutoff neighbors. */
  reach(scale: ReachScale): FeatureReach {
    return ownReach(scale.voronoi, this.options.cutoff ?? scale.cutoff);
  }

  compute(ctx: StructureContext): FeatureMatrix {
    const voro = ctx.voronoiNeighbors();
    const cut = ctx.cutoffNeighbors(this.options.cutoff ?? ctx.cutoff);
    return computeInterstices(
      voro,
      cut,
      ctx.radii(),
      ctx.voronoiFlags(),
      this.clamp,
      this.distanceDenominator,
      this.options.hullTolerance,
    );
  }
}

function maxRow(list: NeighborList): number {
  let m = 0;
  for (let i = 0; i < list.n; i++) m = Math.max(m, list.offsets[i + 1] - list.offsets[i]);
  return m;
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
  const n = voro.n;
  if (cut.n !== n || radii.length !== n)
    throw new Error(`interstices: ${n} Voronoi rows, ${cut.n} cutoff rows and ${radii.length} radii must agree`);
  const width = INTERSTICE_LABELS.length;
  const out = new Float64Array(n * width);
  const flags = new Uint8Array(n);
  const kmax = Math.max(maxRow(voro), maxRow(cut), 4);
  const vals = new Float64Array(2 * kmax + 4);
  const vols = new Float64Array(2 * kmax + 4);
  const pts = new Float64Array(3 * kmax);
  const hull = new ConvexHull(hullTolerance === undefined ? {} : { tolerance: hullTolerance });
  for (let i = 0; i < n; i++) {
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
  return { n, labels: INTERSTICE_LABELS.slice(), values: out, flags };
}
