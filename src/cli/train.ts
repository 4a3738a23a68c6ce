import * as fs from "node:fs";
import { checkOutputPath } from "../files/atomic-write";
import { readCsv, numericColumn } from "../table/csv";
import type { Table } from "../table/csv";
import { AveragingClassifier } from "../ml/averaging-classifier";
import type { GradientBoostingParams } from "../ml/gbdt-params";
import { DEFAULT_GBDT_PARAMS, PAPER_GBDT_PARAMS, resolveGbdtParams } from "../ml/gbdt-params";
import { GradientBoostingClassifier } from "../ml/gradient-boosting-classifier";
import { writeClassifier } from "../ml/model-io";
import { crossValidate } from "../ml/model-selection/cross-validate";
import { StratifiedKFold } from "../ml/model-selection/stratified-kfold";
import { randomUndersample } from "../ml/sampling/undersample";
import { PAPER_CV_FOLDS } from "../ml/paper-protocol";
import { Random } from "../ml/random";
import { PLASTIC_THRESHOLD, resolvePlasticThreshold } from "../labels/plastic";
import { intOption, numberOption, parseArgs, parseList } from "./args";
import type { Command } from "./command";
import { nanRows } from "./nan-rows";
import { asUsage, UsageError } from "./command";

const USAGE = `usage: qsoft train --features FEATURES.csv --labels LABELS.csv --out MODEL.json [options]

Trains the quench-in softness classifier (Wang & Jain: gradient-boosted trees, max_depth 2, 300 trees,
max_features "sqrt", learning rate 0.1, min_samples_leaf 0.001) and prints its cross-validated scores.

  --features FILE       per-atom features (qsoft featurize output): an "id" column and feature columns
  --labels FILE         per-atom labels: an "id" column and the label column (rows joined on id)
  --label-column NAME   column of LABELS.csv (default d2min); an atom is plastic when it is > threshold
  --threshold X         plasticity threshold on the label column (default ${PLASTIC_THRESHOLD}, the paper's D2min = 5 A^2)
  --exclude A,B         feature-file columns that are not features (default: type; id is never a feature);
                        a name that is not a column is an error
  --drop-nan            leave out atoms with NaN features (default: an error naming them)
  --params k=v,...      GBDT parameters over the paper's, e.g. nEstimators=100,maxDepth=3,mode=exact
  --undersample         randomly undersample the majority class to the minority's size before CV and fit
                        (the default: the paper's protocol)
  --no-undersample      train on all atoms
  --folds K             stratified CV folds, shuffled (default ${PAPER_CV_FOLDS})
  --seed N              seed of undersampling, fold shuffle and the model (default 0)
  --fold-models         save the average of the K fold models (the paper's protocol) instead of a refit
  --out FILE            model JSON (loadable by qsoft predict and loadClassifier)`;

/** Parses "k=v,k=v" GBDT parameters: numbers, null, or words ("sqrt", "hist"); unknown names are refused. */
export function parseGbdtParams(text: string | undefined): Partial<GradientBoostingParams> {
  const out: Record<string, unknown> = {};
  for (const item of parseList(text) ?? []) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new UsageError(`--params: expected name=value, got "${item}"`);
    const key = item.slice(0, eq).trim();
    const raw = item.slice(eq + 1).trim();
    if (!(key in DEFAULT_GBDT_PARAMS)) {
      throw new UsageError(
        `--params: unknown parameter "${key}" (valid: ${Object.keys(DEFAULT_GBDT_PARAMS).join(", ")})`,
      );
    }
    const num = Number(raw);
    out[key] = raw === "null" ? null : raw !== "" && Number.isFinite(num) ? num : raw;
  }
  return out as Partial<GradientBoostingParams>;
}

/** Rows of the features table joined to plastic labels on "id". */
function joinLabels(
  features: Table,
  featuresFile: string,
  labels: Table,
  labelsFile: string,
  labelColumn: string,
  threshold: number,
): { rows: number[]; y: Uint8Array; dropped: number } {
  const fid = numericColumn(features, "id", featuresFile);
  const lid = numericColumn(labels, "id", labelsFile);
  const value = numericColumn(labels, labelColumn, labelsFile);
  const byId = new Map<number, number>();
  lid.forEach((id, r) => {
    if (byId.has(id)) throw new Error(`${labelsFile}:${r + 2}: duplicate id ${id}`);
    byId.set(id, r);
  });
  const seen = new Set<number>();
  const rows: number[] = [];
  const y: number[] = [];
  fid.forEach((id, r) => {
    if (seen.has(id)) throw new Error(`${featuresFile}:${r + 2}: duplicate id ${id}`);
    seen.add(id);
    const lr = byId.get(id);
    if (lr === undefined) return;
    if (Number.isNaN(value[lr]))
      throw new Error(
        `${labelsFile}:${lr + 2}: the ${labelColumn} of atom id ${id} is NaN; remove that row or give the atom a label`,
      );
    rows.push(r);
    y.push(value[lr] > threshold ? 1 : 0);
  });
  if (rows.length === 0) throw new Error(`no id of ${featuresFile} is in ${labelsFile}`);
  return { rows, y: Uint8Array.from(y), dropped: fid.length - rows.length };
}

export const trainCommand: Command = {
  name: "train",
  summary: "train the quench-in softness GBDT on features + D2min labels, print CV AUC",
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const args = parseArgs(
      argv,
      ["features", "labels", "threshold", "label-column", "params", "out", "exclude", "folds", "seed"],
      ["no-undersample", "undersample", "fold-models", "drop-nan"],
    );
    if (args.positional.length > 0) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
    const featuresFile = args.options.get("features");
    const labelsFile = args.options.get("labels");
    const out = args.options.get("out");
    if (!featuresFile) throw new UsageError("--features is required");
    if (!labelsFile) throw new UsageError("--labels is required");
    if (!out) throw new UsageError("--out is required");
    checkOutputPath(out);
    for (const f of [featuresFile, labelsFile])
      if (f !== "-" && !fs.existsSync(f)) throw new Error(`${f}: no such file`);
    const threshold = asUsage(() =>
      resolvePlasticThreshold(numberOption(args, "threshold", PLASTIC_THRESHOLD), "--threshold"),
    );
    const labelColumn = args.options.get("label-column") ?? "d2min";
    const folds = intOption(args, "folds", PAPER_CV_FOLDS);
    if (folds < 2) throw new UsageError(`--folds must be >= 2, got ${folds}`);
    const seed = intOption(args, "seed", 0);
    if (seed < 0) throw new UsageError(`--seed must be >= 0, got ${seed}`);
    const exclude = new Set(parseList(args.options.get("exclude")) ?? ["type"]);
    let params: Readonly<GradientBoostingParams>;
    try {
      params = resolveGbdtParams({
        ...PAPER_GBDT_PARAMS,
        randomState: seed,
        ...parseGbdtParams(args.options.get("params")),
      });
    } catch (e) {
      throw new UsageError(`--params: ${(e as Error).message}`);
    }

    const features = readCsv(featuresFile);
    const labels = readCsv(labelsFile);
    const unknown = [...exclude].filter(
      (c) => !features.columns.includes(c) && !(c === "type" && args.options.get("exclude") === undefined),
    );
    if (unknown.length > 0) {
      throw new UsageError(
        `--exclude: no column ${unknown.map((c) => `"${c}"`).join(", ")} in ${featuresFile} (columns: ${features.columns.join(", ")})`,
      );
    }
    const columns = features.columns.filter((c) => c !== "id" && !exclude.has(c));
    if (columns.length === 0)
      throw new Error(`${featuresFile}: no feature columns besides id and ${[...exclude].join(", ")}`);
    const joined = joinLabels(features, featuresFile, labels, labelsFile, labelColumn, threshold);
    const cols = columns.map((c) => numericColumn(features, c, featuresFile));
    const nan = nanRows(featuresFile, columns, cols, numericColumn(features, "id", featuresFile), joined.rows);
    if (nan.rows.length > 0) {
      if (!args.flags.has("drop-nan")) throw new Error(nan.message);
      const bad = new Set(nan.rows);
      const kept = [...joined.rows.keys()].filter((k) => !bad.has(joined.rows[k]));
      joined.rows = kept.map((k) => joined.rows[k]);
      joined.y = Uint8Array.from(kept, (k) => joined.y[k]);
      console.log(`left out ${nan.rows.length} atom(s) with NaN features (--drop-nan)`);
    }
    const rng = new Random(seed);
    const undersample = !args.flags.has("no-undersample");
    const keep = undersample
      ? Array.from(randomUndersample(joined.y, rng), (k) => k)
      : Array.from({ length: joined.y.length }, (_, k) => k);
    const d = columns.length;
    const X = new Float64Array(keep.length * d);
    keep.forEach((k, r) => {
      const row = joined.rows[k];
      for (let j = 0; j < d; j++) X[r * d + j] = cols[j][row];
    });
    const y = Uint8Array.from(keep, (k) => joined.y[k]);
    const npos = y.reduce((a, b) => a + b, 0);
    const smaller = Math.min(npos, y.length - npos);
    if (folds > smaller) {
      throw new UsageError(
        `--folds ${folds} is more than the ${smaller} ${smaller === npos ? "plastic" : "non-plastic"} training atoms: every fold needs atoms of both classes`,
      );
    }
    console.log(
      `${joined.rows.length} atoms with labels (${joined.dropped} without), ${joined.y.reduce((a, b) => a + b, 0)} plastic ` +
        `(${labelColumn} > ${threshold}); training on ${y.length} (${npos} plastic${undersample ? ", undersampled" : ""}), ${d} features`,
    );
    const data = { X, nFeatures: d, featureLabels: columns };
    const base = new GradientBoostingClassifier(params);
    const cv = crossValidate(base, data, y, { cv: new StratifiedKFold(folds, true, rng.nextSeed()) });
    const fmt = (k: "auc" | "accuracy" | "precision" | "recall" | "f1"): string =>
      `${cv.mean[k].toFixed(4)} +/- ${cv.std[k].toFixed(4)}`;
    console.log(`${folds}-fold CV AUC ${fmt("auc")}  (fold AUCs ${cv.folds.map((f) => f.auc.toFixed(4)).join(" ")})`);
    console.log(`accuracy ${fmt("accuracy")}  precision ${fmt("precision")}  recall ${fmt("recall")}  F1 ${fmt("f1")}`);
    if (args.flags.has("fold-models")) {
      writeClassifier(out, new AveragingClassifier(cv.models, "cv-folds"));
      console.log(`wrote ${out} (average of the ${folds} fold models)`);
    } else {
      writeClassifier(out, base.clone().fit(data, y));
      console.log(`wrote ${out} (refit on all ${y.length} training atoms)`);
    }
    return 0;
  },
};
