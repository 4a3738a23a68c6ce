import type { Tessellation } from "../../src/geometry/tessellation";

/** One hand-made face: neighbor index, bond vector, area, number of edges. */
export interface HandFace {
  j: number;
  v?: readonly number[];
  area: number;
  edges: number;
}

/** A Tessellation from hand-made faces per atom (volumes default 10, flags 0, face distances = |v| / 2). */
export function handTessellation(
  cells: HandFace[][],
  options: { volumes?: number[]; flags?: number[] } = {},
): Tessellation {
  const n = cells.length;
  const faceOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) faceOffsets[i + 1] = faceOffsets[i] + cells[i].length;
  const m = faceOffsets[n];
  const faceNeighbors = new Int32Array(m);
  const faceVectors = new Float64Array(3 * m);
  const faceAreas = new Float64Array(m);
  const faceEdges = new Int32Array(m);
  const faceDistances = new Float64Array(m);
  let f = 0;
  cells.forEach((faces, i) =>
    faces.forEach((face, k) => {
      const v = face.v ?? [Math.cos(i + k), Math.sin(i + k), 0.1 * k];
      faceNeighbors[f] = face.j;
      faceVectors.set(v, 3 * f);
      faceAreas[f] = face.area;
      faceEdges[f] = face.edges;
      faceDistances[f] = Math.hypot(v[0], v[1], v[2]) / 2;
      f++;
    }),
  );
  return {
    n,
    volumes: Float64Array.from(options.volumes ?? cells.map(() => 10)),
    faceOffsets,
    faceNeighbors,
    faceVectors,
    faceAreas,
    faceEdges,
    faceDistances,
    flags: Uint8Array.from(options.flags ?? cells.map(() => 0)),
  };
}
