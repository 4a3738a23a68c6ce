/**
 * Number formatting for the lines and small tables a notebook prints (the helpers every notebook used to define
 * for itself). Missing values (null, undefined, NaN, infinities) print as "-".
 */

type Maybe = number | null | undefined;
const missing = (x: Maybe): x is null | undefined => x === null || x === undefined || !Number.isFinite(x);

/** `x` with `digits` decimals (default 3), "-" when missing: fixed(0.77149) = "0.771". */
export function fixed(x: Maybe, digits = 3): string {
  return missing(x) ? "-" : x.toFixed(digits);
}

/** `x` with its sign and `digits` decimals (default 3), "-" when missing: signed(0.031) = "+0.031". */
export function signed(x: Maybe, digits = 3): string {
  if (missing(x)) return "-";
  const s = x.toFixed(digits);
  return x >= 0 && !s.startsWith("-") ? `+${s}` : s;
}

/** A fraction as a percentage with `digits` decimals (default 1), "-" when missing: percent(0.0523) = "5.2 %". */
export function percent(x: Maybe, digits = 1): string {
  return missing(x) ? "-" : `${(100 * x).toFixed(digits)} %`;
}

/** Seconds since `t0` (a performance.now() reading, ms) with one decimal: for "... in 3.8 s" lines. */
export function secondsSince(t0: number): string {
  return ((performance.now() - t0) / 1000).toFixed(1);
}
