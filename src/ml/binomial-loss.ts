/**
 * Binomial deviance (log-loss) of gradient boosting for two classes (Friedman 2001, Sec. 4.5; scikit-learn's
 * `BinomialDeviance`, sklearn/ensemble/_gb_losses.py). The model's raw output F is the log-odds of class 1.
 */

/** float32 machine epsilon: scikit-learn clips the prior probability to [eps, 1 - eps] before taking log-odds. */
const EPS32 = 1.1920928955078125e-7;

/** The logistic function 1 / (1 + e^-x). */
export function expit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** log(1 + e^x) without overflow. */
export function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * Initial raw prediction: log-odds of the class-1 frequency, weighted by `weight` when given (scikit-learn's
 * DummyClassifier "prior" init, fitted with sample_weight).
 */
export function baselineLogOdds(y: Uint8Array, indices?: ArrayLike<number>, weight?: Float64Array | null): number {
  let pos = 0;
  let n = 0;
  const m = indices ? indices.length : y.length;
  for (let k = 0; k < m; k++) {
    const i = indices ? indices[k] : k;
    const w = weight ? weight[i] : 1;
    pos += w * y[i];
    n += w;
  }
  const p = Math.min(Math.max(pos / n, EPS32), 1 - EPS32);
  return Math.log(p / (1 - p));
}

/**
 * Negative gradient (residual y - p) and hessian p (1 - p) of the half deviance at raw predictions `raw`,
 * written into `g` and `h`.
 */
export function gradientHessian(y: Uint8Array, raw: Float64Array, g: Float64Array, h: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    const p = expit(raw[i]);
    g[i] = y[i] - p;
    h[i] = p * (1 - p);
  }
}

/**
 * binomialDeviance(y, raw, undefined, weight) and gradientHessian(y, raw, g, h) in one pass, bitwise the same
 * numbers: for F > 0 the e^-F of expit also gives log(1 + e^F) = F + log1p(e^-F), so one exponential instead of
 * two. Returns the deviance.
 */
export function devianceAndGradient(
  y: Uint8Array,
  raw: Float64Array,
  g: Float64Array,
  h: Float64Array,
  weight?: Float64Array | null,
): number {
  const sums = new Float64Array(2);
  lossAndGradientRange(y, raw, g, h, weight ?? null, 0, y.length, sums, 0);
  return (-2 * sums[0]) / sums[1];
}

/**
 * devianceAndGradient's pass over the rows [from, to) only: fills g and h there and writes the sums of
 * w (y F - log(1 + e^F)) and of w (w = 1 without weights) at out[at], out[at + 1]. The deviance of all rows is
 * -2 (sum of the first) / (sum of the second) over any cut of the rows into ranges.
 */
export function lossAndGradientRange(
  y: Uint8Array,
  raw: Float64Array,
  g: Float64Array,
  h: Float64Array,
  weight: Float64Array | null,
  from: number,
  to: number,
  out: Float64Array,
  at: number,
): void {
  let s = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const x = raw[i];
    let p: number;
    let l: number;
    if (x > 0) {
      const e = Math.exp(-x);
      p = 1 / (1 + e);
      l = x + Math.log1p(e);
    } else {
      p = 1 / (1 + Math.exp(-x));
      l = Math.log1p(Math.exp(x));
    }
    g[i] = y[i] - p;
    h[i] = p * (1 - p);
    if (weight) {
      s += weight[i] * (y[i] * x - l);
      n += weight[i];
    } else {
      s += y[i] * x - l;
      n++;
    }
  }
  out[at] = s;
  out[at + 1] = n;
}

/**
 * Deviance -2 mean(y F - log(1 + e^F)) over `indices` (all samples when omitted), as scikit-learn reports it;
 * with `weight`, the weighted mean (sklearn/ensemble/_gb_losses.py, BinomialDeviance.__call__).
 */
export function binomialDeviance(
  y: Uint8Array,
  raw: Float64Array,
  indices?: ArrayLike<number>,
  weight?: Float64Array | null,
): number {
  const m = indices ? indices.length : y.length;
  let s = 0;
  let n = 0;
  for (let k = 0; k < m; k++) {
    const i = indices ? indices[k] : k;
    if (weight) {
      s += weight[i] * (y[i] * raw[i] - log1pExp(raw[i]));
      n += weight[i];
    } else {
      s += y[i] * raw[i] - log1pExp(raw[i]);
      n++;
    }
  }
  return (-2 * s) / n;
}
