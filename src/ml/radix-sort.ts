/**
 * Least-significant-digit radix sort of float64 keys carrying their indices (Knuth, TAOCP vol. 3, Sec. 5.2.5;
 * the IEEE-754 bit trick of Herf, "Radix tricks", 2001: flip every bit of a negative number and the sign bit
 * of a positive one, and the unsigned order of the bit patterns is the numeric order, -0 before +0). Six passes
 * of 11 bits; a pass whose digit is the same for every key is skipped. Stable, O(n) per pass: a column of
 * 20,000 values sorts several times faster than Float64Array.prototype.sort, and the indices come for free.
 */
export class RadixSorter {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private hi2: Uint32Array;
  private lo2: Uint32Array;
  private idx2: Int32Array;
  private readonly count = new Int32Array(2048);

  constructor(capacity = 0) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.hi2 = new Uint32Array(capacity);
    this.lo2 = new Uint32Array(capacity);
    this.idx2 = new Int32Array(capacity);
  }

  /**
   * Sorts `keys[0..m)` (finite or infinite numbers, no NaN) increasingly and writes into `order[0..m)` the
   * position in `keys` of each sorted key (ties keep their input order). `keys` is left alone.
   */
  argsort(keys: Float64Array, m: number, order: Int32Array): void {
    if (m === 0) return;
    if (this.hi.length < m) {
      this.hi = new Uint32Array(m);
      this.lo = new Uint32Array(m);
      this.hi2 = new Uint32Array(m);
      this.lo2 = new Uint32Array(m);
      this.idx2 = new Int32Array(m);
    }
    const bits = new Uint32Array(keys.buffer, keys.byteOffset, 2 * m);
    let hi = this.hi;
    let lo = this.lo;
    let idx = order;
    // Little-endian words: bits[2k] low, bits[2k + 1] high (Node runs on little-endian hosts only).
    for (let k = 0; k < m; k++) {
      const h = bits[2 * k + 1];
      const l = bits[2 * k];
      if (h >>> 31 === 1) {
        hi[k] = ~h >>> 0;
        lo[k] = ~l >>> 0;
      } else {
        hi[k] = (h | 0x80000000) >>> 0;
        lo[k] = l;
      }
      idx[k] = k;
    }
    let hiB = this.hi2;
    let loB = this.lo2;
    let idxB = this.idx2;
    const count = this.count;
    for (let pass = 0; pass < 6; pass++) {
      const word = pass < 3 ? lo : hi;
      const shift = (pass % 3) * 11;
      count.fill(0);
      for (let k = 0; k < m; k++) count[(word[k] >>> shift) & 2047]++;
      if (count[(word[0] >>> shift) & 2047] === m) continue;
      let sum = 0;
      for (let b = 0; b < 2048; b++) {
        const c = count[b];
        count[b] = sum;
        sum += c;
      }
      for (let k = 0; k < m; k++) {
        const p = count[(word[k] >>> shift) & 2047]++;
        hiB[p] = hi[k];
        loB[p] = lo[k];
        idxB[p] = idx[k];
      }
      [hi, hiB] = [hiB, hi];
      [lo, loB] = [loB, lo];
      [idx, idxB] = [idxB, idx];
    }
    if (idx !== order) order.set(idx.subarray(0, m));
    this.hi = hi;
    this.lo = lo;
    this.hi2 = hiB;
    this.lo2 = loB;
    this.idx2 = idx === order ? idxB : idx;
  }
}
