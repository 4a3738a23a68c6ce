import type { Tessellation } from "../geometry/tessellation";
import { VORONOI_FAILED } from "../geometry/voronoi";
import type { NeighborList } from "../neighbors/neighbor-list";
import type { Frame } from "../structure/frame";
import { type ContextOptions, StructureContext } from "./context";

/** Neighbor rows of chosen atoms, with FRAME indices (VoronoiAtoms.cells, AtomCutoffNeighbors.rows). */
export interface DomainNeighborSource {
  /** Voronoi cells of `atoms` (frame indices, ascending); face neighbors are frame indices. */
  cells(atoms: Int32Array): Tessellation;
  /** Neighbors within `rc` of `atoms`; neighbor indices are frame indices. */
  cutoffRows(rc: number, atoms: Int32Array): NeighborList;
}

/**
 * The StructureContext of one spatial domain: its frame holds the domain's atoms with their halo (`atoms`, frame
 * indices in ascending order, so local order is frame order and ties sort alike), and the Voronoi cells and
 * cutoff neighbors of the atoms in `listed` come from the whole frame's neighbor source, so each is bitwise the
 * row the whole frame gives (periodic images included). Atoms outside `listed` (the outer halo, there only to be
 * named by the listed atoms' neighbors) get no cell (VORONOI_FAILED) and no neighbors: their rows are not used.
 */
export class DomainContext extends StructureContext {
  /** local[i]: index in this context of frame atom i, or -1 (a shared scratch array of the whole frame's length). */
  private readonly local: Int32Array;
  private readonly listedAtoms: Int32Array;
  private readonly listedLocal: Int32Array;
  private tessellation: Tessellation | null = null;
  private readonly lists = new Map<number, NeighborList>();

  /**
   * @param whole the whole frame
   * @param atoms frame indices of the domain's atoms and halo, ascending
   * @param listed frame indices (ascending, a subset of `atoms`) whose cells and neighbor lists are computed
   * @param local scratch of length whole.natoms filled with -1; set here and reset by `release()`
   */
  constructor(
    whole: Frame,
    frame: Frame,
    readonly atoms: Int32Array,
    listed: Int32Array,
    private readonly source: DomainNeighborSource,
    local: Int32Array,
    options: ContextOptions,
  ) {
    super(frame, options);
    if (local.length !== whole.natoms) throw new Error("DomainContext: the index scratch must span the whole frame");
    this.local = local;
    for (let k = 0; k < atoms.length; k++) local[atoms[k]] = k;
    this.listedAtoms = listed;
    this.listedLocal = Int32Array.from(listed, (i) => local[i]);
  }

  /** Clears the shared index scratch (call when done with this context). */
  release(): void {
    for (let k = 0; k < this.atoms.length; k++) this.local[this.atoms[k]] = -1;
  }

  private toLocal(j: number, what: string): number {
    const l = this.local[j];
    if (l < 0)
      throw new Error(
        `domain featurize: a ${what} neighbor (frame atom ${j}) lies outside the domain's halo: a feature set reads farther than its declared reach`,
      );
    return l;
  }

  /** Whether a feature set has asked for the Voronoi cells. */
  hasVoronoi(): boolean {
    return this.tessellation !== null;
  }

  override voronoi(): Tessellation {
    if (this.tessellation !== null) return this.tessellation;
    const t = this.source.cells(this.listedAtoms);
    const n = this.n;
    const count = new Int32Array(n);
    const volumes = new Float64Array(n);
    const flags = new Uint8Array(n).fill(VORONOI_FAILED);
    for (let k = 0; k < t.n; k++) {
      const l = this.listedLocal[k];
      count[l] = t.faceOffsets[k + 1] - t.faceOffsets[k];
      volumes[l] = t.volumes[k];
      flags[l] = t.flags[k];
    }
    const faceOffsets = new Int32Array(n + 1);
    for (let l = 0; l < n; l++) faceOffsets[l + 1] = faceOffsets[l] + count[l];
    const m = faceOffsets[n];
    const faceNeighbors = new Int32Array(m);
    const faceVectors = new Float64Array(3 * m);
    const faceAreas = new Float64Array(m);
    const faceEdges = new Int32Array(m);
    const faceDistances = new Float64Array(m);
    for (let k = 0; k < t.n; k++) {
      const from = t.faceOffsets[k];
      const c = t.faceOffsets[k + 1] - from;
      const at = faceOffsets[this.listedLocal[k]];
      for (let q = 0; q < c; q++) faceNeighbors[at + q] = this.toLocal(t.faceNeighbors[from + q], "Voronoi");
      faceAreas.set(t.faceAreas.subarray(from, from + c), at);
      faceEdges.set(t.faceEdges.subarray(from, from + c), at);
      faceDistances.set(t.faceDistances.subarray(from, from + c), at);
      faceVectors.set(t.faceVectors.subarray(3 * from, 3 * (from + c)), 3 * at);
    }
    this.tessellation = {
      n,
      volumes,
      faceOffsets,
      faceNeighbors,
      faceVectors,
      faceAreas,
      faceEdges,
      faceDistances,
      flags,
    };
    return this.tessellation;
  }

  override voronoiFlags(): Uint8Array {
    return this.voronoi().flags;
  }

  override cutoffNeighbors(rc: number = this.options.cutoff): NeighborList {
    let list = this.lists.get(rc);
    if (list !== undefined) return list;
    const rows = this.source.cutoffRows(rc, this.listedAtoms);
    const n = this.n;
    const count = new Int32Array(n);
    for (let k = 0; k < rows.n; k++) count[this.listedLocal[k]] = rows.offsets[k + 1] - rows.offsets[k];
    const offsets = new Int32Array(n + 1);
    for (let l = 0; l < n; l++) offsets[l + 1] = offsets[l] + count[l];
    const m = offsets[n];
    const indices = new Int32Array(m);
    const vectors = new Float64Array(3 * m);
    const distances = new Float64Array(m);
    for (let k = 0; k < rows.n; k++) {
      const from = rows.offsets[k];
      const c = rows.offsets[k + 1] - from;
      const at = offsets[this.listedLocal[k]];
      for (let q = 0; q < c; q++) indices[at + q] = this.toLocal(rows.indices[from + q], "cutoff");
      distances.set(rows.distances.subarray(from, from + c), at);
      vectors.set(rows.vectors.subarray(3 * from, 3 * (from + c)), 3 * at);
    }
    list = { n, offsets, indices, vectors, distances };
    this.lists.set(rc, list);
    return list;
  }
}
