import {
  type ColumnKind,
  CsvTableWriter,
  type CsvWriteOptions,
  readCsv,
  type Table,
  type TableWriter,
  writeCsv,
} from "./csv";
import { ParquetTableWriter, readParquet, writeParquet } from "./parquet";

/** The format of a table file by its name: Parquet for ".parquet" (any case), else CSV. */
export function tableFormat(file: string): "parquet" | "csv" {
  return /\.parquet$/i.test(file) ? "parquet" : "csv";
}

/**
 * Writes a table as Parquet or CSV by the file's extension (see `tableFormat`), atomically.
 * The file appears only once complete. Parquet keeps column names, types (Float64Array as DOUBLE, Int32Array as INT32, text) and NaN;
 * CSV writes numbers in their shortest round-trip form, NaN as "NaN"; `options.threads` share the formatting of
 * a large CSV (the same file).
 * @example writeTable("features.parquet", makeTable([["id", ids], ["softness", s]]))
 */
export function writeTable(file: string, table: Table, options: CsvWriteOptions = {}): void {
  if (tableFormat(file) === "parquet") writeParquet(file, table);
  else writeCsv(file, table, options);
}

/**
 * Opens a table file to be written a chunk of rows at a time, Parquet or CSV by the file's extension (see
 * `tableFormat`), with the given columns (names and kinds, in order); the file appears only on `close()`.
 * `options.threads`: as writeTable's.
 */
export function openTableWriter(
  file: string,
  columns: readonly (readonly [string, ColumnKind])[],
  options: CsvWriteOptions = {},
): TableWriter {
  return tableFormat(file) === "parquet"
    ? new ParquetTableWriter(file, columns)
    : new CsvTableWriter(file, columns, options);
}

/**
 * Reads a Parquet or CSV table by the file's extension (see `tableFormat`); "-" reads a CSV from standard input.
 * Numeric columns come back as Float64Array (Parquet INT32 as Int32Array), text columns as strings; errors name
 * the file and the problem.
 * @example const t = await readTable("features.parquet"); const s = numericColumn(t, "softness");
 */
export async function readTable(file: string): Promise<Table> {
  return tableFormat(file) === "parquet" ? readParquet(file) : readCsv(file);
}
