import type { DataFrame, Series } from "danfojs-node";
import type { Column, Table } from "./csv";

/** A row-major matrix with column labels; qsoft's FeatureMatrix is one (values[i * labels.length + k]). */
export interface LabeledMatrix {
  readonly n: number;
  readonly labels: readonly string[];
  readonly values: ArrayLike<number>;
}

/** A table given as column names and rows (each row an array in column order, or an object keyed by name). */
export interface RowsTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[] | object)[];
  /** Row labels (default 0, 1, 2, ...). */
  readonly index?: readonly (string | number)[];
}

/**
 * Anything qsoft displays as a table: a danfojs DataFrame or Series, a FeatureMatrix, a qsoft Table (named typed
 * columns, as readCsv and the feature-set comparison return), an array of row objects (as summarizeScenarios and the claim
 * ledger return), or a {columns, rows} table.
 */
export type TableLike = DataFrame | Series | LabeledMatrix | Table | RowsTable | readonly object[];

/** A table seen column by column: the common form that the HTML and text renderers read. */
export interface TableView {
  readonly columns: readonly string[];
  readonly nRows: number;
  /** Row labels (null: 0, 1, 2, ...). */
  readonly index: readonly (string | number)[] | null;
  /** The value in column `c` (position) of row `r`. */
  value(r: number, c: number): unknown;
}

function isTable(x: object): x is Table {
  return "data" in x && (x as Table).data instanceof Map && typeof (x as Table).rows === "number";
}

function isLabeledMatrix(x: object): x is LabeledMatrix {
  const m = x as LabeledMatrix;
  return (
    typeof m.n === "number" && Array.isArray(m.labels) && m.values !== undefined && typeof m.values.length === "number"
  );
}

function isRowsTable(x: object): x is RowsTable {
  const t = x as RowsTable;
  return Array.isArray(t.columns) && Array.isArray(t.rows);
}

/** danfojs frames and series, recognised by shape so that the table floor never loads danfojs itself. */
function isDanfo(x: object): x is DataFrame | Series {
  const d = x as { $data?: unknown; columns?: unknown; index?: unknown };
  return Array.isArray(d.$data) && Array.isArray(d.columns) && Array.isArray(d.index);
}

function danfoView(df: DataFrame | Series): TableView {
  const values = df.values as unknown[];
  const series = (df as { $isSeries?: boolean }).$isSeries === true;
  return {
    columns: df.columns,
    nRows: values.length,
    index: df.index,
    value: series ? (r) => values[r] : (r, c) => (values[r] as unknown[])[c],
  };
}

/** Row objects (any interface, e.g. ScenarioSummary): the columns are their keys in order of first appearance. */
function recordsView(records: readonly object[]): TableView {
  const seen = new Set<string>();
  for (const rec of records) for (const k of Object.keys(rec)) seen.add(k);
  const columns = [...seen];
  return {
    columns,
    nRows: records.length,
    index: null,
    value: (r, c) => (records[r] as Record<string, unknown>)[columns[c]],
  };
}

function rowsView(t: RowsTable): TableView {
  const { columns, rows } = t;
  if (t.index !== undefined && t.index.length !== rows.length) {
    throw new Error(`table has ${rows.length} rows but an index of ${t.index.length} labels`);
  }
  rows.forEach((row, r) => {
    if (Array.isArray(row) && row.length > columns.length) {
      throw new Error(`table row ${r} has ${row.length} values for ${columns.length} columns`);
    }
  });
  return {
    columns,
    nRows: rows.length,
    index: t.index ?? null,
    value: (r, c) => {
      const row = rows[r];
      return Array.isArray(row) ? row[c] : (row as Record<string, unknown>)[columns[c]];
    },
  };
}

/** The column-wise view of any TableLike; throws a clear error for anything else. */
export function tableView(x: TableLike): TableView {
  if (x === null || typeof x !== "object")
    throw new Error(`expected a table (DataFrame, FeatureMatrix, Table, rows), got ${x === null ? "null" : typeof x}`);
  if (Array.isArray(x)) {
    const bad = (x as unknown[]).findIndex((r) => r === null || typeof r !== "object" || Array.isArray(r));
    if (bad >= 0)
      throw new Error(
        `expected an array of row objects, but row ${bad} is ${Array.isArray(x[bad]) ? "an array (use {columns, rows})" : String(x[bad])}`,
      );
    return recordsView(x as readonly object[]);
  }
  if (isDanfo(x)) return danfoView(x);
  if (isTable(x)) {
    const cols = x.columns.map((c) => x.data.get(c) as Column);
    return { columns: x.columns, nRows: x.rows, index: null, value: (r, c) => cols[c][r] };
  }
  if (isLabeledMatrix(x)) {
    const f = x.labels.length;
    if (x.values.length !== x.n * f)
      throw new Error(`matrix of ${x.n} rows x ${f} labels has ${x.values.length} values, expected ${x.n * f}`);
    return { columns: x.labels, nRows: x.n, index: null, value: (r, c) => x.values[r * f + c] };
  }
  if (isRowsTable(x)) return rowsView(x);
  throw new Error(
    "expected a table: a danfojs DataFrame or Series, a FeatureMatrix, a Table, an array of row objects or {columns, rows}",
  );
}
