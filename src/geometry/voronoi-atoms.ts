import { CellList } from "../neighbors/cell-list";
import { Cell } from "../structure/cell";
import type { Frame } from "../structure/frame";
import { FaceSink } from "./face-sink";
import type { Tessellation } from "./tessellation";
import { VoronoiCellKernel } from "./voronoi-cell";
import { voronoiBinSize } from "./voronoi-parallel";

/** Options of VoronoiAtoms: those of `Voronoi` that change a cell (not `threads`, which never does). */
export interface VoronoiAtomsOptions {
  readonly radii?: Float64Array | null;
  readonly tolerance?: number;
  readonly minEdgeLength?: number;
}

/**
 * Voronoi cells of chosen atoms of a frame, each bitwise identical to the cell `new Voronoi(...).compute(frame)`
 * gives that atom: the frame is prepared once exactly as Voronoi.compute prepares it (atoms renumbered in bin
 * order, the same cell list and kernel over all atoms, periodic images included), and `cells(atoms)` then runs
 * the kernel on those atoms only. This is what lets a large frame be tessellated a spatial domain at a time
 * (features/domain-featurize.ts): memory grows with the atoms asked for, not with the frame, beyond the
 * prepared positions and cell list (about 100 bytes per atom).
 */
export class VoronoiAtoms {
  readonly n: number;
  /** perm[k]: frame index of bin-order atom k; rank[i]: bin-order index of frame atom i. */
  private readonly perm: Int32Array;
  private readonly rank: Int32Array;
  private readonly kernel: VoronoiCellKernel;
  private readonly sink = new FaceSink(1 << 16);

  constructor(frame: Pick<Frame, "cell" | "positions" | "natoms">, options: VoronoiAtomsOptions = {}) {
    const n = frame.natoms;
    this.n = n;
    const radii = options.radii ?? null;
    if (radii && radii.length !== n) throw new Error(`VoronoiAtoms: ${radii.length} radii for ${n} atoms`);
    // The same preparation as Voronoi.compute and runVoronoiChunks (voronoi.ts, voronoi-parallel.ts).
    this.perm = new CellList(frame.cell, frame.positions, voronoiBinSize(frame.cell, n)).binAtoms;
    this.rank = new Int32Array(n);
    const positions = new Float64Array(3 * n);
    for (let k = 0; k < n; k++) {
      const i = this.perm[k];
      this.rank[i] = k;
      positions[3 * k] = frame.positions[3 * i];
      positions[3 * k + 1] = frame.positions[3 * i + 1];
      positions[3 * k + 2] = frame.positions[3 * i + 2];
    }
    let binRadii: Float64Array | null = null;
    if (radii) {
      binRadii = new Float64Array(n);
      for (let k = 0; k < n; k++) binRadii[k] = radii[this.perm[k]];
    }
    const c = frame.cell;
    const cell = new Cell(Array.from(c.matrix), Array.from(c.origin), [c.periodic[0], c.periodic[1], c.periodic[2]]);
    const cells = new CellList(cell, positions, voronoiBinSize(cell, n));
    this.kernel = new VoronoiCellKernel(cells, binRadii, options.tolerance ?? 1e-10, options.minEdgeLength ?? 0);
  }

  /**
   * The cells of `atoms` (frame indices): row k of the result is atom atoms[k], and faceNeighbors hold FRAME
   * indices (the caller maps them to its own numbering).
   */
  cells(atoms: Int32Array): Tessellation {
    const m = atoms.length;
    const sink = this.sink;
    sink.truncate(0);
    const faceOffsets = new Int32Array(m + 1);
    const volumes = new Float64Array(m);
    const flags = new Uint8Array(m);
    for (let k = 0; k < m; k++) {
      const i = atoms[k];
      if (!(i >= 0 && i < this.n)) throw new Error(`VoronoiAtoms: atom index ${i} outside 0..${this.n - 1}`);
      this.kernel.compute(this.rank[i], sink);
      volumes[k] = this.kernel.volume;
      flags[k] = this.kernel.flags;
      faceOffsets[k + 1] = sink.count;
    }
    const f = sink.count;
    const faceNeighbors = new Int32Array(f);
    for (let q = 0; q < f; q++) faceNeighbors[q] = this.perm[sink.neighbor[q]];
    return {
      n: m,
      volumes,
      faceOffsets,
      faceNeighbors,
      faceVectors: sink.vector.slice(0, 3 * f),
      faceAreas: sink.area.slice(0, f),
      faceEdges: sink.edges.slice(0, f),
      faceDistances: sink.distance.slice(0, f),
      flags,
    };
  }
}
