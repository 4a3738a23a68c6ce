import type { Featurizer } from "./featurizer";

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
  /** Set-specific parameters by set name, e.g. `{ boop: { l: [4, 6] } }`. */
  readonly params?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
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
export function setParams(options: FeatureSetOptions, name: string, accepted: readonly string[]): Readonly<Record<string, unknown>> {
  const p = options.params?.[name] ?? {};
  for (const k of Object.keys(p)) {
    if (!accepted.includes(k)) throw new Error(`feature set "${name}": unknown parameter "${k}" (accepted: ${accepted.join(", ") || "none"})`);
  }
  return p;
}
