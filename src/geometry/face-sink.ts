/**
 * Where the faces of computed cells go (a growable struct of arrays, one entry per face).
 */
export class FaceSink {
  count = 0;
  neighbor: Int32Array;
  vector: Float64Array;
  area: Float64Array;
  edges: Int32Array;
  distance: Float64Array;

  constructor(capacity = 1024) {
    this.neighbor = new Int32Array(capacity);
    this.vector = new Float64Array(3 * capacity);
    this.area = new Float64Array(capacity);
    this.edges = new Int32Array(capacity);
    this.distance = new Float64Array(capacity);
  }

  push(j: number, x: number, y: number, z: number, area: number, edges: number, distance: number): void {
    if (this.count === this.neighbor.length) this.grow();
    const k = this.count++;
    this.neighbor[k] = j;
    this.vector[3 * k] = x;
    this.vector[3 * k + 1] = y;
    this.vector[3 * k + 2] = z;
    this.area[k] = area;
    this.edges[k] = edges;
    this.distance[k] = distance;
  }

  /** Drops the faces pushed after `mark` (used when a cell fails after some faces were written). */
  truncate(mark: number): void {
    this.count = mark;
  }

  private grow(): void {
    const cap = 2 * this.neighbor.length;
    const n = new Int32Array(cap);
    n.set(this.neighbor);
    this.neighbor = n;
    const v = new Float64Array(3 * cap);
    v.set(this.vector);
    this.vector = v;
    const a = new Float64Array(cap);
    a.set(this.area);
    this.area = a;
    const e = new Int32Array(cap);
    e.set(this.edges);
    this.edges = e;
    const d = new Float64Array(cap);
    d.set(this.distance);
    this.distance = d;
  }
}
