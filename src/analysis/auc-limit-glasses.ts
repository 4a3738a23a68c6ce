import { loadManifest, rateTag } from "../dataset/manifest";
import { loadSample } from "../dataset/sample";
import type { FeaturizeOptions } from "../features/compute-features";
import { spatialBlocks } from "../geometry/spatial-blocks";
import { plasticLabels } from "../labels/plastic";
import { labeledGlass, type LabeledGlass } from "../softness/training-set";

/** One glass of a composition for the AUC-limit studies: its rows, labels, and where each atom sits. */
export interface LimitGlass extends LabeledGlass {
  /** Sample number within its (rate, size) group. */
  readonly sample: number;
  readonly quenchRate: number;
  /** Atoms in the simulation cell (before any subset). */
  readonly cellAtoms: number;
  /** Octant of each row: the cell cut 2 x 2 x 2 along its edges (`spatialBlocks`), id (bx * 2 + by) * 2 + bz. */
  readonly octants: Int32Array;
}

/** The glasses of one composition made at one quench rate with one cell size, sorted by sample number. */
export interface GlassGroup {
  /** e.g. "Cu65Zr35@1e13, 8000 atoms". */
  readonly key: string;
  readonly composition: string;
  readonly quenchRate: number;
  /** Atoms per cell. */
  readonly atoms: number;
  readonly glasses: LimitGlass[];
}

/** Options of `compositionGlassGroups`: feature sets and options, data folder, CV blocks. */
export interface GlassGroupOptions {
  sets: readonly string[];
  featureOptions?: FeaturizeOptions;
  dataDir?: string;
  /** Spatial blocks per glass for block cross-validation (the rows' `groups`); default 3 x 3 x 3. */
  blocks?: readonly [number, number, number];
}

/** "Cu65Zr35@1e13, 8000 atoms". */
export function glassGroupKey(composition: string, quenchRate: number, atoms: number): string {
  return `${composition}@${rateTag(quenchRate)}, ${atoms} atoms`;
}

/**
 * Every glass of `composition` in the manifest, grouped by quench rate and cell size (a 32,000-atom glass is not
 * a fourth sample of the 8,000-atom condition), groups ordered by rate (slowest first) then size. Features come
 * from the feature cache; labels are the paper's D2min(4 %) > 5 A^2, for all atoms (the Cu-Zr rule).
 */
export async function compositionGlassGroups(composition: string, options: GlassGroupOptions): Promise<GlassGroup[]> {
  const entries = loadManifest(options.dataDir).samples.filter((e) => e.composition === composition);
  if (entries.length === 0) throw new Error(`no glass of composition ${composition} in the data set`);
  const byKey = new Map<string, LimitGlass[]>();
  for (const e of [...entries].sort((a, b) => a.sample - b.sample)) {
    const s = await loadSample(e, { dataDir: options.dataDir });
    const g = await labeledGlass(s, {
      sets: options.sets,
      featureOptions: options.featureOptions,
      host: null,
      blocks: options.blocks ?? [3, 3, 3],
    });
    const oct = spatialBlocks(s.quenched, [2, 2, 2]);
    const key = glassGroupKey(composition, e.quenchRate, e.atoms);
    const list = byKey.get(key) ?? [];
    list.push({
      ...g,
      sample: e.sample,
      quenchRate: e.quenchRate,
      cellAtoms: e.atoms,
      octants: Int32Array.from(g.rows, (i) => oct[i]),
    });
    byKey.set(key, list);
  }
  const groups = [...byKey.entries()].map(([key, glasses]) => ({
    key,
    composition,
    quenchRate: glasses[0].quenchRate,
    atoms: glasses[0].cellAtoms,
    glasses,
  }));
  return groups.sort((a, b) => a.quenchRate - b.quenchRate || a.atoms - b.atoms);
}

/** The glass restricted to rows `keep` (indices into its rows, ascending); every per-row array follows. */
export function subsetGlass(g: LimitGlass, keep: ArrayLike<number>, name: string = g.name): LimitGlass {
  const nf = g.X.labels.length;
  const values = new Float64Array(keep.length * nf);
  for (let r = 0; r < keep.length; r++) values.set(g.X.values.subarray(keep[r] * nf, (keep[r] + 1) * nf), r * nf);
  const pick = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
    const out = make(keep.length);
    for (let r = 0; r < keep.length; r++) out[r] = a[keep[r]];
    return out;
  };
  return {
    ...g,
    name,
    X: { n: keep.length, labels: g.X.labels, values },
    y: pick(g.y, (n) => new Uint8Array(n)),
    d2min: pick(g.d2min, (n) => new Float64Array(n)),
    ids: pick(g.ids, (n) => new Int32Array(n)),
    types: pick(g.types, (n) => new Int32Array(n)),
    rows: pick(g.rows, (n) => new Int32Array(n)),
    octants: pick(g.octants, (n) => new Int32Array(n)),
    ...(g.groups ? { groups: pick(g.groups, (n) => new Int32Array(n)) } : {}),
  };
}

/**
 * The order in which octants are taken for a contiguous part of a cell: the first 4 are the lower half along
 * the third edge (bz = 0), the first 2 a quarter slab, the first 1 an octant.
 */
export const OCTANT_ORDER: readonly number[] = Object.freeze([0, 2, 4, 6, 1, 3, 5, 7]);

/**
 * The rows of `count` octants of the glass (a contiguous part of the cell, 1 <= count <= 8), the `draw`-th
 * disjoint choice: octants OCTANT_ORDER[(draw * count + k) mod 8] for k < count. count 8 is the whole glass.
 */
export function octantPart(g: LimitGlass, count: number, draw = 0): LimitGlass {
  if (!Number.isInteger(count) || count < 1 || count > 8)
    throw new Error(`octantPart: count must be an integer in 1..8, got ${count}`);
  if (count === 8) return g;
  const chosen = new Set<number>();
  for (let k = 0; k < count; k++) chosen.add(OCTANT_ORDER[(draw * count + k) % 8]);
  const keep: number[] = [];
  for (let r = 0; r < g.octants.length; r++) if (chosen.has(g.octants[r])) keep.push(r);
  return subsetGlass(g, keep, `${g.name}[${[...chosen].sort((a, b) => a - b).join(",")}]`);
}

/** The glass with plastic labels re-drawn at another D2min threshold (A^2): 1 where d2min > threshold. */
export function relabelGlass(g: LimitGlass, threshold: number): LimitGlass {
  return { ...g, y: plasticLabels(g.d2min, threshold) };
}
