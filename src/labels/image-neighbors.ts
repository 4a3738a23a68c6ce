import type { Cell } from "../geometry/cell";
import type { NeighborList } from "../neighbors/neighbor-list";

/** A cutoff neighbor list that also records, for every bond, the periodic image it uses. */
export interface ImageNeighborList extends NeighborList {
  /**
   * Image vector m of each entry (3 integers per entry): the bond is r_j - r_i + m0 a + m1 b + m2 c, with r the
   * positions given to {@link imageNeighbors} (unwrapped positions stay unwrapped; m absorbs their image flags).
   */
  readonly images: Int32Array;
}

/** Largest number of bins per direction; beyond it the bins just get wider (still exact). */
const MAX_BINS_PER_DIRECTION = 128;

/**
 * All pairs (i, j, m) with 0 < |r_j - r_i + m H| < cutoff, by cell binning in fractional coordinates (O(N) for a
 * fixed density). Works for any cutoff, also larger than the cell (several images of one atom, and images of
 * atom i itself, are then neighbors), for triclinic cells and for non-periodic directions (no images there).
 * Rows are in bin-scan order, not sorted by distance. Positions may be wrapped or unwrapped.
 */
export function imageNeighbors(positions: Float64Array, cell: Cell, cutoff: number): ImageNeighborList {
  if (!(cutoff > 0) || !Number.isFinite(cutoff)) throw new Error(`neighbor cutoff must be a positive number, got ${cutoff}`);
  const n = positions.length / 3;
  if (!Number.isInteger(n)) throw new Error(`positions must hold 3 numbers per atom, got ${positions.length}`);
  for (let k = 0; k < positions.length; k++) {
    if (!Number.isFinite(positions[k])) throw new Error(`position ${Math.floor(k / 3)} (row ${Math.floor(k / 3)}) is not finite`);
  }
  // Fractional coordinates, wrapped into [0, 1) along periodic directions; img = the integer part removed.
  const s = cell.toFractional(positions);
  const img = new Int32Array(3 * n);
  const widths = cell.widths;
  const lo = [0, 0, 0];
  const span = [1, 1, 1];
  for (let d = 0; d < 3; d++) {
    if (cell.periodic[d]) {
      for (let i = 0; i < n; i++) {
        let f = s[3 * i + d];
        let m = Math.floor(f);
        f -= m;
        if (f >= 1) {
          f -= 1;
          m += 1;
        }
        s[3 * i + d] = f;
        img[3 * i + d] = m;
      }
    } else {
      let mn = Infinity;
      let mx = -Infinity;
      for (let i = 0; i < n; i++) {
        mn = Math.min(mn, s[3 * i + d]);
        mx = Math.max(mx, s[3 * i + d]);
      }
      lo[d] = n > 0 ? mn : 0;
      span[d] = n > 0 && mx > mn ? mx - mn : 1;
    }
  }
  // Bins at least cutoff * (1 + 1e-9) thick across each pair of planes, so a neighbor is at most `reach` bins away.
  const nb = [1, 1, 1];
  const reach = [1, 1, 1];
  for (let d = 0; d < 3; d++) {
    const extent = span[d] * widths[d];
    nb[d] = Math.max(1, Math.min(MAX_BINS_PER_DIRECTION, Math.floor(extent / (cutoff * (1 + 1e-9)))));
    reach[d] = Math.max(1, Math.ceil((cutoff * nb[d]) / extent));
  }
  const nbins = nb[0] * nb[1] * nb[2];
  const head = new Int32Array(nbins).fill(-1);
  const next = new Int32Array(n).fill(-1);
  const bx = new Int32Array(3 * n);
  for (let i = n - 1; i >= 0; i--) {
    for (let d = 0; d < 3; d++) {
      const f = (s[3 * i + d] - lo[d]) / span[d];
      bx[3 * i + d] = Math.min(nb[d] - 1, Math.max(0, Math.floor(f * nb[d])));
    }
    const b = (bx[3 * i] * nb[1] + bx[3 * i + 1]) * nb[2] + bx[3 * i + 2];
    next[i] = head[b];
    head[b] = i;
  }

  const m = cell.matrix;
  const rc2 = cutoff * cutoff;
  // Capacity guess from the mean density (grown by doubling when exceeded).
  let cap = Math.max(16, Math.ceil(n * (1.3 * (n / cell.volume) * (4 / 3) * Math.PI * cutoff ** 3 + 8)));
  let indices: Int32Array = new Int32Array(cap);
  let images: Int32Array = new Int32Array(3 * cap);
  let vectors: Float64Array = new Float64Array(3 * cap);
  let distances: Float64Array = new Float64Array(cap);
  const offsets = new Int32Array(n + 1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = count;
    const si0 = s[3 * i];
    const si1 = s[3 * i + 1];
    const si2 = s[3 * i + 2];
    for (let ox = -reach[0]; ox <= reach[0]; ox++) {
      const cx = bx[3 * i] + ox;
      let wx = cx;
      let nx = 0;
      if (cell.periodic[0]) {
        nx = Math.floor(cx / nb[0]);
        wx = cx - nx * nb[0];
      } else if (cx < 0 || cx >= nb[0]) continue;
      for (let oy = -reach[1]; oy <= reach[1]; oy++) {
        const cy = bx[3 * i + 1] + oy;
        let wy = cy;
        let ny = 0;
        if (cell.periodic[1]) {
          ny = Math.floor(cy / nb[1]);
          wy = cy - ny * nb[1];
        } else if (cy < 0 || cy >= nb[1]) continue;
        for (let oz = -reach[2]; oz <= reach[2]; oz++) {
          const cz = bx[3 * i + 2] + oz;
          let wz = cz;
          let nz = 0;
          if (cell.periodic[2]) {
            nz = Math.floor(cz / nb[2]);
            wz = cz - nz * nb[2];
          } else if (cz < 0 || cz >= nb[2]) continue;
          for (let j = head[(wx * nb[1] + wy) * nb[2] + wz]; j >= 0; j = next[j]) {
            // Bond in the wrapped frame: (s_j + n - s_i) H.
            const fa = s[3 * j] + nx - si0;
            const fb = s[3 * j + 1] + ny - si1;
            const fc = s[3 * j + 2] + nz - si2;
            const x = fa * m[0] + fb * m[3] + fc * m[6];
            const y = fa * m[1] + fb * m[4] + fc * m[7];
            const z = fa * m[2] + fb * m[5] + fc * m[8];
            const r2 = x * x + y * y + z * z;
            if (!(r2 > 0 && r2 < rc2)) continue;
            if (count === cap) {
              cap *= 2;
              indices = growInt(indices, cap);
              images = growInt(images, 3 * cap);
              vectors = growFloat(vectors, 3 * cap);
              distances = growFloat(distances, cap);
            }
            // Image relative to the given positions: r_j - r_i + m H with m = n + img_i - img_j.
            const ma = nx + img[3 * i] - img[3 * j];
            const mb = ny + img[3 * i + 1] - img[3 * j + 1];
            const mc = nz + img[3 * i + 2] - img[3 * j + 2];
            const vx = positions[3 * j] - positions[3 * i] + ma * m[0] + mb * m[3] + mc * m[6];
            const vy = positions[3 * j + 1] - positions[3 * i + 1] + ma * m[1] + mb * m[4] + mc * m[7];
            const vz = positions[3 * j + 2] - positions[3 * i + 2] + ma * m[2] + mb * m[5] + mc * m[8];
            indices[count] = j;
            images[3 * count] = ma;
            images[3 * count + 1] = mb;
            images[3 * count + 2] = mc;
            vectors[3 * count] = vx;
            vectors[3 * count + 1] = vy;
            vectors[3 * count + 2] = vz;
            distances[count] = Math.sqrt(vx * vx + vy * vy + vz * vz);
            count++;
          }
        }
      }
    }
  }
  offsets[n] = count;
  return {
    n,
    offsets,
    indices: indices.slice(0, count),
    images: images.slice(0, 3 * count),
    vectors: vectors.slice(0, 3 * count),
    distances: distances.slice(0, count),
  };
}

function growInt(a: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size);
  out.set(a);
  return out;
}

function growFloat(a: Float64Array, size: number): Float64Array {
  const out = new Float64Array(size);
  out.set(a);
  return out;
}
