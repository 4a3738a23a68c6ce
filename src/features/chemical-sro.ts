import type { NeighborList } from "../neighbors/neighbor-list";
import type { NeighborKind } from "./boop";
import { neighborsOfKind } from "./boop";
import { checkCutoff, type StructureContext } from "./context";
import type { Citation, FeatureReach, ReachScale } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { BaseFeaturizer } from "./featurizer";
import { COWLEY_1950, WANG_JAIN_2019 } from "./literature-citations";
import { frameSpecies } from "./species";
import { LITERATURE_FLAGS, voronoiCellFlags } from "./voronoi-index";

/**
 * Neighbor counts per species and per-atom Warren-Cowley parameters (Cowley 1950; paper set viii, "CSRO"):
 *   n_iX      = number of neighbors of atom i of species X,
 *   p_iX      = n_iX / CN_i (CN_i = all neighbors, whatever their species),
 *   alpha_iX  = 1 - p_iX / c_X,
 * with c_X = N_X / N the concentration of X in the whole frame (the nominal composition). alpha_iX < 0: more X
 * around i than at random (attraction); > 0: fewer (repulsion); 0: random.
 * Output N x (2 nSpecies): n_i0..n_i(S-1), then alpha_i0..alpha_i(S-1). alpha is NaN when CN_i = 0 or c_X = 0.
 *
 * @param species species index of every atom (-1: unlisted type, counted in CN_i and in N but in no n_iX)
 */
export function chemicalShortRangeOrder(list: NeighborList, species: Int32Array, nSpecies: number): Float64Array {
  const n = list.n;
  if (species.length !== n) throw new Error(`CSRO: ${species.length} species for ${n} atoms`);
  const conc = new Float64Array(nSpecies);
  for (let i = 0; i < n; i++) if (species[i] >= 0) conc[species[i]] += 1;
  for (let s = 0; s < nSpecies; s++) conc[s] /= n;
  const width = 2 * nSpecies;
  const out = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const row = i * width;
    const start = list.offsets[i];
    const end = list.offsets[i + 1];
    for (let e = start; e < end; e++) {
      const s = species[list.indices[e]];
      if (s >= 0) out[row + s] += 1;
    }
    const cn = end - start;
    for (let s = 0; s < nSpecies; s++)
      out[row + nSpecies + s] = cn > 0 && conc[s] > 0 ? 1 - out[row + s] / cn / conc[s] : NaN;
  }
  return out;
}

/** Parameters of the CSRO set. */
export interface ChemicalSroParams {
  /** Neighbor definitions, in column order. Default ["voro", "cut"]. */
  readonly neighbors?: readonly NeighborKind[];
  /** Cutoff radius (Angstrom) of the "cut" neighbors. Default: the context's cutoff (4.0 A unless set). */
  readonly cutoff?: number;
  /** Atom types taken as species, in column order. Default: all types of the type map (or 1..max type). */
  readonly types?: readonly number[];
}

/**
 * CSRO set (paper set viii; 9 columns for a binary): csro_type (the atom's type), then for each neighbor
 * definition k in (voro, cut): csro_n_<X>_<k> for each species X, then csro_wc_<X>_<k> (Warren-Cowley alpha_iX).
 * Species names in labels come from the frame's type map (t<type> without one); labels before the first frame
 * need `speciesNames`.
 */
export class ChemicalSroFeaturizer extends BaseFeaturizer {
  readonly name = "csro";
  readonly key: string;
  private readonly kinds: readonly NeighborKind[];
  private readonly cutoff: number | undefined;
  private readonly types: readonly number[] | undefined;
  private readonly fixedNames: readonly string[] | null;
  private lastNames: readonly string[] | null = null;

  constructor(params: ChemicalSroParams = {}, speciesNames?: readonly string[]) {
    super();
    const kinds = params.neighbors ?? ["voro", "cut"];
    if (kinds.length === 0) throw new Error("CSRO needs at least one neighbor definition (voro or cut)");
    for (const k of kinds)
      if (k !== "voro" && k !== "cut") throw new Error(`CSRO neighbors must be "voro" or "cut", got "${String(k)}"`);
    if (new Set(kinds).size !== kinds.length)
      throw new Error(`CSRO neighbor definitions are repeated: ${kinds.join(", ")}`);
    if (params.cutoff !== undefined) checkCutoff(params.cutoff, "CSRO cutoff");
    if (params.types) frameSpecies({ natoms: 0, types: new Int32Array(0), elements: null }, params.types);
    if (speciesNames && params.types && speciesNames.length !== params.types.length) {
      throw new Error(`CSRO: ${speciesNames.length} species names for ${params.types.length} types`);
    }
    this.kinds = kinds.slice();
    this.cutoff = params.cutoff;
    this.types = params.types ? params.types.slice() : undefined;
    this.fixedNames = speciesNames ? speciesNames.slice() : null;
    this.key = `csro(${this.kinds.join(",")};${this.cutoff ?? "ctx"};${this.types?.join(",") ?? "auto"};${this.fixedNames?.join(",") ?? "auto"})`;
  }

  featureLabels(): string[] {
    const names = this.fixedNames ?? this.lastNames;
    if (names === null)
      throw new Error(
        "CSRO: the species are not known before a frame is computed; pass speciesNames (e.g. ['Cu', 'Zr'])",
      );
    const out = ["csro_type"];
    for (const k of this.kinds) {
      for (const x of names) out.push(`csro_n_${x}_${k}`);
      for (const x of names) out.push(`csro_wc_${x}_${k}`);
    }
    return out;
  }

  citations(): Citation[] {
    return [COWLEY_1950, WANG_JAIN_2019];
  }

  /** None: the Warren-Cowley parameters divide by the whole frame's composition, which no domain sees. */
  reach(_scale: ReachScale): FeatureReach | undefined {
    return undefined;
  }

  compute(ctx: StructureContext): FeatureMatrix {
    const species = frameSpecies(ctx.frame, this.types);
    if (this.fixedNames !== null && this.fixedNames.length !== species.types.length) {
      throw new Error(
        `CSRO: ${this.fixedNames.length} species names [${this.fixedNames.join(", ")}] for ${species.types.length} species in the frame`,
      );
    }
    this.lastNames = species.names;
    const labels = this.featureLabels();
    const width = labels.length;
    const ns = species.types.length;
    const values = new Float64Array(ctx.n * width);
    for (let i = 0; i < ctx.n; i++) values[i * width] = ctx.frame.types[i];
    this.kinds.forEach((kind, s) => {
      const part = chemicalShortRangeOrder(neighborsOfKind(ctx, kind, this.cutoff), species.index, ns);
      const col = 1 + s * 2 * ns;
      for (let i = 0; i < ctx.n; i++)
        for (let k = 0; k < 2 * ns; k++) values[i * width + col + k] = part[i * 2 * ns + k];
    });
    const flags = new Uint8Array(ctx.n);
    this.kinds.forEach((kind) => {
      const list = neighborsOfKind(ctx, kind, this.cutoff);
      for (let i = 0; i < ctx.n; i++)
        if (list.offsets[i + 1] === list.offsets[i]) flags[i] |= LITERATURE_FLAGS.noNeighbor;
    });
    if (this.kinds.includes("voro")) {
      // An unusable Voronoi cell has no neighbors: its Voronoi columns are unknown, not zero.
      const cells = voronoiCellFlags(ctx);
      const col = 1 + this.kinds.indexOf("voro") * 2 * ns;
      for (let i = 0; i < ctx.n; i++) {
        if (!cells[i]) continue;
        flags[i] |= cells[i];
        for (let k = 0; k < 2 * ns; k++) values[i * width + col + k] = NaN;
      }
    }
    return { n: ctx.n, labels, values, flags };
  }
}
