import type { Axis, Layout, Legend } from "./figure";

/**
 * The house style of qsoft figures: white background, black axis lines boxed with outward ticks, no grid, DejaVu
 * Sans (installed with Debian's chromium, so PNGs look the same on every machine), 14 px text at the default
 * 700 px width, and the Okabe–Ito colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008;
 * Wong, Nature Methods 8, 441 (2011)) in an order that keeps the first colours far apart.
 */

/** Font stack: DejaVu Sans is what Debian's chromium renders with; the rest are fallbacks for other renderers. */
export const FONT_FAMILY = "DejaVu Sans, Arial, Helvetica, sans-serif";
export const FONT_SIZE = 14;

/** Okabe–Ito colours: blue, vermillion, bluish green, orange, reddish purple, sky blue, black, yellow. */
export const PALETTE: readonly string[] = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#E69F00",
  "#CC79A7",
  "#56B4E9",
  "#000000",
  "#F0E442",
];

/** Sequential colour scale for per-atom values (perceptually uniform, readable in grey scale). */
export const SEQUENTIAL_SCALE = "Viridis";
/**
 * Diverging colour scale for signed values centred on a midpoint (partial dependence): blue below, white at the
 * middle, red above; ColorBrewer RdBu, 11 classes (Brewer, colorbrewer2.org), from its blue end.
 */
export const DIVERGING_SCALE: [number, string][] = [
  "#053061",
  "#2166AC",
  "#4393C3",
  "#92C5DE",
  "#D1E5F0",
  "#F7F7F7",
  "#FDDBC7",
  "#F4A582",
  "#D6604D",
  "#B2182B",
  "#67001F",
].map((c, k): [number, string] => [k / 10, c]);

/** Default figure size in CSS pixels (2-D plots, 3-D plots). */
export const DEFAULT_SIZE = { width: 700, height: 480 } as const;
export const DEFAULT_SIZE_3D = { width: 700, height: 600 } as const;

/** Options shared by every figure builder. */
export interface FigureOptions {
  /** Figure title (Plotly HTML subset allowed). Publication figures usually leave it out: the caption says it. */
  title?: string;
  /** Size in CSS pixels; renderers use it unless told otherwise. */
  width?: number;
  height?: number;
}

/** The i-th palette colour, cycling. */
export function colorAt(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** "#RRGGBB" with an alpha channel, as "rgba(r,g,b,a)". */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`withAlpha: expected a colour like "#0072B2", got "${hex}"`);
  return `rgba(${parseInt(m[1], 16)},${parseInt(m[2], 16)},${parseInt(m[3], 16)},${alpha})`;
}

/** A boxed axis with outward ticks and a title; `extra` overrides any attribute. */
export function axis(title: string | undefined, extra: Axis = {}): Axis {
  const a: Axis = {
    showline: true,
    linecolor: "#000000",
    linewidth: 1.2,
    mirror: "ticks",
    ticks: "outside",
    ticklen: 5,
    tickwidth: 1.2,
    tickcolor: "#000000",
    showgrid: false,
    zeroline: false,
    automargin: true,
    exponentformat: "power",
  };
  if (title !== undefined) a.title = { text: title, standoff: 8 };
  const out: Axis = { ...a, ...extra };
  // Attributes Plotly ignores (and Plotly.validate reports) on axes without ticks or with categories.
  if (out.ticks === "") {
    delete out.ticklen;
    delete out.tickwidth;
    delete out.tickcolor;
  }
  if (out.type === "category") delete out.exponentformat;
  return out;
}

/** A log axis; with `values`, ticks chosen for their span (see logTicks). */
export function logAxis(title: string | undefined, extra: Axis = {}, values?: readonly ArrayLike<number>[]): Axis {
  return axis(title, { type: "log", exponentformat: "power", ...(values ? logTicks(values) : {}), ...extra });
}

/** Plain label of a tick value: "0.2", "50", "2×10<sup>−5</sup>". */
function tickLabel(v: number): string {
  if (v >= 1e-3 && v < 1e5) return String(Number(v.toPrecision(3)));
  const e = Math.floor(Math.log10(v) + 1e-9);
  const m = Number((v / 10 ** e).toPrecision(3));
  const pow = `10<sup>${e < 0 ? "\u2212" : ""}${Math.abs(e)}</sup>`;
  return m === 1 ? pow : `${m}×${pow}`;
}

/**
 * Tick choice for a log axis over the positive values given: two decades or more get a labelled tick per decade
 * (10<sup>n</sup>) and unlabelled minor ticks at 2..9; a shorter span gets labelled ticks at 1, 2 and 5 × 10<sup>n</sup>, all in
 * the same font (Plotly would label such spans with mixed-size minor digits).
 */
export function logTicks(values: readonly ArrayLike<number>[]): Axis {
  let lo = Infinity;
  let hi = -Infinity;
  for (const arr of values) {
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      if (!(v > 0) || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(lo <= hi)) return {};
  const minor = { ticks: "outside" as const, ticklen: 3, tickwidth: 1, tickcolor: "#000000", showgrid: false };
  if (Math.log10(hi) - Math.log10(lo) >= 2) return { dtick: 1, minor: { ...minor, dtick: "D1" } };
  const tickvals: number[] = [];
  for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)) + 1; e++) {
    for (const m of [1, 2, 5]) tickvals.push(Number((m * 10 ** e).toPrecision(12)));
  }
  return { tickvals, ticktext: tickvals.map(tickLabel), minor: { ...minor, dtick: "D1" } };
}

/** The layout every builder starts from. */
export function baseLayout(opts: FigureOptions, is3d = false): Layout {
  checkSize(opts);
  const size = is3d ? DEFAULT_SIZE_3D : DEFAULT_SIZE;
  const layout: Layout = {
    width: opts.width ?? size.width,
    height: opts.height ?? size.height,
    font: { family: FONT_FAMILY, size: FONT_SIZE, color: "#000000" },
    paper_bgcolor: "#FFFFFF",
    plot_bgcolor: "#FFFFFF",
    colorway: [...PALETTE],
    margin: { l: 70, r: 20, t: opts.title ? 50 : 20, b: 60 },
    hovermode: "closest",
  };
  // The title 10 px below the top edge of the figure.
  if (opts.title)
    layout.title = {
      text: opts.title,
      x: 0.5,
      xanchor: "center",
      y: 1 - 10 / (layout.height ?? size.height),
      yanchor: "top",
      yref: "container",
    };
  return layout;
}

/**
 * Shows or hides the legend. The legend's style is set only when it is shown: Plotly.validate fails on a legend
 * object when the legend is hidden.
 */
export function setLegend(layout: Layout, show: boolean, legend: Legend = {}): void {
  layout.showlegend = show;
  // Default: one row above the plot area, where it never hides data or crowds a right-hand axis.
  if (show) {
    const above = legend.y === undefined;
    layout.legend = {
      orientation: "h",
      x: 0,
      xanchor: "left",
      y: 1.02,
      yanchor: "bottom",
      bgcolor: "rgba(255,255,255,0)",
      borderwidth: 0,
      ...legend,
    };
    // A title goes at the top of the figure and the legend row under it: make room for both.
    if (above && layout.title) layout.margin = { ...layout.margin, t: Math.max(layout.margin?.t ?? 0, 85) };
  } else delete layout.legend;
}

/** Checks a figure size option. */
export function checkSize(opts: FigureOptions): void {
  for (const key of ["width", "height"] as const) {
    const v = opts[key];
    if (v !== undefined && !(Number.isFinite(v) && v >= 10 && v <= 20000)) {
      throw new Error(`${key} must be a number of pixels between 10 and 20000, got ${v}`);
    }
  }
}
