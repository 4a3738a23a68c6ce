/**
 * Plotly figure specifications as plain JSON: `{ data: traces, layout }`, the format of plotly.js `Plotly.newPlot`,
 * Plotly's JSON chart schema (plotly.com/javascript/reference) and Python's `plotly.io.from_json`. Only the
 * attributes the builders of src/plot use are typed here; every name and value is Plotly's own, so a figure can be
 * completed by hand (`fig.layout.xaxis.range = [0, 1]`) and handed to any Plotly renderer.
 * Values are plain arrays (JSON has no typed arrays); missing values are `null` (a gap), never NaN.
 */

/** One value of a data array: a number, or null for a missing value. */
export type Datum = number | null;
/** A category or a number (bar positions, violin groups). */
export type Category = string | number;

export interface Font {
  family?: string;
  size?: number;
  color?: string;
}

/** Title text may use Plotly's HTML subset: <sup>, <sub>, <i>, <b>, <br>. Units in parentheses, e.g. "r (Å)". */
export interface Title {
  text: string;
  font?: Font;
  standoff?: number;
  side?: "right" | "top" | "bottom";
  x?: number;
  xanchor?: "auto" | "left" | "center" | "right";
  y?: number;
  yanchor?: "auto" | "top" | "middle" | "bottom";
  yref?: "container" | "paper";
}

/** A named Plotly colour scale ("Viridis", "RdBu", ...) or [fraction, colour] stops. */
export type ColorScale = string | [number, string][];

export interface ColorBar {
  title?: Title;
  thickness?: number;
  len?: number;
  x?: number;
  tickfont?: Font;
  outlinewidth?: number;
  ticks?: "" | "inside" | "outside";
  exponentformat?: "none" | "e" | "E" | "power" | "SI" | "B";
}

export interface Line {
  color?: string;
  width?: number;
  dash?: "solid" | "dot" | "dash" | "longdash" | "dashdot" | "longdashdot";
  shape?: "linear" | "spline" | "hv" | "vh" | "hvh" | "vhv";
}

export interface MarkerLine {
  color?: string;
  width?: number;
}

export interface Marker {
  color?: string | Datum[];
  size?: number | Datum[];
  symbol?: string;
  opacity?: number;
  colorscale?: ColorScale;
  reversescale?: boolean;
  cmin?: number;
  cmax?: number;
  showscale?: boolean;
  colorbar?: ColorBar;
  line?: MarkerLine;
}

export interface ErrorBars {
  type: "data" | "percent" | "constant" | "sqrt";
  array?: Datum[];
  /** With `symmetric: false`, the lengths of the lower bars (`array` gives the upper ones). */
  arrayminus?: Datum[];
  symmetric?: boolean;
  value?: number;
  visible?: boolean;
  thickness?: number;
  width?: number;
  color?: string;
}

/** Shared attributes of every trace. */
interface TraceBase {
  name?: string;
  showlegend?: boolean;
  legendgroup?: string;
  opacity?: number;
  hovertemplate?: string;
  text?: string | string[];
  visible?: boolean | "legendonly";
}

/** 2-D scatter and line plots (`type: "scatter"`). */
export interface ScatterTrace extends TraceBase {
  type: "scatter";
  x: Datum[] | Category[];
  y: Datum[];
  mode: "lines" | "markers" | "lines+markers" | "text" | "markers+text" | "lines+markers+text";
  line?: Line;
  marker?: Marker;
  xaxis?: string;
  yaxis?: string;
  error_y?: ErrorBars;
  error_x?: ErrorBars;
  fill?: "none" | "tozeroy" | "tozerox" | "tonexty" | "tonextx" | "toself" | "tonext";
  fillcolor?: string;
  connectgaps?: boolean;
}

/** A Plotly scatter3d trace (markers or lines in 3-D). */
export interface Scatter3dTrace extends TraceBase {
  type: "scatter3d";
  x: Datum[];
  y: Datum[];
  z: Datum[];
  mode: "markers" | "lines" | "lines+markers";
  marker?: Marker;
  line?: Line;
}

/**
 * Triangle meshes in 3-D (`type: "mesh3d"`): vertices x, y, z and triangles given by 0-based vertex indices
 * (i[t], j[t], k[t]). `intensity` with `intensitymode: "cell"` gives one colour-scale value per triangle.
 */
export interface Mesh3dTrace extends TraceBase {
  type: "mesh3d";
  x: Datum[];
  y: Datum[];
  z: Datum[];
  i: number[];
  j: number[];
  k: number[];
  /** One value per vertex (`intensitymode: "vertex"`, default) or per triangle ("cell"), mapped through `colorscale`. */
  intensity?: Datum[];
  intensitymode?: "vertex" | "cell";
  /** One colour for the whole mesh, or one per triangle / per vertex. */
  color?: string;
  facecolor?: string[];
  vertexcolor?: string[];
  colorscale?: ColorScale;
  reversescale?: boolean;
  cmin?: number;
  cmax?: number;
  cmid?: number;
  showscale?: boolean;
  colorbar?: ColorBar;
  flatshading?: boolean;
  lighting?: { ambient?: number; diffuse?: number; specular?: number; roughness?: number; fresnel?: number };
  /** Lines drawn along the triangle edges. */
  contour?: { show?: boolean; color?: string; width?: number };
}

export interface HistogramTrace extends TraceBase {
  type: "histogram";
  x: Datum[];
  histnorm?: "" | "percent" | "probability" | "density" | "probability density";
  xbins?: { start?: number; end?: number; size?: number };
  nbinsx?: number;
  autobinx?: boolean;
  cumulative?: { enabled: boolean; direction?: "increasing" | "decreasing" };
  marker?: Marker;
}

export interface ViolinTrace extends TraceBase {
  type: "violin";
  y: Datum[];
  x?: Category[];
  x0?: Category;
  box?: { visible: boolean; width?: number; fillcolor?: string; line?: MarkerLine };
  meanline?: { visible: boolean; color?: string; width?: number };
  points?: false | "all" | "outliers" | "suspectedoutliers";
  pointpos?: number;
  jitter?: number;
  line?: MarkerLine;
  fillcolor?: string;
  marker?: Marker;
  side?: "both" | "positive" | "negative";
  spanmode?: "soft" | "hard";
  bandwidth?: number;
  scalemode?: "width" | "count";
  scalegroup?: string;
  width?: number;
  offsetgroup?: string;
  alignmentgroup?: string;
}

/** Box plots from raw values (`y`), or from precomputed statistics (`q1`, `median`, `q3`, fences; one per box). */
export interface BoxTrace extends TraceBase {
  type: "box";
  y?: Datum[];
  x?: Category[];
  q1?: number[];
  median?: number[];
  q3?: number[];
  lowerfence?: number[];
  upperfence?: number[];
  mean?: number[];
  x0?: Category;
  boxpoints?: false | "all" | "outliers" | "suspectedoutliers";
  boxmean?: boolean | "sd";
  jitter?: number;
  pointpos?: number;
  whiskerwidth?: number;
  line?: MarkerLine;
  fillcolor?: string;
  marker?: Marker;
  offsetgroup?: string;
  alignmentgroup?: string;
}

export interface BarTrace extends TraceBase {
  type: "bar";
  x: Category[] | Datum[];
  y: Category[] | Datum[];
  orientation?: "v" | "h";
  /** Bar width in data units (one for all bars, or one per bar). */
  width?: number | number[];
  marker?: Marker;
  error_x?: ErrorBars;
  error_y?: ErrorBars;
  textposition?: "inside" | "outside" | "auto" | "none";
  offsetgroup?: string;
  /** "y2" puts the bars on the right-hand axis. */
  yaxis?: string;
}

/** Shared attributes of gridded fields: z[j][i] is the value at (x[i], y[j]). */
interface FieldTraceBase extends TraceBase {
  x: Datum[];
  y: Datum[];
  z: Datum[][];
  colorscale?: ColorScale;
  reversescale?: boolean;
  zmin?: number;
  zmax?: number;
  zmid?: number;
  showscale?: boolean;
  colorbar?: ColorBar;
}

export interface ContourTrace extends FieldTraceBase {
  type: "contour";
  contours?: {
    coloring?: "fill" | "heatmap" | "lines" | "none";
    showlines?: boolean;
    start?: number;
    end?: number;
    size?: number;
    showlabels?: boolean;
  };
  ncontours?: number;
  autocontour?: boolean;
  line?: Line;
  connectgaps?: boolean;
}

export interface HeatmapTrace extends FieldTraceBase {
  type: "heatmap";
  zsmooth?: false | "fast" | "best";
  connectgaps?: boolean;
}

export type Trace =
  | ScatterTrace
  | Scatter3dTrace
  | Mesh3dTrace
  | HistogramTrace
  | ViolinTrace
  | BoxTrace
  | BarTrace
  | ContourTrace
  | HeatmapTrace;

export interface Axis {
  title?: Title;
  type?: "-" | "linear" | "log" | "category";
  range?: [number, number];
  autorange?: boolean | "reversed";
  rangemode?: "normal" | "tozero" | "nonnegative";
  showline?: boolean;
  linecolor?: string;
  linewidth?: number;
  mirror?: boolean | "ticks" | "all" | "allticks";
  ticks?: "" | "inside" | "outside";
  ticklen?: number;
  tickwidth?: number;
  tickcolor?: string;
  tickfont?: Font;
  tickformat?: string;
  dtick?: number | string;
  tickvals?: number[];
  ticktext?: string[];
  /** Minor ticks (e.g. 2..9 within each decade of a log axis). */
  minor?: {
    ticks?: "" | "inside" | "outside";
    ticklen?: number;
    tickwidth?: number;
    tickcolor?: string;
    dtick?: number | string;
    showgrid?: boolean;
  };
  exponentformat?: "none" | "e" | "E" | "power" | "SI" | "B";
  showexponent?: "all" | "first" | "last" | "none";
  showgrid?: boolean;
  gridcolor?: string;
  zeroline?: boolean;
  automargin?: boolean;
  overlaying?: string;
  side?: "left" | "right" | "top" | "bottom";
  anchor?: string;
  domain?: [number, number];
  scaleanchor?: string;
  scaleratio?: number;
  constrain?: "range" | "domain";
  categoryorder?: "trace" | "category ascending" | "category descending" | "array";
  categoryarray?: Category[];
}

/** One axis of a Plotly 3-D scene. */
export interface SceneAxis {
  title?: Title;
  nticks?: number;
  range?: [number, number];
  showbackground?: boolean;
  backgroundcolor?: string;
  showgrid?: boolean;
  gridcolor?: string;
  zeroline?: boolean;
  showspikes?: boolean;
  tickfont?: Font;
  showline?: boolean;
  linecolor?: string;
}

export interface Scene {
  xaxis?: SceneAxis;
  yaxis?: SceneAxis;
  zaxis?: SceneAxis;
  aspectmode?: "auto" | "cube" | "data" | "manual";
  aspectratio?: { x: number; y: number; z: number };
  camera?: {
    eye?: { x: number; y: number; z: number };
    up?: { x: number; y: number; z: number };
    projection?: { type: "perspective" | "orthographic" };
  };
}

export interface Legend {
  x?: number;
  y?: number;
  xanchor?: "auto" | "left" | "center" | "right";
  yanchor?: "auto" | "top" | "middle" | "bottom";
  orientation?: "v" | "h";
  bgcolor?: string;
  bordercolor?: string;
  borderwidth?: number;
  font?: Font;
  title?: Title;
  traceorder?: string;
  /** "constant": legend symbols of one size whatever the marker sizes. */
  itemsizing?: "trace" | "constant";
}

/** A line or rectangle drawn on the plot (reference lines, thresholds). */
export interface Shape {
  type: "line" | "rect";
  xref?: string;
  yref?: string;
  x0: number | string;
  x1: number | string;
  y0: number | string;
  y1: number | string;
  line?: Line;
  fillcolor?: string;
  opacity?: number;
  layer?: "above" | "below";
}

export interface Annotation {
  text: string;
  x: number | string;
  y: number | string;
  xref?: string;
  yref?: string;
  showarrow?: boolean;
  xanchor?: "auto" | "left" | "center" | "right";
  yanchor?: "auto" | "top" | "middle" | "bottom";
  /** Alignment of multi-line text. */
  align?: "left" | "center" | "right";
  font?: Font;
}

/** A Plotly figure layout (the subset qsoft writes). */
export interface Layout {
  title?: Title;
  width?: number;
  height?: number;
  autosize?: boolean;
  font?: Font;
  margin?: { l?: number; r?: number; t?: number; b?: number; pad?: number };
  paper_bgcolor?: string;
  plot_bgcolor?: string;
  colorway?: string[];
  showlegend?: boolean;
  legend?: Legend;
  xaxis?: Axis;
  yaxis?: Axis;
  yaxis2?: Axis;
  scene?: Scene;
  barmode?: "group" | "overlay" | "stack" | "relative";
  bargap?: number;
  bargroupgap?: number;
  violinmode?: "group" | "overlay";
  violingap?: number;
  violingroupgap?: number;
  boxmode?: "group" | "overlay";
  boxgap?: number;
  boxgroupgap?: number;
  hovermode?: false | "closest" | "x" | "y" | "x unified" | "y unified";
  shapes?: Shape[];
  annotations?: Annotation[];
}

/** A Plotly figure: traces and layout. JSON-serialisable as is (`JSON.stringify(fig)`). */
export interface Figure {
  data: Trace[];
  layout: Layout;
}
