import type { NeighborList } from "../neighbors/neighbor-list";
import { checkCutoff, type StructureContext } from "./context";
import type { Citation, FeatureReach, ReachScale } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { BaseFeaturizer, ownReach } from "./featurizer";
import { OKABE_2009, WANG_JAIN_2019 } from "./literature-citations";
import { CELL_UNUSABLE, voronoiCellFlags } from "./voronoi-index";

/** Number of entries of each row of a neighbor list, as floats. */
export function coordinationNumbers(list: NeighborList): Float64Array {
  const out = new Float64Array(list.n);
  for (let i = 0; i < list.n; i++) out[i] = list.offsets[i + 1] - list.offsets[i];
  return out;
}

/** Parameters of the CN set. */
export interface CoordinationParams {
  /** Cutoff radius (Angstrom) of cn_cut. Default: the context's cutoff (4.0 A unless set). */
  readonly cutoff?: number;
}

/**
 * CN SRO set (paper set i, 2 columns):
 * - cn_voro: number of Voronoi neighbors after small-face removal (NaN, flag LITERATURE_FLAGS.voronoiCell, for a
 *   cell the tessellation marks unusable; with precomputed Voronoi neighbors and no tessellation, none is);
 * - cn_cut: number of atoms with 0 < d < rc (LAMMPS `compute coord/atom cutoff rc`).
 */
export class CoordinationFeaturizer extends BaseFeaturizer {
  readonly name = "cn";
  readonly key: string;
  private readonly cutoff: number | undefined;

  constructor(params: CoordinationParams = {}) {
    super();
    if (params.cutoff !== undefined) checkCutoff(params.cutoff, "CN cutoff");
    this.cutoff = params.cutoff;
    this.key = `cn(${this.cutoff ?? "ctx"})`;
  }

  featureLabels(): string[] {
    return ["cn_voro", "cn_cut"];
  }

  citations(): Citation[] {
    return [OKABE_2009, WANG_JAIN_2019];
  }

  /** Its own Voronoi and cutoff neighbors. */
  reach(scale: ReachScale): FeatureReach {
    return ownReach(scale.voronoi, this.cutoff ?? scale.cutoff);
  }

  compute(ctx: StructureContext): FeatureMatrix {
    const voro = coordinationNumbers(ctx.voronoiNeighbors());
    const flags = ctx.voronoiFlags();
    const cut = coordinationNumbers(ctx.cutoffNeighbors(this.cutoff ?? ctx.cutoff));
    const values = new Float64Array(2 * ctx.n);
    for (let i = 0; i < ctx.n; i++) {
      values[2 * i] = flags[i] & CELL_UNUSABLE ? NaN : voro[i];
      values[2 * i + 1] = cut[i];
    }
    return { n: ctx.n, labels: this.featureLabels(), values, flags: voronoiCellFlags(ctx) };
  }
}
