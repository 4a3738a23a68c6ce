import { binValues, sharedRange, type HistogramNormalization } from "./binning";
import type { BarTrace, Figure, ScatterTrace } from "./figure";
import { checkNonEmpty, firstNonFinite, toData, toLogData } from "./plot-data";
import { axis, baseLayout, setLegend, colorAt, logAxis, withAlpha, type FigureOptions } from "./style";

/** One data set of a histogram. */
export interface HistogramSeries {
  name: string;
  values: ArrayLike<number>;
  color?: string;
}

export interface HistogramOptions extends FigureOptions {
  series: readonly HistogramSeries[];
  /** x-axis title with units, e.g. "Quench-in softness" or "D<sup>2</sup><sub>min</sub> (Å<sup>2</sup>)". */
  xTitle: string;
  /** y-axis title; default from the normalisation ("Count", "Probability", "Probability density"). */
  yTitle?: string;
  /** Number of equal-width bins, shared by all series (default 50). */
  bins?: number;
  /** Bin range shared by all series; default: the range of all finite values. */
  range?: [number, number];
  normalization?: HistogramNormalization;
  /** "bars" (filled, overlaid with transparency) or "step" (outlines); default bars for one series, step for more. */
  style?: "bars" | "step";
  logY?: boolean;
  /** Values that are NaN or infinite are an error unless this is true (then they are left out). */
  dropNonFinite?: boolean;
}

const defaultYTitle: Record<HistogramNormalization, string> = {
  count: "Count",
  probability: "Probability",
  density: "Probability density",
};

/**
 * Histograms of one or more data sets on shared equal-width bins (numpy.histogram conventions, see binning.ts),
 * binned here so the figure holds the bin heights rather than every value. Bars are Plotly `bar` traces at the bin
 * centres with the bin width; steps are `scatter` lines with `line.shape = "hv"` tracing the bin outlines.
 */
export function histogram(opts: HistogramOptions): Figure {
  checkNonEmpty("histogram series", opts.series);
  for (const s of opts.series) {
    checkNonEmpty(`histogram series "${s.name}"`, s.values);
    const bad = firstNonFinite(s.values);
    if (bad >= 0 && !opts.dropNonFinite) {
      throw new Error(
        `histogram series "${s.name}" has a non-finite value (${s.values[bad]}) at index ${bad}; pass dropNonFinite: true to leave such values out`,
      );
    }
  }
  const range = opts.range ?? sharedRange(opts.series.map((s) => s.values));
  const normalization = opts.normalization ?? "count";
  const style = opts.style ?? (opts.series.length > 1 ? "step" : "bars");
  const toY = opts.logY ? toLogData : toData;
  const data: (BarTrace | ScatterTrace)[] = [];
  const allHeights: Float64Array[] = [];
  opts.series.forEach((s, idx) => {
    const b = binValues(s.values, { bins: opts.bins, range, normalization });
    allHeights.push(b.heights);
    const color = s.color ?? colorAt(idx);
    const nb = b.heights.length;
    if (style === "bars") {
      const centers = new Float64Array(nb);
      for (let k = 0; k < nb; k++) centers[k] = 0.5 * (b.edges[k] + b.edges[k + 1]);
      data.push({
        type: "bar",
        name: s.name,
        x: toData(centers),
        y: toY(b.heights),
        width: b.edges[1] - b.edges[0],
        marker: { color: opts.series.length > 1 ? withAlpha(color, 0.55) : color, line: { color, width: 1 } },
      });
    } else {
      // Outline through (e0, 0), (e_k, h_k) for each bin, (e_n, 0) drawn with horizontal-then-vertical segments.
      const x = new Float64Array(nb + 2);
      const y = new Float64Array(nb + 2);
      x[0] = b.edges[0];
      for (let k = 0; k < nb; k++) {
        x[k + 1] = b.edges[k];
        y[k + 1] = b.heights[k];
      }
      x[nb + 1] = b.edges[nb];
      data.push({
        type: "scatter",
        mode: "lines",
        name: s.name,
        x: toData(x),
        y: toY(y),
        line: { color, width: 2, shape: "hv" },
      });
    }
  });
  const layout = baseLayout(opts);
  layout.xaxis = axis(opts.xTitle, { range: [range[0], range[1]] });
  const yTitle = opts.yTitle ?? defaultYTitle[normalization];
  layout.yaxis = opts.logY ? logAxis(yTitle, {}, allHeights) : axis(yTitle, { rangemode: "tozero" });
  if (style === "bars") {
    layout.barmode = "overlay";
    layout.bargap = 0;
  }
  setLegend(layout, opts.series.length > 1);
  return { data, layout };
}
