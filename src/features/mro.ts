import type { NeighborList } from "../neighbors/neighbor-list";
import type { CoarseGrainOptions, CoarseGrainStat } from "./coarse-grain";
import { coarseGrain, coarseGrainLabels, MRO_STATS } from "./coarse-grain";
import { checkCutoff, type StructureContext } from "./context";
import type { Citation, Featurizer, FeatureReach, ReachScale } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { BaseFeaturizer, shellReach } from "./featurizer";
import { WANG_JAIN_2019 } from "./citations";

export interface MroOptions {
  /** Neighbors the statistics run over. Default "voronoi" (face-filtered, paper Eq. 1). */
  readonly neighbors?: "voronoi" | "cutoff";
  /** Cutoff radius (Angstrom) when neighbors = "cutoff". Default: the context's cutoff (4.0 A unless set). */
  readonly cutoff?: number;
  /** Include the centre atom's own SRO value. Default false. */
  readonly includeCenter?: boolean;
  /** Statistics. Default mean, min, max, std (population). */
  readonly stats?: readonly CoarseGrainStat[];
  /** Columns of the base featurizer to coarse-grain. Default: all of them. */
  readonly columns?: readonly string[];
  /** Set name (default "mro_" + base name, or "mro" for the interstice base, see sets.ts). */
  readonly name?: string;
}

/**
 * The MRO version of any per-atom feature set (paper Eq. 1): statistics of the base set's columns over each
 * atom's neighbors, labelled `mro_<column>_<stat>`. The base matrix comes from `ctx.features(base)`, so when the
 * same featurize call also outputs the SRO set, it is computed once.
 *
 * Output: N x (columns x stats). NaN policy: see `coarseGrain` (non-finite neighbor values skipped; NaN only when
 * an atom has no finite neighbor value).
 */
export class MroFeaturizer extends BaseFeaturizer {
  readonly name: string;
  readonly key: string;
  private readonly labels: string[];
  private readonly columns: readonly string[];
  private readonly cg: CoarseGrainOptions;

  constructor(
    readonly base: Featurizer,
    readonly options: MroOptions = {},
  ) {
    super();
    const source = options.neighbors ?? "voronoi";
    if (source !== "voronoi" && source !== "cutoff")
      throw new Error(`MRO neighbors must be "voronoi" or "cutoff", got "${String(source)}"`);
    if (options.cutoff !== undefined) checkCutoff(options.cutoff, "MRO cutoff");
    const baseLabels = base.featureLabels();
    this.columns = options.columns ?? baseLabels;
    for (const c of this.columns)
      if (!baseLabels.includes(c)) throw new Error(`MRO: the base set "${base.name}" has no column "${c}"`);
    this.cg = { stats: options.stats ?? MRO_STATS, includeCenter: options.includeCenter ?? false };
    this.labels = coarseGrainLabels(this.columns, this.cg);
    this.name = options.name ?? `mro_${base.name}`;
    this.key = `mro(${base.key};${source};${options.cutoff ?? "ctx"};${this.cg.includeCenter};${(this.cg.stats ?? []).join(",")};${this.columns.join(",")})`;
  }

  featureLabels(): string[] {
    return this.labels.slice();
  }

  citations(): Citation[] {
    const own = [WANG_JAIN_2019];
    for (const c of this.base.citations()) if (!own.some((o) => o.key === c.key)) own.push(c);
    return own;
  }

  private neighborList(ctx: StructureContext): NeighborList {
    if ((this.options.neighbors ?? "voronoi") === "voronoi") return ctx.voronoiNeighbors();
    return ctx.cutoffNeighbors(this.options.cutoff ?? ctx.cutoff);
  }

  /** The base set's rows over its neighbors (paper Eq. 1): the neighbors' reach added to the base set's. */
  reach(scale: ReachScale): FeatureReach | undefined {
    const hop =
      (this.options.neighbors ?? "voronoi") === "voronoi" ? scale.voronoi : (this.options.cutoff ?? scale.cutoff);
    return shellReach(hop, this.base.reach?.(scale));
  }

  compute(ctx: StructureContext): FeatureMatrix {
    return coarseGrain(ctx.features(this.base), this.neighborList(ctx), this.cg, this.columns);
  }
}
