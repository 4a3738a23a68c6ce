import type { BarTrace, Category, Figure } from "./figure";
import { checkLength, checkNonEmpty, firstNonFinite, toData } from "./plot-data";
import { axis, baseLayout, setLegend, colorAt, type FigureOptions } from "./style";

/** One set of bars: a value per category (e.g. feature importances of one model). */
export interface BarSeries {
  name: string;
  categories: readonly Category[];
  values: ArrayLike<number>;
  /** Symmetric error bars (e.g. the standard deviation over CV folds). */
  errors?: ArrayLike<number>;
  color?: string;
}

export interface BarChartOptions extends FigureOptions {
  series: readonly BarSeries[];
  /** Title of the category axis (e.g. "Feature"), optional. */
  categoryTitle?: string;
  /** Title of the value axis with units (e.g. "Importance", "AUC"). */
  valueTitle: string;
  /** "vertical" (default) or "horizontal" bars (long category names such as feature names read better). */
  orientation?: "vertical" | "horizontal";
  /** Order categories by the first series' values ("descending": largest first), or keep them (default). */
  sort?: "none" | "ascending" | "descending";
  /** Several series: side by side ("group", default) or stacked. */
  mode?: "group" | "stack";
  /** Value-axis range, e.g. [0.5, 0.9] for AUCs. */
  valueRange?: [number, number];
}

/**
 * Bar charts (trace type "bar"), one trace per series; with `sort` the categories are ordered by the first series
 * and, for horizontal bars, the first category is drawn at the top as it is read.
 */
export function barChart(opts: BarChartOptions): Figure {
  checkNonEmpty("bar series", opts.series);
  const horizontal = opts.orientation === "horizontal";
  const data: BarTrace[] = opts.series.map((s, idx) => {
    checkNonEmpty(`bar series "${s.name}"`, s.categories);
    checkLength(`bar series "${s.name}" values`, s.values, s.categories.length, "its categories");
    if (s.errors) checkLength(`bar series "${s.name}" errors`, s.errors, s.categories.length, "its categories");
    const bad = firstNonFinite(s.values);
    if (bad >= 0)
      throw new Error(
        `bar series "${s.name}" has a non-finite value (${s.values[bad]}) for category ${s.categories[bad]}`,
      );
    const color = s.color ?? colorAt(idx);
    const cats = [...s.categories];
    const vals = toData(s.values);
    const t: BarTrace = horizontal
      ? {
          type: "bar",
          name: s.name,
          orientation: "h",
          x: vals,
          y: cats,
          marker: { color, line: { color: "#000000", width: 0.8 } },
        }
      : {
          type: "bar",
          name: s.name,
          orientation: "v",
          x: cats,
          y: vals,
          marker: { color, line: { color: "#000000", width: 0.8 } },
        };
    if (s.errors) {
      const e = {
        type: "data" as const,
        array: toData(s.errors),
        visible: true,
        thickness: 1.2,
        width: 4,
        color: "#000000",
      };
      if (horizontal) t.error_x = e;
      else t.error_y = e;
    }
    return t;
  });
  let order: Category[] | undefined;
  const sort = opts.sort ?? "none";
  if (sort !== "none") {
    const first = opts.series[0];
    const idx = first.categories.map((_, i) => i);
    idx.sort((a, b) => (sort === "descending" ? first.values[b] - first.values[a] : first.values[a] - first.values[b]));
    order = idx.map((i) => first.categories[i]);
  } else {
    order = [...opts.series[0].categories];
  }
  const layout = baseLayout(opts);
  const catAxis = axis(opts.categoryTitle, {
    type: "category",
    categoryorder: "array",
    categoryarray: order,
    ticks: "",
    // Horizontal bars: the first category at the top.
    ...(horizontal ? { autorange: "reversed" as const } : {}),
  });
  const valAxis = axis(opts.valueTitle, opts.valueRange ? { range: opts.valueRange } : { rangemode: "tozero" });
  layout.xaxis = horizontal ? valAxis : catAxis;
  layout.yaxis = horizontal ? catAxis : valAxis;
  layout.barmode = opts.mode === "stack" ? "stack" : "group";
  layout.bargap = 0.25;
  setLegend(layout, opts.series.length > 1);
  return { data, layout };
}
