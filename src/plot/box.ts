import { percentileLinear } from "../table/quantiles";
import { flattenSeries, hasCategories, seriesParts, type DistributionSeries } from "./distribution-series";
import type { BoxTrace, Category, Figure } from "./figure";
import { checkNonEmpty } from "./plot-data";
import { axis, baseLayout, setLegend, colorAt, withAlpha, type FigureOptions } from "./style";

export interface BoxOptions extends FigureOptions {
  series: readonly DistributionSeries[];
  /** y-axis title with units. */
  yTitle: string;
  xTitle?: string;
  /**
   * "minmax" (default): box from the 25th to the 75th percentile, line at the median, whiskers to the minimum and
   * maximum (the convention of Wang & Jain Fig. 5a). The statistics are computed here, percentiles by linear
   * interpolation between order statistics (numpy.percentile's default), and stored in the figure.
   * "tukey": whiskers to the last point within 1.5 IQR of the box, points beyond drawn as outliers (Tukey 1977);
   * Plotly computes these from the raw values with its own quartile rule.
   */
  whiskers?: "minmax" | "tukey";
  /** Also mark the mean (dashed line), default false. */
  mean?: boolean;
  /** Draw every data point beside its box (then Plotly computes the statistics, with Tukey whiskers); default false. */
  points?: boolean;
}

/** Five-number summary and mean of a sample. */
export interface BoxStatistics {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

/** Minimum, quartiles, maximum and mean of a non-empty sample. */
export function boxStatistics(values: ArrayLike<number>): BoxStatistics {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  return {
    min: sorted[0],
    q1: percentileLinear(sorted, 25),
    median: percentileLinear(sorted, 50),
    q3: percentileLinear(sorted, 75),
    max: sorted[sorted.length - 1],
    mean: sum / sorted.length,
  };
}

/** Box plots (trace type "box"), grouped by category when the series have categories. */
export function boxPlot(opts: BoxOptions): Figure {
  checkNonEmpty("box series", opts.series);
  const whiskers = opts.whiskers ?? "minmax";
  const precomputed = whiskers === "minmax" && !opts.points;
  const grouped = hasCategories(opts.series);
  const data: BoxTrace[] = opts.series.map((s, idx) => {
    const color = s.color ?? colorAt(idx);
    const t: BoxTrace = {
      type: "box",
      name: s.name,
      line: { color, width: 1.5 },
      fillcolor: (s.filled ?? true) ? withAlpha(color, 0.4) : "rgba(0,0,0,0)",
      marker: { color, size: 4 },
      boxmean: opts.mean ?? false,
      whiskerwidth: 0.6,
    };
    if (precomputed) {
      const parts = seriesParts(s, "box series");
      const stats = parts.map((p) => boxStatistics(p.values));
      t.x = parts.map((p): Category => p.category ?? s.name);
      t.q1 = stats.map((b) => b.q1);
      t.median = stats.map((b) => b.median);
      t.q3 = stats.map((b) => b.q3);
      t.lowerfence = stats.map((b) => b.min);
      t.upperfence = stats.map((b) => b.max);
      if (opts.mean) t.mean = stats.map((b) => b.mean);
    } else {
      const { x, y } = flattenSeries(s, "box series");
      t.y = y;
      if (x) t.x = x;
      t.boxpoints = opts.points ? "all" : "outliers";
      if (opts.points) {
        t.jitter = 0.4;
        t.pointpos = 0;
      }
    }
    return t;
  });
  const layout = baseLayout(opts);
  layout.xaxis = axis(opts.xTitle, { type: "category", ticks: "" });
  layout.yaxis = axis(opts.yTitle);
  layout.boxmode = grouped ? "group" : "overlay";
  setLegend(layout, grouped);
  return { data, layout };
}
