import { readInputBytes } from "../files/input-file";
import { AtomicWriter } from "../files/atomic-write";

/** A column of a table: numbers (typed array) or strings. */
export type Column = Float64Array | Int32Array | string[];

/** A table as named columns of equal length, in order. */
export interface Table {
  readonly columns: string[];
  readonly data: Map<string, Column>;
  readonly rows: number;
}

/** Formats a number so that it reads back to the same double (17 significant digits when needed). */
export function formatNumber(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const short = String(x);
  return Number(short) === x ? short : x.toPrecision(17);
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

/** Writes a table as CSV (header line, comma-separated, numbers that round-trip), atomically. */
export function writeCsv(file: string, table: Table): void {
  const w = new AtomicWriter(file);
  try {
    w.write(table.columns.join(",") + "\n");
    const cols = table.columns.map((c) => table.data.get(c) as Column);
    const chunk: string[] = [];
    for (let r = 0; r < table.rows; r++) {
      const cells = new Array<string>(cols.length);
      for (let k = 0; k < cols.length; k++) {
        const v = cols[k][r];
        cells[k] = typeof v === "number" ? formatNumber(v) : v;
      }
      chunk.push(cells.join(","));
      if (chunk.length === 4096) {
        w.write(chunk.join("\n") + "\n");
        chunk.length = 0;
      }
    }
    if (chunk.length > 0) w.write(chunk.join("\n") + "\n");
    w.close();
  } catch (e) {
    w.abort();
    throw e;
  }
}

/** A cell as a number: decimal numbers, "NaN" or empty (NaN, as writeCsv writes undefined values), "Infinity". */
function cellNumber(cell: string): number {
  if (cell === "" || cell === "NaN" || /^[+-]?0[xob]/i.test(cell)) return NaN;
  return Number(cell);
}

/** True when a cell reads as a number (NaN included, as `writeCsv` writes it). */
function isNumberCell(cell: string): boolean {
  return cell === "" || cell === "NaN" || !Number.isNaN(cellNumber(cell));
}

/**
 * Reads a CSV with a header line ("-" reads standard input). Columns whose every cell is a number become
 * Float64Array ("NaN" and empty cells are NaN, "Infinity" is infinite, as `writeCsv` writes them); others stay
 * strings. Data row r is line r + 2 of the file. Errors name the file and line (ragged rows, empty file).
 */
export function readCsv(file: string): Table {
  const text = readInputBytes(file, "a CSV file").toString("utf8");
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) throw new Error(`${file}: empty file, expected a header line`);
  const header = lines[0].split(",").map((s) => s.trim());
  const raw: string[][] = header.map(() => new Array<string>(lines.length - 1));
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(",");
    if (cells.length !== header.length) {
      throw new Error(
        `${file}:${r + 1}: ${cells.length} fields, expected ${header.length} (header: ${header.join(",")})`,
      );
    }
    for (let k = 0; k < cells.length; k++) raw[k][r - 1] = cells[k].trim();
  }
  const columns: [string, Column][] = header.map((name, k) => {
    const cells = raw[k];
    const nums = new Float64Array(cells.length);
    for (let r = 0; r < cells.length; r++) {
      if (!isNumberCell(cells[r])) return [name, cells];
      nums[r] = cellNumber(cells[r]);
    }
    return [name, nums];
  });
  return makeTable(columns);
}

/** A numeric column of a table; throws naming the file when it is missing or not numeric. */
export function numericColumn(table: Table, name: string, file = "table"): Float64Array {
  const col = table.data.get(name);
  if (col === undefined) throw new Error(`${file}: no column "${name}" (columns: ${table.columns.join(", ")})`);
  if (Array.isArray(col)) {
    const bad = col.findIndex((s) => !isNumberCell(s));
    throw new Error(`${file}:${bad + 2}: column "${name}" is not numeric ("${col[bad]}")`);
  }
  return col instanceof Float64Array ? col : Float64Array.from(col);
}
