import { makeTable, numericColumn } from "../table/csv";
import { readTable, writeTable } from "../table/table-file";
import type { BinaryClassifier } from "../ml/classifier";
import { modelFeatureLabels, readClassifier } from "../ml/model-io";
import { isExplainable } from "../ml/inspection/tree-shap";
import { explainCsvColumns } from "./explain-columns";
import { nanRows } from "./nan-rows";

/**
 * Quench-in softness from a features CSV: takes the model's feature columns by name from `featuresCsv` (other
 * columns such as id and type are ignored; a missing one is an error naming it), and writes `id,qs`
 * (qs = P(plastic)) to `outPath`, rows in input order. `model` is a model file written by `qsoft train` (or
 * `writeClassifier`), or a loaded model with the name to use in messages. Atoms with NaN features are an error
 * naming them, or with `dropNan` are left out. With `explain` K > 0 also writes the K largest feature
 * contributions of each row (see explainCsvColumns). Reads and writes CSV or Parquet (by extension). Resolves to the number of rows written.
 */
export async function predictFeaturesCsv(
  model: string | { model: BinaryClassifier; name: string },
  featuresCsv: string,
  outPath: string,
  options: { dropNan?: boolean; explain?: number } = {},
): Promise<number> {
  const modelName = typeof model === "string" ? model : model.name;
  const classifier = typeof model === "string" ? readClassifier(model) : model.model;
  const labels = modelFeatureLabels(classifier);
  const explain = options.explain ?? 0;
  if (explain > 0 && !isExplainable(classifier))
    throw new Error(
      `${modelName}: the model cannot explain its predictions (--explain needs a GBDT or an ensemble of them)`,
    );
  if (labels === null)
    throw new Error(
      `${modelName}: the model was fitted without feature names; cannot pick columns from ${featuresCsv}`,
    );
  const table = await readTable(featuresCsv);
  const ids = table.data.get("id");
  if (ids === undefined) throw new Error(`${featuresCsv}: no "id" column (columns: ${table.columns.join(", ")})`);
  const missing = labels.filter((l) => !table.data.has(l));
  if (missing.length > 0) {
    throw new Error(
      `${featuresCsv}: missing feature column(s) ${missing.map((m) => `"${m}"`).join(", ")} needed by ${modelName}`,
    );
  }
  const cols = labels.map((l) => numericColumn(table, l, featuresCsv));
  const idNumbers = numericColumn(table, "id", featuresCsv);
  const nan = nanRows(featuresCsv, labels, cols, idNumbers);
  if (nan.rows.length > 0 && !options.dropNan) throw new Error(nan.message);
  const dropped = new Set(nan.rows);
  const keep: number[] = [];
  for (let i = 0; i < table.rows; i++) if (!dropped.has(i)) keep.push(i);
  const d = labels.length;
  const X = new Float64Array(keep.length * d);
  keep.forEach((i, r) => {
    for (let k = 0; k < d; k++) X[r * d + k] = cols[k][i];
  });
  const qs =
    keep.length > 0 ? classifier.predictProba({ X, nFeatures: d, featureLabels: labels }) : new Float64Array(0);
  const explained =
    explain > 0 && keep.length > 0 && isExplainable(classifier)
      ? explainCsvColumns(classifier.explain({ X, nFeatures: d, featureLabels: labels }), explain, {
          n: keep.length,
          labels,
          values: X,
        })
      : [];
  writeTable(outPath, makeTable([["id", Float64Array.from(keep, (i) => idNumbers[i])], ["qs", qs], ...explained]));
  return keep.length;
}
