import type { Cell } from "../structure/cell";
import type { CandidateBuffer } from "./candidate-buffer";

/**
 * A periodic cell list (linked-cell binning, Allen & Tildesley, "Computer Simulation of Liquids", 2nd ed., 5.3.2)
 * for orthogonal and triclinic cells. Atoms are binned in fractional coordinates, so a triclinic cell is cut into
 * parallelepiped bins parallel to its faces. Along a periodic direction a query enumerates as many bin layers
 * as its radius needs, wrapping around the cell as many times as necessary: a radius larger than half (or
 * several times) a periodic width finds every image of every atom, the query atom's own images included.
 * Along a non-periodic direction the bins cover the atoms' extent and no image is made.
 */
export class CellList {
  readonly n: number;
  readonly cell: Cell;
  /** Number of bins along a, b, c. */
  readonly bins: Int32Array;
  /** Atoms of bin b are binAtoms[binStart[b] .. binStart[b+1]-1]; bin b = b0 + nb0 * (b1 + nb1 * b2). */
  readonly binStart: Int32Array;
  readonly binAtoms: Int32Array;
  /** Wrapped Cartesian positions in bin order (3 per slot), for contiguous reads in queries. */
  private readonly binPos: Float64Array;
  /**
   * Wrapped Cartesian position of each atom: the input position minus its whole periodic image, so an atom
   * already inside the cell keeps its exact input coordinates.
   */
  readonly wrapped: Float64Array;
  /** Fractional coordinates of the wrapped positions. */
  readonly fractional: Float64Array;
  /** Perpendicular widths of the cell (periodic directions) or of the binned extent (non-periodic). */
  private readonly extent = new Float64Array(3);
  /** Lower fractional bound of the binned region per direction (0 along periodic directions). */
  private readonly lower = new Float64Array(3);
  /** Fractional size of the binned region per direction (1 along periodic directions). */
  private readonly span = new Float64Array(3);
  private readonly orthogonal: boolean;
  /** Per-direction tables of a query (bins to visit, their periodic shift, squared gap), reused. */
  private readonly scratch = {
    bin: [new Int32Array(16), new Int32Array(16), new Int32Array(16)],
    shift: [new Int32Array(16), new Int32Array(16), new Int32Array(16)],
    gap: [new Float64Array(16), new Float64Array(16), new Float64Array(16)],
  };

  /**
   * @param cell the simulation cell (periodic flags per direction)
   * @param positions N x 3 Cartesian positions (any image along periodic directions)
   * @param binSize target bin width (Angstrom); bins are never thinner than this, and at most about 2 N bins
   *   are made
   */
  constructor(cell: Cell, positions: Float64Array, binSize: number) {
    if (!(binSize > 0) || !Number.isFinite(binSize))
      throw new Error(`CellList: binSize must be a positive number, got ${binSize}`);
    if (positions.length % 3 !== 0)
      throw new Error(`CellList: positions must hold 3 numbers per atom, got ${positions.length}`);
    const n = positions.length / 3;
    this.n = n;
    this.cell = cell;
    this.orthogonal = cell.isOrthogonal;
    const s = cell.toFractional(positions);
    const images = new Float64Array(3 * n);
    const widths = cell.widths;
    for (let k = 0; k < 3; k++) {
      if (cell.periodic[k]) {
        this.lower[k] = 0;
        this.span[k] = 1;
        for (let i = 0; i < n; i++) {
          const v = s[3 * i + k];
          if (!Number.isFinite(v)) throw new Error(`CellList: atom ${i} has a non-finite coordinate`);
          let w = Math.floor(v);
          let f = v - w;
          if (f >= 1) {
            f -= 1;
            w += 1;
          }
          s[3 * i + k] = f;
          images[3 * i + k] = w;
        }
      } else {
        let lo = 0;
        let hi = 1;
        for (let i = 0; i < n; i++) {
          const v = s[3 * i + k];
          if (!Number.isFinite(v)) throw new Error(`CellList: atom ${i} has a non-finite coordinate`);
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        this.lower[k] = lo;
        this.span[k] = hi - lo;
      }
      this.extent[k] = widths[k] * this.span[k];
    }
    const m = cell.matrix;
    const wrapped = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) {
      const a = images[3 * i];
      const b = images[3 * i + 1];
      const c = images[3 * i + 2];
      if (a === 0 && b === 0 && c === 0) {
        wrapped[3 * i] = positions[3 * i];
        wrapped[3 * i + 1] = positions[3 * i + 1];
        wrapped[3 * i + 2] = positions[3 * i + 2];
      } else {
        wrapped[3 * i] = positions[3 * i] - (a * m[0] + b * m[3] + c * m[6]);
        wrapped[3 * i + 1] = positions[3 * i + 1] - (a * m[1] + b * m[4] + c * m[7]);
        wrapped[3 * i + 2] = positions[3 * i + 2] - (a * m[2] + b * m[5] + c * m[8]);
      }
    }
    this.wrapped = wrapped;
    this.fractional = s;

    let size = binSize;
    const bins = new Int32Array(3);
    const limit = Math.max(8, 2 * n);
    for (;;) {
      for (let k = 0; k < 3; k++) bins[k] = Math.max(1, Math.floor(this.extent[k] / size));
      if (bins[0] * bins[1] * bins[2] <= limit) break;
      size *= 1.25;
    }
    this.bins = bins;
    const total = bins[0] * bins[1] * bins[2];
    const binOf = new Int32Array(n);
    const start = new Int32Array(total + 1);
    for (let i = 0; i < n; i++) {
      let b = 0;
      for (let k = 2; k >= 0; k--) {
        const nb = bins[k];
        let q = Math.floor(((s[3 * i + k] - this.lower[k]) / this.span[k]) * nb);
        if (q < 0) q = 0;
        else if (q >= nb) q = nb - 1;
        b = b * nb + q;
      }
      binOf[i] = b;
      start[b + 1]++;
    }
    for (let b = 0; b < total; b++) start[b + 1] += start[b];
    const fill = start.slice(0, total);
    const atoms = new Int32Array(n);
    const binPos = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) {
      const p = fill[binOf[i]]++;
      atoms[p] = i;
      binPos[3 * p] = wrapped[3 * i];
      binPos[3 * p + 1] = wrapped[3 * i + 1];
      binPos[3 * p + 2] = wrapped[3 * i + 2];
    }
    this.binStart = start;
    this.binAtoms = atoms;
    this.binPos = binPos;
  }

  /**
   * Appends to `out` every atom image j with rMin <= |r_j(image) - r_i| < rMax around atom i (its wrapped
   * position), except atom i itself at zero shift. Other images of atom i are included. Does not clear `out`.
   */
  gatherAround(i: number, rMin: number, rMax: number, out: CandidateBuffer): void {
    const w = this.wrapped;
    const s = this.fractional;
    this.gather(w[3 * i], w[3 * i + 1], w[3 * i + 2], s[3 * i], s[3 * i + 1], s[3 * i + 2], rMin, rMax, i, out);
  }

  /**
   * Appends every atom image within [rMin, rMax) of the point (x, y, z), given with its fractional coordinates
   * (s0, s1, s2) wrapped like the atoms'. `self` (an atom index or -1) is skipped at zero shift only.
   */
  gather(
    x: number,
    y: number,
    z: number,
    s0: number,
    s1: number,
    s2: number,
    rMin: number,
    rMax: number,
    self: number,
    out: CandidateBuffer,
  ): void {
    const r2max = rMax * rMax;
    const r2min = rMin > 0 ? rMin * rMin : -1;
    const n0 = this.layers(0, s0, rMax);
    const n1 = this.layers(1, s1, rMax);
    const n2 = this.layers(2, s2, rMax);
    const { bin, shift, gap } = this.scratch;
    const m = this.cell.matrix;
    const nb0 = this.bins[0];
    const nb1 = this.bins[1];
    const start = this.binStart;
    const atoms = this.binAtoms;
    const pos = this.binPos;
    const orth = this.orthogonal;
    const bin0 = bin[0];
    const bin1 = bin[1];
    const bin2 = bin[2];
    const sh0 = shift[0];
    const sh1 = shift[1];
    const sh2 = shift[2];
    const g0 = gap[0];
    const g1 = gap[1];
    const g2 = gap[2];
    for (let c = 0; c < n2; c++) {
      const gc = g2[c];
      if (gc >= r2max) continue;
      const kc = sh2[c];
      const cx = kc * m[6];
      const cy = kc * m[7];
      const cz = kc * m[8];
      const bc = bin2[c] * nb1;
      for (let b = 0; b < n1; b++) {
        const gb = orth ? gc + g1[b] : Math.max(gc, g1[b]);
        if (gb >= r2max) continue;
        const kb = sh1[b];
        const bx = cx + kb * m[3];
        const by = cy + kb * m[4];
        const bz = cz + kb * m[5];
        const bb = (bc + bin1[b]) * nb0;
        for (let a = 0; a < n0; a++) {
          const ga = orth ? gb + g0[a] : Math.max(gb, g0[a]);
          if (ga >= r2max) continue;
          const ka = sh0[a];
          const zeroShift = ka === 0 && kb === 0 && kc === 0;
          const ox = bx + ka * m[0] - x;
          const oy = by + ka * m[1] - y;
          const oz = bz + ka * m[2] - z;
          const cellIndex = bb + bin0[a];
          const end = start[cellIndex + 1];
          for (let p = start[cellIndex]; p < end; p++) {
            const dx = pos[3 * p] + ox;
            const dy = pos[3 * p + 1] + oy;
            const dz = pos[3 * p + 2] + oz;
            const r2 = dx * dx + dy * dy + dz * dz;
            if (r2 >= r2max || r2 < r2min) continue;
            const j = atoms[p];
            if (zeroShift && j === self) continue;
            out.push(j, dx, dy, dz, r2);
          }
        }
      }
    }
  }

  /**
   * Fills the scratch tables of direction k for a query at fractional coordinate s and radius r: which bins
   * (with their periodic shift) to visit, and the squared perpendicular gap from the query to each bin slab
   * (a lower bound of the distance to any atom in it). Returns the number of layers.
   */
  private layers(k: number, s: number, r: number): number {
    const nb = this.bins[k];
    const binWidth = this.extent[k] / nb;
    const f = ((s - this.lower[k]) / this.span[k]) * nb;
    const reach = r / binWidth;
    let lo = Math.floor(f - reach);
    let hi = Math.floor(f + reach);
    if (!this.cell.periodic[k]) {
      if (lo < 0) lo = 0;
      if (hi > nb - 1) hi = nb - 1;
    }
    const count = Math.max(0, hi - lo + 1);
    if (this.scratch.bin[k].length < count) {
      const cap = Math.max(count, 2 * this.scratch.bin[k].length);
      this.scratch.bin[k] = new Int32Array(cap);
      this.scratch.shift[k] = new Int32Array(cap);
      this.scratch.gap[k] = new Float64Array(cap);
    }
    const bin = this.scratch.bin[k];
    const shift = this.scratch.shift[k];
    const gap = this.scratch.gap[k];
    for (let q = 0; q < count; q++) {
      const b = lo + q;
      const real = ((b % nb) + nb) % nb;
      bin[q] = real;
      shift[q] = (b - real) / nb;
      let g = 0;
      if (f < b) g = (b - f) * binWidth;
      else if (f > b + 1) g = (f - b - 1) * binWidth;
      gap[q] = g * g;
    }
    return count;
  }
}
