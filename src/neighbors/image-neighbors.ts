import type { Cell } from "../structure/cell";
import { cutoffNeighbors } from "./cutoff-neighbors";
import type { NeighborList } from "./neighbor-list";

/** A neighbor list that also records, for every bond, the periodic image it uses. */
export interface ImageNeighborList extends NeighborList {
  /**
   * Image vector m of each entry (3 integers per entry): the bond is r_j - r_i + m0 a + m1 b + m2 c, with r the
   * positions the images refer to (unwrapped positions stay unwrapped; m absorbs their image flags).
   */
  readonly images: Int32Array;
}

/**
 * The image vector m of every bond of `list` relative to `positions`: the integers with
 * vector = r_j - r_i + m H (H = lattice vectors as rows), i.e. m = round((vector - (r_j - r_i)) H^-1). The
 * positions may be wrapped or unwrapped (any image of each atom): m then absorbs their image flags. Along a
 * non-periodic direction m is 0. Works for any neighbor list whose vectors are true bonds of these atoms
 * (cutoff, k-nearest or Voronoi neighbors).
 */
export function bondImages(list: NeighborList, positions: Float64Array, cell: Cell): Int32Array {
  if (positions.length !== 3 * list.n)
    throw new Error(`bondImages: ${positions.length / 3} positions for a neighbor list of ${list.n} atoms`);
  const v = cell.inverse;
  const images = new Int32Array(3 * list.indices.length);
  for (let i = 0; i < list.n; i++) {
    for (let e = list.offsets[i]; e < list.offsets[i + 1]; e++) {
      const j = list.indices[e];
      const x = list.vectors[3 * e] - (positions[3 * j] - positions[3 * i]);
      const y = list.vectors[3 * e + 1] - (positions[3 * j + 1] - positions[3 * i + 1]);
      const z = list.vectors[3 * e + 2] - (positions[3 * j + 2] - positions[3 * i + 2]);
      images[3 * e] = cell.periodic[0] ? Math.round(x * v[0] + y * v[3] + z * v[6]) : 0;
      images[3 * e + 1] = cell.periodic[1] ? Math.round(x * v[1] + y * v[4] + z * v[7]) : 0;
      images[3 * e + 2] = cell.periodic[2] ? Math.round(x * v[2] + y * v[5] + z * v[8]) : 0;
    }
  }
  return images;
}

/**
 * All bonds (i, j, m) with 0 < |r_j - r_i + m H| < cutoff, as a query of the cell list ({@link cutoffNeighbors}:
 * any cutoff, also larger than the cell, triclinic cells, no images along non-periodic directions; rows sorted
 * by distance as the NeighborList contract says), with the image of each bond relative to the given positions
 * (wrapped or unwrapped).
 */
export function imageNeighbors(positions: Float64Array, cell: Cell, cutoff: number): ImageNeighborList {
  const list = cutoffNeighbors({ cell, positions }, cutoff);
  return { ...list, images: bondImages(list, positions, cell) };
}
