import type { Frame } from "../structure/frame";

/**
 * Spatial block of every atom: the box is cut into nx x ny x nz equal blocks along its cell vectors (fractional
 * coordinates, so tilted boxes are cut along their own edges) and atom i gets block (bx * ny + by) * nz + bz.
 * Used as CV groups (GroupKFold) so that a held-out atom's neighbors are, except near block faces, held out
 * with it: features averaged over neighbors (MRO) and spatially smooth labels (D2min) then cannot leak from the
 * training folds into the score (Roberts et al., Ecography 40, 913 (2017), "block cross-validation").
 */
export function spatialBlocks(
  frame: Pick<Frame, "natoms" | "positions" | "cell">,
  blocks: readonly [number, number, number],
): Int32Array {
  for (const b of blocks)
    if (!Number.isInteger(b) || b < 1)
      throw new Error(`spatial blocks: counts must be integers >= 1, got [${blocks.join(", ")}]`);
  const s = frame.cell.toFractional(frame.positions);
  const out = new Int32Array(frame.natoms);
  for (let i = 0; i < frame.natoms; i++) {
    let id = 0;
    for (let d = 0; d < 3; d++) {
      const f = s[3 * i + d] - Math.floor(s[3 * i + d]);
      id = id * blocks[d] + Math.min(blocks[d] - 1, Math.floor(f * blocks[d]));
    }
    out[i] = id;
  }
  return out;
}
