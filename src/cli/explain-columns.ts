import type { Explanation } from "../ml/inspection/tree-shap";
import { topContributions } from "../ml/inspection/top-contributions";
import type { Column } from "../table/csv";
import type { FeatureMatrix } from "../table/feature-matrix";

/** The name a column index of the explanation has (its feature label, or `x<k>` for a model without names). */
function featureName(e: Explanation, k: number): string {
  return e.featureLabels?.[k] ?? `x${k}`;
}

/**
 * The ranked contributions of each row with the value of each ranked feature: `features` holds the rows of the
 * explanation (same count, same order) with the model's columns among its labels, found by name.
 */
function rankedWithValues(e: Explanation, k: number, features: FeatureMatrix) {
  if (features.n !== e.nSamples)
    throw new Error(`explain: ${features.n} feature rows for an explanation of ${e.nSamples} rows`);
  const column = Array.from({ length: e.nFeatures }, (_, f) => {
    const c = features.labels.indexOf(featureName(e, f));
    if (c < 0) throw new Error(`explain: the features have no column "${featureName(e, f)}"`);
    return c;
  });
  const top = topContributions(e, k);
  const stride = features.labels.length;
  const featureValue = (i: number, f: number): number => (f < 0 ? Number.NaN : features.values[i * stride + column[f]]);
  return { top, featureValue };
}

/**
 * CSV columns of `qsoft predict --explain K`, for j = 1..K: explain_j_name, explain_j_contribution (to the atom's
 * log-odds, TreeSHAP) and explain_j_feature_value (the atom's value of that feature), the features with the j-th
 * largest |contribution| (empty name and NaN for atoms without a prediction).
 */
export function explainCsvColumns(e: Explanation, k: number, features: FeatureMatrix): [string, Column][] {
  const { top, featureValue } = rankedWithValues(e, k, features);
  const out: [string, Column][] = [];
  for (let j = 0; j < top.k; j++) {
    const names: string[] = new Array(top.nSamples);
    const contributions = new Float64Array(top.nSamples);
    const values = new Float64Array(top.nSamples);
    for (let i = 0; i < top.nSamples; i++) {
      const f = top.feature[i * top.k + j];
      names[i] = f < 0 ? "" : featureName(e, f);
      contributions[i] = top.value[i * top.k + j];
      values[i] = featureValue(i, f);
    }
    out.push(
      [`explain_${j + 1}_name`, names],
      [`explain_${j + 1}_contribution`, contributions],
      [`explain_${j + 1}_feature_value`, values],
    );
  }
  return out;
}

/**
 * Dump columns of `qsoft predict --explain K` (dump columns are numbers): explain_j_feature is the 0-based index
 * of the feature in the model's feature list (-1 for atoms without a prediction, whose contribution and feature
 * value are 0), explain_j_contribution and explain_j_feature_value as in the CSV, with `legend` naming the
 * indices that occur.
 */
export function explainDumpColumns(
  e: Explanation,
  k: number,
  features: FeatureMatrix,
): { columns: Record<string, Float64Array>; legend: string } {
  const { top, featureValue } = rankedWithValues(e, k, features);
  const columns: Record<string, Float64Array> = {};
  const used = new Set<number>();
  for (let j = 0; j < top.k; j++) {
    const feature = new Float64Array(top.nSamples);
    const contributions = new Float64Array(top.nSamples);
    const values = new Float64Array(top.nSamples);
    for (let i = 0; i < top.nSamples; i++) {
      const f = top.feature[i * top.k + j];
      feature[i] = f;
      contributions[i] = f < 0 ? 0 : top.value[i * top.k + j];
      values[i] = f < 0 ? 0 : featureValue(i, f);
      if (f >= 0) used.add(f);
    }
    columns[`explain_${j + 1}_feature`] = feature;
    columns[`explain_${j + 1}_contribution`] = contributions;
    columns[`explain_${j + 1}_feature_value`] = values;
  }
  const legend = Array.from(used)
    .sort((a, b) => a - b)
    .map((f) => `${f} = ${featureName(e, f)}`)
    .join(", ");
  return { columns, legend };
}
