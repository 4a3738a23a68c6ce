import type { ColorScale, ContourTrace, Datum, Figure, HeatmapTrace, ScatterTrace } from "./figure";
import { checkLength, checkNonEmpty, finiteRange, firstNonFinite, toData } from "./plot-data";
import { axis, baseLayout, setLegend, colorAt, SEQUENTIAL_SCALE, type FigureOptions } from "./style";

/** A scalar field on a rectilinear grid: z[j * x.length + i] is the value at (x[i], y[j]) (rows along y). */
export interface FieldGrid {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  z: ArrayLike<number>;
}

/** Points drawn over a map (e.g. atoms with QS > 0.5, or the feature values of icosahedral sites). */
export interface PointSet {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Fill colour (default: white for the first set, then the palette). */
  color?: string;
  /** Plotly marker symbol, e.g. "circle", "circle-open", "diamond", "x" (default "circle"). */
  symbol?: string;
  /** Marker diameter in pixels (default 7). */
  size?: number;
  /** Outline colour (default black) and width in pixels (default 1). */
  outline?: string;
  outlineWidth?: number;
}

export interface FieldMapOptions extends FigureOptions {
  field: FieldGrid;
  /** "contour" (filled contours, default) or "heatmap" (one cell per grid node). */
  kind?: "contour" | "heatmap";
  xTitle: string;
  yTitle: string;
  /** Colour bar title with units, e.g. "D<sup>2</sup><sub>min</sub> (Å<sup>2</sup>)". */
  zTitle: string;
  colorscale?: ColorScale;
  reverseScale?: boolean;
  /** Colour range; default the field's range. */
  zRange?: [number, number];
  /** Centre of a diverging colour scale (e.g. 0). */
  zMid?: number;
  /** Number of contour levels (default 15). */
  levels?: number;
  points?: readonly PointSet[];
  /** Same scale on both axes (default true: a spatial slice must not be stretched). */
  equalAspect?: boolean;
}

/** Grid rows of z for Plotly (z[j][i] at (x[i], y[j])). */
export function gridRows(field: FieldGrid): Datum[][] {
  const nx = field.x.length;
  const ny = field.y.length;
  checkNonEmpty("field x", field.x);
  checkNonEmpty("field y", field.y);
  checkLength("field z", field.z, nx * ny, `x.length × y.length = ${nx} × ${ny}`);
  const rows: Datum[][] = [];
  for (let j = 0; j < ny; j++) rows.push(toData(Array.prototype.slice.call(field.z, j * nx, (j + 1) * nx) as number[]));
  return rows;
}

/**
 * A 2-D map of a scalar field (filled contours or heatmap) with point sets overlaid, as in Wang & Jain Fig. 2a
 * (the D² map in a 2 Å slice with the atoms of QS > 0.5 as white circles). The colour bar sits on the right; the
 * legend, when there are points, sits above the plot so it never covers the map.
 */
export function fieldMap(opts: FieldMapOptions): Figure {
  const z = gridRows(opts.field);
  const common = {
    name: opts.zTitle,
    x: toData(opts.field.x),
    y: toData(opts.field.y),
    z,
    colorscale: opts.colorscale ?? SEQUENTIAL_SCALE,
    reversescale: opts.reverseScale ?? false,
    colorbar: {
      title: { text: opts.zTitle, side: "right" as const },
      thickness: 18,
      outlinewidth: 1,
      ticks: "outside" as const,
      exponentformat: "power" as const,
    },
    showlegend: false,
  };
  const withRange = <T extends ContourTrace | HeatmapTrace>(t: T): T => {
    if (opts.zRange) {
      t.zmin = opts.zRange[0];
      t.zmax = opts.zRange[1];
    }
    if (opts.zMid !== undefined) t.zmid = opts.zMid;
    return t;
  };
  const fieldTrace =
    (opts.kind ?? "contour") === "contour"
      ? withRange<ContourTrace>({
          type: "contour",
          ...common,
          ncontours: opts.levels ?? 15,
          contours: { coloring: "fill", showlines: false },
        })
      : withRange<HeatmapTrace>({ type: "heatmap", ...common, zsmooth: false });
  const data: (ContourTrace | HeatmapTrace | ScatterTrace)[] = [fieldTrace];
  (opts.points ?? []).forEach((p, idx) => {
    checkLength(`point set "${p.name}" y`, p.y, p.x.length, "its x");
    data.push({
      type: "scatter",
      mode: "markers",
      name: p.name,
      x: toData(p.x),
      y: toData(p.y),
      marker: {
        color: p.color ?? (idx === 0 ? "#FFFFFF" : colorAt(idx - 1)),
        symbol: p.symbol ?? "circle",
        size: p.size ?? 7,
        line: { color: p.outline ?? "#000000", width: p.outlineWidth ?? 1 },
      },
    });
  });
  const xs = finiteBounds(opts.field.x);
  const ys = finiteBounds(opts.field.y);
  const hasPoints = (opts.points ?? []).length > 0;
  const equal = opts.equalAspect ?? true;
  let width = opts.width;
  if (equal && width === undefined) {
    // Fit the figure width to the slice's aspect ratio so the colour bar sits next to the map, not across a gap.
    const height = opts.height ?? 480;
    const plotHeight = height - (hasPoints || opts.title ? 50 : 20) - 60;
    const aspect = (xs[1] - xs[0]) / (ys[1] - ys[0] || 1);
    width = Math.round(Math.min(1400, Math.max(360, plotHeight * aspect + 70 + 130)));
  }
  const layout = baseLayout({ ...opts, width });
  layout.xaxis = axis(opts.xTitle, { range: xs, mirror: true, ticks: "outside", constrain: "domain" });
  layout.yaxis = axis(opts.yTitle, { range: ys, mirror: true, ticks: "outside", constrain: "domain" });
  if (equal) layout.yaxis = { ...layout.yaxis, scaleanchor: "x", scaleratio: 1 };
  setLegend(layout, hasPoints);
  if (hasPoints) {
    layout.margin = { ...layout.margin, t: Math.max(layout.margin?.t ?? 20, 45) };
  }
  return { data, layout };
}

function finiteBounds(v: ArrayLike<number>): [number, number] {
  const bad = firstNonFinite(v);
  if (bad >= 0) throw new Error(`field grid coordinate ${v[bad]} at index ${bad} is not finite`);
  return finiteRange(v);
}
