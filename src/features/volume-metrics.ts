import { ConvexHull } from "../geometry/convex-hull";
import { solidAngle } from "../geometry/solid-angle";
import type { NeighborList } from "../neighbors/neighbor-list";
import type { StructureContext } from "./context";
import type { Citation, FeatureReach, ReachScale } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { BaseFeaturizer, ownReach } from "./featurizer";
import { LAWS_2015, MIRACLE_2006, VAN_OOSTEROM_1983, WANG_JAIN_2019, YANG_2012 } from "./literature-citations";
import { LITERATURE_FLAGS, CELL_UNUSABLE, voronoiCellFlags } from "./voronoi-index";

/**
 * Ideal radius ratio R*_N = R_centre / r_neighbor of a centre atom touching N equal neighbors that also touch each
 * other in the most efficient arrangement, for N = 3..24: Miracle, Lord & Ranganathan, Mater. Trans. 47, 1737
 * (2006), as used for the atomic packing efficiency by Laws, Miracle & Ferry (2015) and tabulated to six digits in
 * matminer and amlearn. Checks: N = 3 triangle 2/sqrt(3) - 1, N = 4 tetrahedron sqrt(3/2) - 1, N = 6 octahedron
 * sqrt(2) - 1, N = 12 icosahedron 2 sin(2 pi / 5) - 1.
 */
export const IDEAL_RADIUS_RATIO: Readonly<Record<number, number>> = Object.freeze({
  3: 0.154701,
  4: 0.224745,
  5: 0.361654,
  6: 0.414214,
  7: 0.518145,
  8: 0.616517,
  9: 0.709914,
  10: 0.798907,
  11: 0.884003,
  12: 0.902113,
  13: 0.976006,
  14: 1.04733,
  15: 1.11632,
  16: 1.18318,
  17: 1.2481,
  18: 1.31123,
  19: 1.37271,
  20: 1.43267,
  21: 1.49119,
  22: 1.5484,
  23: 1.60436,
  24: 1.65915,
});

/**
 * Atomic packing efficiency (Laws, Miracle & Ferry 2015, in the signed-difference form of the paper's authors):
 *   APE_i = R_i / mean_{j in N(i)} R_j - R*_{N_i},   N_i = |N(i)|,
 * positive when the centre is too big for its shell, negative when too small. NaN outside N = 3..24.
 * (matminer's composition featurizer uses the ratio form 1 - R*_N / (R_i / mean R_j), with the same sign.)
 */
export function atomicPackingEfficiency(list: NeighborList, radius: Float64Array): Float64Array {
  const out = new Float64Array(list.n);
  for (let i = 0; i < list.n; i++) {
    const start = list.offsets[i];
    const end = list.offsets[i + 1];
    const ideal = IDEAL_RADIUS_RATIO[end - start];
    if (ideal === undefined) {
      out[i] = NaN;
      continue;
    }
    let sum = 0;
    for (let e = start; e < end; e++) sum += radius[list.indices[e]];
    out[i] = radius[i] / (sum / (end - start)) - ideal;
  }
  return out;
}

/**
 * Cluster packing efficiency (Yang et al. 2012, called "atomic packing efficiency" there; the paper's authors'
 * definition): the fraction of the convex hull of the neighbors filled by atoms,
 *   CPE_i = (4/3 pi R_i^3 + sum_{j in N(i)} Omega_j R_j^3 / 3) / V_hull,
 * where the hull is triangulated (qhull Qt, src/geometry/convex-hull.ts), Omega_j is the sum, over the hull
 * triangles having neighbor j as a vertex, of the solid angle at j of the tetrahedron (centre, triangle)
 * (Van Oosterom & Strackee), and V_hull the hull volume. Neighbors inside the hull get Omega_j = 0.
 * The centre's full sphere counts, as in the authors' code. NaN when the neighbors do not span a solid hull
 * (fewer than 4 points or all coplanar).
 */
export function clusterPackingEfficiency(
  list: NeighborList,
  radius: Float64Array,
  hull: ConvexHull = new ConvexHull(),
): Float64Array {
  const n = list.n;
  const out = new Float64Array(n);
  let omega = new Float64Array(32);
  for (let i = 0; i < n; i++) {
    const start = list.offsets[i];
    const end = list.offsets[i + 1];
    const k = end - start;
    if (k < 4) {
      out[i] = NaN;
      continue;
    }
    const pts = list.vectors.subarray(3 * start, 3 * end);
    hull.compute(pts, k);
    if (hull.kind !== "solid") {
      out[i] = NaN;
      continue;
    }
    if (omega.length < k) omega = new Float64Array(2 * k);
    omega.fill(0, 0, k);
    const tri = hull.triangleData;
    let volume = 0;
    for (let t = 0; t < hull.nTriangles; t++) {
      const a = tri[3 * t];
      const b = tri[3 * t + 1];
      const c = tri[3 * t + 2];
      const ax = pts[3 * a];
      const ay = pts[3 * a + 1];
      const az = pts[3 * a + 2];
      const bx = pts[3 * b];
      const by = pts[3 * b + 1];
      const bz = pts[3 * b + 2];
      const cx = pts[3 * c];
      const cy = pts[3 * c + 1];
      const cz = pts[3 * c + 2];
      // Signed volume of (O, A, B, C) with O at the origin: the sum over an outward-oriented closed hull is its
      // volume wherever O lies.
      volume += (ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx)) / 6;
      // Solid angle at each triangle vertex of the tetrahedron (O, A, B, C): vectors from that vertex.
      omega[a] += solidAngle(-ax, -ay, -az, bx - ax, by - ay, bz - az, cx - ax, cy - ay, cz - az);
      omega[b] += solidAngle(-bx, -by, -bz, ax - bx, ay - by, az - bz, cx - bx, cy - by, cz - bz);
      omega[c] += solidAngle(-cx, -cy, -cz, ax - cx, ay - cy, az - cz, bx - cx, by - cy, bz - cz);
    }
    const ri = radius[i];
    let packed = (4 / 3) * Math.PI * ri * ri * ri;
    for (let e = 0; e < k; e++) {
      const r = radius[list.indices[start + e]];
      packed += (omega[e] * r * r * r) / 3;
    }
    out[i] = volume > 0 ? packed / volume : NaN;
  }
  return out;
}

/** Ratio of the atom's volume 4/3 pi R_i^3 to its Voronoi cell volume; NaN for an unusable (CELL_UNUSABLE) or empty cell. */
export function atomicVolumeRatio(volumes: Float64Array, flags: Uint8Array, radius: Float64Array): Float64Array {
  const out = new Float64Array(volumes.length);
  for (let i = 0; i < volumes.length; i++) {
    const r = radius[i];
    out[i] = flags[i] & CELL_UNUSABLE || !(volumes[i] > 0) ? NaN : ((4 / 3) * Math.PI * r * r * r) / volumes[i];
  }
  return out;
}

/**
 * Volume metrics SRO set (paper set iv, 3 columns), all on the face-filtered Voronoi neighbors and the
 * context's atom radii (Miracle et al. by default):
 * cpe_voro (cluster packing efficiency), ape_voro (atomic packing efficiency), vol_ratio_voro (atomic volume /
 * Voronoi volume).
 */
export class VolumeMetricsFeaturizer extends BaseFeaturizer {
  readonly name = "volume_metrics";
  readonly key = "volume_metrics";

  featureLabels(): string[] {
    return ["cpe_voro", "ape_voro", "vol_ratio_voro"];
  }

  citations(): Citation[] {
    return [YANG_2012, LAWS_2015, MIRACLE_2006, VAN_OOSTEROM_1983, WANG_JAIN_2019];
  }

  /** Its own Voronoi cell and neighbors. */
  reach(scale: ReachScale): FeatureReach {
    return ownReach(scale.voronoi);
  }

  compute(ctx: StructureContext): FeatureMatrix {
    const list = ctx.voronoiNeighbors();
    const radius = ctx.radii();
    const tess = ctx.voronoi();
    const cpe = clusterPackingEfficiency(list, radius);
    const ape = atomicPackingEfficiency(list, radius);
    const ratio = atomicVolumeRatio(tess.volumes, tess.flags, radius);
    const values = new Float64Array(3 * ctx.n);
    const flags = voronoiCellFlags(ctx);
    for (let i = 0; i < ctx.n; i++) {
      const failed = tess.flags[i] & CELL_UNUSABLE;
      values[3 * i] = failed ? NaN : cpe[i];
      values[3 * i + 1] = failed ? NaN : ape[i];
      values[3 * i + 2] = ratio[i];
      if (!failed && Number.isNaN(cpe[i])) flags[i] |= LITERATURE_FLAGS.flatHull;
    }
    return { n: ctx.n, labels: this.featureLabels(), values, flags };
  }
}
