import * as path from "node:path";
import { WorkerThreads } from "../parallel/worker-pool";
import type { Column } from "./column";

/** Text handed to the sink at a time (a few hundred rows of features). */
const PIECE_CHARS = 1 << 20;

/** A CSV cell of text: quoted (RFC 4180) when it holds a comma, quote or line break, or spaces at an end. */
export function quoteCell(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows [from, to) of `cols` as CSV lines, given to `sink` in pieces of about a megabyte: numbers in their
 * shortest round-trip form (String(v), ECMA-262 Number::toString; -0 keeps its sign), text quoted per RFC 4180
 * when needed.
 */
export function formatCsvRows(cols: readonly Column[], from: number, to: number, sink: (text: string) => void): void {
  const d = cols.length;
  let text = "";
  for (let r = from; r < to; r++) {
    for (let k = 0; k < d; k++) {
      const col = cols[k];
      if (Array.isArray(col)) text += quoteCell(col[r]);
      else {
        const v = col[r];
        text += v === 0 && 1 / v < 0 ? "-0" : String(v);
      }
      text += k + 1 < d ? "," : "\n";
    }
    if (text.length > PIECE_CHARS) {
      sink(text);
      text = "";
    }
  }
  if (text.length > 0) sink(text);
}

/**
 * Worker-thread handler: formats every row of its columns (see formatCsvRows) and posts them as UTF-8 bytes, a
 * piece at a time (transferred, so the text is never held twice).
 */
export function csvRowsWorker(
  input: { cols: Column[]; rows: number },
  post: (message: unknown, transfer?: ArrayBuffer[]) => void,
): void {
  formatCsvRows(input.cols, 0, input.rows, (text) => {
    const b = Buffer.from(text, "utf8");
    const own = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : Uint8Array.from(b);
    post(own, [own.buffer as ArrayBuffer]);
  });
}

/** Rows a chunk needs before its formatting is shared with worker threads (below, starting them costs more). */
export const PARALLEL_CSV_ROWS = 50_000;

/**
 * Rows [0, rows) of `cols` as CSV text, in row order, formatted by `threads` threads: worker threads take the
 * later shares of the rows (copies of their slices of the columns) while the calling thread formats the first
 * share into `sink`; their bytes follow in order. The text is the same as formatCsvRows' for any thread count.
 */
export function formatCsvRowsParallel(
  cols: readonly Column[],
  rows: number,
  threads: number,
  sink: (text: string | Uint8Array) => void,
): void {
  const t = Math.max(1, Math.min(Math.floor(threads), Math.ceil(rows / PARALLEL_CSV_ROWS)));
  if (t === 1) {
    formatCsvRows(cols, 0, rows, sink);
    return;
  }
  const bound = (s: number) => Math.round((s * rows) / t);
  const inputs = Array.from({ length: t - 1 }, (_, w) => {
    const a = bound(w + 1);
    const b = bound(w + 2);
    return { cols: cols.map((c) => c.slice(a, b)), rows: b - a };
  });
  // V8's Number-to-String is the cost (about 0.25 us a number): 27.6 million numbers of a paper-size table
  // take seconds that the second core can halve; the workers format while this thread does the first share.
  const workers = WorkerThreads.start(
    { module: path.join(__dirname, "csv-rows"), handler: "csvRowsWorker" },
    inputs,
    "qsoft CSV rows",
  );
  try {
    formatCsvRows(cols, 0, bound(1), sink);
  } catch (e) {
    workers.terminate();
    throw e;
  }
  for (const messages of workers.waitSync()) for (const m of messages) sink(m as Uint8Array);
}
