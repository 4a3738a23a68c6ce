/**
 * Wigner 3j symbols for integer angular momenta, evaluated exactly with the Racah formula in rational
 * arithmetic (BigInt) and rounded once to a double at the end.
 *
 * Racah formula (Edmonds, "Angular Momentum in Quantum Mechanics", Eq. 3.7.3; also DLMF 34.2.4):
 *
 *   (j1 j2 j3; m1 m2 m3) = delta(m1+m2+m3, 0) (-1)^(j1-j2-m3) sqrt(Delta(j1 j2 j3))
 *       sqrt((j1+m1)! (j1-m1)! (j2+m2)! (j2-m2)! (j3+m3)! (j3-m3)!)
 *       sum_k (-1)^k / [k! (j3-j2+k+m1)! (j3-j1+k-m2)! (j1+j2-j3-k)! (j1-k-m1)! (j2-k+m2)!]
 *
 *   Delta(j1 j2 j3) = (j1+j2-j3)! (j1-j2+j3)! (-j1+j2+j3)! / (j1+j2+j3+1)!
 *
 * where k runs over all integers for which every factorial argument is >= 0.
 */

const factorialCache: bigint[] = [1n];

function factorial(n: number): bigint {
  if (n < 0 || !Number.isInteger(n)) throw new Error(`factorial: argument must be a non-negative integer, got ${n}`);
  for (let k = factorialCache.length; k <= n; k++) factorialCache.push(factorialCache[k - 1] * BigInt(k));
  return factorialCache[n];
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** A 3j symbol as an exact signed square root: value = sign * sqrt(num / den), with num/den reduced. */
export interface ExactWigner3j {
  /** -1, 0 or +1. */
  readonly sign: number;
  /** Numerator of value^2 (0n when the symbol vanishes). */
  readonly num: bigint;
  /** Denominator of value^2 (1n when the symbol vanishes). */
  readonly den: bigint;
}

function checkArgs(j1: number, j2: number, j3: number, m1: number, m2: number, m3: number): void {
  for (const [name, v] of [
    ["j1", j1],
    ["j2", j2],
    ["j3", j3],
    ["m1", m1],
    ["m2", m2],
    ["m3", m3],
  ] as const) {
    if (!Number.isInteger(v)) throw new Error(`wigner3j: ${name} must be an integer, got ${v}`);
  }
  if (j1 < 0 || j2 < 0 || j3 < 0) throw new Error(`wigner3j: j must be >= 0, got (${j1}, ${j2}, ${j3})`);
}

/** The exact 3j symbol (j1 j2 j3; m1 m2 m3) for integer arguments, as sign * sqrt(num/den). */
export function wigner3jExact(j1: number, j2: number, j3: number, m1: number, m2: number, m3: number): ExactWigner3j {
  checkArgs(j1, j2, j3, m1, m2, m3);
  const zero: ExactWigner3j = { sign: 0, num: 0n, den: 1n };
  if (m1 + m2 + m3 !== 0) return zero;
  if (Math.abs(m1) > j1 || Math.abs(m2) > j2 || Math.abs(m3) > j3) return zero;
  // Triangle condition |j1 - j2| <= j3 <= j1 + j2.
  if (j3 < Math.abs(j1 - j2) || j3 > j1 + j2) return zero;

  const kMin = Math.max(0, j2 - j3 - m1, j1 - j3 + m2);
  const kMax = Math.min(j1 + j2 - j3, j1 - m1, j2 + m2);
  // Sum of (-1)^k / D_k as one fraction sNum / sDen.
  let sNum = 0n;
  let sDen = 1n;
  for (let k = kMin; k <= kMax; k++) {
    const d =
      factorial(k) *
      factorial(j3 - j2 + k + m1) *
      factorial(j3 - j1 + k - m2) *
      factorial(j1 + j2 - j3 - k) *
      factorial(j1 - k - m1) *
      factorial(j2 - k + m2);
    const term = k % 2 === 0 ? 1n : -1n;
    sNum = sNum * d + term * sDen;
    sDen = sDen * d;
    const g = gcd(sNum, sDen);
    if (g > 1n) {
      sNum /= g;
      sDen /= g;
    }
  }
  if (sNum === 0n) return zero;
  const phase = (j1 - j2 - m3) % 2 === 0 ? 1 : -1;
  const sign = phase * (sNum > 0n ? 1 : -1);
  // value^2 = Delta * F * s^2
  let num =
    factorial(j1 + j2 - j3) *
    factorial(j1 - j2 + j3) *
    factorial(-j1 + j2 + j3) *
    factorial(j1 + m1) *
    factorial(j1 - m1) *
    factorial(j2 + m2) *
    factorial(j2 - m2) *
    factorial(j3 + m3) *
    factorial(j3 - m3) *
    sNum *
    sNum;
  let den = factorial(j1 + j2 + j3 + 1) * sDen * sDen;
  const g = gcd(num, den);
  num /= g;
  den /= g;
  return { sign, num, den };
}

/** Correctly rounded num/den for positive BigInts (one rounding, no overflow for any size). */
function ratioToNumber(num: bigint, den: bigint): number {
  // Scale so the integer quotient carries 64+ significant bits, then divide once in floating point.
  const shift = BigInt(Math.max(0, 64 - (num.toString(2).length - den.toString(2).length)));
  const q = (num << shift) / den;
  return Number(q) / 2 ** Number(shift);
}

/** The 3j symbol (j1 j2 j3; m1 m2 m3) for integer arguments, as a double (exact up to the final rounding). */
export function wigner3j(j1: number, j2: number, j3: number, m1: number, m2: number, m3: number): number {
  const w = wigner3jExact(j1, j2, j3, m1, m2, m3);
  if (w.sign === 0) return 0;
  return w.sign * Math.sqrt(ratioToNumber(w.num, w.den));
}

/**
 * All non-zero symbols (l l l; m1 m2 m3) with m1 + m2 + m3 = 0, the coefficients of the third-order invariant
 * w_l (Steinhardt, Nelson & Ronchetti 1983, Eq. 1.5). Flat arrays: term t has m1[t], m2[t], m3[t], coefficient[t].
 */
export interface Wigner3jTable {
  readonly l: number;
  readonly m1: Int32Array;
  readonly m2: Int32Array;
  readonly m3: Int32Array;
  readonly coefficient: Float64Array;
}

const tableCache = new Map<number, Wigner3jTable>();

/** The (cached) table of (l l l; m1 m2 m3) for one l. */
export function wigner3jTable(l: number): Wigner3jTable {
  if (!Number.isInteger(l) || l < 0) throw new Error(`wigner3jTable: l must be a non-negative integer, got ${l}`);
  const cached = tableCache.get(l);
  if (cached) return cached;
  const m1s: number[] = [];
  const m2s: number[] = [];
  const m3s: number[] = [];
  const cs: number[] = [];
  for (let m1 = -l; m1 <= l; m1++) {
    for (let m2 = Math.max(-l, -l - m1); m2 <= Math.min(l, l - m1); m2++) {
      const m3 = -m1 - m2;
      const c = wigner3j(l, l, l, m1, m2, m3);
      if (c === 0) continue;
      m1s.push(m1);
      m2s.push(m2);
      m3s.push(m3);
      cs.push(c);
    }
  }
  const table: Wigner3jTable = {
    l,
    m1: Int32Array.from(m1s),
    m2: Int32Array.from(m2s),
    m3: Int32Array.from(m3s),
    coefficient: Float64Array.from(cs),
  };
  tableCache.set(l, table);
  return table;
}

const reducedCache = new Map<number, Wigner3jTable>();

/**
 * wigner3jTable(l) reduced by the symmetries of w_l = sum (l l l; m1 m2 m3) q_m1 q_m2 q_m3 (SNR83 Eq. 1.5) for
 * the real part of the triple product: it is the same for every permutation of (m1, m2, m3) and for -m (since
 * q_-m = (-1)^m conj(q_m) and m1 + m2 + m3 = 0). One term per class, at its smallest sorted member, with
 * coefficient = (the member's symbol) x (sum over the class of each symbol's sign relative to it): about 10x fewer
 * terms for the same sum (to rounding); 0 for odd l, where the symbols cancel.
 */
export function wigner3jInvariantTable(l: number): Wigner3jTable {
  const cached = reducedCache.get(l);
  if (cached) return cached;
  const full = wigner3jTable(l);
  const classes = new Map<string, { m: [number, number, number]; c: number; count: number }>();
  for (let t = 0; t < full.coefficient.length; t++) {
    const m = [full.m1[t], full.m2[t], full.m3[t]];
    const up = [...m].sort((a, b) => a - b);
    const down = m.map((v) => -v).sort((a, b) => a - b);
    const canon = (up[0] < down[0] || (up[0] === down[0] && up[1] <= down[1]) ? up : down) as [number, number, number];
    const key = canon.join(",");
    let cls = classes.get(key);
    if (cls === undefined) {
      cls = { m: canon, c: wigner3j(l, l, l, canon[0], canon[1], canon[2]), count: 0 };
      classes.set(key, cls);
    }
    cls.count += Math.sign(full.coefficient[t]) === Math.sign(cls.c) ? 1 : -1;
  }
  const kept = [...classes.values()].filter((cls) => cls.count !== 0);
  const table: Wigner3jTable = {
    l,
    m1: Int32Array.from(kept, (cls) => cls.m[0]),
    m2: Int32Array.from(kept, (cls) => cls.m[1]),
    m3: Int32Array.from(kept, (cls) => cls.m[2]),
    coefficient: Float64Array.from(kept, (cls) => cls.c * cls.count),
  };
  reducedCache.set(l, table);
  return table;
}
