import type { Figure, ScatterTrace, ViolinTrace } from "./figure";
import { histogram } from "./histogram";
import { checkLength, checkNonEmpty, toData } from "./plot-data";
import { annotate, markX, markY } from "./reference-marks";
import { axis, baseLayout, colorAt, logTicks, setLegend, withAlpha, type FigureOptions } from "./style";

/**
 * The panels of Wang & Jain's Figure 3 drawn from arrays: the QS distribution with its hardest and softest groups
 * (3a, and 3f for several glasses), P(plastic | QS) with its ratio to P(plastic) (3b), and the features of the
 * hardest against the softest atoms (3d). The paper's values, where it gives one, are passed in and drawn as
 * dashed marks or notes, so the figure says what to compare with.
 */

/** One glass of a QS distribution panel. */
export interface SoftnessSeries {
  name: string;
  values: ArrayLike<number>;
  color?: string;
  /** The paper's std(QS) of the same composition, written after ours in the legend. */
  paperStd?: number;
}

export interface SoftnessDistributionOptions extends FigureOptions {
  series: readonly SoftnessSeries[];
  /** QS thresholds of the hardest and softest groups (default 0.1 and 0.7, the paper's). */
  hard?: number;
  soft?: number;
  /** The paper's fractions of hardest and softest atoms (Figure 3a: ~0.13 and ~0.11), shown with ours. */
  paper?: { hardFraction?: number; softFraction?: number };
  /** Number of bins over [0, 1] (default 40). */
  bins?: number;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** Population standard deviation and the fractions below `hard` and above `soft` of the finite values. */
function qsSummary(
  values: ArrayLike<number>,
  hard: number,
  soft: number,
): { std: number; hardF: number; softF: number } {
  let n = 0;
  let s = 0;
  let s2 = 0;
  let nh = 0;
  let ns = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    n++;
    s += v;
    s2 += v * v;
    if (v < hard) nh++;
    if (v > soft) ns++;
  }
  if (n === 0) throw new Error("softness distribution: a series has no finite value");
  const m = s / n;
  return { std: Math.sqrt(Math.max(0, s2 / n - m * m)), hardF: nh / n, softF: ns / n };
}

/**
 * Figure 3a (one glass) and 3f (several): probability density of QS on [0, 1], dashed marks at the hardest and
 * softest thresholds labelled with the fractions (ours, and the paper's when given), std(QS) in each legend entry.
 * The legend is one compact column inside the plot's upper right corner.
 */
export function softnessDistributionFigure(opts: SoftnessDistributionOptions): Figure {
  checkNonEmpty("softness series", opts.series);
  const hard = opts.hard ?? 0.1;
  const soft = opts.soft ?? 0.7;
  const summaries = opts.series.map((s) => qsSummary(s.values, hard, soft));
  const fig = histogram({
    series: opts.series.map((s, k) => ({
      name: `${s.name}: std ${summaries[k].std.toFixed(3)}${s.paperStd !== undefined ? ` (paper ${s.paperStd.toFixed(3)})` : ""}`,
      values: s.values,
      color: s.color ?? colorAt(k),
    })),
    xTitle: "Quench-in softness (QS)",
    yTitle: "Probability density",
    normalization: "density",
    bins: opts.bins ?? 40,
    range: [0, 1],
    dropNonFinite: true,
    style: opts.series.length > 1 ? "step" : "bars",
    title: opts.title,
    width: opts.width ?? 640,
    height: opts.height ?? 420,
  });
  const one = opts.series.length === 1;
  const label = (what: string, ours: number, paper: number | undefined): string =>
    `${what}${one ? `: ${pct(ours)}` : ""}${paper !== undefined ? `<br>paper ~${(100 * paper).toFixed(0)} %` : ""}`;
  markX(fig, hard, { label: label(`hardest, QS < ${hard}`, summaries[0].hardF, opts.paper?.hardFraction) });
  markX(fig, soft, { label: label(`softest, QS > ${soft}`, summaries[0].softF, opts.paper?.softFraction) });
  // The hardest label sits left of its line, so it does not run into the distribution's peak.
  const annotations = fig.layout.annotations ?? [];
  if (annotations.length >= 2) annotations[annotations.length - 2].xanchor = "right";
  fig.layout.margin = { ...fig.layout.margin, t: Math.max(fig.layout.margin?.t ?? 0, 40) };
  setLegend(fig.layout, !one, {
    orientation: "v",
    x: 0.99,
    xanchor: "right",
    y: 0.8,
    yanchor: "top",
    font: { size: 11 },
    bgcolor: "rgba(255,255,255,0.8)",
  });
  return fig;
}

/** The binned P(plastic | QS) of `conditionalProbability` (src/analysis/softness-statistics.ts). */
export interface BinnedProbabilityData {
  centers: ArrayLike<number>;
  counts: ArrayLike<number>;
  positives: ArrayLike<number>;
  probability: ArrayLike<number>;
  low: ArrayLike<number>;
  high: ArrayLike<number>;
  base: number;
}

export interface PlasticProbabilityOptions extends FigureOptions {
  binned: BinnedProbabilityData;
  /** Bins with fewer atoms are not drawn (default 20): one or two atoms give 0 or 1 by chance. */
  minAtoms?: number;
  /** The paper's marks (Figure 3b and text): ratio ~1 at QS = 0.5, a bend at QS ~0.1 below which ratio <= 0.1. */
  paper?: { ratioOneAt?: number; bendAt?: number; ratioBelowBend?: number };
}

/**
 * Figure 3b: P(plastic | QS) per QS bin on a log axis with 95 % binomial (Wilson) intervals, and on the right-hand
 * axis the same points as the ratio P(plastic | QS) / P(plastic): the two axes share one scale, offset by
 * P(plastic), so a line at ratio 1 is the average atom. Bins with fewer than `minAtoms` atoms or no plastic atom
 * are left out (said in a note), and the note gives the number of decades the kept bins span.
 */
export function plasticProbabilityFigure(opts: PlasticProbabilityOptions): Figure {
  const b = opts.binned;
  const nb = b.centers.length;
  checkNonEmpty("binned probability", b.centers);
  for (const [name, arr] of [
    ["counts", b.counts],
    ["positives", b.positives],
    ["probability", b.probability],
    ["low", b.low],
    ["high", b.high],
  ] as const)
    checkLength(`binned ${name}`, arr, nb, "centers");
  if (!(b.base > 0 && b.base < 1)) throw new Error(`P(plastic) must be in (0, 1), got ${b.base}`);
  const minAtoms = opts.minAtoms ?? 20;
  const x: number[] = [];
  const p: number[] = [];
  const up: number[] = [];
  const down: number[] = [];
  const text: string[] = [];
  let sparse = 0;
  for (let k = 0; k < nb; k++) {
    if (b.counts[k] < minAtoms || b.positives[k] === 0) {
      if (b.counts[k] > 0) sparse++;
      continue;
    }
    x.push(b.centers[k]);
    p.push(b.probability[k]);
    up.push(b.high[k] - b.probability[k]);
    down.push(b.probability[k] - b.low[k]);
    text.push(`${b.positives[k]} plastic of ${b.counts[k]} atoms`);
  }
  if (p.length === 0) throw new Error(`no QS bin has ${minAtoms} atoms and a plastic atom`);
  const color = colorAt(0);
  const left: ScatterTrace = {
    type: "scatter",
    name: "P(plastic | QS)",
    mode: "lines+markers",
    x,
    y: p,
    text,
    line: { color, width: 2 },
    marker: { color, size: 7 },
    error_y: {
      type: "data",
      symmetric: false,
      array: up,
      arrayminus: down,
      visible: true,
      thickness: 1.2,
      width: 3,
      color,
    },
  };
  // The ratio on the right axis: the same points, drawn invisibly so the axis exists and hovering reads the ratio.
  const right: ScatterTrace = {
    type: "scatter",
    name: "P(plastic | QS) / P(plastic)",
    mode: "markers",
    x,
    y: p.map((v) => v / b.base),
    yaxis: "y2",
    marker: { color, size: 7, opacity: 0 },
    showlegend: false,
  };
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < p.length; k++) {
    lo = Math.min(lo, p[k] - down[k] > 0 ? p[k] - down[k] : p[k]);
    hi = Math.max(hi, p[k] + up[k]);
  }
  lo = Math.min(lo, b.base * 0.1) / 1.5;
  hi = Math.min(1, hi * 1.5);
  const range: [number, number] = [Math.log10(lo), Math.log10(hi)];
  const layout = baseLayout({ ...opts, width: opts.width ?? 640, height: opts.height ?? 440 });
  layout.xaxis = axis("Quench-in softness (QS)", { range: [0, 1] });
  layout.yaxis = axis("P(plastic | QS)", { type: "log", range, mirror: false, ...logTicks([[lo, hi]]) });
  layout.yaxis2 = axis("P(plastic | QS) / P(plastic)", {
    type: "log",
    overlaying: "y",
    side: "right",
    mirror: false,
    range: [range[0] - Math.log10(b.base), range[1] - Math.log10(b.base)],
    ...logTicks([[lo / b.base, hi / b.base]]),
  });
  layout.margin = { ...layout.margin, r: 80 };
  const fig: Figure = { data: [left, right], layout };
  setLegend(fig.layout, false);
  markY(fig, 1, { yAxis: "y2", label: "ratio 1: the average atom", dash: "solid", labelAt: "start" });
  const paper = opts.paper;
  if (paper?.ratioOneAt !== undefined)
    markX(fig, paper.ratioOneAt, { label: `paper: ratio ≈ 1 at QS = ${paper.ratioOneAt}` });
  if (paper?.bendAt !== undefined)
    markX(fig, paper.bendAt, {
      label: `paper: bend at QS ≈ ${paper.bendAt}${paper.ratioBelowBend !== undefined ? `,<br>ratio ≤ ${paper.ratioBelowBend} below` : ""}`,
      labelAt: "start",
    });
  if (paper?.ratioBelowBend !== undefined)
    markY(fig, paper.ratioBelowBend, { yAxis: "y2", dash: "dot", label: `ratio ${paper.ratioBelowBend}` });
  const decades = Math.log10(Math.max(...p) / Math.min(...p));
  annotate(
    fig,
    `P(plastic | QS) spans ${decades.toFixed(1)} decades<br>bins with ≥ ${minAtoms} atoms; ${sparse} sparser bin${sparse === 1 ? "" : "s"} left out<br>bars: 95 % binomial (Wilson) intervals`,
    { x: 0.02, y: 0.98 },
  );
  return fig;
}

/** One feature of Figure 3d: its name in words and its values in the two groups. */
export interface GroupContrastFeature {
  label: string;
  hard: ArrayLike<number>;
  soft: ArrayLike<number>;
  /** Values over all atoms, to standardise by (default: the two groups together). */
  all?: ArrayLike<number>;
}

export interface GroupContrastOptions extends FigureOptions {
  features: readonly GroupContrastFeature[];
  /** Names of the two groups (default "hardest (QS < 0.1)" and "softest (QS > 0.7)"). */
  names?: [string, string];
}

function meanStd(values: ArrayLike<number>[]): { mean: number; std: number } {
  let n = 0;
  let s = 0;
  let s2 = 0;
  for (const arr of values)
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      if (!Number.isFinite(v)) continue;
      n++;
      s += v;
      s2 += v * v;
    }
  const mean = s / n;
  return { mean, std: Math.sqrt(Math.max(0, s2 / n - mean * mean)) };
}

/**
 * Figure 3d: split violins of several features, hardest atoms on the left half and softest on the right, each
 * feature standardised (z-score over all atoms) so features of different units share one axis. Category labels
 * are the features' names in words (`describeFeature`).
 */
export function groupContrastFigure(opts: GroupContrastOptions): Figure {
  checkNonEmpty("group contrast features", opts.features);
  const [hardName, softName] = opts.names ?? ["hardest (QS < 0.1)", "softest (QS > 0.7)"];
  const xs: [string[], string[]] = [[], []];
  const ys: [number[], number[]] = [[], []];
  for (const f of opts.features) {
    checkNonEmpty(`feature "${f.label}" hardest values`, f.hard);
    checkNonEmpty(`feature "${f.label}" softest values`, f.soft);
    const { mean, std } = meanStd(f.all ? [f.all] : [f.hard, f.soft]);
    if (!(std > 0)) throw new Error(`feature "${f.label}" has no spread to standardise by`);
    const wrapped = wrapLabel(f.label, 22);
    [f.hard, f.soft].forEach((vals, g) => {
      for (let i = 0; i < vals.length; i++) {
        const v = vals[i];
        if (!Number.isFinite(v)) continue;
        xs[g].push(wrapped);
        ys[g].push((v - mean) / std);
      }
    });
  }
  const data: ViolinTrace[] = [hardName, softName].map((name, g) => {
    const color = colorAt(g);
    return {
      type: "violin",
      name,
      x: xs[g],
      y: toData(ys[g]),
      side: g === 0 ? "negative" : "positive",
      line: { color, width: 1.2 },
      fillcolor: withAlpha(color, 0.5),
      box: { visible: true, width: 0.12 },
      meanline: { visible: false },
      points: false,
      spanmode: "hard",
      scalemode: "width",
    };
  });
  const layout = baseLayout({
    ...opts,
    width: opts.width ?? Math.max(640, 130 * opts.features.length),
    height: opts.height ?? 460,
  });
  layout.xaxis = axis(undefined, { type: "category", ticks: "" });
  layout.yaxis = axis("Feature value, standardised over all atoms (z-score)");
  layout.violinmode = "overlay";
  layout.violingap = 0.2;
  const fig: Figure = { data, layout };
  setLegend(fig.layout, true);
  markY(fig, 0, { dash: "dot", color: "#999999" });
  return fig;
}

/** Breaks a label into lines of at most `width` characters at spaces (Plotly's <br>). */
export function wrapLabel(label: string, width: number): string {
  const words = label.split(" ");
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join("<br>");
}
