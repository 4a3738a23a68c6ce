import type { Datum } from "./figure";

/**
 * Conversions from the library's typed arrays to Plotly JSON data arrays, with argument checks that name the
 * offending option, so a wrong-length column fails here instead of drawing a silently wrong picture.
 */

/** Plain array of numbers for JSON; NaN and ±Infinity become null (a gap in Plotly). */
export function toData(values: ArrayLike<number>): Datum[] {
  const out = new Array<Datum>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = Number.isFinite(v) ? v : null;
  }
  return out;
}

/** As toData, and values <= 0 also become null: a log axis cannot show them (Plotly would drop them anyway). */
export function toLogData(values: ArrayLike<number>): Datum[] {
  const out = toData(values);
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (v !== null && v <= 0) out[i] = null;
  }
  return out;
}

/** Throws unless `values` has `n` entries. */
export function checkLength(what: string, values: ArrayLike<unknown>, n: number, reference: string): void {
  if (values.length !== n) throw new Error(`${what} has ${values.length} values but ${reference} has ${n}`);
}

/** Throws unless `values` has at least one entry. */
export function checkNonEmpty(what: string, values: ArrayLike<unknown>): void {
  if (values.length === 0) throw new Error(`${what} is empty`);
}

/** Index of the first non-finite value, or -1. */
export function firstNonFinite(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return i;
  return -1;
}

/** Minimum and maximum of the finite values; [NaN, NaN] when there is none. */
export function finiteRange(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}

/** Rounds to `digits` significant digits for compact JSON (positions in Å need no 17 digits). */
export function roundData(values: Datum[], digits: number): Datum[] {
  return values.map((v) => (v === null ? null : Number(v.toPrecision(digits))));
}
