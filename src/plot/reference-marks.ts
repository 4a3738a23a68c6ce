import type { Annotation, Figure, Line, Shape } from "./figure";

/**
 * Reference marks drawn on a finished figure: a line at a value (the paper's number, a threshold), a shaded band
 * (a stage, a range), a text note. Each mark is a Plotly layout shape or annotation, so it scales with the axes
 * and stays in the JSON (`fig.layout.shapes`, `fig.layout.annotations`). Marks at the paper's values are dashed
 * grey by default, so a reader tells them from the data.
 */

/** Grey of the paper's reference marks. */
export const REFERENCE_COLOR = "#555555";

export interface MarkOptions {
  /** Text written at the line's end (Plotly HTML subset). */
  label?: string;
  color?: string;
  dash?: Line["dash"];
  width?: number;
  /** The y axis a horizontal line belongs to ("y" or "y2"); default "y". */
  yAxis?: "y" | "y2";
  /** Where along the line the label goes: start or end (default "end"). */
  labelAt?: "start" | "end";
}

function push<T>(list: T[] | undefined, item: T): T[] {
  return [...(list ?? []), item];
}

function checkValue(what: string, v: number): void {
  if (!Number.isFinite(v)) throw new Error(`${what} must be a finite number, got ${v}`);
}

/**
 * An annotation's coordinate on an axis: Plotly places annotations on a log axis by the exponent (log10 of the
 * value), while shapes take the value itself.
 */
function annotationCoordinate(fig: Figure, axisName: "xaxis" | "yaxis" | "yaxis2", value: number): number {
  return fig.layout[axisName]?.type === "log" ? Math.log10(value) : value;
}

/** A vertical line at x = value across the plot height, labelled at the top. Returns the figure. */
export function markX(fig: Figure, value: number, opts: MarkOptions = {}): Figure {
  checkValue("markX value", value);
  const line: Line = { color: opts.color ?? REFERENCE_COLOR, width: opts.width ?? 1.2, dash: opts.dash ?? "dash" };
  const shape: Shape = { type: "line", xref: "x", yref: "paper", x0: value, x1: value, y0: 0, y1: 1, line };
  fig.layout.shapes = push(fig.layout.shapes, shape);
  if (opts.label) {
    const top = (opts.labelAt ?? "end") === "end";
    fig.layout.annotations = push(fig.layout.annotations, {
      text: opts.label,
      x: annotationCoordinate(fig, "xaxis", value),
      y: top ? 1 : 0,
      xref: "x",
      yref: "paper",
      showarrow: false,
      xanchor: "left",
      yanchor: top ? "top" : "bottom",
      font: { size: 11, color: line.color },
    });
  }
  return fig;
}

/** A horizontal line at y = value (on `yAxis`) across the plot width, labelled at the right end. */
export function markY(fig: Figure, value: number, opts: MarkOptions = {}): Figure {
  checkValue("markY value", value);
  const yref = opts.yAxis ?? "y";
  const line: Line = { color: opts.color ?? REFERENCE_COLOR, width: opts.width ?? 1.2, dash: opts.dash ?? "dash" };
  const shape: Shape = { type: "line", xref: "paper", yref, x0: 0, x1: 1, y0: value, y1: value, line };
  fig.layout.shapes = push(fig.layout.shapes, shape);
  if (opts.label) {
    const end = (opts.labelAt ?? "end") === "end";
    fig.layout.annotations = push(fig.layout.annotations, {
      text: opts.label,
      x: end ? 1 : 0,
      y: annotationCoordinate(fig, yref === "y2" ? "yaxis2" : "yaxis", value),
      xref: "paper",
      yref,
      showarrow: false,
      xanchor: end ? "right" : "left",
      yanchor: "bottom",
      font: { size: 11, color: line.color },
    });
  }
  return fig;
}

/** A shaded vertical band from x0 to x1 behind the data, its label at the top inside the band. */
export function shadeX(fig: Figure, x0: number, x1: number, opts: { label?: string; color?: string } = {}): Figure {
  checkValue("shadeX x0", x0);
  checkValue("shadeX x1", x1);
  if (!(x1 > x0)) throw new Error(`shadeX needs x1 > x0, got [${x0}, ${x1}]`);
  const shape: Shape = {
    type: "rect",
    xref: "x",
    yref: "paper",
    x0,
    x1,
    y0: 0,
    y1: 1,
    fillcolor: opts.color ?? "#999999",
    opacity: 0.15,
    layer: "below",
    line: { width: 0 },
  };
  fig.layout.shapes = push(fig.layout.shapes, shape);
  if (opts.label) {
    fig.layout.annotations = push(fig.layout.annotations, {
      text: opts.label,
      x: fig.layout.xaxis?.type === "log" ? (Math.log10(x0) + Math.log10(x1)) / 2 : (x0 + x1) / 2,
      y: 1,
      xref: "x",
      yref: "paper",
      showarrow: false,
      xanchor: "center",
      yanchor: "top",
      font: { size: 11, color: "#333333" },
    });
  }
  return fig;
}

/** A text note at a position in paper coordinates (0-1 over the plot area; default the top-left corner). */
export function annotate(fig: Figure, text: string, at: { x?: number; y?: number } = {}): Figure {
  const note: Annotation = {
    text,
    x: at.x ?? 0.02,
    y: at.y ?? 0.98,
    xref: "paper",
    yref: "paper",
    showarrow: false,
    xanchor: "left",
    yanchor: "top",
    align: "left",
    font: { size: 12, color: "#222222" },
  };
  fig.layout.annotations = push(fig.layout.annotations, note);
  return fig;
}
