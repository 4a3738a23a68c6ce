import { type CacheCodec, cacheKey, FileCache } from "../files/file-cache";
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
  return cacheKey(LABEL_CACHE_VERSION, parts);
}

/** D2min labels as CSV (id, type, n_neighbors, d2min, shear_strain, flags). */
const labelCodec: CacheCodec<CachedD2min> = {
  extension: ".csv",
  read(file) {
    const t = readCsv(file);
    return {
      ids: Int32Array.from(numericColumn(t, "id", file)),
      types: Int32Array.from(numericColumn(t, "type", file)),
      neighborCounts: Int32Array.from(numericColumn(t, "n_neighbors", file)),
      d2min: Float64Array.from(numericColumn(t, "d2min", file)),
      shearStrain: Float64Array.from(numericColumn(t, "shear_strain", file)),
      flags: Uint8Array.from(numericColumn(t, "flags", file)),
    };
  },
  write(file, d) {
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
  },
};

/** The D2min label cache under `dir` (e.g. data/cache): files labels/<sample>/<name>_<key>.csv. */
export function labelCache(dir: string): FileCache<CachedD2min> {
  return new FileCache(dir, "labels", LABEL_CACHE_VERSION, labelCodec);
}
