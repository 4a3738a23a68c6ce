/**
 * A neighbor list as compressed sparse rows (freud's NeighborList layout): the neighbors of atom i are
 * entries offsets[i] .. offsets[i+1]-1, sorted by distance within each row unless stated otherwise.
 * vectors hold r_j(image) - r_i, so periodic images are explicit and never re-derived downstream.
 */
export interface NeighborList {
  /** Number of query atoms (rows). */
  readonly n: number;
  /** Row offsets, length n + 1. */
  readonly offsets: Int32Array;
  /** Neighbor atom index of each entry. */
  readonly indices: Int32Array;
  /** Bond vector r_j - r_i of each entry (3 per entry), with the periodic image applied. */
  readonly vectors: Float64Array;
  /** Bond length of each entry. */
  readonly distances: Float64Array;
  /** Optional weight of each entry (for Voronoi neighbors: the face area). */
  readonly weights?: Float64Array;
}

/** Coordination numbers of all atoms. */
export function neighborCounts(list: NeighborList): Int32Array {
  const out = new Int32Array(list.n);
  for (let i = 0; i < list.n; i++) out[i] = list.offsets[i + 1] - list.offsets[i];
  return out;
}
