import type { StructureContext } from "./context";
import type { BackgroundWork, Citation, FeatureReach, ReachScale } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { BaseFeaturizer, ownReach } from "./featurizer";
import { frameSpecies } from "./species";
import { BEHLER_PARRINELLO_2007, CUBUK_2015, SCHOENHOLZ_2016, WANG_JAIN_2019 } from "./literature-citations";
import type { ResolvedSymmetryFunctionParams, SymmetryFunctionParams } from "./symmetry-functions";
import { resolveSymmetryFunctionParams, symmetryFunctionLabels, symmetryFunctions } from "./symmetry-functions";
import { type ParallelSymmetryFunctions, startParallelSymmetryFunctions } from "./symmetry-functions-parallel";

/**
 * The paper's symmetry-function representation (Methods, Eqs. 2-3): radial G_X and angular psi_XY per atom.
 * Output N x F with `symmetryFunctionLabels`; an atom with no neighbor within Rc gets zeros (an empty sum),
 * which is the value of the definition.
 */
export class SymmetryFunctionsFeaturizer extends BaseFeaturizer {
  readonly name = "symmetry_functions";
  readonly key: string;
  readonly params: ResolvedSymmetryFunctionParams;
  private readonly types: readonly number[] | undefined;
  private readonly fixedNames: readonly string[] | null;
  private lastNames: readonly string[] | null = null;
  /** Rows being computed on worker threads for a context (`start`), finished by `compute`. */
  private readonly started = new WeakMap<StructureContext, ParallelSymmetryFunctions>();

  /**
   * @param speciesNames fixes the species names used in the labels (default: the frame's element names, or
   *   t<type> without a type map, taken from the frame being computed)
   */
  constructor(params: SymmetryFunctionParams = {}, speciesNames?: readonly string[]) {
    super();
    this.params = resolveSymmetryFunctionParams(params);
    if (params.types) frameSpecies({ natoms: 0, types: new Int32Array(0), elements: null }, params.types);
    if (speciesNames && params.types && speciesNames.length !== params.types.length) {
      throw new Error(`symmetry functions: ${speciesNames.length} species names for ${params.types.length} types`);
    }
    this.types = params.types ? params.types.slice() : undefined;
    this.fixedNames = speciesNames ? speciesNames.slice() : null;
    const p = this.params;
    this.key = `symmetry_functions(${p.unit};${p.radialCount};${p.radialStep};${p.radialWidth};${p.cutoff};${p.angular
      .map((a) => `${a.xi}/${a.lambda}/${a.zeta}`)
      .join(",")};${this.types?.join(",") ?? "auto"};${this.fixedNames?.join(",") ?? "auto"})`;
  }

  /**
   * Labels (`symmetryFunctionLabels`). The species come from the constructor's `speciesNames`, else from the
   * frame computed last; before either is known the species count is unknown and this throws.
   */
  featureLabels(): string[] {
    const names = this.fixedNames ?? this.lastNames;
    if (names === null) {
      throw new Error(
        "symmetry functions: the species are not known before a frame is computed; pass speciesNames (e.g. ['Cu', 'Zr'])",
      );
    }
    return symmetryFunctionLabels(names, this.params);
  }

  citations(): Citation[] {
    return [BEHLER_PARRINELLO_2007, CUBUK_2015, SCHOENHOLZ_2016, WANG_JAIN_2019];
  }

  /** Its own neighbors within Rc (the Voronoi cell is not used). */
  reach(_scale: ReachScale): FeatureReach {
    return ownReach(this.params.cutoff * this.params.unit);
  }

  compute(ctx: StructureContext): FeatureMatrix {
    const species = frameSpecies(ctx.frame, this.types);
    if (this.fixedNames !== null && this.fixedNames.length !== species.types.length) {
      throw new Error(
        `symmetry functions: ${this.fixedNames.length} species names [${this.fixedNames.join(", ")}] for ${species.types.length} species in the frame`,
      );
    }
    this.lastNames = species.names;
    const labels = this.featureLabels();
    const p = this.params;
    // With threads, the rows are computed on worker threads straight from the positions (bitwise the same),
    // started by `start` when computeFeatures calls it, so that they overlap the other sets.
    const job = this.started.get(ctx) ?? this.startOn(ctx);
    this.started.delete(ctx);
    const values =
      job !== null
        ? job.join()
        : symmetryFunctions(ctx.cutoffNeighbors(p.cutoff * p.unit), species.index, species.types.length, p);
    return { n: ctx.n, labels, values };
  }

  /**
   * With threads (and at least 1,024 atoms), starts the rows on `threads - 1` worker threads while the calling
   * thread computes the other sets; `compute` then joins in.
   */
  start(ctx: StructureContext): BackgroundWork | null {
    if (this.started.has(ctx)) return null;
    const job = this.startOn(ctx);
    if (job === null) return null;
    this.started.set(ctx, job);
    return job;
  }

  private startOn(ctx: StructureContext): ParallelSymmetryFunctions | null {
    if (!(ctx.options.threads > 1 && ctx.n >= 1024)) return null;
    const species = frameSpecies(ctx.frame, this.types);
    return startParallelSymmetryFunctions(
      ctx.frame,
      species.index,
      species.types.length,
      this.params,
      ctx.options.threads,
    );
  }
}
