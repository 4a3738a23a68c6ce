/**
 * A growable set of neighbor candidates of one query point (struct of typed arrays, reused across queries so
 * that hot loops do not allocate): neighbor index, bond vector r_j(image) - r_i and squared distance.
 */
export class CandidateBuffer {
  count = 0;
  index: Int32Array;
  dx: Float64Array;
  dy: Float64Array;
  dz: Float64Array;
  d2: Float64Array;
  /** Scratch permutation filled by `sortByDistance`. */
  order: Int32Array;

  constructor(capacity = 64) {
    this.index = new Int32Array(capacity);
    this.dx = new Float64Array(capacity);
    this.dy = new Float64Array(capacity);
    this.dz = new Float64Array(capacity);
    this.d2 = new Float64Array(capacity);
    this.order = new Int32Array(capacity);
  }

  clear(): void {
    this.count = 0;
  }

  push(j: number, x: number, y: number, z: number, r2: number): void {
    if (this.count === this.index.length) this.grow();
    const k = this.count++;
    this.index[k] = j;
    this.dx[k] = x;
    this.dy[k] = y;
    this.dz[k] = z;
    this.d2[k] = r2;
  }

  private grow(): void {
    const cap = this.index.length * 2;
    const gi = new Int32Array(cap);
    gi.set(this.index);
    this.index = gi;
    for (const key of ["dx", "dy", "dz", "d2"] as const) {
      const g = new Float64Array(cap);
      g.set(this[key]);
      this[key] = g;
    }
    this.order = new Int32Array(cap);
  }

  /**
   * Fills `order[0..count-1]` with the candidates sorted by squared distance; ties by neighbor index, then by
   * bond vector (x, y, z), so that the order never depends on how the candidates were gathered.
   */
  sortByDistance(): Int32Array {
    const n = this.count;
    const order = this.order;
    for (let k = 0; k < n; k++) order[k] = k;
    if (n > 48) {
      order.subarray(0, n).sort((a, b) => this.compare(a, b));
      return order;
    }
    const d2 = this.d2;
    for (let k = 1; k < n; k++) {
      const a = order[k];
      const key = d2[a];
      let m = k - 1;
      while (m >= 0) {
        const o = order[m];
        const ko = d2[o];
        // Distances decide; the full comparison only for exact ties.
        if (ko < key || (ko === key && this.compare(o, a) <= 0)) break;
        order[m + 1] = o;
        m--;
      }
      order[m + 1] = a;
    }
    return order;
  }

  private heapSize = 0;
  private cursor = 0;
  private sorted = true;

  /**
   * Starts visiting the candidates in the order of `sortByDistance`; `next()` then returns them one by one
   * (-1 at the end). Large sets use a binary heap, so that a caller that stops early (the Voronoi cell once
   * no farther neighbor can cut) pays O(n + k log n) instead of a full sort.
   */
  begin(): void {
    const n = this.count;
    this.cursor = 0;
    if (n <= 48) {
      this.sortByDistance();
      this.sorted = true;
      return;
    }
    this.sorted = false;
    const h = this.order;
    for (let k = 0; k < n; k++) h[k] = k;
    this.heapSize = n;
    for (let k = (n >> 1) - 1; k >= 0; k--) this.siftDown(k);
  }

  /** The next candidate in distance order (index into the arrays), or -1 when none is left. */
  next(): number {
    if (this.sorted) return this.cursor < this.count ? this.order[this.cursor++] : -1;
    if (this.heapSize === 0) return -1;
    const h = this.order;
    const top = h[0];
    h[0] = h[--this.heapSize];
    if (this.heapSize > 0) this.siftDown(0);
    return top;
  }

  private siftDown(k: number): void {
    const h = this.order;
    const n = this.heapSize;
    const x = h[k];
    for (;;) {
      let c = 2 * k + 1;
      if (c >= n) break;
      if (c + 1 < n && this.compare(h[c + 1], h[c]) < 0) c++;
      if (this.compare(h[c], x) >= 0) break;
      h[k] = h[c];
      k = c;
    }
    h[k] = x;
  }

  private compare(a: number, b: number): number {
    const d2 = this.d2;
    if (d2[a] !== d2[b]) return d2[a] - d2[b];
    const ia = this.index[a];
    const ib = this.index[b];
    if (ia !== ib) return ia - ib;
    if (this.dx[a] !== this.dx[b]) return this.dx[a] - this.dx[b];
    if (this.dy[a] !== this.dy[b]) return this.dy[a] - this.dy[b];
    return this.dz[a] - this.dz[b];
  }
}
