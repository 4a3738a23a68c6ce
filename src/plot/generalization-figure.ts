import type { Figure, ViolinTrace } from "./figure";
import { checkNonEmpty } from "./plot-data";
import { markY } from "./reference-marks";
import { axis, baseLayout, colorAt, setLegend, withAlpha, type FigureOptions } from "./style";
import { wrapLabel } from "./softness-figures";

/** One representation's AUC drops per scenario group (e.g. `scenarioGroups(pairs)`). */
export interface GeneralizationSeries {
  name: string;
  groups: readonly { category: string; drops: ArrayLike<number> }[];
  /** Filled violins (the paper: interstice features) or outlines (symmetry functions). */
  filled?: boolean;
  color?: string;
}

export interface GeneralizationFigureOptions extends FigureOptions {
  series: readonly GeneralizationSeries[];
  /** The paper's bound on the drop within Cu-Zr (Results: "AUC decreases of < 0.015"); default 0.015. */
  paperBound?: number | null;
  yRange?: [number, number];
}

/**
 * Figure 4: violins of the AUC drop (reference - transferred model) per generalization scenario, the scenarios
 * spelled out on the axis, filled for one representation and outlined for the other, every test drawn as a point,
 * a line at 0 (no loss) and a dashed line at the paper's bound of 0.015.
 */
export function generalizationFigure(opts: GeneralizationFigureOptions): Figure {
  checkNonEmpty("generalization series", opts.series);
  const order: string[] = [];
  for (const s of opts.series) for (const g of s.groups) if (!order.includes(g.category)) order.push(g.category);
  const wrap = (c: string): string => wrapLabel(c, 18);
  const data: ViolinTrace[] = opts.series.map((s, k) => {
    const color = s.color ?? colorAt(k);
    const x: string[] = [];
    const y: number[] = [];
    for (const g of s.groups)
      for (let i = 0; i < g.drops.length; i++) {
        if (!Number.isFinite(g.drops[i])) continue;
        x.push(wrap(g.category));
        y.push(g.drops[i]);
      }
    return {
      type: "violin",
      name: s.name,
      x,
      y,
      line: { color, width: 1.5 },
      fillcolor: (s.filled ?? k === 0) ? withAlpha(color, 0.45) : "rgba(0,0,0,0)",
      box: { visible: false },
      meanline: { visible: true },
      points: "all",
      pointpos: 0,
      jitter: 0.3,
      marker: { color, size: 4 },
      spanmode: "hard",
      scalemode: "width",
    };
  });
  const layout = baseLayout({
    ...opts,
    width: opts.width ?? Math.max(720, 115 * order.length),
    height: opts.height ?? 480,
  });
  layout.xaxis = axis("Generalization scenario", {
    type: "category",
    ticks: "",
    categoryorder: "array",
    categoryarray: order.map(wrap),
  });
  layout.yaxis = axis("AUC drop (reference − transferred model)", opts.yRange ? { range: opts.yRange } : {});
  layout.violinmode = "group";
  layout.violingap = 0.25;
  const fig: Figure = { data, layout };
  setLegend(fig.layout, true);
  markY(fig, 0, { dash: "solid", color: "#000000", width: 1 });
  const bound = opts.paperBound === undefined ? 0.015 : opts.paperBound;
  if (bound !== null) markY(fig, bound, { label: `paper: drop < ${bound} within Cu-Zr (i-iv)` });
  return fig;
}
