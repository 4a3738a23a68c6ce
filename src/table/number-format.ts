/**
 * The shortest decimal text that reads back to the same double: JavaScript's Number-to-String is already the
 * shortest round-trip form (ECMA-262, Number::toString), so no toPrecision(17) fallback is needed; -0 keeps its
 * sign, NaN and +-Infinity are written as "NaN", "Infinity" and "-Infinity".
 */
export function formatNumber(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/**
 * A CSV or dump cell as a number, or undefined when it is not one. Decimal numbers (as `Number` reads them,
 * without hex/octal/binary prefixes), "NaN"/"nan" and an empty cell (NaN, as pandas writes missing values),
 * "Infinity"/"inf" with an optional sign (as JavaScript and pandas write them).
 */
export function parseNumberCell(cell: string): number | undefined {
  if (cell === "") return NaN;
  const x = Number(cell);
  // Number() also reads "0x1F", "0o7" and "0b1": only decimal text is a number here.
  if (!Number.isNaN(x)) return radixPrefixed(cell) ? undefined : x;
  switch (cell.toLowerCase()) {
    case "nan":
    case "+nan":
    case "-nan":
      return NaN;
    case "infinity":
    case "+infinity":
    case "inf":
    case "+inf":
      return Infinity;
    case "-infinity":
    case "-inf":
      return -Infinity;
    default:
      return undefined;
  }
}

/** True for "0x..", "0o..", "0b.." with an optional sign. */
function radixPrefixed(cell: string): boolean {
  const k = cell.charCodeAt(0) === 45 || cell.charCodeAt(0) === 43 ? 1 : 0;
  if (cell.charCodeAt(k) !== 48) return false;
  const c = cell.charCodeAt(k + 1) | 32;
  return c === 120 || c === 111 || c === 98;
}
