import type { Frame } from "../structure/frame";
import { type Column, makeTable, type TableWriter } from "../table/csv";
import { copyRowsToColumns } from "../table/feature-matrix";
import { openTableWriter } from "../table/table-file";
import { POSITION_COLUMNS, positionColumns } from "./position-columns";

/** Rows per chunk handed to the table writer (one Parquet row group each). */
export const FEATURE_CHUNK_ROWS = 131072;

/**
 * A features table written a chunk of rows at a time (Parquet or CSV by the file's extension): id, [x, y, z,]
 * type, then the feature columns, as featureTable lays them out, from row-major rows of the frame's atoms. The
 * columns of a chunk are filled into buffers reused from chunk to chunk, so the N x F table is never held twice.
 * The file appears only on `close()`.
 */
export class FeatureRowsWriter {
  private readonly writer: TableWriter;
  private readonly buffers: Float64Array[];

  constructor(
    file: string,
    private readonly frame: Frame,
    private readonly labels: readonly string[],
    private readonly options: { readonly positions?: boolean; readonly threads?: number } = {},
  ) {
    // The buffers first: a failure then leaves no temporary file behind.
    this.buffers = labels.map(() => new Float64Array(Math.min(FEATURE_CHUNK_ROWS, frame.natoms)));
    this.writer = openTableWriter(
      file,
      [
        ["id", "int32"],
        ...(options.positions ? POSITION_COLUMNS.map((c) => [c, "float64"] as const) : []),
        ["type", "int32"],
        ...labels.map((l) => [l, "float64"] as const),
      ],
      { threads: options.threads },
    );
  }

  /** Writes the rows of atoms start, start + 1, ... (in frame order) from `values` (rows x F, row-major). */
  write(start: number, values: Float64Array): void {
    const f = this.labels.length;
    const rows = values.length / f;
    if (!Number.isInteger(rows) || start < 0 || start + rows > this.frame.natoms)
      throw new Error(
        `${this.writer.file}: ${values.length} values are not whole rows of ${f} features for atoms ${start}.. of ${this.frame.natoms}`,
      );
    for (let a = 0; a < rows; a += FEATURE_CHUNK_ROWS) {
      const n = Math.min(FEATURE_CHUNK_ROWS, rows - a);
      const from = start + a;
      const cols: [string, Column][] = [
        ["id", this.frame.ids.subarray(from, from + n)],
        ...(this.options.positions ? positionColumns(this.frame, from, n) : []),
        ["type", this.frame.types.subarray(from, from + n)],
      ];
      copyRowsToColumns(values, f, a, n, this.buffers);
      for (let k = 0; k < f; k++) cols.push([this.labels[k], this.buffers[k].subarray(0, n)]);
      this.writer.write(makeTable(cols));
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
