import * as fs from "node:fs";
import { writeFileAtomic } from "../io/atomic-write";
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
  throw new Error(`unknown model format ${JSON.stringify(format)} (expected "${GBDT_FORMAT}" or "${AVERAGING_FORMAT}")`);
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
