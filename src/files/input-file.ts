import * as fs from "node:fs";
import * as zlib from "node:zlib";

/** The file name that means standard input, where a command reads one file. */
export const STDIN = "-";

let stdinBytes: Buffer | null = null;

/**
 * Checks that `file` can be read as `expected` (e.g. "a LAMMPS dump file"): "-" (standard input), a regular
 * file, or a pipe. Throws an error naming the path and what was expected; returns whether it is a regular file
 * (seekable, so it can be streamed and read twice).
 */
export function checkInputFile(file: string, expected: string): { regular: boolean } {
  if (file === STDIN) return { regular: false };
  if (file.trim() === "") throw new Error(`an input file name is empty, expected ${expected}`);
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`${file}: no such file, expected ${expected}`);
    if (code === "EACCES") throw new Error(`${file}: permission denied, expected ${expected}`);
    throw new Error(`${file}: cannot read (${(e as Error).message}), expected ${expected}`);
  }
  if (st.isDirectory()) throw new Error(`${file}: is a directory, expected ${expected}`);
  if (st.isFile()) return { regular: true };
  if (st.isFIFO() || st.isCharacterDevice() || st.isSocket()) return { regular: false };
  throw new Error(`${file}: is not a regular file or a pipe, expected ${expected}`);
}

/**
 * All bytes of an input that cannot be streamed twice: standard input for "-" (read once per process and kept,
 * so a second pass sees the same bytes) or a pipe. Regular files are read as they are.
 */
export function readInputBytes(file: string, expected: string): Buffer {
  checkInputFile(file, expected);
  if (file === STDIN) {
    if (stdinBytes === null) stdinBytes = fs.readFileSync(0);
    return stdinBytes;
  }
  return fs.readFileSync(file);
}

/**
 * Where the gzip members of `bytes` end (RFC 1952: 10-byte header, optional fields, deflate data, 8-byte
 * trailer; members may follow one another). `end` is the offset of the first byte that is not part of a
 * complete member: `bytes.length` for a clean file; `truncated` when the last member is cut short.
 */
export function gzipExtent(bytes: Uint8Array): { end: number; members: number; truncated: boolean } {
  let at = 0;
  let members = 0;
  while (at + 1 < bytes.length && bytes[at] === 0x1f && bytes[at + 1] === 0x8b) {
    const flags = bytes[at + 3];
    let p = at + 10;
    if (flags & 4) p += 2 + (bytes[p] | (bytes[p + 1] << 8));
    if (flags & 8) while (p < bytes.length && bytes[p++] !== 0);
    if (flags & 16) while (p < bytes.length && bytes[p++] !== 0);
    if (flags & 2) p += 2;
    if (p >= bytes.length) return { end: at, members, truncated: true };
    let consumed: number;
    try {
      const r = zlib.inflateRawSync(bytes.subarray(p), { info: true }) as unknown as {
        engine: { bytesWritten: number };
      };
      consumed = r.engine.bytesWritten;
    } catch {
      return { end: at, members, truncated: true };
    }
    if (p + consumed + 8 > bytes.length) return { end: at, members, truncated: true };
    at = p + consumed + 8;
    members++;
  }
  return { end: at, members, truncated: false };
}

/** A sentence on why gzip data failed to decompress: the byte offset of trailing garbage or of a cut. */
export function gzipProblem(bytes: Uint8Array): string {
  const g = gzipExtent(bytes);
  if (g.truncated)
    return `the gzip data is truncated: the member starting at byte ${g.end} is cut short (file size ${bytes.length} bytes)`;
  if (g.end < bytes.length) {
    return (
      `${bytes.length - g.end} bytes of trailing garbage start at byte offset ${g.end}, after ${g.members} complete gzip member(s); ` +
      `keep the first ${g.end} bytes (head -c ${g.end}) or compress the file again`
    );
  }
  return "corrupt gzip data";
}
