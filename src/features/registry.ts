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

/** One registered feature set. */
export interface FeatureSetEntry {
  /** Name used on the command line and in `featurize(frame, [names])`. */
  readonly name: string;
  /** One line for help texts. */
  readonly summary: string;
  /** True for the sets selected by "all". */
  readonly inAll: boolean;
  readonly create: FeaturizerFactory;
}

const registry = new Map<string, FeatureSetEntry>();

/**
 * Adds a feature set (built-in sets register themselves from src/features/sets.ts; users may add theirs).
 * Registering an existing name is refused unless `replace` is true.
 */
export function registerFeatureSet(entry: FeatureSetEntry, replace = false): void {
  if (!/^[a-z][a-z0-9_-]*$/.test(entry.name)) throw new Error(`feature set name "${entry.name}" must be lower-case letters, digits, - or _`);
  if (registry.has(entry.name) && !replace) throw new Error(`feature set "${entry.name}" is already registered`);
  registry.set(entry.name, entry);
}

/** Every registered set, in registration order. */
export function featureSets(): FeatureSetEntry[] {
  return [...registry.values()];
}

/** The registered set `name`; throws listing the known names. */
export function featureSet(name: string): FeatureSetEntry {
  const e = registry.get(name);
  if (e === undefined) throw new Error(`unknown feature set "${name}" (known: ${[...registry.keys()].join(", ")})`);
  return e;
}

/**
 * Expands a list of set names: "all" becomes every set marked inAll, duplicates are dropped, order is kept.
 * Throws on an unknown name.
 */
export function resolveFeatureSets(names: readonly string[]): FeatureSetEntry[] {
  const out: FeatureSetEntry[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const entries = name === "all" ? featureSets().filter((e) => e.inAll) : [featureSet(name)];
    for (const e of entries) {
      if (!seen.has(e.name)) {
        seen.add(e.name);
        out.push(e);
      }
    }
  }
  return out;
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
