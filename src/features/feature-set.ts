import type { NeighborKind } from "./boop";
import type { Featurizer } from "./featurizer";
import type { AngularParams } from "./symmetry-functions";

/** Parameters of the interstice sets ("interstice"; "mro" is built on it and takes them from here). */
export type IntersticeSetParams = {
  readonly distanceDenominator?: "bond" | "radiusSum";
  /** Cutoff of the *_cut columns (Angstrom); default the featurize cutoff. */
  readonly cutoff?: number;
  readonly hullTolerance?: number;
};
/** Parameters of "cn" (and "mro_cn", which is built on it). */
export type CoordinationSetParams = { readonly cutoff?: number };
/** Parameters of "boop" and "mro_boop". */
export type BoopSetParams = {
  readonly l?: readonly number[];
  readonly neighbors?: readonly NeighborKind[];
  readonly cutoff?: number;
};
/** Parameters of "csro" and "mro_csro". */
export type ChemicalSroSetParams = {
  readonly neighbors?: readonly NeighborKind[];
  readonly cutoff?: number;
  readonly types?: readonly number[];
  /** Element names in type order, e.g. ["Cu", "Zr"]: the labels are then known before a frame is computed. */
  readonly species?: readonly string[];
};
/** Parameters of "symmetry_functions". */
export type SymmetryFunctionSetParams = {
  readonly unit?: number;
  readonly radialCount?: number;
  readonly radialStep?: number;
  readonly radialWidth?: number;
  readonly cutoff?: number;
  readonly angular?: readonly AngularParams[];
  readonly types?: readonly number[];
  readonly species?: readonly string[];
};

/**
 * Set-specific parameters by set name, typed for the built-in sets that take any (the others take none); a
 * user's own set (registerFeatureSet) reads its record and checks it with `setParams`. Values are also checked
 * when the featurizers are created (from JSON or JavaScript), naming the set and the parameter.
 */
export type FeatureSetParams = {
  readonly interstice?: IntersticeSetParams;
  readonly cn?: CoordinationSetParams;
  readonly boop?: BoopSetParams;
  readonly mro_boop?: BoopSetParams;
  readonly csro?: ChemicalSroSetParams;
  readonly mro_csro?: ChemicalSroSetParams;
  readonly symmetry_functions?: SymmetryFunctionSetParams;
  readonly [set: string]: Readonly<Record<string, unknown>> | undefined;
};

/**
 * Options a feature-set factory receives. Shared switches are typed; anything specific to one set goes in
 * `params[setName]` and is validated by that set's factory (unknown keys refused there).
 */
export interface FeatureSetOptions {
  /** Interstice sets: clamp negative area/volume interstices to 0 as the authors do. Default true. */
  readonly clamp?: boolean;
  /** MRO sets: which neighbors the statistics run over. Default "voronoi" (paper Eq. 1). */
  readonly mroNeighbors?: "voronoi" | "cutoff";
  /** MRO sets: include the centre atom's own value in the statistics. Default false. */
  readonly mroIncludeCenter?: boolean;
  /** Set-specific parameters by set name, e.g. `{ boop: { l: [4, 6] } }` (typed: see FeatureSetParams). */
  readonly params?: FeatureSetParams;
}

/** Builds a featurizer of one set from options. */
export type FeaturizerFactory = (options: FeatureSetOptions) => Featurizer;

/** One feature set: a name, a summary and a factory (the built-in ones are listed in feature-sets.ts). */
export interface FeatureSetEntry {
  /** Name used on the command line and in `featurize(frame, [names])`. */
  readonly name: string;
  /** One line for help texts. */
  readonly summary: string;
  /** True for the sets selected by "all". */
  readonly inAll: boolean;
  readonly create: FeaturizerFactory;
}

/**
 * The params of set `name` from `options.params`, checked against the accepted keys; throws naming an
 * unknown key. Factories use it so typos never pass silently.
 */
export function setParams(
  options: FeatureSetOptions,
  name: string,
  accepted: readonly string[],
): Readonly<Record<string, unknown>> {
  const p = options.params?.[name] ?? {};
  for (const k of Object.keys(p)) {
    if (!accepted.includes(k))
      throw new Error(`feature set "${name}": unknown parameter "${k}" (accepted: ${accepted.join(", ") || "none"})`);
  }
  return p;
}
