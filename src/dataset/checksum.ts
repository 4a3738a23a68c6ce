import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { defaultDataDir } from "./manifest";
import type { ManifestEntry } from "./manifest";

/** sha256 (hex) of a file, read in 1 MiB chunks. */
export function sha256File(file: string): string {
  const hash = createHash("sha256");
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n = fs.readSync(fd, buf, 0, buf.length, null); n > 0; n = fs.readSync(fd, buf, 0, buf.length, null)) {
      hash.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

/** The check of one file of a sample: `actual` is null when the file is missing. */
export interface ChecksumResult {
  /** Path relative to the data folder. */
  file: string;
  expected: string;
  actual: string | null;
  ok: boolean;
}

/** Hashes every file listed in the entry's sha256 table and compares. */
export function verifySample(entry: ManifestEntry, dataDir: string = defaultDataDir()): ChecksumResult[] {
  return Object.entries(entry.sha256).map(([file, expected]) => {
    const full = path.join(dataDir, file);
    const actual = fs.existsSync(full) ? sha256File(full) : null;
    return { file, expected, actual, ok: actual === expected };
  });
}
