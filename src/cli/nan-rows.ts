/** Rows of a feature block that hold NaN, described for an error message in file lines. */
export interface NanRows {
  /** Data-row indices (0-based) with at least one NaN among the columns. */
  rows: number[];
  /** A sentence naming the count, the first atoms (id and file line) and the columns involved. */
  message: string;
}

/**
 * Finds the rows of `columns` (one array per feature, data row r on line r + 2 of `file`) that hold NaN, as
 * `qsoft featurize` writes for undefined statistics. `ids` names the atoms.
 */
export function nanRows(
  file: string,
  names: readonly string[],
  columns: readonly Float64Array[],
  ids: ArrayLike<number>,
  rowsToCheck?: readonly number[],
): NanRows {
  const rows: number[] = [];
  const cols = new Set<string>();
  const n = ids.length;
  const check = rowsToCheck ?? Array.from({ length: n }, (_, r) => r);
  for (const r of check) {
    let bad = false;
    for (let k = 0; k < columns.length; k++) {
      if (Number.isNaN(columns[k][r])) {
        bad = true;
        if (cols.size < 6) cols.add(names[k]);
      }
    }
    if (bad) rows.push(r);
  }
  const shown = rows
    .slice(0, 5)
    .map((r) => `id ${ids[r]} (line ${r + 2})`)
    .join(", ");
  const message =
    `${file}: ${rows.length} atom(s) have NaN features (${shown}${rows.length > 5 ? ", ..." : ""}; columns ${[...cols].join(", ")}${cols.size >= 6 ? ", ..." : ""}); ` +
    "NaN marks an undefined statistic (docs/features.md): give --drop-nan to leave these atoms out, or impute the values first";
  return { rows, message };
}
