import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * A cache key: 16 hex digits of the sha256 of `parts` (input hashes and every option that changes the numbers)
 * with the cache version, as JSON with "version" first and then the keys sorted (so the order the caller lists
 * them in does not matter).
 */
export function cacheKey(version: number, parts: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(parts).sort();
  const text = JSON.stringify({ version, ...parts }, ["version", ...keys]);
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** How one kind of cached value is stored in a file. */
export interface CacheCodec<T> {
  /** File name extension, with the dot (".csv", ".bin"). */
  readonly extension: string;
  /** The value stored in `file`, or null when it does not fit (it is then recomputed by the caller). May throw. */
  read(file: string): T | null;
  /** Writes the value to `file` atomically (all or nothing). */
  write(file: string, value: T): void;
}

/**
 * A cache of derived data in files: `dir/kind/group/key.ext`, where the key hashes every input that changes the
 * numbers, and a `.gitignore` written into `dir` keeps the files out of git. A missing, unreadable or unfitting
 * file reads as null, and a folder that cannot be written is skipped: the cache never makes a run fail.
 * The one cache of qsoft (D2min labels, feature matrices); each kind brings its codec and version.
 */
export class FileCache<T> {
  /**
   * @param dir the cache folder (e.g. data/cache)
   * @param kind sub-folder of this kind of value ("labels", "features")
   * @param version bump it when the code changes the cached numbers: older files are then ignored
   */
  constructor(
    readonly dir: string,
    readonly kind: string,
    readonly version: number,
    private readonly codec: CacheCodec<T>,
  ) {}

  /** The key of a value (see {@link cacheKey}) with this cache's version. */
  key(parts: Readonly<Record<string, unknown>>): string {
    return cacheKey(this.version, parts);
  }

  /** The file of (group, key). */
  file(group: string, key: string): string {
    return path.join(this.dir, this.kind, group, `${key}${this.codec.extension}`);
  }

  /**
   * The cached value, or null when absent, unreadable, not fitting (see CacheCodec.read) or refused by `fits`
   * (e.g. a check that it holds the expected atom ids).
   */
  read(group: string, key: string, fits: (value: T) => boolean = () => true): T | null {
    const file = this.file(group, key);
    if (!fs.existsSync(file)) return null;
    try {
      const value = this.codec.read(file);
      return value !== null && fits(value) ? value : null;
    } catch {
      return null;
    }
  }

  /** Stores the value; returns false, without throwing, when the folder is not writable. */
  write(group: string, key: string, value: T): boolean {
    const file = this.file(group, key);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const ignore = path.join(this.dir, ".gitignore");
      if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, "# qsoft cache: derived data, recomputed on demand\n*\n");
      this.codec.write(file, value);
      return true;
    } catch {
      return false;
    }
  }
}

/** For a `fits` check: true when both lists hold the same numbers in the same order (e.g. cached and current atom ids). */
export function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
