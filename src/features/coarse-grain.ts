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
  // Per atom, each neighbor's row is read once for all columns (row-major rows, columns side by side), with one
  // accumulator per column; each column still sums its values in neighbor order, so the numbers are those of a
  // column-by-column loop.
  const nc = colIndex.length;
  const cnt = new Float64Array(nc);
  const sum = new Float64Array(nc);
  const lo = new Float64Array(nc);
  const hi = new Float64Array(nc);
  const mean = new Float64Array(nc);
  const ss = new Float64Array(nc);
  const add = (row: number) => {
    for (let c = 0; c < nc; c++) {
      const v = x[row + colIndex[c]];
      if (!Number.isFinite(v)) continue;
      cnt[c]++;
      sum[c] += v;
      if (v < lo[c]) lo[c] = v;
      if (v > hi[c]) hi[c] = v;
    }
  };
  const addSquares = (row: number) => {
    for (let c = 0; c < nc; c++) {
      const v = x[row + colIndex[c]];
      if (Number.isFinite(v)) ss[c] += (v - mean[c]) * (v - mean[c]);
    }
  };
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    cnt.fill(0);
    sum.fill(0);
    lo.fill(Infinity);
    hi.fill(-Infinity);
    if (includeCenter) add(i * f);
    for (let e = start; e < end; e++) add(indices[e] * f);
    for (let c = 0; c < nc; c++) mean[c] = sum[c] / cnt[c];
    if (needStd) {
      // Two-pass population variance (ddof 0), exact for constant inputs.
      ss.fill(0);
      if (includeCenter) addSquares(i * f);
      for (let e = start; e < end; e++) addSquares(indices[e] * f);
    }
    for (let c = 0; c < nc; c++) {
      const base = i * width + c * ns;
      if (cnt[c] === 0) {
        for (let s = 0; s < ns; s++) out[base + s] = NaN;
        continue;
      }
      const std = needStd ? Math.sqrt(ss[c] / cnt[c]) : 0;
      for (let s = 0; s < ns; s++) {
        switch (statCode[s]) {
          case 0:
            out[base + s] = mean[c];
            break;
          case 1:
            out[base + s] = lo[c];
            break;
          case 2:
            out[base + s] = hi[c];
            break;
          case 3:
            out[base + s] = std;
            break;
          default:
            out[base + s] = sum[c];
        }
      }
    }
  }
  return { n, labels, values: out };
}
