import * as fs from "node:fs";
import { type CacheCodec, cacheKey, FileCache } from "../files/file-cache";
import { writeFileAtomic } from "../files/atomic-write";
import type { FeatureMatrix } from "../table/feature-matrix";

/** Bump when a featurizer changes its numbers: older cache files are then ignored. */
export const FEATURE_CACHE_VERSION = 1;

/** The cache key: a hash of the structure file's sha256, the feature sets and every option that changes the numbers. */
export function featureCacheKey(parts: Record<string, unknown>): string {
  return cacheKey(FEATURE_CACHE_VERSION, parts);
}

/** A cached feature matrix with the atom ids of its rows. */
export interface CachedFeatures {
  ids: Int32Array;
  matrix: FeatureMatrix;
}

/**
 * Binary file: one JSON header line (labels, n, ids) then the row-major float64 values and the per-atom flags.
 */
const featureCodec: CacheCodec<CachedFeatures> = {
  extension: ".bin",
  read(file) {
    const buf = fs.readFileSync(file);
    const nl = buf.indexOf(10);
    const head = JSON.parse(buf.subarray(0, nl).toString("utf8")) as { labels: string[]; n: number; ids: number[] };
    const nv = head.n * head.labels.length;
    const start = nl + 1;
    const bytes = buf.subarray(start, start + 8 * nv);
    const values = new Float64Array(nv);
    new Uint8Array(values.buffer).set(bytes);
    const flags = Uint8Array.from(buf.subarray(start + 8 * nv, start + 8 * nv + head.n));
    if (flags.length !== head.n || head.ids.length !== head.n) return null;
    return { ids: Int32Array.from(head.ids), matrix: { n: head.n, labels: head.labels, values, flags } };
  },
  write(file, { ids, matrix: m }) {
    const head = Buffer.from(JSON.stringify({ labels: m.labels, n: m.n, ids: Array.from(ids) }) + "\n", "utf8");
    const values = Buffer.from(m.values.buffer, m.values.byteOffset, m.values.byteLength);
    const flags = Buffer.from(m.flags ?? new Uint8Array(m.n));
    writeFileAtomic(file, Buffer.concat([head, values, flags]));
  },
};

/**
 * The feature cache under `dir` (e.g. data/cache): per-atom feature matrices of the shipped glasses in
 * features/<sample>/<key>.bin. The notebooks featurize the same 36 glasses many times; this makes the second
 * time a file read.
 */
export function featureCache(dir: string): FileCache<CachedFeatures> {
  return new FileCache(dir, "features", FEATURE_CACHE_VERSION, featureCodec);
}
