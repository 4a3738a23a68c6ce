import * as path from "node:path";
import type { Sample } from "../dataset/sample";
import { computeFeatures, type FeaturizeOptions } from "../features/compute-features";
import type { FeatureMatrix } from "../table/feature-matrix";
import { sameValues } from "../files/file-cache";
import { featureCache, featureCacheKey } from "./feature-cache";

const memory = new Map<string, FeatureMatrix>();

/**
 * The features of a shipped glass's quenched frame (rows in the frame's id order), computed once and then
 * read from the memory or disk cache. `cache: "none"` always recomputes.
 */
export function sampleFeatures(
  sample: Sample,
  sets: readonly string[],
  options: FeaturizeOptions & { cache?: "disk" | "memory" | "none" } = {},
): FeatureMatrix {
  const { cache = "disk", ...featureOptions } = options;
  const frame = sample.quenched;
  const key = featureCacheKey({
    structure: sample.entry.sha256[sample.entry.files.quenched] ?? sample.entry.files.quenched,
    sets: [...sets],
    options: featureOptions,
  });
  const memKey = `${sample.entry.id}/${key}`;
  const hit = cache === "none" ? undefined : memory.get(memKey);
  if (hit) return hit;
  const disk = cache === "disk" ? featureCache(path.join(sample.dataDir, "cache")) : null;
  let m = disk?.read(sample.entry.id, key, (c) => sameValues(c.ids, frame.ids))?.matrix ?? null;
  if (m === null) {
    m = computeFeatures(frame, sets, featureOptions).matrix;
    disk?.write(sample.entry.id, key, { ids: frame.ids, matrix: m });
  }
  if (cache !== "none") memory.set(memKey, m);
  return m;
}
