import type { NeighborList } from "../neighbors/neighbor-list";
import type { FaceFilter, Tessellation } from "./tessellation";

/**
 * Which Voronoi faces count as neighbors. A face is removed when ANY given criterion removes it; the criteria
 * always look at the original (unfiltered) cell, in a single pass, and a face exactly at a threshold stays.
 */
export interface VoronoiFaceFilter extends Partial<FaceFilter> {
  /**
   * The paper's convention (Wang & Jain, Methods; the default, 0.05): remove faces with area < fraction x the
   * mean area of ALL faces of the atom's cell. 0 turns this criterion off (set it to 0 to use only another one).
   */
  readonly minAreaFraction?: number;
  /**
   * Absolute area threshold (Angstrom^2): remove faces with area < minArea. OVITO's VoronoiAnalysisModifier
   * `face_threshold` and LAMMPS `compute voronoi/atom ... face_threshold` (both count faces with area above
   * the threshold). Default 0.
   */
  readonly minArea?: number;
  /**
   * Fraction of the cell's total surface area: remove faces with area < fraction x (sum of the cell's face
   * areas). OVITO's `relative_face_threshold`; e.g. 0.01 in Mahjoub et al., Comput. Mater. Sci. 96 (2015).
   * Default 0.
   */
  readonly minTotalAreaFraction?: number;
  /**
   * Reproduce the authors' Fortran (amlearn `voronoi_nn.f90`) instead of the paper's text for
   * `minAreaFraction`: faces are visited in order of neighbor index and the threshold is
   * fraction x (total area) / (number of faces not yet removed), so it rises as faces are removed. Differs
   * from the default only for cells with two or more faces near the threshold. Default false.
   */
  readonly amlearnRunningMean?: boolean;
}

/** Face-filtered Voronoi neighbors and the per-atom quantities read from them. */
export interface VoronoiNeighbors {
  /**
   * Kept faces as a neighbor list: index, bond vector r_j(image) - r_i, bond length, weight = face area; rows in
   * order of bond length. Not necessarily symmetric: the filter looks at each atom's own cell, so a face can be
   * kept by i and removed by j (the unfiltered faces are symmetric).
   */
  readonly neighbors: NeighborList;
  /** Whether each face of the tessellation was kept (1) or removed (0), aligned with the tessellation's faces. */
  readonly kept: Uint8Array;
  /** Coordination number: kept faces per atom (faces of 8+ edges included). */
  readonly coordination: Int32Array;
  /**
   * Voronoi index <n3, n4, n5, n6, n7> per atom (N x 5, row-major): kept faces counted by their number of edges
   * in the original cell; faces of 8 or more edges are in `coordination` but in no n_i.
   */
  readonly index: Int32Array;
  /** Cell volume (of the original cell, before any face removal). */
  readonly volumes: Float64Array;
  /** The tessellation's per-atom flags (a flagged atom has no faces, so no neighbors and index 0). */
  readonly flags: Uint8Array;
}

/** The paper's face filter fraction (Methods): faces below 5 % of the mean face area of the cell are removed. */
export const PAPER_MIN_AREA_FRACTION = 0.05;

/** The paper's default face filter: faces below 5 % of the mean face area of the cell are removed. */
export const PAPER_FACE_FILTER: VoronoiFaceFilter = { minAreaFraction: PAPER_MIN_AREA_FRACTION };

function checkFraction(name: string, x: number | undefined, upper: number): number {
  const v = x ?? 0;
  if (!(Number.isFinite(v) && v >= 0 && v < upper))
    throw new Error(`voronoiNeighbors: ${name} must be a number in [0, ${upper}), got ${x}`);
  return v;
}

/**
 * Applies a face filter to a tessellation and derives the Voronoi neighbors, coordination numbers and Voronoi
 * indices (Finney, Proc. R. Soc. A 319, 479 (1970); paper, Methods "Voronoi idx").
 */
export function voronoiNeighbors(
  tessellation: Tessellation,
  filter: VoronoiFaceFilter = PAPER_FACE_FILTER,
): VoronoiNeighbors {
  const t = tessellation;
  const n = t.n;
  const fraction = checkFraction("minAreaFraction", filter.minAreaFraction ?? PAPER_MIN_AREA_FRACTION, 1);
  const minArea = filter.minArea ?? 0;
  if (!(Number.isFinite(minArea) && minArea >= 0))
    throw new Error(`voronoiNeighbors: minArea must be a number >= 0 (Angstrom^2), got ${filter.minArea}`);
  const totalFraction = checkFraction("minTotalAreaFraction", filter.minTotalAreaFraction, 1);
  const running = filter.amlearnRunningMean ?? false;
  const faces = t.faceOffsets[n];
  const kept = new Uint8Array(faces);
  const coordination = new Int32Array(n);
  const index = new Int32Array(5 * n);
  const areas = t.faceAreas;
  let scratch = new Int32Array(64);
  for (let i = 0; i < n; i++) {
    const start = t.faceOffsets[i];
    const end = t.faceOffsets[i + 1];
    const count = end - start;
    if (count === 0) continue;
    let total = 0;
    for (let f = start; f < end; f++) total += areas[f];
    const meanThreshold = fraction * (total / count);
    const totalThreshold = totalFraction * total;
    for (let f = start; f < end; f++) {
      const a = areas[f];
      kept[f] = a < minArea || a < totalThreshold || (!running && a < meanThreshold) ? 0 : 1;
    }
    if (running && fraction > 0) {
      // amlearn: visit faces by neighbor index; remaining = faces not removed so far.
      if (scratch.length < count) scratch = new Int32Array(2 * count);
      for (let q = 0; q < count; q++) scratch[q] = start + q;
      const order = scratch
        .subarray(0, count)
        .sort((x, y) => t.faceNeighbors[x] - t.faceNeighbors[y] || t.faceDistances[x] - t.faceDistances[y]);
      let remaining = count;
      for (let q = 0; q < count; q++) {
        const f = order[q];
        if (areas[f] < (fraction * total) / remaining) {
          if (kept[f]) kept[f] = 0;
          remaining--;
        }
      }
    }
    let c = 0;
    for (let f = start; f < end; f++) {
      if (!kept[f]) continue;
      c++;
      const e = t.faceEdges[f];
      if (e >= 3 && e <= 7) index[5 * i + e - 3]++;
    }
    coordination[i] = c;
  }
  return { neighbors: keptNeighborList(t, kept), kept, coordination, index, volumes: t.volumes, flags: t.flags };
}

/** The kept faces as a NeighborList (weights = face areas). */
function keptNeighborList(t: Tessellation, kept: Uint8Array): NeighborList {
  const n = t.n;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let f = t.faceOffsets[i]; f < t.faceOffsets[i + 1]; f++) c += kept[f];
    offsets[i + 1] = offsets[i] + c;
  }
  const m = offsets[n];
  const indices = new Int32Array(m);
  const vectors = new Float64Array(3 * m);
  const distances = new Float64Array(m);
  const weights = new Float64Array(m);
  let e = 0;
  for (let f = 0; f < kept.length; f++) {
    if (!kept[f]) continue;
    const x = t.faceVectors[3 * f];
    const y = t.faceVectors[3 * f + 1];
    const z = t.faceVectors[3 * f + 2];
    indices[e] = t.faceNeighbors[f];
    vectors[3 * e] = x;
    vectors[3 * e + 1] = y;
    vectors[3 * e + 2] = z;
    distances[e] = Math.sqrt(x * x + y * y + z * z);
    weights[e] = t.faceAreas[f];
    e++;
  }
  return { n, offsets, indices, vectors, distances, weights };
}
