import type { NeighborList } from "../neighbors/neighbor-list";
import type { FeatureMatrix } from "../table/feature-matrix";

/** A statistic of the coarse-graining operator. */
export type CoarseGrainStat = "mean" | "min" | "max" | "std" | "sum";

/** The paper's statistics, in its order (Eq. 1 and Figure 1). */
export const MRO_STATS: readonly CoarseGrainStat[] = Object.freeze([
  "mean",
  "min",
  "max",
  "std",
]) as readonly CoarseGrainStat[];

const KNOWN_STATS: readonly CoarseGrainStat[] = ["mean", "min", "max", "std", "sum"];

export interface CoarseGrainOptions {
  /** Statistics per column, in output order. Default mean, min, max, std (population std, ddof 0). */
  readonly stats?: readonly CoarseGrainStat[];
  /** Include the centre atom's own value with its neighbors' values. Default false (paper Eq. 1: n in N(i)). */
  readonly includeCenter?: boolean;
  /** Prefix of the output labels. Default "mro_". */
  readonly prefix?: string;
}

function checkStats(stats: readonly CoarseGrainStat[]): readonly CoarseGrainStat[] {
  if (stats.length === 0) throw new Error("coarse-graining needs at least one statistic");
  for (const s of stats) {
    if (!KNOWN_STATS.includes(s))
      throw new Error(`unknown coarse-graining statistic "${s}" (known: ${KNOWN_STATS.join(", ")})`);
  }
  return stats;
}

/** Labels of the coarse-grained columns: `<prefix><column>_<stat>`, column-major (all stats of a column together). */
export function coarseGrainLabels(columns: readonly string[], options: CoarseGrainOptions = {}): string[] {
  const stats = checkStats(options.stats ?? MRO_STATS);
  const prefix = options.prefix ?? "mro_";
  const out: string[] = [];
  for (const c of columns) for (const s of stats) out.push(`${prefix}${c}_${s}`);
  return out;
}

/**
 * The paper's MRO operator (Wang & Jain 2019, Eq. 1): for each atom i and each selected column F,
 * Stats(F_j for j in N(i)) with N(i) the rows of `neighbors` (the centre's own value joins when includeCenter).
 *
 * A neighbor appearing several times in a row (small periodic cells) counts once per appearance, as a bond would.
 * Non-finite values (NaN from a degenerate SRO cell) are skipped; an atom with no finite value (no neighbors, or
 * all of them NaN) gets NaN in every statistic of that column. std is the population standard deviation (ddof 0);
 * sum of an empty set is NaN too, so "no data" stays distinguishable from a true zero.
 *
 * @param features per-atom input matrix (N x F, frame order)
 * @param neighbors neighbor list over the same N atoms
 * @param columns labels of `features` to coarse-grain (default: all, in order)
 * @returns N x (columns.length * stats.length) matrix with `coarseGrainLabels(columns, options)`
 */
export function coarseGrain(
  features: FeatureMatrix,
  neighbors: NeighborList,
  options: CoarseGrainOptions = {},
  columns: readonly string[] = features.labels,
): FeatureMatrix {
  const stats = checkStats(options.stats ?? MRO_STATS);
  const includeCenter = options.includeCenter ?? false;
  const n = features.n;
  if (neighbors.n !== n)
    throw new Error(`coarse-graining: the neighbor list has ${neighbors.n} rows, the features ${n}`);
  const f = features.labels.length;
  const colIndex = Int32Array.from(columns, (c) => {
    const k = features.labels.indexOf(c);
    if (k < 0) throw new Error(`coarse-graining: no feature "${c}" (features: ${features.labels.join(", ")})`);
    return k;
  });
  const labels = coarseGrainLabels(columns, options);
  const ns = stats.length;
  const width = labels.length;
  const out = new Float64Array(n * width);
  const { offsets, indices } = neighbors;
  const x = features.values;
  const statCode = Int32Array.from(stats, (s) => KNOWN_STATS.indexOf(s));
  const needStd = statCode.includes(3);
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    for (let c = 0; c < colIndex.length; c++) {
      const k = colIndex[c];
      let count = 0;
      let sum = 0;
      let lo = Infinity;
      let hi = -Infinity;
      if (includeCenter) {
        const v = x[i * f + k];
        if (Number.isFinite(v)) {
          count++;
          sum += v;
          lo = v;
          hi = v;
        }
      }
      for (let e = start; e < end; e++) {
        const v = x[indices[e] * f + k];
        if (!Number.isFinite(v)) continue;
        count++;
        sum += v;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      const base = i * width + c * ns;
      if (count === 0) {
        for (let s = 0; s < ns; s++) out[base + s] = NaN;
        continue;
      }
      const mean = sum / count;
      let std = 0;
      if (needStd) {
        // Two-pass population variance (ddof 0), exact for constant inputs.
        let ss = 0;
        if (includeCenter) {
          const v = x[i * f + k];
          if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
        }
        for (let e = start; e < end; e++) {
          const v = x[indices[e] * f + k];
          if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
        }
        std = Math.sqrt(ss / count);
      }
      for (let s = 0; s < ns; s++) {
        switch (statCode[s]) {
          case 0:
            out[base + s] = mean;
            break;
          case 1:
            out[base + s] = lo;
            break;
          case 2:
            out[base + s] = hi;
            break;
          case 3:
            out[base + s] = std;
            break;
          default:
            out[base + s] = sum;
        }
      }
    }
  }
  return { n, labels, values: out };
}
