import type { FeatureSetEntry } from "./feature-set";
import { INTERSTICE_SETS } from "./interstice-sets";
import { LITERATURE_SETS } from "./literature-sets";

/**
 * Every built-in feature set, in the order "all" lists them: the paper's interstice sets (interstice-sets.ts), then
 * the literature sets it compares against (literature-sets.ts). This list alone decides which sets exist; a user's
 * own set joins through `registerFeatureSet`, an explicit call.
 */
export const FEATURE_SETS: readonly FeatureSetEntry[] = Object.freeze([...INTERSTICE_SETS, ...LITERATURE_SETS]);

const added = new Map<string, FeatureSetEntry>();

/**
 * Adds a user's feature set after the built-in ones. A name already taken (built-in or added) is refused unless
 * `replace` is true; a built-in set cannot be replaced.
 */
export function registerFeatureSet(entry: FeatureSetEntry, replace = false): void {
  if (!/^[a-z][a-z0-9_-]*$/.test(entry.name))
    throw new Error(`feature set name "${entry.name}" must be lower-case letters, digits, - or _`);
  if (FEATURE_SETS.some((e) => e.name === entry.name))
    throw new Error(`feature set "${entry.name}" is already registered as a built-in set and cannot be replaced`);
  if (added.has(entry.name) && !replace) throw new Error(`feature set "${entry.name}" is already registered`);
  added.set(entry.name, entry);
}

/** Every feature set: the built-in list, then the sets added with `registerFeatureSet`. */
export function featureSets(): FeatureSetEntry[] {
  return [...FEATURE_SETS, ...added.values()];
}

/** The set `name`; throws listing the known names. */
export function featureSet(name: string): FeatureSetEntry {
  const e = FEATURE_SETS.find((s) => s.name === name) ?? added.get(name);
  if (e === undefined)
    throw new Error(
      `unknown feature set "${name}" (known: ${featureSets()
        .map((s) => s.name)
        .join(", ")})`,
    );
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
