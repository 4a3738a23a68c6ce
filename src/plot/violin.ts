import { flattenSeries, hasCategories, type DistributionSeries } from "./distribution-series";
import type { Figure, ViolinTrace } from "./figure";
import { checkNonEmpty } from "./plot-data";
import { axis, baseLayout, setLegend, colorAt, withAlpha, type FigureOptions } from "./style";

export interface ViolinOptions extends FigureOptions {
  series: readonly DistributionSeries[];
  /** y-axis title with units. */
  yTitle: string;
  xTitle?: string;
  /** Draw a box (quartiles) inside each violin (default true). */
  box?: boolean;
  /** Draw the mean as a line (default false). */
  meanline?: boolean;
  /** Show the data points next to the violins (default "none": large atom sets make unreadable clouds). */
  points?: "none" | "all" | "outliers";
  /**
   * With exactly two series, draw them as the two halves of one violin at each category (default false).
   * Plotly scales each half by its own kernel density estimate (Silverman's rule bandwidth unless `bandwidth`).
   */
  split?: boolean;
  /** Kernel bandwidth in data units (default: Plotly's Silverman rule of thumb per trace). */
  bandwidth?: number;
  /** Cut the density at the data range ("hard", default, right for bounded quantities) or extend it ("soft"). */
  spanmode?: "hard" | "soft";
}

/**
 * Violin plots: per-series kernel density estimates drawn by Plotly (trace type "violin"), grouped by category when
 * the series have categories, mirrored halves with `split` (Wang & Jain Fig. 3d and Fig. 4 style).
 */
export function violinPlot(opts: ViolinOptions): Figure {
  checkNonEmpty("violin series", opts.series);
  if (opts.split && opts.series.length !== 2)
    throw new Error(`violin split needs exactly two series, got ${opts.series.length}`);
  if (opts.bandwidth !== undefined && !(opts.bandwidth > 0))
    throw new Error(`violin bandwidth must be positive, got ${opts.bandwidth}`);
  const grouped = hasCategories(opts.series);
  const data: ViolinTrace[] = opts.series.map((s, idx) => {
    const { x, y } = flattenSeries(s, "violin series");
    const color = s.color ?? colorAt(idx);
    const filled = s.filled ?? true;
    const t: ViolinTrace = {
      type: "violin",
      name: s.name,
      y,
      line: { color, width: 1.5 },
      fillcolor: filled ? withAlpha(color, 0.5) : "rgba(0,0,0,0)",
      box: { visible: opts.box ?? true, width: 0.15 },
      meanline: { visible: opts.meanline ?? false },
      points: opts.points === undefined || opts.points === "none" ? false : opts.points,
      spanmode: opts.spanmode ?? "hard",
      scalemode: "width",
    };
    if (t.points !== false) t.marker = { color, size: 3 };
    if (x) t.x = x;
    if (opts.bandwidth !== undefined) t.bandwidth = opts.bandwidth;
    if (opts.split) t.side = idx === 0 ? "negative" : "positive";
    return t;
  });
  const layout = baseLayout(opts);
  layout.xaxis = axis(opts.xTitle, { type: "category", ticks: "" });
  layout.yaxis = axis(opts.yTitle);
  layout.violinmode = grouped && !opts.split ? "group" : "overlay";
  layout.violingap = 0.3;
  setLegend(layout, grouped || opts.split === true);
  return { data, layout };
}
