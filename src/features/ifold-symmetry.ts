import type { Tessellation } from "../geometry/tessellation";
import type { NeighborList } from "../neighbors/neighbor-list";
import type { StructureContext } from "./context";
import type { Citation, FeatureReach, ReachScale } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { BaseFeaturizer, ownReach } from "./featurizer";
import { PENG_2011, WANG_JAIN_2019 } from "./literature-citations";
import { CELL_UNUSABLE, VoronoiIndexFeaturizer, contextKeptFaces, voronoiCellFlags } from "./voronoi-index";

/** How the faces of a cell are weighted in the i-fold symmetry index. */
export type IFoldWeighting = "none" | "area";

/**
 * i-fold symmetry indices of every atom (Peng, Li & Wang 2011; paper sets v and vi), i = 3..7, N x 5:
 * - weighting "none": n_i / sum_{k=3..7} n_k, with n_i the number of kept i-edged faces;
 * - weighting "area": sum of the areas of the kept i-edged faces / sum of the areas of the kept 3..7-edged faces.
 * Faces with 8+ edges are in neither numerator nor denominator (amlearn folds them into n7 instead, which only
 * matters for the rare cells that have them). NaN for an unusable cell (CELL_UNUSABLE) or a cell without
 * 3..7-edged faces.
 */
export function iFoldSymmetry(tess: Tessellation, kept: Uint8Array | null, weighting: IFoldWeighting): Float64Array {
  if (weighting !== "none" && weighting !== "area")
    throw new Error(`i-fold symmetry weighting must be "none" or "area", got "${String(weighting)}"`);
  const out = new Float64Array(tess.n * 5);
  for (let i = 0; i < tess.n; i++) {
    const row = 5 * i;
    let total = 0;
    if (!(tess.flags[i] & CELL_UNUSABLE)) {
      for (let f = tess.faceOffsets[i]; f < tess.faceOffsets[i + 1]; f++) {
        if (kept !== null && kept[f] === 0) continue;
        const edges = tess.faceEdges[f];
        if (edges < 3 || edges > 7) continue;
        const w = weighting === "area" ? tess.faceAreas[f] : 1;
        out[row + edges - 3] += w;
        total += w;
      }
    }
    if (!(total > 0)) {
      out.fill(NaN, row, row + 5);
      continue;
    }
    for (let k = 0; k < 5; k++) out[row + k] /= total;
  }
  return out;
}

/**
 * The paper's "MRO Avg. i-fold symm idx": sum_{m in N(i)} n_i^m / sum_{m in N(i)} sum_{k=3..7} n_k^m over the
 * neighbors m of atom i (the ratio of the neighbors' mean Voronoi index to its sum, as the authors' code computes
 * it; the centre atom itself is not included). `index` is N x 5 (n3..n7); NaN indices of neighbors are skipped;
 * NaN when no neighbor contributes a face.
 */
export function averagedIFoldSymmetry(index: Float64Array, list: NeighborList): Float64Array {
  const n = list.n;
  if (index.length !== 5 * n)
    throw new Error(`averaged i-fold symmetry: index has ${index.length / 5} rows, the neighbor list ${n}`);
  const out = new Float64Array(5 * n);
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let e = list.offsets[i]; e < list.offsets[i + 1]; e++) {
      const j = list.indices[e];
      if (Number.isNaN(index[5 * j])) continue;
      for (let k = 0; k < 5; k++) {
        out[5 * i + k] += index[5 * j + k];
        total += index[5 * j + k];
      }
    }
    if (!(total > 0)) {
      out.fill(NaN, 5 * i, 5 * i + 5);
      continue;
    }
    for (let k = 0; k < 5; k++) out[5 * i + k] /= total;
  }
  return out;
}

/**
 * i-fold symmetry SRO sets (paper sets v and vi, 5 columns each):
 * weighting "none" -> ifold3_voro .. ifold7_voro; weighting "area" -> ifold_area3_voro .. ifold_area7_voro.
 */
export class IFoldSymmetryFeaturizer extends BaseFeaturizer {
  readonly name: string;
  readonly key: string;

  constructor(readonly weighting: IFoldWeighting = "none") {
    super();
    if (weighting !== "none" && weighting !== "area")
      throw new Error(`i-fold symmetry weighting must be "none" or "area", got "${String(weighting)}"`);
    this.name = weighting === "area" ? "ifold_area" : "ifold";
    this.key = this.name;
  }

  featureLabels(): string[] {
    const stem = this.weighting === "area" ? "ifold_area" : "ifold";
    return [3, 4, 5, 6, 7].map((i) => `${stem}${i}_voro`);
  }

  citations(): Citation[] {
    return [PENG_2011, WANG_JAIN_2019];
  }

  /** Its own Voronoi cell and neighbors. */
  reach(scale: ReachScale): FeatureReach {
    return ownReach(scale.voronoi);
  }

  compute(ctx: StructureContext): FeatureMatrix {
    return {
      n: ctx.n,
      labels: this.featureLabels(),
      values: iFoldSymmetry(ctx.voronoi(), contextKeptFaces(ctx), this.weighting),
      flags: voronoiCellFlags(ctx),
    };
  }
}

/** "MRO Avg. i-fold symm idx" (5 columns): mro_avg_ifold3_voro .. mro_avg_ifold7_voro over Voronoi neighbors. */
export class AveragedIFoldSymmetryFeaturizer extends BaseFeaturizer {
  readonly name = "avg_ifold";
  readonly key = "avg_ifold";
  private readonly index = new VoronoiIndexFeaturizer();

  featureLabels(): string[] {
    return [3, 4, 5, 6, 7].map((i) => `mro_avg_ifold${i}_voro`);
  }

  citations(): Citation[] {
    return [PENG_2011, WANG_JAIN_2019];
  }

  /** The Voronoi indices of its Voronoi neighbors. */
  reach(scale: ReachScale): FeatureReach {
    return { rows: scale.voronoi, bond: scale.voronoi };
  }

  compute(ctx: StructureContext): FeatureMatrix {
    const index = ctx.features(this.index).values;
    return { n: ctx.n, labels: this.featureLabels(), values: averagedIFoldSymmetry(index, ctx.voronoiNeighbors()) };
  }
}
