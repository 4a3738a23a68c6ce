import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { StringDecoder } from "node:string_decoder";
import { checkInputFile, gzipProblem, readInputBytes } from "../files/input-file";
import { ParseError } from "./parse-error";

const EXPECTED = "a text file (plain or gzip)";

/** A run of consecutive lines of a file; `firstLine` is the 1-based number of `lines[0]`. */
export interface LineBatch {
  lines: string[];
  firstLine: number;
}

/** True when the file starts with the gzip magic bytes 1f 8b (RFC 1952, section 2.3.1), whatever its name. */
export function isGzipFile(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(2);
    const n = fs.readSync(fd, head, 0, 2, 0);
    return n === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

/** Splits `text` at "\n", dropping one trailing "\r" per line (Windows line ends). */
function splitLines(text: string): string[] {
  const lines = text.split("\n");
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (l.length > 0 && l.charCodeAt(l.length - 1) === 13) lines[k] = l.slice(0, -1);
  }
  return lines;
}

/**
 * Streams the lines of a plain or gzip-compressed text file (gzip detected by its magic bytes; concatenated
 * gzip members are read as one stream) in batches of whole lines, one batch per chunk read. Memory stays at a
 * few chunks whatever the file size. A final empty line after the last "\n" is not reported.
 * Stopping the iteration early (break/return) closes the file.
 */
export async function* readLineBatches(file: string, chunkBytes = 1 << 20): AsyncGenerator<LineBatch> {
  if (!inputIsRegular(file)) {
    const lines = splitLines(decodeBytes(file, readInputBytes(file, EXPECTED)));
    if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    yield { lines, firstLine: 1 };
    return;
  }
  const gzip = isGzipFile(file);
  const raw = fs.createReadStream(file, { highWaterMark: chunkBytes });
  const stream = gzip ? raw.pipe(zlib.createGunzip({ chunkSize: Math.max(64, chunkBytes) })) : raw;
  if (gzip) raw.on("error", (e) => stream.destroy(e));
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let lineNo = 1;
  try {
    for await (const chunk of stream) {
      const text = rest + decoder.write(chunk as Buffer);
      const cut = text.lastIndexOf("\n");
      if (cut < 0) {
        rest = text;
        continue;
      }
      rest = text.slice(cut + 1);
      const lines = splitLines(text.slice(0, cut));
      yield { lines, firstLine: lineNo };
      lineNo += lines.length;
    }
  } catch (e) {
    if (e instanceof ParseError) throw e;
    if (gzip)
      throw new ParseError(
        file,
        0,
        `cannot decompress: ${gzipProblem(fs.readFileSync(file))} (${(e as Error).message})`,
      );
    throw new ParseError(file, lineNo, `cannot read: ${(e as Error).message}`);
  } finally {
    raw.destroy();
    if (stream !== raw) stream.destroy();
  }
  rest += decoder.end();
  if (rest.length > 0) yield { lines: splitLines(rest), firstLine: lineNo };
}

/** Streams the lines of a plain or gzip file one by one with their 1-based numbers (see `readLineBatches`). */
export async function* readLines(file: string): AsyncGenerator<{ line: string; lineNo: number }> {
  for await (const batch of readLineBatches(file)) {
    for (let k = 0; k < batch.lines.length; k++) yield { line: batch.lines[k], lineNo: batch.firstLine + k };
  }
}

/** A regular file (streamed); "-" (standard input) and pipes are read whole. Throws naming a directory. */
function inputIsRegular(file: string): boolean {
  try {
    return checkInputFile(file, EXPECTED).regular;
  } catch (e) {
    throw new ParseError(file, 0, (e as Error).message.replace(`${file}: `, ""));
  }
}

/** Text of plain or gzip bytes (gzip told by its magic bytes); a gzip error names the byte offset. */
function decodeBytes(file: string, bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return zlib.gunzipSync(bytes).toString("utf8");
    } catch (e) {
      throw new ParseError(file, 0, `cannot decompress: ${gzipProblem(bytes)} (${(e as Error).message})`);
    }
  }
  return bytes.toString("utf8");
}

/** The whole text of a plain or gzip file, "-" for standard input (for small files). */
export function readTextSync(file: string): string {
  inputIsRegular(file);
  return decodeBytes(file, readInputBytes(file, EXPECTED));
}

/** All lines of a plain or gzip file (for small files); lines[k] is line k + 1. No final empty line. */
export function readLinesSync(file: string): string[] {
  const text = readTextSync(file);
  const lines = splitLines(text);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
