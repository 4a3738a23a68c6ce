import * as path from "node:path";
import type { AveragingClassifier } from "../ml/averaging-classifier";
import type { GradientBoostingParams } from "../ml/gbdt-params";
import { loadClassifier } from "../ml/model-io";
import { PAPER_CV_FOLDS } from "../ml/paper-protocol";
import { WorkerThreads } from "../parallel/worker-pool";
import {
  checkGroups,
  type ColumnGroup,
  commonRows,
  type ComparisonGlass,
  compareFeatureSets,
  type FeatureGroupScore,
  type FeatureSetComparison,
  type FeatureSetComparisonOptions,
  sameIndices,
  selectRows,
} from "./feature-set-comparison";

/*
 * The feature-set comparison (feature-set-comparison.ts) with the groups spread over worker threads: each group is
 * an independent fit on the same common rows, seed and splits.
 */

/** What a worker receives: the glasses already restricted to the common rows (so every group sees the same rows). */
interface WorkerInput {
  glasses: { name: string; n: number; labels: string[]; values: Float64Array; y: Uint8Array }[];
  nTrain: number;
  groups: ColumnGroup[];
  randomState: number;
  nSplits: number;
  params?: Partial<GradientBoostingParams>;
  /** Group indices in the order they are handed out (largest first). */
  dispatch: Int32Array;
  /** [next position in `dispatch`], shared by all workers (Atomics.add hands each group to one worker). */
  next: Int32Array;
}

interface WorkerScore {
  index: number;
  score: Omit<FeatureGroupScore, "model"> & { model: object };
  trainIndices: Int32Array;
  nTrainRows: number;
}

/**
 * Worker-thread handler of `compareFeatureSetsParallel` (run through parallel/worker-pool, not for direct use):
 * takes groups from the shared counter until none is left and posts each group's score.
 */
export function comparisonWorker(input: WorkerInput, post: (message: unknown) => void): void {
  const glasses: ComparisonGlass[] = input.glasses.map((g) => ({
    name: g.name,
    X: { n: g.n, labels: g.labels, values: g.values },
    y: g.y,
  }));
  for (let k = Atomics.add(input.next, 0, 1); k < input.dispatch.length; k = Atomics.add(input.next, 0, 1)) {
    const index = input.dispatch[k];
    const b = compareFeatureSets({
      train: glasses.slice(0, input.nTrain),
      test: glasses.length > input.nTrain ? glasses[input.nTrain] : null,
      groups: [input.groups[index]],
      randomState: input.randomState,
      nSplits: input.nSplits,
      params: input.params,
    });
    const s = b.scores[0];
    const out: WorkerScore = {
      index,
      score: { ...s, model: s.model.toJSON() },
      trainIndices: b.trainIndices,
      nTrainRows: b.nTrainRows,
    };
    post(out);
  }
}

/** Float64Array copy in shared memory (handed to every worker without copying). */
function shared(values: Float64Array): Float64Array {
  const out = new Float64Array(new SharedArrayBuffer(values.byteLength));
  out.set(values);
  return out;
}

/**
 * `compareFeatureSets` with the groups spread over `threads` worker threads (default 2), the groups with most
 * columns first: the same common rows, seed and splits, hence exactly the same scores and models (in the groups'
 * order), in about 1/threads of the time on idle cores.
 * `threads` <= 1 runs on the calling thread.
 */
export async function compareFeatureSetsParallel(
  options: FeatureSetComparisonOptions & { threads?: number },
): Promise<FeatureSetComparison> {
  const { train, groups, randomState = 0, nSplits = PAPER_CV_FOLDS, params } = options;
  const test = options.test ?? null;
  const threads = Math.min(options.threads ?? 2, groups.length);
  if (!(threads > 1)) return compareFeatureSets(options);
  if (train.length === 0) throw new Error("compareFeatureSets: no training glass");
  checkGroups(groups);
  const all = [...train, ...(test ? [test] : [])];
  const rows = all.map((g) => commonRows(g, groups));
  const columns: string[] = [];
  for (const g of groups) for (const c of g.columns) if (!columns.includes(c)) columns.push(c);
  // Largest groups first (a fit costs about a + b x columns): no thread is left alone with a big group at the end.
  const dispatch = groups.map((_, k) => k).sort((a, b) => groups[b].columns.length - groups[a].columns.length || a - b);
  const input: WorkerInput = {
    dispatch: Int32Array.from(dispatch),
    next: new Int32Array(new SharedArrayBuffer(4)),
    glasses: all.map((g, k) => {
      const m = selectRows(g.X, rows[k].kept, columns);
      return {
        name: g.name,
        n: m.n,
        labels: m.labels,
        values: shared(m.values),
        y: Uint8Array.from(rows[k].kept, (i) => g.y[i]),
      };
    }),
    nTrain: train.length,
    groups: groups.map((g) => ({ name: g.name, label: g.label, columns: [...g.columns] })),
    randomState,
    nSplits,
    params,
  };
  const results = new Array<WorkerScore | undefined>(groups.length);
  const models = new Array<AveragingClassifier | undefined>(groups.length);
  const workers = WorkerThreads.start(
    { module: path.join(__dirname, "feature-set-comparison-parallel"), handler: "comparisonWorker" },
    new Array(threads).fill(input),
    "qsoft feature-set comparison",
  );
  await workers.run((message) => {
    const r = message as WorkerScore;
    results[r.index] = r;
    const model = loadClassifier(r.score.model) as AveragingClassifier;
    models[r.index] = model;
    options.onGroup?.({ ...r.score, model }, r.index);
  });
  if (results.some((r) => r === undefined))
    throw new Error("compareFeatureSetsParallel: the worker threads ended before every group was scored");
  const done = results as WorkerScore[];
  for (const r of done) {
    if (!sameIndices(r.trainIndices, done[0].trainIndices)) {
      throw new Error(
        `compareFeatureSets: group "${groups[r.index].name}" was undersampled differently from "${groups[0].name}"`,
      );
    }
  }
  return {
    train: train.map((g) => g.name),
    test: test ? test.name : null,
    randomState,
    nSplits,
    glasses: rows,
    nTrainRows: done[0].nTrainRows,
    trainIndices: done[0].trainIndices,
    scores: done.map((r, k) => ({ ...r.score, model: models[k] as AveragingClassifier })),
  };
}
