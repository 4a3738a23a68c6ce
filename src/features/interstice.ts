import { AMLEARN, BARBER_1996, LAWS_2015, MIRACLE_2006, VAN_OOSTEROM_1983, WANG_JAIN_2019 } from "./citations";
import { checkCutoff, type StructureContext } from "./context";
import type { Citation, FeatureReach, ReachScale } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { BaseFeaturizer, ownReach } from "./featurizer";
import { MIN_PARALLEL_INTERSTICE_ATOMS, parallelInterstices } from "./interstice-parallel";
import { computeInterstices, INTERSTICE_LABELS, type IntersticeInput } from "./interstice-rows";

export { computeInterstices, INTERSTICE_FLAGS, INTERSTICE_LABELS } from "./interstice-rows";

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

  /** With threads (and at least MIN_PARALLEL_INTERSTICE_ATOMS atoms), the rows are shared out: bitwise the same. */
  compute(ctx: StructureContext): FeatureMatrix {
    const input: IntersticeInput = {
      voro: ctx.voronoiNeighbors(),
      cut: ctx.cutoffNeighbors(this.options.cutoff ?? ctx.cutoff),
      radii: ctx.radii(),
      voronoiFlags: ctx.voronoiFlags(),
      clamp: this.clamp,
      denominator: this.distanceDenominator,
      hullTolerance: this.options.hullTolerance,
    };
    if (ctx.options.threads > 1 && ctx.n >= MIN_PARALLEL_INTERSTICE_ATOMS)
      return parallelInterstices(input, ctx.options.threads);
    return computeInterstices(
      input.voro,
      input.cut,
      input.radii,
      input.voronoiFlags,
      input.clamp,
      input.denominator,
      input.hullTolerance,
    );
  }
}
