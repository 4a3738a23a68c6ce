import { toBinaryLabels } from "../binary-labels";
import type { ImportanceClassifier, LabelInput } from "../classifier";
import type { MatrixInput } from "../design-matrix";
import { takeColumns, toDesignMatrix } from "../design-matrix";

export interface RfeResult {
  /** support[k] = feature k is selected. */
  readonly support: boolean[];
  /** 1 for selected features; larger = eliminated earlier (scikit-learn's ranking_). */
  readonly ranking: Int32Array;
  /** Selected feature indices (increasing) and labels. */
  readonly selected: number[];
  readonly selectedLabels: string[] | null;
  /** A clone of the estimator fitted on the selected features. */
  readonly estimator: ImportanceClassifier;
}

/**
 * Recursive feature elimination with scikit-learn's RFE semantics (sklearn/feature_selection/_rfe.py): fit a
 * clone on the remaining features, remove the `step` features of lowest importance (never going below the
 * target), repeat; finally refit on the selection. `nFeaturesToSelect` is a count or a fraction of the features
 * (default half); `step` a count or a fraction (of the original number, at least 1). Equal importances are
 * removed lowest index first (a stable sort; scikit-learn's argsort is not stable).
 */
export function recursiveFeatureElimination(
  estimator: ImportanceClassifier,
  X: MatrixInput,
  y: LabelInput,
  options: { nFeaturesToSelect?: number; step?: number } = {},
): RfeResult {
  const m = toDesignMatrix(X);
  const labels = toBinaryLabels(y, m.nSamples);
  const d = m.nFeatures;
  const nfs = options.nFeaturesToSelect ?? Math.floor(d / 2);
  const target = Number.isInteger(nfs) ? nfs : Math.floor(d * nfs);
  if (!(target >= 1 && target <= d)) throw new Error(`nFeaturesToSelect=${nfs} must give between 1 and ${d} features`);
  const stepOpt = options.step ?? 1;
  const step = stepOpt > 0 && stepOpt < 1 ? Math.floor(Math.max(1, stepOpt * d)) : stepOpt;
  if (!Number.isInteger(step) || step < 1)
    throw new Error(`step=${stepOpt} must be an integer >= 1 or a fraction in (0, 1)`);
  const support = new Array<boolean>(d).fill(true);
  const ranking = new Int32Array(d).fill(1);
  let remaining = d;
  while (remaining > target) {
    const features = support.flatMap((s, k) => (s ? [k] : []));
    const model = estimator.clone() as ImportanceClassifier;
    model.fit(takeColumns(m, features), labels);
    const imp = model.featureImportances();
    const order = features.map((_, j) => j).sort((a, b) => imp[a] - imp[b] || a - b);
    const cut = Math.min(step, remaining - target);
    for (let j = 0; j < cut; j++) support[features[order[j]]] = false;
    remaining -= cut;
    for (let k = 0; k < d; k++) if (!support[k]) ranking[k]++;
  }
  const selected = support.flatMap((s, k) => (s ? [k] : []));
  const final = estimator.clone() as ImportanceClassifier;
  final.fit(takeColumns(m, selected), labels);
  return {
    support,
    ranking,
    selected,
    selectedLabels: m.featureLabels ? selected.map((k) => (m.featureLabels as string[])[k]) : null,
    estimator: final,
  };
}
