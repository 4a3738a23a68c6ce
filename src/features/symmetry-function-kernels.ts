import { type WasmMemory, type WasmModule, wasm } from "../parallel/wasm";
import { SYMMETRY_FUNCTION_KERNELS_WASM } from "./symmetry-function-kernels-wasm";

/**
 * The angular sums of the symmetry functions (paper Eq. 3), per atom: the WebAssembly kernel
 * (symmetry-function-kernels.wat, used by symmetryFunctionRows) and its JavaScript twin angularSumsJs (the
 * reference the tests hold the kernel to: bitwise the same sums).
 */

/**
 * The angular parameter sets reduced to distinct xi values and (lambda, zeta) pairs (one exp per pair of bonds
 * per xi), with the column block of each species pair.
 */
export interface AngularPlan {
  readonly nSpecies: number;
  /** Block of species pair (a, b), either order: its rank among the unordered pairs a <= b. nSpecies^2. */
  readonly pairIndex: Int32Array;
  /** Per parameter set: index of its xi in invXi2, and of its (lambda, zeta) in lzLambda/lzZeta. */
  readonly xiOf: Int32Array;
  readonly lzOf: Int32Array;
  /** 1 / xi^2 (xi in Angstrom) per distinct xi. */
  readonly invXi2: Float64Array;
  readonly lzLambda: Float64Array;
  readonly lzZeta: Float64Array;
}

/** The plan of angular parameter sets (AngularParams; xi in units of `unit` Angstrom) for `nSpecies` species. */
export function angularPlan(
  angular: readonly { readonly xi: number; readonly lambda: number; readonly zeta: number }[],
  unit: number,
  nSpecies: number,
): AngularPlan {
  const xis: number[] = [];
  const lz: [number, number][] = [];
  const xiOf = new Int32Array(angular.length);
  const lzOf = new Int32Array(angular.length);
  angular.forEach((q, k) => {
    const xiA = q.xi * unit;
    let a = xis.indexOf(xiA);
    if (a < 0) a = xis.push(xiA) - 1;
    xiOf[k] = a;
    let b = lz.findIndex(([l, z]) => l === q.lambda && z === q.zeta);
    if (b < 0) b = lz.push([q.lambda, q.zeta]) - 1;
    lzOf[k] = b;
  });
  return {
    nSpecies,
    pairIndex: speciesPairIndex(nSpecies),
    xiOf,
    lzOf,
    invXi2: Float64Array.from(xis, (x) => 1 / (x * x)),
    lzLambda: Float64Array.from(lz, ([l]) => l),
    lzZeta: Float64Array.from(lz, ([, z]) => z),
  };
}

/** Column block of each species pair, for both orders: unordered pair (a <= b) -> its rank in a <= b order. */
function speciesPairIndex(nSpecies: number): Int32Array {
  const pairIndex = new Int32Array(nSpecies * nSpecies);
  for (let a = 0; a < nSpecies; a++) {
    for (let b = a; b < nSpecies; b++) {
      const k = a * nSpecies - (a * (a - 1)) / 2 + (b - a);
      pairIndex[a * nSpecies + b] = k;
      pairIndex[b * nSpecies + a] = k;
    }
  }
  return pairIndex;
}

/** exp(-j / 64) for j = 0 .. 64 x 80 (y just below 80 rounds to j = 5120): the table of expMinus. */
export const EXP_MINUS_TABLE = Float64Array.from({ length: 64 * 80 + 1 }, (_, j) => Math.exp(-j / 64));

/**
 * exp(-y) for y >= 0, table-driven (Tang 1989, ACM TOMS 15(2) 144, with 64 steps per unit and no 2^k split):
 * y = j/64 - f with |f| <= 1/128 (f exact by Sterbenz's lemma), exp(-y) = exp(-j/64) exp(f), exp(f) by its
 * Taylor series to f^6 (the rest below 4e-19 relative). Within 2 ulp of Math.exp (3 million random y in [0, 85])
 * and cheaper: it is called once per pair of bonds per distinct xi (about 13,000 times per atom).
 */
export function expMinus(y: number): number {
  // NaN, infinities and y outside [-1/128, 80) go to Math.exp.
  if (!(y > -1 / 128 && y < 80)) return Math.exp(-y);
  const j = (y * 64 + 0.5) | 0;
  const f = j * (1 / 64) - y;
  return EXP_MINUS_TABLE[j] * (1 + f * (1 + f * (1 / 2 + f * (1 / 6 + f * (1 / 24 + f * (1 / 120 + f / 720))))));
}

/** pw[o + b] = (1 + lambda cos_b)^zeta for b in [from, to) (Eq. 3; integer zeta by repeated squaring, 0 below 0). */
function angularPowers(
  pw: Float64Array,
  o: number,
  cosv: Float64Array,
  lam: number,
  z: number,
  from: number,
  to: number,
): void {
  if (z === 1) {
    for (let b = from; b < to; b++) pw[o + b] = 1 + lam * cosv[b];
  } else if (z === 2) {
    for (let b = from; b < to; b++) {
      const q = 1 + lam * cosv[b];
      pw[o + b] = q * q;
    }
  } else if (z === 4) {
    for (let b = from; b < to; b++) {
      const q = 1 + lam * cosv[b];
      const q2 = q * q;
      pw[o + b] = q2 * q2;
    }
  } else if (z === 16) {
    for (let b = from; b < to; b++) {
      const q = 1 + lam * cosv[b];
      const q2 = q * q;
      const q4 = q2 * q2;
      const q8 = q4 * q4;
      pw[o + b] = q8 * q8;
    }
  } else {
    for (let b = from; b < to; b++) {
      const q = 1 + lam * cosv[b];
      pw[o + b] = q > 0 ? q ** z : 0;
    }
  }
}

/** The kernel's arrays, all views on its memory (the bonds and speciesStart are written by the caller). */
export interface AngularSumsArrays {
  readonly bx: Float64Array;
  readonly by: Float64Array;
  readonly bz: Float64Array;
  readonly br: Float64Array;
  readonly bs: Int32Array;
  readonly speciesStart: Int32Array;
  readonly acc: Float64Array;
  readonly sum2: Float64Array;
  readonly cosv: Float64Array;
  readonly ex: Float64Array;
  readonly pw: Float64Array;
  readonly table: Float64Array;
  readonly invXi2: Float64Array;
  readonly lzLambda: Float64Array;
  readonly lzZeta: Float64Array;
  readonly xiOf: Int32Array;
  readonly lzOf: Int32Array;
  readonly pairIndex: Int32Array;
}

interface KernelExports {
  angularSums(
    nb: number,
    nSpecies: number,
    speciesStart: number,
    pairIndex: number,
    nxi: number,
    invXi2: number,
    nlz: number,
    lzLambda: number,
    lzZeta: number,
    npar: number,
    xiOf: number,
    lzOf: number,
    bx: number,
    by: number,
    bz: number,
    br: number,
    bs: number,
    sum2: number,
    cosv: number,
    ex: number,
    pw: number,
    cap: number,
    table: number,
    acc: number,
  ): void;
}

let compiled: WasmModule | null = null;

/** The compiled kernel module (compiled once per thread: each worker thread loads this file anew). */
export function symmetryFunctionKernelsModule(): WasmModule {
  compiled ??= new wasm.Module(Buffer.from(SYMMETRY_FUNCTION_KERNELS_WASM, "base64"));
  return compiled;
}

const PAGE = 65536;

/**
 * One instance of the angular-sum kernel with its own WebAssembly memory, laid out for one plan: the caller
 * writes an atom's `nb` bonds within Rc, sorted by species, into bx, by, bz (bond vector), br (length), bs
 * (species) and the species block starts into speciesStart (nSpecies + 1), then `run(nb)` leaves the angular sums
 * in `acc` (pair block x parameter set). `reserve` first: it may move every view.
 */
export class AngularSumsKernel {
  /** Bonds the scratch rows hold. */
  cap = 0;
  private views: AngularSumsArrays;
  private readonly memory: WasmMemory;
  private readonly run0: KernelExports["angularSums"];

  constructor(
    readonly plan: AngularPlan,
    module: WasmModule = symmetryFunctionKernelsModule(),
  ) {
    this.memory = new wasm.Memory({ initial: 1 });
    const instance = new wasm.Instance(module, {
      env: { memory: this.memory },
      Math: { exp: Math.exp, pow: Math.pow },
    });
    this.run0 = (instance.exports as unknown as KernelExports).angularSums;
    this.views = this.layout(32 * 2);
    this.views.table.set(EXP_MINUS_TABLE);
    this.views.invXi2.set(plan.invXi2);
    this.views.lzLambda.set(plan.lzLambda);
    this.views.lzZeta.set(plan.lzZeta);
    this.views.xiOf.set(plan.xiOf);
    this.views.lzOf.set(plan.lzOf);
    this.views.pairIndex.set(plan.pairIndex);
  }

  /** The kernel's arrays (views on its memory; `reserve` may replace them). */
  get arrays(): AngularSumsArrays {
    return this.views;
  }

  /** Room for `m` bonds (doubles the capacity when it grows; the bonds written so far are not kept). */
  reserve(m: number): void {
    if (m > this.cap) this.views = this.layout(2 * m);
  }

  /** acc = the angular sums of the bonds 0 .. nb - 1 (angularSumsJs, bitwise). */
  run(nb: number): void {
    if (nb > this.cap) throw new RangeError(`AngularSumsKernel: ${nb} bonds exceed the reserved ${this.cap}`);
    const v = this.views;
    const p = this.plan;
    this.run0(
      nb,
      p.nSpecies,
      v.speciesStart.byteOffset,
      v.pairIndex.byteOffset,
      p.invXi2.length,
      v.invXi2.byteOffset,
      p.lzLambda.length,
      v.lzLambda.byteOffset,
      v.lzZeta.byteOffset,
      p.xiOf.length,
      v.xiOf.byteOffset,
      v.lzOf.byteOffset,
      v.bx.byteOffset,
      v.by.byteOffset,
      v.bz.byteOffset,
      v.br.byteOffset,
      v.bs.byteOffset,
      v.sum2.byteOffset,
      v.cosv.byteOffset,
      v.ex.byteOffset,
      v.pw.byteOffset,
      this.cap,
      v.table.byteOffset,
      v.acc.byteOffset,
    );
  }

  /**
   * Views for capacity `cap`: the table and the plan first (their bytes stay where they are when the memory
   * grows), then speciesStart and acc, then the per-bond arrays; each array 16-byte aligned.
   */
  private layout(cap: number): AngularSumsArrays {
    const p = this.plan;
    const nxi = p.invXi2.length;
    const nlz = p.lzLambda.length;
    const npar = p.xiOf.length;
    const nS = p.nSpecies;
    const sizes: [string, 4 | 8, number][] = [
      ["table", 8, EXP_MINUS_TABLE.length],
      ["invXi2", 8, nxi],
      ["lzLambda", 8, nlz],
      ["lzZeta", 8, nlz],
      ["xiOf", 4, npar],
      ["lzOf", 4, npar],
      ["pairIndex", 4, nS * nS],
      ["speciesStart", 4, nS + 1],
      ["acc", 8, ((nS * (nS + 1)) / 2) * npar],
      ["bx", 8, cap],
      ["by", 8, cap],
      ["bz", 8, cap],
      ["br", 8, cap],
      ["bs", 4, cap],
      ["sum2", 8, cap],
      ["cosv", 8, cap],
      ["ex", 8, nxi * cap],
      ["pw", 8, nlz * cap],
    ];
    const offsets: number[] = [];
    let used = 0;
    for (const [, bytes, length] of sizes) {
      offsets.push(used);
      used += Math.ceil((bytes * length) / 16) * 16;
    }
    const have = this.memory.buffer.byteLength;
    if (used > have) this.memory.grow(Math.ceil((used - have) / PAGE));
    const buffer = this.memory.buffer;
    const views: Record<string, Float64Array | Int32Array> = {};
    sizes.forEach(([name, bytes, length], k) => {
      views[name] =
        bytes === 8 ? new Float64Array(buffer, offsets[k], length) : new Int32Array(buffer, offsets[k], length);
    });
    this.cap = cap;
    return views as unknown as AngularSumsArrays;
  }
}

/**
 * The JavaScript twin of the kernel (the reference of the tests): the angular sums (Eq. 3) of the bonds
 * 0 .. nb - 1 written into `kernel` (it uses the kernel's bonds, speciesStart, plan and scratch rows), into `acc` (pair block x
 * parameter set): each unordered pair of bonds {a, b}, b > a, once. Per pair one expMinus per distinct xi and
 * one power per (lambda, zeta), then per species block of the partners b one column at a time.
 */
export function angularSumsJs(kernel: AngularSumsKernel, nb: number, acc: Float64Array): void {
  const { bx, by, bz, br, bs, speciesStart, sum2, cosv, ex, pw } = kernel.arrays;
  const cap = kernel.cap;
  const { invXi2, lzLambda, lzZeta, xiOf, lzOf, pairIndex, nSpecies } = kernel.plan;
  const nxi = invXi2.length;
  const nlz = lzLambda.length;
  const npar = xiOf.length;
  acc.fill(0);
  for (let a = 0; a < nb - 1; a++) {
    const xa = bx[a];
    const ya = by[a];
    const za = bz[a];
    const ra = br[a];
    const ra2 = ra * ra;
    for (let b = a + 1; b < nb; b++) {
      const dot = xa * bx[b] + ya * by[b] + za * bz[b];
      const rb = br[b];
      // r_ij^2 + r_ik^2 + r_jk^2 with r_jk^2 = r_ij^2 + r_ik^2 - 2 r_ij . r_ik
      sum2[b] = 2 * (ra2 + rb * rb - dot);
      cosv[b] = dot / (ra * rb);
    }
    for (let x = 0; x < nxi; x++) {
      const ax = invXi2[x];
      const o = x * cap;
      for (let b = a + 1; b < nb; b++) ex[o + b] = expMinus(sum2[b] * ax);
    }
    for (let t = 0; t < nlz; t++) angularPowers(pw, t * cap, cosv, lzLambda[t], lzZeta[t], a + 1, nb);
    // Sum over each species block of the partners b, one column at a time.
    const sa = bs[a];
    for (let t = 0; t < nSpecies; t++) {
      const lo = Math.max(a + 1, speciesStart[t]);
      const hi = speciesStart[t + 1];
      if (lo >= hi) continue;
      const o = pairIndex[sa * nSpecies + t] * npar;
      for (let k = 0; k < npar; k++) {
        const eo = xiOf[k] * cap;
        const po = lzOf[k] * cap;
        let sum = 0;
        for (let b = lo; b < hi; b++) sum += ex[eo + b] * pw[po + b];
        acc[o + k] += sum;
      }
    }
  }
}
