import { studentTQuantile } from "./student-t";

/**
 * A straight line y = intercept + slope * log10(x) fitted by ordinary least squares, with what it takes to give
 * the uncertainty of the line anywhere (Montgomery, Peck & Vining, Introduction to Linear Regression Analysis,
 * 5th ed., sections 2.4.2 and 2.5: confidence interval of the mean response and prediction interval).
 */
export interface LogTrend {
  /** Change of y per decade of x. */
  readonly slope: number;
  /** y at x = 1 (log10 x = 0). */
  readonly intercept: number;
  /** Points fitted, and the residual degrees of freedom n - 2. */
  readonly n: number;
  readonly df: number;
  /** Residual standard deviation sqrt(SSE / (n - 2)). */
  readonly residualStd: number;
  /** Standard error of the slope, s / sqrt(Sxx). */
  readonly slopeSe: number;
  /** Mean of log10 x and Sxx = sum (log10 x - mean)^2. */
  readonly logXMean: number;
  readonly sxx: number;
  /** Range of the fitted x (data units). */
  readonly xMin: number;
  readonly xMax: number;
  /** Two-sided confidence level of the intervals (default 0.95). */
  readonly level: number;
}

/** The fitted line at one x with its uncertainty. */
export interface TrendEstimate {
  readonly x: number;
  /** The line's value. */
  readonly y: number;
  /** Standard error of the line's value: s sqrt(1/n + (u - mean u)^2 / Sxx), u = log10 x. */
  readonly se: number;
  /** Confidence interval of the line (the mean response) at `level`. */
  readonly lower: number;
  readonly upper: number;
  /** Prediction interval of one new observation at x (adds the residual scatter). */
  readonly predictionLower: number;
  readonly predictionUpper: number;
  /** Decades of x beyond the fitted range (0 inside it). */
  readonly decadesOutside: number;
}

/** Fits y = a + b log10(x). Needs at least 3 points and 2 distinct x (for an uncertainty); x must be > 0. */
export function fitLogTrend(x: ArrayLike<number>, y: ArrayLike<number>, options: { level?: number } = {}): LogTrend {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new Error(`fitLogTrend: level must be in (0, 1), got ${level}`);
  const n = x.length;
  if (y.length !== n) throw new Error(`fitLogTrend: ${n} x values but ${y.length} y values`);
  if (n < 3) throw new Error(`fitLogTrend: need at least 3 points for a line with an uncertainty, got ${n}`);
  const u = new Float64Array(n);
  let xMin = Infinity;
  let xMax = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!(x[i] > 0) || !Number.isFinite(x[i]))
      throw new Error(`fitLogTrend: x[${i}] = ${x[i]}, expected a finite number > 0`);
    if (!Number.isFinite(y[i])) throw new Error(`fitLogTrend: y[${i}] = ${y[i]} is not finite`);
    u[i] = Math.log10(x[i]);
    xMin = Math.min(xMin, x[i]);
    xMax = Math.max(xMax, x[i]);
  }
  let uMean = 0;
  let yMean = 0;
  for (let i = 0; i < n; i++) {
    uMean += u[i] / n;
    yMean += y[i] / n;
  }
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (u[i] - uMean) ** 2;
    sxy += (u[i] - uMean) * (y[i] - yMean);
  }
  if (!(sxx > 0)) throw new Error("fitLogTrend: all x are equal, no slope can be fitted");
  const slope = sxy / sxx;
  const intercept = yMean - slope * uMean;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - intercept - slope * u[i]) ** 2;
  const df = n - 2;
  const residualStd = Math.sqrt(sse / df);
  return {
    slope,
    intercept,
    n,
    df,
    residualStd,
    slopeSe: residualStd / Math.sqrt(sxx),
    logXMean: uMean,
    sxx,
    xMin,
    xMax,
    level,
  };
}

/** The line at x with its confidence and prediction intervals (both widen with the distance from the data's mean). */
export function logTrendAt(trend: LogTrend, x: number): TrendEstimate {
  if (!(x > 0)) throw new Error(`logTrendAt: x must be > 0, got ${x}`);
  const u = Math.log10(x);
  const yHat = trend.intercept + trend.slope * u;
  const lever = 1 / trend.n + (u - trend.logXMean) ** 2 / trend.sxx;
  const se = trend.residualStd * Math.sqrt(lever);
  const sePred = trend.residualStd * Math.sqrt(1 + lever);
  const t = studentTQuantile(1 - (1 - trend.level) / 2, trend.df);
  const decadesOutside = x < trend.xMin ? Math.log10(trend.xMin / x) : x > trend.xMax ? Math.log10(x / trend.xMax) : 0;
  return {
    x,
    y: yHat,
    se,
    lower: yHat - t * se,
    upper: yHat + t * se,
    predictionLower: yHat - t * sePred,
    predictionUpper: yHat + t * sePred,
    decadesOutside,
  };
}

/**
 * The change of the line from x0 to x1, y(x1) - y(x0) = slope * log10(x1 / x0), with its confidence interval
 * (its standard error is |log10(x1 / x0)| * slopeSe: the intercept cancels).
 */
export function logTrendChange(
  trend: LogTrend,
  x0: number,
  x1: number,
): { change: number; se: number; lower: number; upper: number } {
  if (!(x0 > 0 && x1 > 0)) throw new Error(`logTrendChange: x0 and x1 must be > 0, got ${x0}, ${x1}`);
  const d = Math.log10(x1 / x0);
  const change = trend.slope * d;
  const se = Math.abs(d) * trend.slopeSe;
  const t = studentTQuantile(1 - (1 - trend.level) / 2, trend.df);
  return { change, se, lower: change - t * se, upper: change + t * se };
}
