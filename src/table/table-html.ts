import type { TableLike } from "./table-like";
import { ELLIPSIS, shapeLine, tableLayout, type LayoutCell, type TableDisplayOptions } from "./table-layout";

/** pandas' notebook table style (DataFrame._repr_html_), plus digits of equal width in number columns. */
const STYLE = [
  "<style scoped>",
  ".dataframe tbody tr th:only-of-type { vertical-align: middle; }",
  ".dataframe tbody tr th { vertical-align: top; }",
  ".dataframe thead th { text-align: right; }",
  ".dataframe td { font-variant-numeric: tabular-nums; }",
  "</style>",
].join("\n");

const LEFT = ' style="text-align: left;"';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function cell(tag: "th" | "td", c: LayoutCell, left: boolean): string {
  return `<${tag}${left ? LEFT : ""}>${c === ELLIPSIS ? "..." : escapeHtml(c)}</${tag}>`;
}

/**
 * A table as an HTML fragment for notebooks, laid out like pandas' DataFrame in Jupyter: a "dataframe" table with
 * the column names as header, row labels as header cells, numbers right-aligned (pandas' display precision), text
 * left-aligned and escaped. Beyond maxRows rows or maxColumns columns an ellipsis row or column stands for the
 * rest and a paragraph gives the shape, "1000 rows × 3 columns".
 */
export function tableHtml(x: TableLike, options: TableDisplayOptions = {}): string {
  const t = tableLayout(x, options);
  const left = t.numeric.map((n, c) => !n && t.header[c] !== ELLIPSIS);
  const head = t.header.map((h, c) => cell("th", h, left[c]));
  if (t.index !== null) head.unshift("<th></th>");
  const rows = t.body.map((row, r) => {
    const cells = row.map((v, c) => cell("td", v, left[c]));
    if (t.index !== null) cells.unshift(cell("th", t.index[r], false));
    return `<tr>${cells.join("")}</tr>`;
  });
  const parts = [
    "<div>",
    STYLE,
    '<table border="1" class="dataframe">',
    "<thead>",
    `<tr style="text-align: right;">${head.join("")}</tr>`,
    "</thead>",
    "<tbody>",
    ...rows,
    "</tbody>",
    "</table>",
  ];
  if (t.truncated || t.nRows === 0) parts.push(`<p>${shapeLine(t, "×")}</p>`);
  parts.push("</div>");
  return parts.join("\n");
}
