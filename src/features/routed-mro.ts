import type { CoarseGrainStat } from "./coarse-grain";
import { coarseGrain, coarseGrainLabels, MRO_STATS } from "./coarse-grain";
import { checkCutoff, type StructureContext } from "./context";
import type { Citation, Featurizer, FeatureReach, ReachScale } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { BaseFeaturizer, shellReach } from "./featurizer";
import { concatFeatureMatrices } from "../table/feature-matrix";
import { WANG_JAIN_2019 } from "./literature-citations";

/** Options of RoutedMroFeaturizer. */
export interface RoutedMroOptions {
  /** Statistics, in output order. Default mean, min, max, std (population). */
  readonly stats?: readonly CoarseGrainStat[];
  /**
   * Neighbors of the statistics. "auto" (default): columns whose label ends in `_cut` run over the cutoff
   * neighbors, all others over the face-filtered Voronoi neighbors (as the authors' code pairs each `_voro` /
   * `_dist` feature with its own neighbor definition). "voronoi" / "cutoff": every column over that list.
   */
  readonly neighbors?: "auto" | "voronoi" | "cutoff";
  /** Cutoff radius (Angstrom) of the cutoff neighbors. Default: the context's cutoff. */
  readonly cutoff?: number;
  /** Include the centre atom's own value. Default false (paper Eq. 1). */
  readonly includeCenter?: boolean;
  /** Base columns left out (e.g. a categorical column). Default none. */
  readonly exclude?: readonly string[];
  /** Set name. Default "mro_" + base name. */
  readonly name?: string;
}

/**
 * The MRO version of a literature feature set (paper Eq. 1 and Methods): statistics of the base set's columns over each
 * atom's neighbors, labelled `mro_<column>_<stat>` in the base column order, with each column routed to the
 * neighbor definition its suffix names (see RoutedMroOptions.neighbors). Labels follow the base matrix last
 * computed (else the base set's labels), so bases whose labels depend on the frame's species work too.
 * NaN policy: `coarseGrain`.
 */
export class RoutedMroFeaturizer extends BaseFeaturizer {
  readonly name: string;
  readonly key: string;
  private readonly stats: readonly CoarseGrainStat[];
  private readonly route: "auto" | "voronoi" | "cutoff";

  constructor(
    readonly base: Featurizer,
    readonly options: RoutedMroOptions = {},
  ) {
    super();
    this.stats = options.stats ?? MRO_STATS;
    coarseGrainLabels([], { stats: this.stats });
    this.route = options.neighbors ?? "auto";
    if (this.route !== "auto" && this.route !== "voronoi" && this.route !== "cutoff") {
      throw new Error(`MRO neighbors must be "auto", "voronoi" or "cutoff", got "${String(this.route)}"`);
    }
    if (options.cutoff !== undefined) checkCutoff(options.cutoff, "MRO cutoff");
    this.name = options.name ?? `mro_${base.name}`;
    this.key = `routed_mro(${base.key};${this.route};${options.cutoff ?? "ctx"};${options.includeCenter ?? false};${this.stats.join(",")};${(options.exclude ?? []).join(",")})`;
  }

  /** Base columns of the last computed matrix (labels of species-dependent bases are known only then). */
  private lastBaseLabels: string[] | null = null;

  private columns(baseLabels: readonly string[] = this.lastBaseLabels ?? this.base.featureLabels()): string[] {
    const exclude = this.options.exclude ?? [];
    return baseLabels.filter((c) => !exclude.includes(c));
  }

  private usesCutoff(column: string): boolean {
    return this.route === "cutoff" || (this.route === "auto" && column.endsWith("_cut"));
  }

  featureLabels(): string[] {
    return coarseGrainLabels(this.columns(), { stats: this.stats });
  }

  citations(): Citation[] {
    const own = [WANG_JAIN_2019];
    for (const c of this.base.citations()) if (!own.some((o) => o.key === c.key)) own.push(c);
    return own;
  }

  /** The base set's rows over Voronoi and/or cutoff neighbors: the longer hop added to the base set's reach. */
  reach(scale: ReachScale): FeatureReach | undefined {
    const rc = this.options.cutoff ?? scale.cutoff;
    const hop = this.route === "voronoi" ? scale.voronoi : this.route === "cutoff" ? rc : Math.max(scale.voronoi, rc);
    return shellReach(hop, this.base.reach?.(scale));
  }

  compute(ctx: StructureContext): FeatureMatrix {
    const m = ctx.features(this.base);
    this.lastBaseLabels = m.labels.slice();
    const columns = this.columns();
    const cg = { stats: this.stats, includeCenter: this.options.includeCenter ?? false };
    const voroCols = columns.filter((c) => !this.usesCutoff(c));
    const cutCols = columns.filter((c) => this.usesCutoff(c));
    const parts: FeatureMatrix[] = [];
    if (voroCols.length > 0) parts.push(coarseGrain(m, ctx.voronoiNeighbors(), cg, voroCols));
    if (cutCols.length > 0)
      parts.push(coarseGrain(m, ctx.cutoffNeighbors(this.options.cutoff ?? ctx.cutoff), cg, cutCols));
    const joined = concatFeatureMatrices(parts);
    // Back to the base column order.
    const labels = this.featureLabels();
    if (joined.labels.every((l, k) => l === labels[k])) return joined;
    const width = labels.length;
    const from = Int32Array.from(labels, (l) => joined.labels.indexOf(l));
    const values = new Float64Array(ctx.n * width);
    for (let i = 0; i < ctx.n; i++)
      for (let k = 0; k < width; k++) values[i * width + k] = joined.values[i * width + from[k]];
    return { n: ctx.n, labels, values };
  }
}
