import { readCsv, type Table, writeCsv } from "./csv";
import { readParquet, writeParquet } from "./parquet";

/** The format of a table file by its name: Parquet for ".parquet" (any case), else CSV. */
export function tableFormat(file: string): "parquet" | "csv" {
  return /\.parquet$/i.test(file) ? "parquet" : "csv";
}

/** Writes a table as Parquet or CSV by the file's extension (see `tableFormat`), atomically. */
export function writeTable(file: string, table: Table): void {
  if (tableFormat(file) === "parquet") writeParquet(file, table);
  else writeCsv(file, table);
}

/** Reads a Parquet or CSV table by the file's extension (see `tableFormat`); "-" reads a CSV from standard input. */
export async function readTable(file: string): Promise<Table> {
  return tableFormat(file) === "parquet" ? readParquet(file) : readCsv(file);
}
