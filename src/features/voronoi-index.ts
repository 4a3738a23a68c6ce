import { voronoiNeighbors } from "../geometry/voronoi-neighbors";
import type { Tessellation } from "../geometry/tessellation";
import { VORONOI_EMPTY, VORONOI_FAILED } from "../geometry/voronoi";
import type { NeighborList } from "../neighbors/neighbor-list";
import type { StructureContext } from "./context";
import type { Citation, FeatureReach, ReachScale } from "./featurizer";
import type { FeatureMatrix } from "../table/feature-matrix";
import { BaseFeaturizer, ownReach } from "./featurizer";
import { OKABE_2009, WANG_JAIN_2019 } from "./literature-citations";

/** Tessellation flags of a cell without usable faces: could not be built, or an empty radical cell. */
export const CELL_UNUSABLE = VORONOI_FAILED | VORONOI_EMPTY;

/** Bits of the per-atom flags (FeatureMatrix.flags) of the literature feature sets. */
export const LITERATURE_FLAGS = Object.freeze({
  /** The Voronoi cell is unusable (CELL_UNUSABLE): every Voronoi-based column of the atom is NaN. */
  voronoiCell: 1,
  /** volume_metrics: the Voronoi neighbors span no solid hull (fewer than 4, or coplanar): cpe_voro is NaN. */
  flatHull: 2,
  /** An atom without neighbors in one of the lists: q_l, w^_l and Warren-Cowley columns of that list are NaN. */
  noNeighbor: 4,
});

/** LITERATURE_FLAGS.voronoiCell for every atom whose cell the context's tessellation marks unusable. */
export function voronoiCellFlags(ctx: StructureContext): Uint8Array {
  const tess = ctx.voronoiFlags();
  const out = new Uint8Array(ctx.n);
  for (let i = 0; i < ctx.n; i++) if (tess[i] & CELL_UNUSABLE) out[i] = LITERATURE_FLAGS.voronoiCell;
  return out;
}

/**
 * The paper's small-face removal as a per-face mask (1 = kept): a face of atom i is removed when its area is
 * below `fraction` x (mean area of all faces of i's original cell); a face exactly at the threshold stays.
 * One pass, so the remaining faces keep the edge counts they have in the original cell.
 */
export function keptFaceMask(tess: Tessellation, fraction: number): Uint8Array {
  return voronoiNeighbors(tess, { minAreaFraction: fraction }).kept;
}

/**
 * Which faces of `tess` the rows of a Voronoi neighbor list come from (1 = the face is in the list): entry e of
 * row i matches the face of atom i with the same neighbor index and the same bond vector (to 1e-9 relative).
 * This recovers exactly the faces a StructureContext kept, whatever filter produced the list.
 * Throws when an entry is not a face of its atom's cell.
 */
export function keptFacesOf(tess: Tessellation, list: NeighborList): Uint8Array {
  if (list.n !== tess.n) throw new Error(`Voronoi neighbors have ${list.n} rows, the tessellation ${tess.n} cells`);
  const kept = new Uint8Array(tess.faceAreas.length);
  const fv = tess.faceVectors;
  const lv = list.vectors;
  for (let i = 0; i < tess.n; i++) {
    const fStart = tess.faceOffsets[i];
    const fEnd = tess.faceOffsets[i + 1];
    let cursor = fStart;
    for (let e = list.offsets[i]; e < list.offsets[i + 1]; e++) {
      const j = list.indices[e];
      const x = lv[3 * e];
      const y = lv[3 * e + 1];
      const z = lv[3 * e + 2];
      const tol = 1e-9 * (1 + Math.abs(x) + Math.abs(y) + Math.abs(z));
      let found = -1;
      // Faces and list rows are normally in the same order: scan from the last match, then wrap around.
      for (let step = 0; step < fEnd - fStart; step++) {
        const f = fStart + ((cursor - fStart + step) % (fEnd - fStart));
        if (
          kept[f] === 0 &&
          tess.faceNeighbors[f] === j &&
          Math.abs(fv[3 * f] - x) <= tol &&
          Math.abs(fv[3 * f + 1] - y) <= tol &&
          Math.abs(fv[3 * f + 2] - z) <= tol
        ) {
          found = f;
          break;
        }
      }
      if (found < 0) {
        throw new Error(
          `Voronoi neighbor ${j} of atom ${i} (bond ${x}, ${y}, ${z}) is not a face of the atom's Voronoi cell: the neighbor list and the tessellation do not belong together`,
        );
      }
      kept[found] = 1;
      cursor = found + 1 < fEnd ? found + 1 : fStart;
    }
  }
  return kept;
}

/** The faces kept by the context's Voronoi neighbors (same faces as `ctx.voronoiNeighbors()`). */
export function contextKeptFaces(ctx: StructureContext): Uint8Array {
  return keptFacesOf(ctx.voronoi(), ctx.voronoiNeighbors());
}

/**
 * Voronoi index <n3, n4, n5, n6, n7> of every atom (Okabe et al.; Sheng et al. 2006): the number of kept faces
 * with 3..7 edges, counted with their edge number in the original cell; faces with 8 or more edges count in no
 * n_i. Output N x 5 (row-major) as floats; NaN for a cell the tessellation marks unusable (CELL_UNUSABLE).
 */
export function voronoiIndex(tess: Tessellation, kept: Uint8Array | null, minEdges = 3, maxEdges = 7): Float64Array {
  if (!(Number.isInteger(minEdges) && Number.isInteger(maxEdges) && minEdges >= 3 && maxEdges >= minEdges)) {
    throw new Error(`Voronoi index: edge range must be integers 3 <= min <= max, got ${minEdges}..${maxEdges}`);
  }
  const width = maxEdges - minEdges + 1;
  const out = new Float64Array(tess.n * width);
  for (let i = 0; i < tess.n; i++) {
    if (tess.flags[i] & CELL_UNUSABLE) {
      out.fill(NaN, i * width, (i + 1) * width);
      continue;
    }
    for (let f = tess.faceOffsets[i]; f < tess.faceOffsets[i + 1]; f++) {
      if (kept !== null && kept[f] === 0) continue;
      const edges = tess.faceEdges[f];
      if (edges >= minEdges && edges <= maxEdges) out[i * width + edges - minEdges] += 1;
    }
  }
  return out;
}

/** Labels of the Voronoi index set. */
export const VORONOI_INDEX_LABELS: readonly string[] = Object.freeze([
  "voro_n3",
  "voro_n4",
  "voro_n5",
  "voro_n6",
  "voro_n7",
]);

/**
 * Voronoi index SRO set (paper set ii, 5 columns): voro_n3 .. voro_n7, the numbers of 3- to 7-edged faces of
 * the atom's Voronoi cell after small-face removal (faces of the context's Voronoi neighbors).
 */
export class VoronoiIndexFeaturizer extends BaseFeaturizer {
  readonly name = "voronoi_index";
  readonly key = "voronoi_index";

  featureLabels(): string[] {
    return VORONOI_INDEX_LABELS.slice();
  }

  citations(): Citation[] {
    return [OKABE_2009, WANG_JAIN_2019];
  }

  /** Its own Voronoi cell and neighbors. */
  reach(scale: ReachScale): FeatureReach {
    return ownReach(scale.voronoi);
  }

  compute(ctx: StructureContext): FeatureMatrix {
    return {
      n: ctx.n,
      labels: this.featureLabels(),
      values: voronoiIndex(ctx.voronoi(), contextKeptFaces(ctx)),
      flags: voronoiCellFlags(ctx),
    };
  }
}
