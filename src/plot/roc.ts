import type { Figure, ScatterTrace } from "./figure";
import { checkLength, checkNonEmpty, firstNonFinite, toData } from "./plot-data";
import { axis, baseLayout, setLegend, colorAt, type FigureOptions } from "./style";

/** One receiver operating characteristic curve: false and true positive rates along decreasing thresholds. */
export interface RocSeries {
  name: string;
  /** False positive rates, monotonic (as sklearn.metrics.roc_curve returns them), in [0, 1]. */
  fpr: ArrayLike<number>;
  /** True positive rates, same length. */
  tpr: ArrayLike<number>;
  /** Area under the curve; computed from the points by the trapezoidal rule when left out. */
  auc?: number;
  color?: string;
  dash?: "solid" | "dot" | "dash" | "longdash" | "dashdot" | "longdashdot";
}

export interface RocOptions extends FigureOptions {
  curves: readonly RocSeries[];
  /** Draw the diagonal of a random classifier (default true). */
  chance?: boolean;
  /** Digits of the AUC in the legend (default 3). */
  aucDigits?: number;
}

/**
 * Area under a curve by the trapezoidal rule over points in the given order, as sklearn.metrics.auc: x must be
 * monotonic (either direction; a decreasing x gives the same positive area).
 */
export function trapezoidArea(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkLength("y", y, x.length, "x");
  if (x.length < 2) throw new Error(`at least 2 points are needed to compute an area under a curve, got ${x.length}`);
  let dir = 0;
  for (let i = 1; i < x.length; i++) {
    const d = Math.sign(x[i] - x[i - 1]);
    if (d === 0) continue;
    if (dir === 0) dir = d;
    else if (d !== dir) throw new Error(`x is neither increasing nor decreasing (at index ${i}): cannot integrate`);
  }
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return dir < 0 ? -area : area;
}

/**
 * ROC curves with the AUC in each legend entry ("name (AUC = 0.853)"), on a square [0, 1] × [0, 1] plot with the
 * chance diagonal; the AUC-ROC is the paper's headline metric (Wang & Jain, Methods).
 */
export function rocPlot(opts: RocOptions): Figure {
  checkNonEmpty("ROC curves", opts.curves);
  const digits = opts.aucDigits ?? 3;
  const data: ScatterTrace[] = [];
  if (opts.chance ?? true) {
    data.push({
      type: "scatter",
      mode: "lines",
      name: "Chance (AUC = 0.5)",
      x: [0, 1],
      y: [0, 1],
      line: { color: "#7F7F7F", width: 1.2, dash: "dash" },
      showlegend: false,
      hovertemplate: "chance<extra></extra>",
    });
  }
  opts.curves.forEach((c, idx) => {
    checkLength(`ROC curve "${c.name}" tpr`, c.tpr, c.fpr.length, "its fpr");
    for (const [label, arr] of [
      ["fpr", c.fpr],
      ["tpr", c.tpr],
    ] as const) {
      const bad = firstNonFinite(arr);
      if (bad >= 0) throw new Error(`ROC curve "${c.name}" ${label} has a non-finite value at index ${bad}`);
      for (let i = 0; i < arr.length; i++) {
        if (arr[i] < 0 || arr[i] > 1)
          throw new Error(`ROC curve "${c.name}" ${label}[${i}] = ${arr[i]} is outside [0, 1]`);
      }
    }
    const auc = c.auc ?? trapezoidArea(c.fpr, c.tpr);
    if (!(auc >= 0 && auc <= 1)) throw new Error(`ROC curve "${c.name}": AUC ${auc} is outside [0, 1]`);
    data.push({
      type: "scatter",
      mode: "lines",
      name: `${c.name} (AUC = ${auc.toFixed(digits)})`,
      x: toData(c.fpr),
      y: toData(c.tpr),
      line: { color: c.color ?? colorAt(idx), width: 2, dash: c.dash ?? "solid", shape: "linear" },
    });
  });
  const layout = baseLayout({ width: 520, height: 500, ...opts });
  layout.xaxis = axis("False positive rate", { range: [-0.01, 1.01], constrain: "domain", dtick: 0.2 });
  layout.yaxis = axis("True positive rate", {
    range: [-0.01, 1.01],
    scaleanchor: "x",
    scaleratio: 1,
    constrain: "domain",
    dtick: 0.2,
  });
  setLegend(layout, true, {
    x: 0.98,
    y: 0.02,
    xanchor: "right",
    yanchor: "bottom",
    bgcolor: "rgba(255,255,255,0.85)",
    bordercolor: "#000000",
    borderwidth: 0.8,
  });
  return { data, layout };
}
