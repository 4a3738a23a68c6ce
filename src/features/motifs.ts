import type { StructureContext } from "./context";
import type { Citation, FeatureReach, ReachScale } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { BaseFeaturizer, ownReach } from "./featurizer";
import { FRANK_KASPER_1958, SHENG_2006, WANG_JAIN_2019 } from "./literature-citations";
import { VoronoiIndexFeaturizer } from "./voronoi-index";

/** Labels of the characteristic-motif set. */
export const MOTIF_LABELS: readonly string[] = Object.freeze([
  "motif_ico",
  "motif_0_0_12_4_0",
  "motif_ico_or_0_0_12_4_0",
  "motif_fk",
]);

/**
 * One-hot characteristic motifs from Voronoi indices <n3..n7> (N x 5, row-major) into N x 4:
 * - motif_ico: <0,0,12,0,0> (full icosahedron, Sheng et al. 2006);
 * - motif_0_0_12_4_0: <0,0,12,4,0> (Z16 Frank-Kasper polyhedron);
 * - motif_ico_or_0_0_12_4_0: either of them;
 * - motif_fk: the authors' Frank-Kasper test 2 n4 + n5 == 12 (amlearn `character_motif`, labelled
 *   "is_polytetrahedral" there). For a simple polyhedron (three faces at each vertex) Euler's relation gives
 *   3 n3 + 2 n4 + n5 - n7 - 2 n8 - ... = 12, so the test holds exactly when 3 n3 = n7 + 2 n8 + ...; it includes
 *   all Frank-Kasper polyhedra Z12-Z16 (n3 = n4 = n7 = 0, n5 = 12) and also other cells, e.g. the bcc truncated
 *   octahedron <0,6,0,8,0> (2 x 6 + 0 = 12).
 * NaN rows (failed cells) stay NaN.
 */
export function characteristicMotifs(index: Float64Array): Float64Array {
  const n = index.length / 5;
  const out = new Float64Array(n * 4);
  for (let i = 0; i < n; i++) {
    const n3 = index[5 * i];
    const n4 = index[5 * i + 1];
    const n5 = index[5 * i + 2];
    const n6 = index[5 * i + 3];
    const n7 = index[5 * i + 4];
    if (Number.isNaN(n3)) {
      out.fill(NaN, 4 * i, 4 * i + 4);
      continue;
    }
    const base = n3 === 0 && n4 === 0 && n5 === 12 && n7 === 0;
    const ico = base && n6 === 0 ? 1 : 0;
    const z16 = base && n6 === 4 ? 1 : 0;
    out[4 * i] = ico;
    out[4 * i + 1] = z16;
    out[4 * i + 2] = ico | z16;
    out[4 * i + 3] = 2 * n4 + n5 === 12 ? 1 : 0;
  }
  return out;
}

/**
 * Characteristic motifs SRO set (paper set iii, 4 columns): MOTIF_LABELS, from the Voronoi index set (shared
 * through the context cache, so featurizing both computes the index once).
 */
export class MotifsFeaturizer extends BaseFeaturizer {
  readonly name = "motifs";
  readonly key = "motifs";
  private readonly index = new VoronoiIndexFeaturizer();

  featureLabels(): string[] {
    return MOTIF_LABELS.slice();
  }

  citations(): Citation[] {
    return [SHENG_2006, FRANK_KASPER_1958, WANG_JAIN_2019];
  }

  /** Its own Voronoi cell and neighbors. */
  reach(scale: ReachScale): FeatureReach {
    return ownReach(scale.voronoi);
  }

  compute(ctx: StructureContext): FeatureMatrix {
    const index = ctx.features(this.index);
    return { n: ctx.n, labels: this.featureLabels(), values: characteristicMotifs(index.values), flags: index.flags };
  }
}
