import type { BarTrace, Figure, ScatterTrace } from "./figure";
import { checkLength, checkNonEmpty, toData } from "./plot-data";
import { annotate, markX } from "./reference-marks";
import { axis, baseLayout, colorAt, logTicks, setLegend, withAlpha, type FigureOptions } from "./style";

/** One model's fraction predicted plastic per bin, with its interval (e.g. `fractionPredictedByValue`). */
export interface FractionSeries {
  name: string;
  fraction: ArrayLike<number>;
  low: ArrayLike<number>;
  high: ArrayLike<number>;
  dash?: "solid" | "dash" | "dot";
}

export interface FractionPredictedOptions extends FigureOptions {
  /** Bin edges of the observed value (D2min, Å²), log-spaced; the bins of every series. */
  edges: ArrayLike<number>;
  /** Bin centres (geometric for log bins). */
  centers: ArrayLike<number>;
  /** Atoms per bin, drawn as grey bars on the right-hand log axis. */
  counts: ArrayLike<number>;
  series: readonly FractionSeries[];
  /** Bins with fewer atoms are not drawn (default 10). */
  minAtoms?: number;
  /** The plastic threshold on the x axis (D2min > 5 Å² in the paper), a dashed line. */
  threshold?: number;
  /** x-axis title (default D2min at 4 % strain). */
  xTitle?: string;
}

/**
 * Figure 2b: the fraction of atoms predicted plastic (QS > 0.5) per bin of their actual D2min, with the
 * bootstrap interval of each bin as error bars, and the number of atoms per bin as grey bars on a right-hand log
 * axis, so a reader sees which points rest on few atoms. Bins under `minAtoms` are not drawn.
 */
export function fractionPredictedFigure(opts: FractionPredictedOptions): Figure {
  checkNonEmpty("fraction series", opts.series);
  const nb = opts.centers.length;
  checkLength("edges", opts.edges, nb + 1, "centers + 1");
  checkLength("counts", opts.counts, nb, "centers");
  const minAtoms = opts.minAtoms ?? 10;
  const keep = Array.from({ length: nb }, (_, b) => opts.counts[b] >= minAtoms);
  const first = keep.indexOf(true);
  const last = keep.lastIndexOf(true);
  if (first < 0) throw new Error(`no bin has ${minAtoms} atoms`);
  const x = toData(opts.centers);
  const data: (ScatterTrace | BarTrace)[] = [
    {
      type: "bar",
      name: "atoms per bin (right axis)",
      x,
      y: toData(Array.from(opts.counts, (c) => (c > 0 ? c : NaN))),
      yaxis: "y2",
      width: Array.from({ length: nb }, (_, b) => opts.edges[b + 1] - opts.edges[b]),
      marker: { color: withAlpha("#999999", 0.35), line: { color: "#999999", width: 0.5 } },
    },
  ];
  opts.series.forEach((s, k) => {
    checkLength(`series "${s.name}" fraction`, s.fraction, nb, "centers");
    const color = colorAt(k);
    const y = Array.from(s.fraction, (v, b) => (keep[b] ? v : NaN));
    data.push({
      type: "scatter",
      name: s.name,
      mode: "lines+markers",
      x,
      y: toData(y),
      line: { color, width: 2, dash: s.dash ?? (k === 0 ? "solid" : "dash") },
      marker: { color, size: 6 },
      error_y: {
        type: "data",
        symmetric: false,
        array: toData(Array.from(s.high, (h, b) => (keep[b] ? h - s.fraction[b] : NaN))),
        arrayminus: toData(Array.from(s.low, (l, b) => (keep[b] ? s.fraction[b] - l : NaN))),
        visible: true,
        thickness: 1.2,
        width: 3,
        color,
      },
    });
  });
  const layout = baseLayout({ ...opts, width: opts.width ?? 680, height: opts.height ?? 440 });
  const lo = opts.edges[first];
  const hi = opts.edges[last + 1];
  layout.xaxis = axis(opts.xTitle ?? "D<sup>2</sup><sub>min</sub> at 4 % strain (Å<sup>2</sup>)", {
    type: "log",
    range: [Math.log10(lo), Math.log10(hi)],
    ...logTicks([[lo, hi]]),
  });
  layout.yaxis = axis("Fraction predicted plastic (QS > 0.5)", { range: [0, 1], mirror: false });
  const maxCount = Math.max(...Array.from(opts.counts));
  layout.yaxis2 = axis("Atoms per bin", {
    type: "log",
    overlaying: "y",
    side: "right",
    mirror: false,
    range: [0, Math.log10(maxCount * 3)],
  });
  layout.margin = { ...layout.margin, r: 80 };
  const fig: Figure = { data, layout };
  setLegend(fig.layout, true);
  if (opts.threshold !== undefined)
    markX(fig, opts.threshold, { label: `plastic: D<sup>2</sup><sub>min</sub> > ${opts.threshold} Å<sup>2</sup>` });
  annotate(
    fig,
    `bars: 95 % bootstrap intervals; bins with ≥ ${minAtoms} atoms<br>paper: the fraction rises with D<sup>2</sup><sub>min</sub>`,
    {
      x: 0.02,
      y: 0.98,
    },
  );
  return fig;
}
