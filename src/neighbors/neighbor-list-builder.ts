import type { CandidateBuffer } from "./candidate-buffer";
import type { NeighborList } from "./neighbor-list";

/**
 * Accumulates a NeighborList row by row in growable typed arrays (rows must be added in order 0..n-1).
 */
export class NeighborListBuilder {
  private readonly offsets: Int32Array;
  private row = 0;
  private size = 0;
  private indices: Int32Array;
  private vectors: Float64Array;
  private distances: Float64Array;
  private weights: Float64Array | null;

  constructor(
    readonly n: number,
    capacity = 16 * n,
    withWeights = false,
  ) {
    const cap = Math.max(16, capacity);
    this.offsets = new Int32Array(n + 1);
    this.indices = new Int32Array(cap);
    this.vectors = new Float64Array(3 * cap);
    this.distances = new Float64Array(cap);
    this.weights = withWeights ? new Float64Array(cap) : null;
  }

  /** Appends one entry to the current row. */
  push(j: number, x: number, y: number, z: number, distance: number, weight = 0): void {
    if (this.size === this.indices.length) this.grow();
    const k = this.size++;
    this.indices[k] = j;
    this.vectors[3 * k] = x;
    this.vectors[3 * k + 1] = y;
    this.vectors[3 * k + 2] = z;
    this.distances[k] = distance;
    if (this.weights) this.weights[k] = weight;
  }

  /** Appends the first `count` candidates of `buf` in the order `order` (e.g. from `sortByDistance`). */
  pushCandidates(buf: CandidateBuffer, order: Int32Array, count: number): void {
    while (this.size + count > this.indices.length) this.grow();
    const { indices, vectors, distances, weights } = this;
    let k = this.size;
    for (let q = 0; q < count; q++, k++) {
      const c = order[q];
      indices[k] = buf.index[c];
      vectors[3 * k] = buf.dx[c];
      vectors[3 * k + 1] = buf.dy[c];
      vectors[3 * k + 2] = buf.dz[c];
      distances[k] = Math.sqrt(buf.d2[c]);
      if (weights) weights[k] = 0;
    }
    this.size = k;
  }

  /** Closes the current row. */
  endRow(): void {
    if (this.row >= this.n) throw new Error(`NeighborListBuilder: more than ${this.n} rows`);
    this.offsets[++this.row] = this.size;
  }

  /**
   * The list. When the entries fill at least 3/4 of the capacity its arrays are views of the builder's (a copy of
   * a 345,744-atom, 4 A list costs about 0.6 s here, mostly page faults); otherwise exact-size copies.
   */
  finish(): NeighborList {
    if (this.row !== this.n) throw new Error(`NeighborListBuilder: ${this.row} rows closed, expected ${this.n}`);
    const m = this.size;
    const cut = 4 * m >= 3 * this.indices.length ? "subarray" : "slice";
    const list: NeighborList = {
      n: this.n,
      offsets: this.offsets,
      indices: this.indices[cut](0, m),
      vectors: this.vectors[cut](0, 3 * m),
      distances: this.distances[cut](0, m),
      ...(this.weights ? { weights: this.weights[cut](0, m) } : {}),
    };
    return list;
  }

  private grow(): void {
    const cap = 2 * this.indices.length;
    const i = new Int32Array(cap);
    i.set(this.indices);
    this.indices = i;
    const v = new Float64Array(3 * cap);
    v.set(this.vectors);
    this.vectors = v;
    const d = new Float64Array(cap);
    d.set(this.distances);
    this.distances = d;
    if (this.weights) {
      const w = new Float64Array(cap);
      w.set(this.weights);
      this.weights = w;
    }
  }
}
