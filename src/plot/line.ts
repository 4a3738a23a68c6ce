import type { Axis, Figure, Line, ScatterTrace } from "./figure";
import { checkLength, checkNonEmpty, toData, toLogData } from "./plot-data";
import { axis, baseLayout, setLegend, colorAt, logAxis, type FigureOptions } from "./style";

/** One curve of a line plot. */
export interface LineSeries {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Symmetric error bars (one standard deviation, a confidence half-width...), same length as y. */
  yError?: ArrayLike<number>;
  /** Plot against the right-hand y axis (`y2Title`); default left. */
  axis?: "left" | "right";
  mode?: "lines" | "markers" | "lines+markers";
  color?: string;
  dash?: Line["dash"];
  width?: number;
}

export interface LinePlotOptions extends FigureOptions {
  series: readonly LineSeries[];
  /** Axis titles with units, e.g. "r (Å)", "M(r)". */
  xTitle: string;
  yTitle: string;
  /** Title of the right-hand y axis; required when a series uses it. */
  y2Title?: string;
  xLog?: boolean;
  yLog?: boolean;
  y2Log?: boolean;
  /** Axis ranges in data units (for log axes too; converted to Plotly's log10 ranges here). */
  xRange?: [number, number];
  yRange?: [number, number];
  y2Range?: [number, number];
  /** Show the legend (default: when there is more than one series). */
  legend?: boolean;
}

function rangeFor(
  range: [number, number] | undefined,
  log: boolean | undefined,
  what: string,
): [number, number] | undefined {
  if (!range) return undefined;
  if (!log) return range;
  if (!(range[0] > 0 && range[1] > 0))
    throw new Error(`${what} must be positive on a log axis, got [${range[0]}, ${range[1]}]`);
  // Plotly takes log-axis ranges as exponents.
  return [Math.log10(range[0]), Math.log10(range[1])];
}

/**
 * Line (and marker) plots with optional log axes and a second y axis on the right (Wang & Jain Fig. 3b:
 * P(plastic|QS) on a log axis with the ratio to P(plastic) on the right; Fig. 3c: M(r) on log-log axes).
 * Non-finite values are gaps; on a log axis values <= 0 are gaps too.
 */
export function linePlot(opts: LinePlotOptions): Figure {
  checkNonEmpty("line series", opts.series);
  const usesRight = opts.series.some((s) => s.axis === "right");
  if (usesRight && opts.y2Title === undefined) throw new Error("a line series uses the right-hand axis: give y2Title");
  const data: ScatterTrace[] = opts.series.map((s, idx) => {
    checkLength(`line series "${s.name}" y`, s.y, s.x.length, "its x");
    if (s.yError) checkLength(`line series "${s.name}" yError`, s.yError, s.y.length, "its y");
    const right = s.axis === "right";
    const logY = right ? opts.y2Log : opts.yLog;
    const color = s.color ?? colorAt(idx);
    const t: ScatterTrace = {
      type: "scatter",
      name: s.name,
      mode: s.mode ?? "lines",
      x: opts.xLog ? toLogData(s.x) : toData(s.x),
      y: logY ? toLogData(s.y) : toData(s.y),
      line: { color, width: s.width ?? 2, dash: s.dash ?? "solid" },
    };
    if (t.mode !== "lines") t.marker = { color, size: 6 };
    if (right) t.yaxis = "y2";
    if (s.yError) t.error_y = { type: "data", array: toData(s.yError), visible: true, thickness: 1.2, width: 3, color };
    return t;
  });
  const layout = baseLayout(opts);
  const mk = (title: string | undefined, log: boolean | undefined, extra: Axis, values: ArrayLike<number>[]): Axis =>
    log ? logAxis(title, extra, values) : axis(title, extra);
  const xs = opts.series.map((s) => s.x);
  const leftYs = opts.series.filter((s) => s.axis !== "right").map((s) => s.y);
  const rightYs = opts.series.filter((s) => s.axis === "right").map((s) => s.y);
  const xr = rangeFor(opts.xRange, opts.xLog, "xRange");
  const yr = rangeFor(opts.yRange, opts.yLog, "yRange");
  layout.xaxis = mk(opts.xTitle, opts.xLog, xr ? { range: xr } : {}, xs);
  // With a right-hand axis the left one must not mirror its ticks onto the right edge.
  layout.yaxis = mk(
    opts.yTitle,
    opts.yLog,
    { ...(yr ? { range: yr } : {}), ...(usesRight ? { mirror: false } : {}) },
    leftYs,
  );
  if (usesRight) {
    const y2r = rangeFor(opts.y2Range, opts.y2Log, "y2Range");
    layout.yaxis2 = mk(
      opts.y2Title,
      opts.y2Log,
      { overlaying: "y", side: "right", mirror: false, ...(y2r ? { range: y2r } : {}) },
      rightYs,
    );
    // Colour each axis title like its curve when each axis carries a single curve, so the reader knows which is which.
    const left = data.filter((t) => t.yaxis !== "y2");
    const rightTraces = data.filter((t) => t.yaxis === "y2");
    if (left.length === 1 && rightTraces.length === 1) {
      const lc = left[0].line?.color;
      const rc = rightTraces[0].line?.color;
      if (layout.yaxis.title && lc) layout.yaxis.title.font = { color: lc };
      if (layout.yaxis2.title && rc) layout.yaxis2.title.font = { color: rc };
    }
    layout.margin = { ...layout.margin, r: 70 };
  }
  setLegend(layout, opts.legend ?? opts.series.length > 1);
  return { data, layout };
}
