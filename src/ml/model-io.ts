import * as fs from "node:fs";
import { writeFileAtomic } from "../files/atomic-write";
import type { AveragingJSON } from "./averaging-classifier";
import { AVERAGING_FORMAT, AveragingClassifier } from "./averaging-classifier";
import type { BinaryClassifier } from "./classifier";
import type { GradientBoostingJSON } from "./gradient-boosting-classifier";
import { GBDT_FORMAT, GradientBoostingClassifier, assertJsonSafe } from "./gradient-boosting-classifier";

/** Rebuilds a classifier from its JSON, by its `format` tag (GradientBoostingClassifier or AveragingClassifier). */
export function loadClassifier(json: object): BinaryClassifier {
  const format = (json as { format?: unknown })?.format;
  if (format === GBDT_FORMAT) return GradientBoostingClassifier.fromJSON(json as GradientBoostingJSON);
  if (format === AVERAGING_FORMAT) return AveragingClassifier.fromJSON(json as AveragingJSON, loadClassifier);
  throw new Error(
    `unknown model format ${JSON.stringify(format)} (expected "${GBDT_FORMAT}" or "${AVERAGING_FORMAT}")`,
  );
}

/** Reads a model file written by writeClassifier; errors name the file. */
export function readClassifier(file: string): BinaryClassifier {
  let json: object;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8")) as object;
  } catch (e) {
    throw new Error(`${file}: cannot read model JSON (${(e as Error).message})`);
  }
  try {
    return loadClassifier(json);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

/** Writes `model.toJSON()` atomically (refusing Infinity/NaN, which JSON cannot hold). */
export function writeClassifier(file: string, model: BinaryClassifier): void {
  const json = model.toJSON();
  assertJsonSafe(json, file);
  writeFileAtomic(file, JSON.stringify(json) + "\n");
}

/** The feature columns a loaded classifier expects, in order (null when it was fitted without names). */
export function modelFeatureLabels(model: BinaryClassifier): string[] | null {
  if (model instanceof GradientBoostingClassifier) return model.featureLabels;
  if (model instanceof AveragingClassifier) {
    const first = model.members.length > 0 ? modelFeatureLabels(model.members[0]) : null;
    for (const m of model.members) {
      const l = modelFeatureLabels(m);
      if ((l === null) !== (first === null) || (l && first && l.join("\u0000") !== first.join("\u0000"))) {
        throw new Error("ensemble members were fitted on different feature columns");
      }
    }
    return first;
  }
  return null;
}
