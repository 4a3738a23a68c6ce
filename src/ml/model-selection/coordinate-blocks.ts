/**
 * Spatial block of every row from its coordinates (columns x, y, z of a table): the rows' bounding box is cut
 * into nx x ny x nz equal blocks and row i gets block (bx * ny + by) * nz + bz. The table form of
 * geometry/spatial-blocks.ts (which cuts the simulation cell) for atoms given as rows, used as CV groups
 * ("block cross-validation", Roberts et al., Ecography 40, 913 (2017)).
 */
export function coordinateBlocks(
  coordinates: readonly [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>],
  blocks: readonly [number, number, number],
): Int32Array {
  for (const b of blocks)
    if (!Number.isInteger(b) || b < 1)
      throw new Error(`spatial blocks: counts must be integers >= 1, got [${blocks.join(", ")}]`);
  const n = coordinates[0].length;
  const lo = [0, 0, 0];
  const span = [0, 0, 0];
  for (let d = 0; d < 3; d++) {
    const c = coordinates[d];
    if (c.length !== n) throw new Error(`spatial blocks: coordinate ${"xyz"[d]} has ${c.length} rows, x has ${n}`);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(c[i])) throw new Error(`spatial blocks: ${"xyz"[d]} of row ${i} is ${c[i]}`);
      if (c[i] < min) min = c[i];
      if (c[i] > max) max = c[i];
    }
    lo[d] = min;
    span[d] = max - min;
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let id = 0;
    for (let d = 0; d < 3; d++) {
      const f = span[d] > 0 ? (coordinates[d][i] - lo[d]) / span[d] : 0;
      id = id * blocks[d] + Math.min(blocks[d] - 1, Math.floor(f * blocks[d]));
    }
    out[i] = id;
  }
  return out;
}
