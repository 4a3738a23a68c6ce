import * as path from "node:path";
import { WorkerThreads } from "../parallel/worker-pool";
import type { Frame } from "../structure/frame";
import { type Column, type ColumnKind, makeTable, type TableWriter } from "../table/csv";
import { copyRowsToColumns } from "../table/feature-matrix";
import { type EncodedRowGroup, encodeRowGroup, ParquetTableWriter } from "../table/parquet";
import { openTableWriter, tableFormat } from "../table/table-file";
import { POSITION_COLUMNS, positionColumns } from "./position-columns";

/** Rows per chunk handed to the table writer (one Parquet row group each). */
export const FEATURE_CHUNK_ROWS = 131072;

/** The leading columns of a chunk: id, [x, y, z,] type of atoms from .. from + n - 1. */
function frontColumns(frame: Frame, from: number, n: number, positions: boolean): [string, Column][] {
  return [
    ["id", frame.ids.subarray(from, from + n)],
    ...(positions ? positionColumns(frame, from, n) : []),
    ["type", frame.types.subarray(from, from + n)],
  ];
}

/** One row group for a worker: where its rows are in `values`, and its leading columns (copies). */
interface RowGroupJob {
  readonly index: number;
  readonly row: number;
  readonly n: number;
  readonly front: [string, Column][];
}

/** What encodes row groups on a worker thread: the shared rows, their labels and the groups it takes. */
interface RowGroupsInput {
  /** Rows x F, row-major, on a SharedArrayBuffer. */
  readonly values: Float64Array;
  readonly labels: readonly string[];
  readonly groups: readonly RowGroupJob[];
}

/** Encodes the listed row groups from the shared rows (their columns filled into `buffers`). */
function encodeGroups(
  input: RowGroupsInput,
  buffers: Float64Array[],
  done: (index: number, group: EncodedRowGroup) => void,
): void {
  const f = input.labels.length;
  for (const g of input.groups) {
    copyRowsToColumns(input.values, f, g.row, g.n, buffers);
    const cols: [string, Column][] = [...g.front];
    for (let k = 0; k < f; k++) cols.push([input.labels[k], buffers[k].subarray(0, g.n)]);
    done(g.index, encodeRowGroup(cols));
  }
}

/** Worker-thread handler: encodes its row groups and posts each (index, encoded group; bytes transferred). */
export function featureRowGroupsWorker(
  input: RowGroupsInput,
  post: (message: unknown, transfer?: ArrayBuffer[]) => void,
): void {
  const rows = Math.max(0, ...input.groups.map((g) => g.n));
  const buffers = input.labels.map(() => new Float64Array(rows));
  encodeGroups(input, buffers, (index, group) => post({ index, group }, [group.bytes.buffer as ArrayBuffer]));
}

/**
 * A features table written a chunk of rows at a time (Parquet or CSV by the file's extension): id, [x, y, z,]
 * type, then the feature columns, as featureTable lays them out, from row-major rows of the frame's atoms. The
 * columns of a chunk are filled into buffers reused from chunk to chunk, so the N x F table is never held twice.
 * With `threads` > 1, the row groups of a Parquet file are encoded side by side on worker threads (from rows
 * on a SharedArrayBuffer, else from a shared copy) and a CSV is formatted on them; the file is the same for any
 * number of threads. The file appears only on `close()`.
 */
export class FeatureRowsWriter {
  private readonly writer: TableWriter;
  private readonly parquet: ParquetTableWriter | null;
  private readonly buffers: Float64Array[];
  private readonly threads: number;

  constructor(
    file: string,
    private readonly frame: Frame,
    private readonly labels: readonly string[],
    private readonly options: { readonly positions?: boolean; readonly threads?: number } = {},
  ) {
    // The buffers first: a failure then leaves no temporary file behind.
    this.buffers = labels.map(() => new Float64Array(Math.min(FEATURE_CHUNK_ROWS, frame.natoms)));
    this.threads = options.threads ?? 1;
    const columns: [string, ColumnKind][] = [
      ["id", "int32"],
      ...(options.positions ? POSITION_COLUMNS.map((c): [string, ColumnKind] => [c, "float64"]) : []),
      ["type", "int32"],
      ...labels.map((l): [string, ColumnKind] => [l, "float64"]),
    ];
    this.parquet = tableFormat(file) === "parquet" ? new ParquetTableWriter(file, columns) : null;
    this.writer = this.parquet ?? openTableWriter(file, columns, { threads: this.threads });
  }

  /** Writes the rows of atoms start, start + 1, ... (in frame order) from `values` (rows x F, row-major). */
  write(start: number, values: Float64Array): void {
    const f = this.labels.length;
    const rows = values.length / f;
    if (!Number.isInteger(rows) || start < 0 || start + rows > this.frame.natoms)
      throw new Error(
        `${this.writer.file}: ${values.length} values are not whole rows of ${f} features for atoms ${start}.. of ${this.frame.natoms}`,
      );
    if (this.parquet !== null && this.threads > 1 && rows > FEATURE_CHUNK_ROWS) {
      this.writeParquetInParallel(this.parquet, start, values);
      return;
    }
    for (let a = 0; a < rows; a += FEATURE_CHUNK_ROWS) {
      const n = Math.min(FEATURE_CHUNK_ROWS, rows - a);
      const cols = frontColumns(this.frame, start + a, n, this.options.positions ?? false);
      copyRowsToColumns(values, f, a, n, this.buffers);
      for (let k = 0; k < f; k++) cols.push([this.labels[k], this.buffers[k].subarray(0, n)]);
      this.writer.write(makeTable(cols));
    }
  }

  /**
   * The row groups of `values` encoded by this thread and threads - 1 workers (hyparquet-writer's encoding and
   * snappy took about 2 s of a 345,744 x 80 table on one thread here, which the second core can share), then
   * appended in order.
   */
  private writeParquetInParallel(pq: ParquetTableWriter, start: number, values: Float64Array): void {
    const rows = values.length / this.labels.length;
    const count = Math.ceil(rows / FEATURE_CHUNK_ROWS);
    const t = Math.min(this.threads, count);
    let shared = values;
    if (!(values.buffer instanceof SharedArrayBuffer)) {
      shared = new Float64Array(new SharedArrayBuffer(values.byteLength));
      shared.set(values);
    }
    const groups = Array.from({ length: count }, (_, index): RowGroupJob => {
      const row = index * FEATURE_CHUNK_ROWS;
      const n = Math.min(FEATURE_CHUNK_ROWS, rows - row);
      return { index, row, n, front: frontColumns(this.frame, start + row, n, this.options.positions ?? false) };
    });
    // Thread 0 (this one) takes groups 0, t, 2t, ...; worker w the groups w, w + t, ...
    const share = (w: number): RowGroupsInput => ({
      values: shared,
      labels: this.labels,
      groups: groups.filter((g) => g.index % t === w).map((g) => (w === 0 ? g : { ...g, front: copyFront(g.front) })),
    });
    const workers = WorkerThreads.start(
      { module: path.join(__dirname, "feature-rows-writer"), handler: "featureRowGroupsWorker" },
      Array.from({ length: t - 1 }, (_, w) => share(w + 1)),
      "qsoft Parquet row groups",
    );
    const encoded: (EncodedRowGroup | undefined)[] = new Array(count);
    try {
      encodeGroups(share(0), this.buffers, (index, group) => {
        encoded[index] = group;
      });
    } catch (e) {
      workers.terminate();
      throw e;
    }
    for (const messages of workers.waitSync())
      for (const m of messages as { index: number; group: EncodedRowGroup }[]) encoded[m.index] = m.group;
    for (const [index, group] of encoded.entries()) {
      if (group === undefined) throw new Error(`${pq.file}: row group ${index} was not encoded`);
      pq.appendRowGroup(group);
    }
  }

  close(): void {
    this.writer.close();
  }

  /** Drops what was written; no file is left. */
  abort(): void {
    this.writer.abort();
  }
}

/** Copies of leading columns that are views of the frame's arrays (a view would clone its whole buffer). */
function copyFront(front: [string, Column][]): [string, Column][] {
  return front.map(([c, col]) => [c, col.slice()]);
}
