import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { FeatureMatrix } from "../table/feature-matrix";
import { writeFileAtomic } from "../files/atomic-write";

/** Bump when a featurizer changes its numbers: older cache files are then ignored. */
export const FEATURE_CACHE_VERSION = 1;

/** The cache key: a hash of the structure file's sha256, the feature sets and every option that changes the numbers. */
export function featureCacheKey(parts: Record<string, unknown>): string {
  const keys = Object.keys(parts).sort();
  const text = JSON.stringify({ version: FEATURE_CACHE_VERSION, ...parts }, ["version", ...keys]);
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/**
 * Per-atom feature matrices of the shipped glasses, cached as binary files under data/cache/features/ (ignored by
 * git): one JSON header line (labels, ids) then the row-major float64 values and the per-atom flags. The
 * notebooks featurize the same 36 glasses many times; this makes the second time a file read.
 */
export class FeatureCache {
  constructor(readonly dir: string) {}

  private file(sampleId: string, key: string): string {
    return path.join(this.dir, "features", sampleId, `${key}.bin`);
  }

  /** The cached matrix, or null when absent, unreadable, or not for these atom ids. */
  read(sampleId: string, key: string, expectIds: Int32Array): FeatureMatrix | null {
    const file = this.file(sampleId, key);
    if (!fs.existsSync(file)) return null;
    try {
      const buf = fs.readFileSync(file);
      const nl = buf.indexOf(10);
      const head = JSON.parse(buf.subarray(0, nl).toString("utf8")) as { labels: string[]; n: number; ids: number[] };
      if (head.n !== expectIds.length || head.ids.some((id, k) => id !== expectIds[k])) return null;
      const nv = head.n * head.labels.length;
      const start = nl + 1;
      const bytes = buf.subarray(start, start + 8 * nv);
      const values = new Float64Array(nv);
      new Uint8Array(values.buffer).set(bytes);
      const flags = Uint8Array.from(buf.subarray(start + 8 * nv, start + 8 * nv + head.n));
      if (flags.length !== head.n) return null;
      return { n: head.n, labels: head.labels, values, flags };
    } catch {
      return null;
    }
  }

  /** Writes the matrix atomically; returns false, without throwing, when the folder is not writable. */
  write(sampleId: string, key: string, ids: Int32Array, m: FeatureMatrix): boolean {
    const file = this.file(sampleId, key);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const ignore = path.join(this.dir, ".gitignore");
      if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, "# qsoft cache: derived data, recomputed on demand\n*\n");
      const head = Buffer.from(JSON.stringify({ labels: m.labels, n: m.n, ids: Array.from(ids) }) + "\n", "utf8");
      const values = Buffer.from(m.values.buffer, m.values.byteOffset, m.values.byteLength);
      const flags = Buffer.from(m.flags ?? new Uint8Array(m.n));
      writeFileAtomic(file, Buffer.concat([head, values, flags]));
      return true;
    } catch {
      return false;
    }
  }
}
