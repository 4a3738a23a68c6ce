import { fieldMap, type FieldGrid, type PointSet } from "./field-map";
import type { Figure } from "./figure";
import { DIVERGING_SCALE, type FigureOptions } from "./style";

export interface PartialDependenceMapOptions extends FigureOptions {
  /**
   * Partial dependence on a grid of two features: x = values of the first feature, y = values of the second,
   * z[j * x.length + i] = average model output with the features set to (x[i], y[j]) (Friedman 2001; the
   * `average` of sklearn.inspection.partial_dependence, transposed to rows along y).
   */
  grid: FieldGrid;
  /** Feature names (with units when they have any) for the axes. */
  xTitle: string;
  yTitle: string;
  /** Colour bar title (default "Partial dependence"). */
  zTitle?: string;
  /** Samples to overlay in feature space (Wang & Jain Fig. 5b: ⟨0,0,12,0,0⟩, ⟨0,0,12,4,0⟩, Frank–Kasper sites). */
  points?: readonly PointSet[];
  /**
   * Centre of the diverging colour scale (default 0: sklearn's GradientBoostingClassifier partial dependence is
   * in log-odds, negative = less likely plastic). Pass null for a plain sequential scale (e.g. probabilities).
   */
  center?: number | null;
  kind?: "contour" | "heatmap";
  levels?: number;
}

/**
 * A 2-D partial dependence plot with points overlaid: filled contours on a diverging scale centred at `center`
 * (blue below, red above), axes not forced to equal scale (the two features have different units).
 */
export function partialDependenceMap(opts: PartialDependenceMapOptions): Figure {
  const center = opts.center === undefined ? 0 : opts.center;
  return fieldMap({
    field: opts.grid,
    kind: opts.kind,
    xTitle: opts.xTitle,
    yTitle: opts.yTitle,
    zTitle: opts.zTitle ?? "Partial dependence",
    colorscale: center === null ? undefined : DIVERGING_SCALE,
    zMid: center === null ? undefined : center,
    levels: opts.levels,
    points: opts.points,
    equalAspect: false,
    title: opts.title,
    width: opts.width,
    height: opts.height,
  });
}
