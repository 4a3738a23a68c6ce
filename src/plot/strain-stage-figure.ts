import type { Figure, ScatterTrace } from "./figure";
import { checkLength, checkNonEmpty, toData } from "./plot-data";
import { markX, shadeX } from "./reference-marks";
import { axis, baseLayout, colorAt, setLegend, withAlpha, type FigureOptions } from "./style";

/** A stage of the deformation to shade, in strain (fraction, e.g. 0.023). */
export interface StrainStage {
  name: string;
  from: number;
  to: number;
}

export interface StrainStageOptions extends FigureOptions {
  /** Strains (fractions) at which atoms first become plastic, ascending. */
  strain: ArrayLike<number>;
  /** Median, 25th and 75th percentile of those atoms' QS at each strain (NaN where no atom is new). */
  median: ArrayLike<number>;
  q1: ArrayLike<number>;
  q3: ArrayLike<number>;
  /** The stress-strain curve (strain as a fraction, stress in GPa), drawn on the right-hand axis. */
  curve?: { strain: ArrayLike<number>; stress: ArrayLike<number> };
  /** Stages marked from the curve (e.g. `deformationStages(curve).stages`), shaded in turn. */
  stages?: readonly StrainStage[];
  /** QS of the average atom, a dotted line (e.g. the mean QS of the glass). */
  meanQs?: number;
  /** The paper's marks, e.g. [{ strain: 0.065, label: "paper: shear banding at ~6.5 %" }]. */
  paper?: readonly { strain: number; label: string }[];
}

const STAGE_COLORS = ["#56B4E9", "#E69F00", "#CC79A7", "#009E73"];

/**
 * Figure 3e: the QS of the atoms that become plastic at each strain (median line, interquartile band), the
 * compressive stress on the right-hand axis, and the stages of the deformation shaded and named (nominal elastic,
 * yielding, shear banding and flow). Strain is shown in percent.
 */
export function strainStageFigure(opts: StrainStageOptions): Figure {
  checkNonEmpty("strain", opts.strain);
  const n = opts.strain.length;
  checkLength("median", opts.median, n, "strain");
  checkLength("q1", opts.q1, n, "strain");
  checkLength("q3", opts.q3, n, "strain");
  const pc = (v: ArrayLike<number>): number[] => Array.from(v, (e) => 100 * e);
  const x = toData(pc(opts.strain));
  const color = colorAt(0);
  const data: ScatterTrace[] = [
    {
      type: "scatter",
      name: "25th percentile",
      mode: "lines",
      x,
      y: toData(opts.q1),
      line: { color: withAlpha(color, 0), width: 0 },
      showlegend: false,
      hovertemplate: "q1 %{y:.3f}<extra></extra>",
    },
    {
      type: "scatter",
      name: "QS of new plastic atoms: 25-75 %",
      mode: "lines",
      x,
      y: toData(opts.q3),
      fill: "tonexty",
      fillcolor: withAlpha(color, 0.25),
      line: { color: withAlpha(color, 0), width: 0 },
    },
    {
      type: "scatter",
      name: "QS of new plastic atoms: median",
      mode: "lines+markers",
      x,
      y: toData(opts.median),
      line: { color, width: 2 },
      marker: { color, size: 4 },
    },
  ];
  const layout = baseLayout({ ...opts, width: opts.width ?? 820, height: opts.height ?? 460 });
  layout.xaxis = axis("Compressive strain (%)", { range: [0, Math.max(...pc(opts.strain)) * 1.01] });
  layout.yaxis = axis("QS of the atoms first plastic at this strain", {
    range: [0, 1],
    mirror: opts.curve ? false : "ticks",
  });
  if (opts.curve) {
    checkLength("curve stress", opts.curve.stress, opts.curve.strain.length, "curve strain");
    data.push({
      type: "scatter",
      name: "compressive stress",
      mode: "lines",
      x: toData(pc(opts.curve.strain)),
      y: toData(opts.curve.stress),
      yaxis: "y2",
      line: { color: "#444444", width: 1.5 },
    });
    layout.yaxis2 = axis("Compressive stress (GPa)", {
      overlaying: "y",
      side: "right",
      mirror: false,
      rangemode: "tozero",
    });
    layout.margin = { ...layout.margin, r: 80 };
  }
  const fig: Figure = { data, layout };
  setLegend(fig.layout, true);
  (opts.stages ?? []).forEach((s, k) => {
    if (s.to > s.from)
      shadeX(fig, 100 * s.from, 100 * s.to, { label: s.name, color: STAGE_COLORS[k % STAGE_COLORS.length] });
  });
  if (opts.meanQs !== undefined) {
    fig.layout.shapes = [
      ...(fig.layout.shapes ?? []),
      {
        type: "line",
        xref: "paper",
        yref: "y",
        x0: 0,
        x1: 1,
        y0: opts.meanQs,
        y1: opts.meanQs,
        line: { color: "#999999", width: 1, dash: "dot" },
      },
    ];
  }
  for (const m of opts.paper ?? []) markX(fig, 100 * m.strain, { label: m.label, labelAt: "start" });
  return fig;
}
