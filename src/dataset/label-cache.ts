import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeTable, numericColumn, readCsv, writeCsv } from "../table/csv";

/** Bump when the D2min code changes its numbers: older cache files are then ignored. */
export const LABEL_CACHE_VERSION = 1;

/** Per-atom D2min results as cached: in the quenched frame's atom order. */
export interface CachedD2min {
  ids: Int32Array;
  types: Int32Array;
  neighborCounts: Int32Array;
  d2min: Float64Array;
  shearStrain: Float64Array;
  flags: Uint8Array;
}

/** The cache key: a hash of the two dumps' sha256 and every parameter that changes the numbers. */
export function labelCacheKey(parts: Record<string, string | number>): string {
  const text = JSON.stringify({ version: LABEL_CACHE_VERSION, ...parts }, Object.keys({ version: 0, ...parts }).sort());
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/**
 * A folder of CSV files, one per (sample, strain, parameters), under data/cache/ (ignored by git through a
 * `.gitignore` written into the cache folder itself).
 */
export class LabelCache {
  constructor(readonly dir: string) {}

  private file(sampleId: string, name: string, key: string): string {
    return path.join(this.dir, "labels", sampleId, `${name}_${key}.csv`);
  }

  /** The cached arrays, or null when absent or not matching `expectIds` (then recomputed by the caller). */
  read(sampleId: string, name: string, key: string, expectIds: Int32Array): CachedD2min | null {
    const file = this.file(sampleId, name, key);
    if (!fs.existsSync(file)) return null;
    try {
      const t = readCsv(file);
      const ids = Int32Array.from(numericColumn(t, "id", file));
      if (ids.length !== expectIds.length || ids.some((id, k) => id !== expectIds[k])) return null;
      return {
        ids,
        types: Int32Array.from(numericColumn(t, "type", file)),
        neighborCounts: Int32Array.from(numericColumn(t, "n_neighbors", file)),
        d2min: Float64Array.from(numericColumn(t, "d2min", file)),
        shearStrain: Float64Array.from(numericColumn(t, "shear_strain", file)),
        flags: Uint8Array.from(numericColumn(t, "flags", file)),
      };
    } catch {
      return null;
    }
  }

  /** Writes the arrays (atomically); returns false, without throwing, when the folder is not writable. */
  write(sampleId: string, name: string, key: string, d: CachedD2min): boolean {
    const file = this.file(sampleId, name, key);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const ignore = path.join(this.dir, ".gitignore");
      if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, "# qsoft label cache: derived data, recomputed on demand\n*\n");
      writeCsv(
        file,
        makeTable([
          ["id", d.ids],
          ["type", d.types],
          ["n_neighbors", d.neighborCounts],
          ["d2min", d.d2min],
          ["shear_strain", d.shearStrain],
          ["flags", Int32Array.from(d.flags)],
        ]),
      );
      return true;
    } catch {
      return false;
    }
  }
}
