/**
 * Fast, exact parsing of decimal numbers inside a string, without allocating substrings.
 *
 * Numbers with at most 15 significant digits and a decimal exponent of magnitude <= 22 are computed as one
 * exact integer times or divided by one exact power of ten, a single correctly rounded IEEE operation, hence the
 * same double as `Number(text)` (Clinger, "How to read floating point numbers accurately", PLDI 1990, the
 * "fast path"). Everything else falls back to `Number(text)`. The accepted syntax is a plain decimal:
 * `[+-]? digits [. digits] [(e|E) [+-] digits]` (at least one mantissa digit); `inf`, `nan`, hex and empty
 * fields give NaN, so callers reject them.
 */

const POW10 = new Float64Array(23);
for (let k = 0, p = 1; k < 23; k++, p *= 10) POW10[k] = p;

/** Parses s[start, end) as a decimal number; NaN when it is not one. */
export function parseDecimal(s: string, start: number, end: number): number {
  // More than 17 characters cannot be a fast-path number (15 digits, sign, point): go straight to Number, after
  // refusing the only non-decimal spellings Number accepts at that length (0x.., 0b.., 0o..).
  if (end - start > 17) {
    const c1 = s.charCodeAt(start + 1) | 32;
    if (c1 === 120 /* x */ || c1 === 98 /* b */ || c1 === 111 /* o */) return NaN;
    return Number(s.slice(start, end));
  }
  let i = start;
  let negative = false;
  let c = s.charCodeAt(i);
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0; // significant digits accumulated in mantissa
  let anyDigit = false;
  let exponent = 0; // decimal exponent correction from digits after the point or dropped digits
  let exact = true;
  // integer part
  for (; i < end; i++) {
    c = s.charCodeAt(i);
    const d = c - 48;
    if (d < 0 || d > 9) break;
    anyDigit = true;
    if (digits < 15) {
      mantissa = mantissa * 10 + d;
      if (mantissa !== 0) digits++;
    } else {
      exact = false;
      exponent++;
    }
  }
  if (i < end && c === 46 /* . */) {
    i++;
    for (; i < end; i++) {
      c = s.charCodeAt(i);
      const d = c - 48;
      if (d < 0 || d > 9) break;
      anyDigit = true;
      if (digits < 15) {
        mantissa = mantissa * 10 + d;
        if (mantissa !== 0) digits++;
        exponent--;
      } else if (d !== 0) {
        exact = false;
      }
    }
  }
  if (!anyDigit) return NaN;
  if (i < end && (c === 101 /* e */ || c === 69) /* E */) {
    i++;
    let expNegative = false;
    c = i < end ? s.charCodeAt(i) : 0;
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      i++;
    }
    let e = 0;
    let expDigits = 0;
    for (; i < end; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      if (e < 100000) e = e * 10 + d;
      expDigits++;
    }
    if (expDigits === 0) return NaN;
    exponent += expNegative ? -e : e;
  }
  if (i !== end) return NaN;
  if (!exact || exponent > 22 || exponent < -22) return Number(s.slice(start, end));
  const v = exponent < 0 ? mantissa / POW10[-exponent] : mantissa * POW10[exponent];
  return negative ? -v : v;
}

/**
 * Why `text` is not a finite decimal number, for a message after {@link parseDecimal} gave NaN or infinity:
 * "is not finite" (1e999, inf), "is not a decimal number" (hexadecimal, binary or octal spellings such as 0x1p3
 * or 0x10, which are not read), else "is not a number".
 */
export function notDecimalReason(text: string): string {
  if (/^[+-]?0[xbo]/i.test(text.trim())) return "is not a decimal number (hexadecimal, binary and octal are not read)";
  const v = Number(text);
  if (v === Infinity || v === -Infinity || /^[+-]?inf(inity)?$/i.test(text.trim())) return "is not finite";
  return Number.isNaN(v) ? "is not a number" : "is not a decimal number";
}
