import type { TableLike } from "./table-like";
import { ELLIPSIS, shapeLine, tableLayout, type LayoutCell, type TableDisplayOptions } from "./table-layout";

const GAP = "  ";

function text(c: LayoutCell): string {
  return c === ELLIPSIS ? "..." : c;
}

/** Row labels; pandas writes the ellipsis row's label as "..". */
function label(c: LayoutCell): string {
  return c === ELLIPSIS ? ".." : c;
}

/** Width in characters (code points, so that Å, ± and × count as one). */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

/**
 * A table as aligned text, for terminals, scripts, the CLI and nbconvert's text export (pandas' DataFrame
 * to_string layout): row labels on the left, numbers right-aligned, text left-aligned, columns two spaces apart,
 * no cell ever cut. Beyond maxRows rows or maxColumns columns an ellipsis row or column stands for the rest and a
 * last line gives the shape, "[1000 rows x 3 columns]" (also under an empty table).
 */
export function tableText(x: TableLike, options: TableDisplayOptions = {}): string {
  const t = tableLayout(x, options);
  const header = t.header.map(text);
  const body = t.body.map((row) => row.map(text));
  const widths = header.map((h, c) => Math.max(width(h), ...body.map((row) => width(row[c]))));
  const index = t.index === null || t.nRows === 0 ? null : t.index.map(label);
  const indexWidth = index === null ? 0 : Math.max(0, ...index.map(width));
  const line = (label: string | null, cells: string[]) => {
    const parts = cells.map((s, c) => pad(s, widths[c], t.numeric[c] || t.header[c] === ELLIPSIS));
    if (label !== null) parts.unshift(pad(label, indexWidth, false));
    return parts.join(GAP).trimEnd();
  };
  const lines = [
    line(index === null ? null : "", header),
    ...body.map((row, r) => line(index === null ? null : index[r], row)),
  ];
  if (t.truncated || t.nRows === 0) lines.push("", `[${shapeLine(t)}]`);
  return lines.join("\n");
}
