import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { type AsyncBuffer, type ColumnData, type Compressors, parquetMetadataAsync, parquetRead } from "hyparquet";
import type { RowGroup, SchemaElement } from "hyparquet";
import { ByteWriter, type ColumnSource, ParquetWriter, schemaFromColumnData } from "hyparquet-writer";
import { snappyCompressor } from "hysnappy";
import { AtomicWriter } from "../files/atomic-write";
import { checkInputFile } from "../files/input-file";
import {
  type Column,
  type ColumnKind,
  checkChunkColumns,
  columnKindOf,
  makeTable,
  type Table,
  type TableWriter,
} from "./csv";

// Why hyparquet + hyparquet-writer: pure JS on our typed arrays, streamed write; by hand on the 345,744 x 82 reference features it read back in 7.1 s (0.9 GB peak) vs 31.6 s (1.7 GB) for parquet-wasm + apache-arrow.

/** Rows per row group: large enough for good compression, small enough to stream. */
const ROW_GROUP = 131072;

let snappy: ((input: Uint8Array) => Uint8Array) | null = null;

/** hyparquet-writer's byte writer, flushed to a temporary file every megabyte (as its own fileWriter does). */
class AtomicByteWriter extends ByteWriter {
  constructor(private readonly out: AtomicWriter) {
    super(1 << 21);
  }

  override ensure(size: number): void {
    if (this.index > 1 << 20) this.flushToFile();
    super.ensure(size);
  }

  override finish(): void {
    this.flushToFile();
  }

  private flushToFile(): void {
    this.out.write(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }
}

/**
 * The Parquet column of a table column: DOUBLE (PLAIN, NaN kept), INT32 or UTF-8 text, required. PLAIN rather than
 * BYTE_STREAM_SPLIT: fastparquet 2026.9 cannot read the latter, and with snappy it made a 32,000-atom glass's
 * features 5 % larger (17.8 vs 16.9 MB for 80 columns, 102.7 vs 98.1 MB for 504) and slower to write.
 */
function columnSource(name: string, col: Column): ColumnSource {
  if (col instanceof Float64Array) return { name, data: col, type: "DOUBLE", nullable: false, encoding: "PLAIN" };
  if (col instanceof Int32Array) return { name, data: col, type: "INT32", nullable: false };
  if (Array.isArray(col)) return { name, data: col, type: "STRING", nullable: false };
  throw new Error(`writeParquet: column "${name}" is not a Float64Array, Int32Array or array of strings`);
}

/** An empty column of a kind, for the schema. */
function emptyColumn(kind: ColumnKind): Column {
  return kind === "float64" ? new Float64Array(0) : kind === "int32" ? new Int32Array(0) : [];
}

/**
 * A Parquet file written a chunk of rows at a time: one column per table column with its name and type
 * (Float64Array as DOUBLE with NaN and infinities kept, Int32Array as INT32, text as UTF-8 strings),
 * snappy-compressed; each chunk becomes row groups of at most 131,072 rows, streamed into a temporary file that
 * replaces `file` only on `close()`. Readable by pandas (`pd.read_parquet`), polars (`pl.read_parquet`), DuckDB
 * and Arrow.
 */
export class ParquetTableWriter implements TableWriter {
  private readonly out: AtomicWriter;
  private readonly pq: ParquetWriter;
  private readonly bytes: AtomicByteWriter;

  constructor(
    readonly file: string,
    private readonly columns: readonly (readonly [string, ColumnKind])[],
  ) {
    this.out = new AtomicWriter(file);
    try {
      this.bytes = new AtomicByteWriter(this.out);
      this.pq = parquetWriter(this.bytes, columns);
    } catch (e) {
      this.out.abort();
      throw e;
    }
  }

  write(chunk: Table): void {
    checkChunkColumns(this.file, this.columns, chunk);
    if (chunk.rows === 0) return;
    const columnData = chunk.columns.map((c) => columnSource(c, chunk.data.get(c) as Column));
    this.pq.write({ columnData, rowGroupSize: ROW_GROUP });
  }

  /**
   * Appends a row group encoded apart (encodeRowGroup, e.g. on a worker thread) after the rows written so far:
   * its bytes go to the file and its metadata, shifted to where they land, to the footer. Its columns must be
   * the writer's.
   */
  appendRowGroup(group: EncodedRowGroup): void {
    const names = group.rowGroup.columns.map((c) => c.meta_data?.path_in_schema.join("."));
    if (names.length !== this.columns.length || this.columns.some(([c], k) => names[k] !== c))
      throw new Error(`${this.file}: a row group of columns ${names.join(",")} does not fit this table`);
    // hyparquet-writer (pinned 0.17.0) keeps row_groups, pendingIndexes and num_rows as public fields, read by
    // finish(); test/features/feature-rows-writer checks the result is bytewise the one-writer file.
    // Offsets in the group are those of a file whose only row group starts at byte 4 (after "PAR1").
    const delta = BigInt(this.bytes.offset - 4);
    for (const c of group.rowGroup.columns) {
      c.file_offset += delta;
      if (c.meta_data) {
        c.meta_data.data_page_offset += delta;
        if (c.meta_data.dictionary_page_offset !== undefined) c.meta_data.dictionary_page_offset += delta;
      }
    }
    for (const index of group.indexes) for (const page of index.offsetIndex?.page_locations ?? []) page.offset += delta;
    this.bytes.appendBytes(group.bytes);
    this.pq.row_groups.push(group.rowGroup);
    this.pq.pendingIndexes.push(...(group.indexes as ParquetWriter["pendingIndexes"]));
    this.pq.num_rows += BigInt(group.rows);
  }

  close(): void {
    this.pq.finish();
    this.out.close();
  }

  abort(): void {
    this.out.abort();
  }
}

/** A Parquet writer of qsoft's layout (columnSource per column, snappy, no statistics) onto `writer`. */
function parquetWriter(writer: ByteWriter, columns: readonly (readonly [string, ColumnKind])[]): ParquetWriter {
  snappy ??= snappyCompressor();
  return new ParquetWriter({
    writer,
    schema: schemaFromColumnData({ columnData: columns.map(([c, k]) => columnSource(c, emptyColumn(k))) }),
    codec: "SNAPPY",
    compressors: { SNAPPY: snappy },
    statistics: false,
    createdBy: "qsoft (hyparquet-writer)",
  });
}

/**
 * One row group of a Parquet table encoded on its own (encodeRowGroup), for ParquetTableWriter.appendRowGroup:
 * plain data (structured-cloneable, `bytes` transferable), so that worker threads can encode row groups of one
 * file side by side.
 */
export interface EncodedRowGroup {
  /** The row group's pages, as they go into the file. */
  readonly bytes: Uint8Array;
  readonly rows: number;
  /** Its footer entry, with offsets as if it started at byte 4 of a file. */
  readonly rowGroup: RowGroup;
  /** Its columns' page indexes (their `chunk`s are the objects of `rowGroup.columns`). */
  readonly indexes: readonly {
    readonly chunk: RowGroup["columns"][number];
    readonly offsetIndex?: { readonly page_locations: { offset: bigint }[] };
  }[];
}

/** Encodes `columns` (a table's columns, in order, of equal length) as one Parquet row group. */
export function encodeRowGroup(columns: readonly (readonly [string, Column])[]): EncodedRowGroup {
  const rows = columns.length > 0 ? columns[0][1].length : 0;
  if (rows === 0) throw new Error("encodeRowGroup: a row group needs at least one row");
  // Compressed doubles take about 1.1 bytes each here: room for that avoids most regrowth of the buffer.
  const w = new ByteWriter(Math.max(1 << 16, Math.ceil(rows * columns.length * 1.5)));
  const pq = parquetWriter(
    w,
    columns.map(([c, col]) => [c, columnKindOf(col)]),
  );
  pq.write({ columnData: columns.map(([c, col]) => columnSource(c, col)), rowGroupSize: rows });
  return {
    bytes: new Uint8Array(w.buffer.slice(4, w.index)),
    rows,
    rowGroup: pq.row_groups[0],
    indexes: pq.pendingIndexes,
  };
}

/** Writes a table as Parquet (see ParquetTableWriter), atomically. */
export function writeParquet(file: string, table: Table): void {
  const w = new ParquetTableWriter(
    file,
    table.columns.map((c) => [c, columnKindOf(table.data.get(c) as Column)]),
  );
  try {
    w.write(table);
    w.close();
  } catch (e) {
    w.abort();
    throw e;
  }
}

/** Decompressors beyond hyparquet's own snappy, from Node's zlib. */
const decompressors: Compressors = {
  GZIP: (input) => new Uint8Array(zlib.gunzipSync(input)),
  BROTLI: (input) => new Uint8Array(zlib.brotliDecompressSync(input)),
};

/** The kind of table column a Parquet leaf column becomes, or a reason it cannot. */
function columnKind(el: SchemaElement): "float" | "int32" | "int64" | "bool" | "string" | string {
  if (el.num_children) return "a nested column (struct, list or map)";
  if (el.repetition_type === "REPEATED") return "a repeated column";
  switch (el.type) {
    case "DOUBLE":
    case "FLOAT":
      return "float";
    case "INT32":
      return el.converted_type === undefined || el.converted_type.startsWith("INT_")
        ? "int32"
        : `INT32 (${el.converted_type})`;
    case "INT64":
      return el.converted_type === undefined || el.converted_type.startsWith("INT_")
        ? "int64"
        : `INT64 (${el.converted_type})`;
    case "BOOLEAN":
      return "bool";
    case "BYTE_ARRAY":
      return el.converted_type === "UTF8" || el.logical_type?.type === "STRING" ? "string" : "binary (BYTE_ARRAY)";
    default:
      return String(el.type);
  }
}

/** Random access to a file for hyparquet: only the byte ranges it asks for are read. */
function fileBuffer(fd: number, byteLength: number): AsyncBuffer {
  return {
    byteLength,
    slice(start: number, end = byteLength): ArrayBuffer {
      const buf = new Uint8Array(end - start);
      let at = 0;
      while (at < buf.length) {
        const got = fs.readSync(fd, buf, at, buf.length - at, start + at);
        if (got === 0) break;
        at += got;
      }
      return buf.buffer;
    },
  };
}

/**
 * Reads a Parquet file into a table: DOUBLE and FLOAT columns as Float64Array (nulls as NaN), INT32 as
 * Int32Array, INT64 and BOOLEAN as Float64Array (an INT64 beyond 2^53 is refused), UTF-8 text as strings.
 * Any writer's flat files (pandas/pyarrow, polars, DuckDB, Spark); codecs snappy, gzip, brotli and none.
 * Errors name the file and the problem (not Parquet, nested or unsupported columns, unsupported codec).
 */
export async function readParquet(file: string): Promise<Table> {
  checkInputFile(file, "a Parquet file");
  if (file === "-") throw new Error("a Parquet file cannot be read from standard input (it is read by byte ranges)");
  const fd = fs.openSync(file, "r");
  try {
    const buffer = fileBuffer(fd, fs.fstatSync(fd).size);
    let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
    try {
      metadata = await parquetMetadataAsync(buffer);
    } catch (e) {
      throw new Error(`${file}: not a Parquet file (${(e as Error).message})`);
    }
    const rows = Number(metadata.num_rows);
    const leaves = metadata.schema.slice(1);
    if (leaves.length !== (metadata.schema[0].num_children ?? 0))
      throw new Error(`${file}: nested columns (structs, lists or maps) are not supported; flatten the table first`);
    const names = leaves.map((el) => el.name);
    const kinds = leaves.map(columnKind);
    const columns: Column[] = leaves.map((el, k) => {
      const kind = kinds[k];
      if (kind === "int32") return new Int32Array(rows);
      if (kind === "string") return new Array<string>(rows).fill("");
      if (kind === "float" || kind === "int64" || kind === "bool") return new Float64Array(rows);
      throw new Error(`${file}: column "${el.name}" is ${kind}, not a number or text column`);
    });
    const index = new Map(names.map((n, k) => [n, k]));
    const onChunk = (chunk: ColumnData): void => {
      const k = index.get(chunk.columnName);
      if (k === undefined) return;
      const col = columns[k];
      const data = chunk.columnData;
      const at = chunk.rowStart;
      if (
        (col instanceof Float64Array && data instanceof Float64Array) ||
        (col instanceof Int32Array && data instanceof Int32Array)
      ) {
        col.set(data, at);
        return;
      }
      for (let i = 0; i < data.length; i++) {
        const v: unknown = data[i];
        if (Array.isArray(col)) col[at + i] = v === null || v === undefined ? "" : String(v);
        else if (v === null || v === undefined) col[at + i] = col instanceof Int32Array ? 0 : NaN;
        else if (typeof v === "bigint") {
          if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER))
            throw new Error(`${file}: column "${names[k]}" row ${at + i}: ${v} does not fit a double exactly`);
          col[at + i] = Number(v);
        } else col[at + i] = Number(v);
      }
    };
    try {
      await parquetRead({ file: buffer, metadata, compressors: decompressors, onChunk });
    } catch (e) {
      throw new Error(`${file}: ${(e as Error).message}`);
    }
    return makeTable(names.map((n, k) => [n, columns[k]]));
  } finally {
    fs.closeSync(fd);
  }
}
