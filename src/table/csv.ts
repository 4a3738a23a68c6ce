import * as fs from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { AtomicWriter } from "../files/atomic-write";
import { checkInputFile, readInputBytes, STDIN } from "../files/input-file";
import type { Column } from "./column";
import { formatCsvRowsParallel, quoteCell } from "./csv-rows";
import { CsvParser } from "./csv-stream";
import { formatNumber, parseNumberCell } from "./number-format";

export type { Column } from "./column";
export { formatNumber, parseNumberCell } from "./number-format";

/** A table as named columns of equal length, in order. */
export interface Table {
  readonly columns: string[];
  readonly data: Map<string, Column>;
  readonly rows: number;
}

/** Builds a Table from columns, checking that all have the same length. */
export function makeTable(columns: [string, Column][]): Table {
  const rows = columns.length > 0 ? columns[0][1].length : 0;
  const data = new Map<string, Column>();
  for (const [name, col] of columns) {
    if (col.length !== rows) throw new Error(`column "${name}" has ${col.length} rows, expected ${rows}`);
    if (data.has(name)) throw new Error(`duplicate column "${name}"`);
    data.set(name, col);
  }
  return { columns: columns.map(([n]) => n), data, rows };
}

/** The kind of a table column: Float64Array, Int32Array or text. */
export type ColumnKind = "float64" | "int32" | "string";

/** The kind of a column (see ColumnKind). */
export function columnKindOf(col: Column): ColumnKind {
  if (col instanceof Float64Array) return "float64";
  if (col instanceof Int32Array) return "int32";
  return "string";
}

/** A table file written a chunk of rows at a time (CSV or Parquet); nothing is at `file` until `close()`. */
export interface TableWriter {
  /** The file the table goes to. */
  readonly file: string;
  /** Appends the rows of `chunk`, whose columns are the writer's, in order, of the same kinds. */
  write(chunk: Table): void;
  /** Completes the file and moves it into place. */
  close(): void;
  /** Drops what was written; no file is left (no-op after `close`). */
  abort(): void;
}

/** Checks that a chunk has the columns (names, order, kinds) a writer was opened with. */
export function checkChunkColumns(
  file: string,
  columns: readonly (readonly [string, ColumnKind])[],
  chunk: Table,
): void {
  const ok =
    chunk.columns.length === columns.length &&
    columns.every(
      ([name, kind], k) => chunk.columns[k] === name && columnKindOf(chunk.data.get(name) as Column) === kind,
    );
  if (!ok)
    throw new Error(
      `${file}: a chunk of rows has columns ${chunk.columns.map((c) => `${c}:${columnKindOf(chunk.data.get(c) as Column)}`).join(",")}, the table has ${columns.map(([c, k]) => `${c}:${k}`).join(",")}`,
    );
}

/** How a CSV is written. */
export interface CsvWriteOptions {
  /** Threads that format the numbers of large chunks (default 1; the file is the same for any number). */
  readonly threads?: number;
}

/**
 * A CSV written a chunk of rows at a time (header line, comma-separated, numbers in their shortest round-trip
 * form, NaN as "NaN", infinities as "Infinity"/"-Infinity", text quoted per RFC 4180 when needed), streamed into
 * a temporary file that replaces `file` only on `close()`. With `threads` > 1, chunks of at least
 * PARALLEL_CSV_ROWS rows are formatted on that many threads (the same bytes).
 */
export class CsvTableWriter implements TableWriter {
  private readonly out: AtomicWriter;
  private readonly threads: number;

  constructor(
    readonly file: string,
    private readonly columns: readonly (readonly [string, ColumnKind])[],
    options: CsvWriteOptions = {},
  ) {
    this.threads = options.threads ?? 1;
    if (!(Number.isInteger(this.threads) && this.threads >= 1))
      throw new Error(`${file}: threads must be a positive integer, got ${this.threads}`);
    this.out = new AtomicWriter(file);
    try {
      this.out.write(`${columns.map(([c]) => quoteCell(c)).join(",")}\n`);
    } catch (e) {
      this.out.abort();
      throw e;
    }
  }

  write(chunk: Table): void {
    checkChunkColumns(this.file, this.columns, chunk);
    const cols = chunk.columns.map((c) => chunk.data.get(c) as Column);
    formatCsvRowsParallel(cols, chunk.rows, this.threads, (text) => this.out.write(text));
  }

  close(): void {
    this.out.close();
  }

  abort(): void {
    this.out.abort();
  }
}

/**
 * Writes a table as CSV (see CsvTableWriter), streamed into a temporary file that replaces `file` only once
 * complete.
 */
export function writeCsv(file: string, table: Table, options: CsvWriteOptions = {}): void {
  const w = new CsvTableWriter(
    file,
    table.columns.map((c) => [c, columnKindOf(table.data.get(c) as Column)]),
    options,
  );
  try {
    w.write(table);
    w.close();
  } catch (e) {
    w.abort();
    throw e;
  }
}

/** Bytes read per step by readCsv (a record may span steps). */
const CHUNK_BYTES = 1 << 22;

/** A column being read: numbers until its first cell that is not one, then text. */
class ColumnBuilder {
  nums = new Float64Array(1024);
  strs: string[] | null = null;
  n = 0;

  add(cell: string): void {
    if (this.strs !== null) {
      this.strs.push(cell);
      return;
    }
    const v = parseNumberCell(cell);
    if (v === undefined) {
      this.strs = Array.from(this.nums.subarray(0, this.n), formatNumber);
      this.strs.push(cell);
    } else {
      if (this.n === this.nums.length) {
        const grown = new Float64Array(2 * this.n);
        grown.set(this.nums);
        this.nums = grown;
      }
      this.nums[this.n] = v;
    }
    this.n++;
  }

  column(): Column {
    return this.strs ?? this.nums.slice(0, this.n);
  }
}

/**
 * Reads a CSV with a header line ("-" reads standard input), streamed in chunks, so its size is bounded only by
 * the table in memory. Columns whose every cell is a number become Float64Array ("NaN", "nan" and empty cells are
 * NaN; "Infinity", "inf" with a sign are infinite); a column with any other cell is text (its number cells then
 * in their shortest form). Quoted fields per RFC 4180. Errors name the file and physical line (ragged rows,
 * blank lines inside the table, unclosed quotes, empty file).
 */
export function readCsv(file: string, chunkBytes = CHUNK_BYTES): Table {
  checkInputFile(file, "a CSV file");
  let header: string[] | null = null;
  let builders: ColumnBuilder[] = [];
  let blankLine = 0;
  let blanks = 0;
  const parser = new CsvParser(file, (fields, line) => {
    if (header === null) {
      header = fields.slice();
      builders = header.map(() => new ColumnBuilder());
      return;
    }
    // Blank lines at the end are dropped; inside the table they are an error, or empty cells of a one-column table.
    if (fields.length === 1 && fields[0] === "") {
      if (blankLine === 0) blankLine = line;
      blanks++;
      return;
    }
    if (blankLine !== 0) {
      if (header.length > 1)
        throw new Error(`${file}:${blankLine}: blank line inside the table, expected ${header.length} fields`);
      for (; blanks > 0; blanks--) builders[0].add("");
      blankLine = 0;
    }
    if (fields.length !== header.length)
      throw new Error(
        `${file}:${line}: ${fields.length} fields, expected ${header.length} (header: ${header.join(",")})`,
      );
    for (let k = 0; k < fields.length; k++) builders[k].add(fields[k]);
  });
  const decoder = new StringDecoder("utf8");
  let first = true;
  const feed = (bytes: Uint8Array): void => {
    let text = decoder.write(bytes);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    parser.push(text);
  };
  if (file === STDIN) {
    const bytes = readInputBytes(file, "a CSV file");
    for (let at = 0; at < bytes.length; at += chunkBytes) feed(bytes.subarray(at, at + chunkBytes));
  } else {
    const fd = fs.openSync(file, "r");
    try {
      const buf = Buffer.allocUnsafe(chunkBytes);
      for (;;) {
        const got = fs.readSync(fd, buf, 0, chunkBytes, null);
        if (got === 0) break;
        feed(buf.subarray(0, got));
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  parser.push(decoder.end());
  parser.end();
  const names = header as string[] | null;
  if (names === null) throw new Error(`${file}: empty file, expected a header line`);
  return makeTable(names.map((name, k) => [name, builders[k].column()]));
}

/** A numeric column of a table; throws naming the file when it is missing or not numeric. */
export function numericColumn(table: Table, name: string, file = "table"): Float64Array {
  const col = table.data.get(name);
  if (col === undefined) throw new Error(`${file}: no column "${name}" (columns: ${table.columns.join(", ")})`);
  if (Array.isArray(col)) {
    const bad = col.findIndex((s) => parseNumberCell(s) === undefined);
    throw new Error(`${file}:${bad + 2}: column "${name}" is not numeric ("${col[bad]}")`);
  }
  return col instanceof Float64Array ? col : Float64Array.from(col);
}
