import { conditionOf, loadManifest, type ManifestEntry } from "../dataset/manifest";
import { loadSample } from "../dataset/sample";
import type { FeaturizeOptions } from "../features/compute-features";
import { withSpeciesRoles } from "../features/species-roles";
import { hostOf, labeledGlass, type LabeledGlass } from "./training-set";

/** The glasses of one condition (composition and quench rate), split as the paper does. */
export interface ConditionGlasses {
  /** e.g. "Cu65Zr35@1e13". */
  readonly condition: string;
  readonly composition: string;
  readonly quenchRate: number;
  /** Chemical system, the elements joined in manifest order: "Cu-Zr", "Ni-Nb", "Al-Sm", "Fe-P". */
  readonly system: string;
  readonly elements: readonly string[];
  /** Atoms the rows cover: null = all atoms (Cu-Zr), else the host element (paper, Methods). */
  readonly host: string | null;
  /** Training glasses: every glass but the last (the paper: samples 1 and 2), or the only glass. */
  readonly train: LabeledGlass[];
  /** The unseen glass (the paper: sample 3); the training glass itself when the condition has only one. */
  readonly test: LabeledGlass;
  /** True when the condition has a single glass, so `test` is also the training glass (no unseen glass). */
  readonly single: boolean;
}

export interface ConditionGlassesOptions {
  sets: readonly string[];
  featureOptions?: FeaturizeOptions;
  /** Rename species-resolved columns to roles A, B (host first) so models transfer across systems (default true). */
  speciesRoles?: boolean;
  /** Data folder (default: the shipped data/). */
  dataDir?: string;
  /** Spatial blocks per glass for block cross-validation (LabeledGlass.groups); none by default. */
  blocks?: readonly [number, number, number];
}

/** The system name of a manifest entry: "Cu-Zr", "Ni-Nb", ... */
export function systemOf(entry: Pick<ManifestEntry, "elements">): string {
  return entry.elements.join("-");
}

/** The conditions of the manifest in generation order, each with its entries sorted by sample number. */
export function manifestConditions(dataDir?: string): Map<string, ManifestEntry[]> {
  const out = new Map<string, ManifestEntry[]>();
  for (const e of loadManifest(dataDir).samples) {
    const key = conditionOf(e);
    const list = out.get(key) ?? [];
    list.push(e);
    out.set(key, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.sample - b.sample);
  return out;
}

/**
 * Features and plastic labels of every glass of `condition` (e.g. "Ni62Nb38@1e13") from the shipped data, split
 * into training glasses and the unseen one as in the paper (Results, "Mapping plastic atoms"): the last sample is
 * the unseen glass, the others train. Host atoms only for systems other than Cu-Zr. Features come from the disk
 * cache after the first call.
 */
export async function conditionGlasses(condition: string, options: ConditionGlassesOptions): Promise<ConditionGlasses> {
  const entries = manifestConditions(options.dataDir).get(condition);
  if (!entries || entries.length === 0) {
    const known = [...manifestConditions(options.dataDir).keys()].join(", ");
    throw new Error(`no glass of condition ${condition} in the data set (have: ${known})`);
  }
  const first = entries[0];
  const host = hostOf(first);
  const roles = options.speciesRoles ?? true;
  const glasses: LabeledGlass[] = [];
  for (const e of entries) {
    const s = await loadSample(e, { dataDir: options.dataDir });
    const g = await labeledGlass(s, {
      sets: options.sets,
      featureOptions: options.featureOptions,
      host,
      blocks: options.blocks,
    });
    glasses.push(roles ? { ...g, X: withSpeciesRoles(g.X, first.elements) } : g);
  }
  const single = glasses.length === 1;
  return {
    condition,
    composition: first.composition,
    quenchRate: first.quenchRate,
    system: systemOf(first),
    elements: first.elements,
    host,
    train: single ? glasses : glasses.slice(0, -1),
    test: glasses[glasses.length - 1],
    single,
  };
}
