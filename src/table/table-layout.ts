import { formatColumn } from "./cell-format";
import { tableView, type TableLike } from "./table-like";

/** How a table is displayed; the defaults are pandas' display options. */
export interface TableDisplayOptions {
  /** A table with more rows than this shows only its first and last rows (pandas display.max_rows, 60). */
  maxRows?: number;
  /** Rows shown when truncated, half from the top and half from the bottom (pandas display.min_rows, 10). */
  minRows?: number;
  /** A table with more columns shows its first and last ones around an ellipsis column (display.max_columns, 20). */
  maxColumns?: number;
  /** Decimals of floating-point numbers (pandas display.precision, 6). */
  precision?: number;
  /** Show the row labels (default true; 0, 1, 2, ... when the table has none). */
  index?: boolean;
}

/** A display cell: its text, or the ellipsis that stands for the rows or columns left out. */
export type LayoutCell = string | typeof ELLIPSIS;

/** Marks the ellipsis row and column. */
export const ELLIPSIS: unique symbol = Symbol("ellipsis");

/** A table ready to draw: the header, the row labels and the cells of the shown rows and columns. */
export interface TableLayout {
  /** Shown column names (ELLIPSIS where columns are left out). */
  readonly header: LayoutCell[];
  /** True for columns drawn right-aligned (numbers), per shown column. */
  readonly numeric: boolean[];
  /** Row labels of the shown rows (ELLIPSIS where rows are left out), or null without an index. */
  readonly index: LayoutCell[] | null;
  /** Shown rows, each a list of shown cells. */
  readonly body: LayoutCell[][];
  readonly nRows: number;
  readonly nColumns: number;
  /** True when rows or columns were left out (the display then ends with the shape line). */
  readonly truncated: boolean;
}

/** Positions kept of `n` when at most `max` fit: all, or the first and last `keep / 2` around -1 (the ellipsis). */
function window(n: number, max: number, keep: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const head = Math.ceil(keep / 2);
  const tail = Math.floor(keep / 2);
  return [...Array.from({ length: head }, (_, i) => i), -1, ...Array.from({ length: tail }, (_, i) => n - tail + i)];
}

function checkCount(name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min)
    throw new Error(`table display option ${name} must be an integer >= ${min}, got ${v}`);
  return v;
}

/** Chooses the rows and columns to show (pandas' truncation rules) and formats their cells. */
export function tableLayout(x: TableLike, options: TableDisplayOptions = {}): TableLayout {
  const maxRows = checkCount("maxRows", options.maxRows ?? 60, 1);
  const minRows = checkCount("minRows", Math.min(options.minRows ?? 10, maxRows), 1);
  const maxColumns = checkCount("maxColumns", options.maxColumns ?? 20, 1);
  const precision = checkCount("precision", options.precision ?? 6, 0);
  const view = tableView(x);
  const rows = window(view.nRows, maxRows, minRows);
  const cols = window(view.columns.length, maxColumns, maxColumns);
  const shownRows = rows.filter((r) => r >= 0);
  const columns = cols.map((c) =>
    c < 0
      ? null
      : formatColumn(
          shownRows.map((r) => view.value(r, c)),
          precision,
        ),
  );
  let at = 0;
  const body = rows.map((r) => {
    const k = r < 0 ? -1 : at++;
    return columns.map((col) => (k < 0 || col === null ? ELLIPSIS : col.cells[k]));
  });
  let index: LayoutCell[] | null = null;
  if (options.index ?? true) {
    const labels = view.index;
    if (labels !== null && labels.length !== view.nRows)
      throw new Error(`table has ${view.nRows} rows but ${labels.length} row labels`);
    index = rows.map((r) => (r < 0 ? ELLIPSIS : String(labels === null ? r : labels[r])));
  }
  return {
    header: cols.map((c) => (c < 0 ? ELLIPSIS : view.columns[c])),
    numeric: columns.map((col) => col?.numeric === true),
    index,
    body,
    nRows: view.nRows,
    nColumns: view.columns.length,
    truncated: rows.includes(-1) || cols.includes(-1),
  };
}

/** The shape line of a truncated table, as pandas writes it ("1000 rows x 3 columns"). */
export function shapeLine(layout: TableLayout, times = "x"): string {
  const rows = `${layout.nRows} row${layout.nRows === 1 ? "" : "s"}`;
  const cols = `${layout.nColumns} column${layout.nColumns === 1 ? "" : "s"}`;
  return `${rows} ${times} ${cols}`;
}
