import type { NeighborList } from "../neighbors/neighbor-list";

/**
 * The result of a periodic Voronoi (or radical/Laguerre) tessellation of a frame: one cell per atom, its faces
 * as compressed rows. Face f of atom i (faceOffsets[i] <= f < faceOffsets[i+1]) is shared with atom
 * faceNeighbors[f] at the periodic image whose bond vector r_j(image) - r_i is faceVectors[3f..3f+2].
 */
export interface Tessellation {
  readonly n: number;
  /** Cell volume of each atom (of the original cell, before any face removal). */
  readonly volumes: Float64Array;
  /** Row offsets into the face arrays, length n + 1. */
  readonly faceOffsets: Int32Array;
  /** Neighbor atom index across each face. */
  readonly faceNeighbors: Int32Array;
  /** Bond vector to the neighbor's image across each face (3 per face). */
  readonly faceVectors: Float64Array;
  /** Face area. */
  readonly faceAreas: Float64Array;
  /** Number of edges (vertices) of each face. */
  readonly faceEdges: Int32Array;
  /** Distance from the atom to the face plane. */
  readonly faceDistances: Float64Array;
  /**
   * Per-atom flags (src/geometry/voronoi.ts): 0 = fine; bit 1 (VORONOI_FAILED) = the cell could not be computed
   * (near-duplicate points, numerical failure): volume 0 and no faces, and downstream features document what they
   * do; bit 2 (VORONOI_WALL) = the cell is cut by the wall of a non-periodic direction (wall faces are not listed
   * but bound the volume); bit 4 (VORONOI_EMPTY) = an empty radical cell.
   */
  readonly flags: Uint8Array;
}

/** How small Voronoi faces are removed before faces are used as neighbors (paper, Methods). */
export interface FaceFilter {
  /**
   * Remove faces with area < fraction x (mean area of all faces of that atom's original cell), in one pass;
   * a face exactly at the threshold stays. Default 0.05 (the paper's and the authors' code's choice); 0 keeps all.
   */
  readonly minAreaFraction: number;
}

export type { NeighborList };
