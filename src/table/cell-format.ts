/** The formatted cells of one displayed column and how they align. */
export interface FormattedColumn {
  readonly cells: string[];
  /** True for numbers (and strings that read as numbers): right-aligned; text is left-aligned. */
  readonly numeric: boolean;
}

const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?( ?%)?$/;
/** Placeholders that do not make a column of numbers textual. */
const PLACEHOLDER = new Set(["", "-", "NaN", "nan", "inf", "-inf", "n/a"]);

function specialNumber(x: number): string | null {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  return null;
}

/** Exponent with at least two digits, as Python's "%e" writes it: 1.5e+07, 2.0e-10. */
function scientific(x: number, precision: number): string {
  return x.toExponential(precision).replace(/e([+-])(\d)$/, "e$10$2");
}

/**
 * Removes trailing zeros common to all fixed-point strings, keeping at least one decimal (pandas'
 * _trim_zeros_float in pandas/io/formats/format.py: 0.500000, 0.250000 -> 0.50, 0.25).
 */
function trimCommonZeros(cells: string[], trimmable: boolean[]): void {
  const idx = cells.map((_, i) => i).filter((i) => trimmable[i]);
  if (idx.length === 0) return;
  const canTrim = () => idx.every((i) => cells[i].endsWith("0") && !/\.\d$/.test(cells[i]));
  while (canTrim()) for (const i of idx) cells[i] = cells[i].slice(0, -1);
}

/**
 * Formats the numbers of one column the way pandas displays a float column (display.precision = 6,
 * FloatArrayFormatter.get_result_as_array in pandas/io/formats/format.py, pandas 1.5): fixed point with `precision`
 * decimals and common trailing zeros removed; scientific with `precision` decimals when some 0 < |x| <
 * 10^-precision, or when some |x| > 1e6 and the longest fixed-point cell (with pandas' sign space) is longer than
 * precision + 6 characters. NaN prints as NaN, infinities as inf. One difference: JavaScript has no integer type,
 * so a column whose finite values are all integers below 1e16 prints them as integers (pandas: 3.0 for a float 3).
 */
export function formatNumbers(values: readonly number[], precision: number): string[] {
  const finite = values.filter(Number.isFinite);
  if (finite.every((x) => Number.isInteger(x) && Math.abs(x) < 1e16))
    return values.map((x) => specialNumber(x) ?? String(x));
  const cells = values.map((x) => specialNumber(x) ?? x.toFixed(precision));
  trimCommonZeros(cells, values.map(Number.isFinite));
  const signWidth = (x: number, s: string) => s.length + (x >= 0 ? 1 : 0);
  // toFixed writes |x| >= 1e21 in exponent form: such a value is always too long for fixed point.
  const tooLong = cells.some((s, i) => signWidth(values[i], s) > precision + 6 || Math.abs(values[i]) >= 1e21);
  const large = finite.some((x) => Math.abs(x) > 1e6);
  const small = finite.some((x) => x !== 0 && Math.abs(x) < 10 ** -precision);
  if (small || (large && tooLong)) return values.map((x) => specialNumber(x) ?? scientific(x, precision));
  return cells;
}

/** Text of a non-numeric cell: strings as they are (newlines shown as \n), booleans, dates, arrays. */
function textOf(v: unknown, precision: number): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.replace(/\r?\n/g, "\\n");
  if (typeof v === "number") return formatNumbers([v], precision)[0];
  if (typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const items = Array.from(v as ArrayLike<unknown>);
    return `[${items.map((e) => textOf(e, precision)).join(", ")}]`;
  }
  return String(v);
}

/**
 * Formats the displayed values of one column: a column of numbers (null and undefined count as NaN) as
 * formatNumbers does; any other column cell by cell, right-aligned when every cell reads as a number.
 */
export function formatColumn(values: readonly unknown[], precision = 6): FormattedColumn {
  const allNumbers =
    values.length > 0 &&
    values.every((v) => typeof v === "number" || v === null || v === undefined) &&
    values.some((v) => typeof v === "number");
  if (allNumbers)
    return {
      cells: formatNumbers(
        values.map((v) => (typeof v === "number" ? v : NaN)),
        precision,
      ),
      numeric: true,
    };
  const cells = values.map((v) => textOf(v, precision));
  const numeric =
    cells.some((s) => !PLACEHOLDER.has(s.trim())) &&
    cells.every((s) => PLACEHOLDER.has(s.trim()) || NUMBER_TEXT.test(s.trim()));
  return { cells, numeric };
}
