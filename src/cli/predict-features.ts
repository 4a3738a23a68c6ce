import type { Column } from "../table/csv";
import { makeTable, numericColumn, readCsv, writeCsv } from "../table/csv";
import { modelFeatureLabels, readClassifier } from "../ml/model-io";

/**
 * Quench-in softness from a features CSV: reads a model written by `qsoft train` (or `writeClassifier`), takes
 * the model's feature columns by name from `featuresCsv` (other columns such as id and type are ignored; a
 * missing one is an error naming it), and writes `id,qs` (qs = P(plastic)) to `outPath`, rows in input order.
 * Returns the number of rows written.
 */
export function predictFeaturesCsv(modelPath: string, featuresCsv: string, outPath: string): number {
  const model = readClassifier(modelPath);
  const labels = modelFeatureLabels(model);
  if (labels === null) throw new Error(`${modelPath}: the model was fitted without feature names; cannot pick columns from ${featuresCsv}`);
  const table = readCsv(featuresCsv);
  const ids = table.data.get("id");
  if (ids === undefined) throw new Error(`${featuresCsv}: no "id" column (columns: ${table.columns.join(", ")})`);
  const missing = labels.filter((l) => !table.data.has(l));
  if (missing.length > 0) {
    throw new Error(`${featuresCsv}: missing feature column(s) ${missing.map((m) => `"${m}"`).join(", ")} needed by ${modelPath}`);
  }
  const d = labels.length;
  const n = table.rows;
  const X = new Float64Array(n * d);
  labels.forEach((l, k) => {
    const col = numericColumn(table, l, featuresCsv);
    for (let i = 0; i < n; i++) X[i * d + k] = col[i];
  });
  const qs = model.predictProba({ X, nFeatures: d, featureLabels: labels });
  writeCsv(outPath, makeTable([["id", ids as Column], ["qs", qs]]));
  return n;
}
