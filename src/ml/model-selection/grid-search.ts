import type { BinaryClassifier, LabelInput } from "../classifier";
import type { MatrixInput } from "../design-matrix";
import { toDesignMatrix } from "../design-matrix";
import { toBinaryLabels } from "../binary-labels";
import type { CrossValidateOptions } from "./cross-validate";
import { crossValidate } from "./cross-validate";

/** Candidate values per parameter. */
export type ParamGrid<P> = { [K in keyof P]?: readonly P[K][] };

export interface GridSearchEntry<P> {
  readonly params: Partial<P>;
  readonly meanAuc: number;
  readonly stdAuc: number;
  readonly foldAuc: number[];
}

export interface GridSearchResult<P> {
  /** Every combination, in grid order (the last key varies fastest). */
  readonly results: GridSearchEntry<P>[];
  readonly bestIndex: number;
  readonly bestParams: Partial<P>;
  readonly bestScore: number;
}

/** All combinations of a grid: keys in the given order, the last varying fastest. */
export function parameterCombinations<P>(grid: ParamGrid<P>): Partial<P>[] {
  let out: Partial<P>[] = [{}];
  for (const key of Object.keys(grid) as (keyof P)[]) {
    const values = grid[key];
    if (!values || values.length === 0) throw new Error(`grid: no values for "${String(key)}"`);
    const next: Partial<P>[] = [];
    for (const base of out) for (const v of values) next.push({ ...base, [key]: v } as Partial<P>);
    out = next;
  }
  return out;
}

/**
 * Exhaustive search over `grid` scored by the mean cross-validated ROC AUC (scikit-learn's GridSearchCV with
 * scoring "roc_auc", refit off). `make(params)` builds an unfitted classifier for one combination, e.g.
 * `(p) => new GradientBoostingClassifier({ ...PAPER_GBDT_PARAMS, ...p })`. The first best combination wins ties.
 */
export function gridSearch<P>(
  make: (params: Partial<P>) => BinaryClassifier,
  grid: ParamGrid<P>,
  X: MatrixInput,
  y: LabelInput,
  options: CrossValidateOptions = {},
): GridSearchResult<P> {
  const m = toDesignMatrix(X);
  const labels = toBinaryLabels(y, m.nSamples);
  const results: GridSearchEntry<P>[] = parameterCombinations(grid).map((params) => {
    const cv = crossValidate(make(params), m, labels, options);
    return { params, meanAuc: cv.mean.auc, stdAuc: cv.std.auc, foldAuc: cv.folds.map((f) => f.auc) };
  });
  let bestIndex = 0;
  results.forEach((r, k) => {
    if (r.meanAuc > results[bestIndex].meanAuc) bestIndex = k;
  });
  return { results, bestIndex, bestParams: results[bestIndex].params, bestScore: results[bestIndex].meanAuc };
}
