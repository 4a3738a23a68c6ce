import type { Explanation } from "../ml/inspection/tree-shap";
import { topContributions } from "../ml/inspection/top-contributions";
import type { Column } from "../table/csv";

/** The name a column index of the explanation has (its feature label, or `x<k>` for a model without names). */
function featureName(e: Explanation, k: number): string {
  return e.featureLabels?.[k] ?? `x${k}`;
}

/**
 * CSV columns of `qsoft predict --explain K`: explain_j_name and explain_j_value for j = 1..K, the features with
 * the j-th largest |contribution| to the atom's log-odds (empty name and NaN for atoms without a prediction).
 */
export function explainCsvColumns(e: Explanation, k: number): [string, Column][] {
  const top = topContributions(e, k);
  const out: [string, Column][] = [];
  for (let j = 0; j < top.k; j++) {
    const names: string[] = new Array(top.nSamples);
    const values = new Float64Array(top.nSamples);
    for (let i = 0; i < top.nSamples; i++) {
      const f = top.feature[i * top.k + j];
      names[i] = f < 0 ? "" : featureName(e, f);
      values[i] = top.value[i * top.k + j];
    }
    out.push([`explain_${j + 1}_name`, names], [`explain_${j + 1}_value`, values]);
  }
  return out;
}

/**
 * Dump columns of `qsoft predict --explain K` (dump columns are numbers): explain_j_feature is the 0-based index
 * of the feature in the model's feature list (-1 for atoms without a prediction, whose explain_j_value is 0),
 * with `legend` naming the indices that occur.
 */
export function explainDumpColumns(
  e: Explanation,
  k: number,
): { columns: Record<string, Float64Array>; legend: string } {
  const top = topContributions(e, k);
  const columns: Record<string, Float64Array> = {};
  const used = new Set<number>();
  for (let j = 0; j < top.k; j++) {
    const feature = new Float64Array(top.nSamples);
    const values = new Float64Array(top.nSamples);
    for (let i = 0; i < top.nSamples; i++) {
      const f = top.feature[i * top.k + j];
      feature[i] = f;
      values[i] = f < 0 ? 0 : top.value[i * top.k + j];
      if (f >= 0) used.add(f);
    }
    columns[`explain_${j + 1}_feature`] = feature;
    columns[`explain_${j + 1}_value`] = values;
  }
  const legend = Array.from(used)
    .sort((a, b) => a - b)
    .map((f) => `${f} = ${featureName(e, f)}`)
    .join(", ");
  return { columns, legend };
}
