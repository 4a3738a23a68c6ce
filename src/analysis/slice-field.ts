import type { Cell } from "../structure/cell";
import type { FieldGrid } from "../plot/field-map";
import { checkLength } from "../plot/plot-data";

/**
 * A per-atom quantity in a slab of the sample as a smooth 2-D field, for maps like Wang & Jain Fig. 2a (D² in a
 * 2 Å slice with the soft atoms on top): the atoms whose coordinate along `normal` lies within `thickness / 2` of
 * `center` (minimum image when that direction is periodic) are projected on the plane, and each grid node gets the
 * Gaussian-weighted mean of their values (Nadaraya–Watson kernel regression, Nadaraya 1964; Watson 1964):
 *   f(g) = Σ_i w_i v_i / Σ_i w_i,   w_i = exp(-|g - r_i|² / 2σ²),   |g - r_i| ≤ 3σ, in-plane minimum image.
 * Nodes with no atom within 3σ are NaN (gaps in the map). Orthogonal cells only (the in-plane axes are Cartesian).
 */

export interface SliceFieldOptions {
  /** Cartesian axis normal to the slab. */
  normal: "x" | "y" | "z";
  /** Slab thickness in Å (the paper: 2.0). */
  thickness: number;
  /** Slab centre along the normal in Å; default the middle of the cell. */
  center?: number;
  /** Grid spacing in Å (default 0.5). */
  spacing?: number;
  /** Gaussian width σ in Å (default 1.0). */
  sigma?: number;
}

export interface SliceField {
  /** The field on the plane: x = first in-plane axis, y = second (for normal z: x and y; y: x and z; x: y and z). */
  field: FieldGrid;
  /** Names of the in-plane axes, e.g. ["x", "z"], for axis titles. */
  axes: [string, string];
  /** Indices of the atoms in the slab, and their in-plane coordinates (wrapped into the cell). */
  atoms: Int32Array;
  u: Float64Array;
  v: Float64Array;
}

const AXES = ["x", "y", "z"] as const;

/** The slab field of `values` (one per atom) over `positions` (N × 3) in an orthogonal `cell`. */
export function sliceField(
  positions: ArrayLike<number>,
  values: ArrayLike<number>,
  cell: Cell,
  opts: SliceFieldOptions,
): SliceField {
  if (positions.length % 3 !== 0) throw new Error(`positions has ${positions.length} values, not a multiple of 3`);
  const n = positions.length / 3;
  checkLength("values", values, n, "positions / 3");
  if (!cell.isOrthogonal)
    throw new Error("sliceField needs an orthogonal cell (its in-plane axes are Cartesian x, y, z)");
  const dn = AXES.indexOf(opts.normal);
  if (dn < 0) throw new Error(`normal must be "x", "y" or "z", got "${String(opts.normal)}"`);
  const [da, db] = [0, 1, 2].filter((d) => d !== dn);
  const spacing = opts.spacing ?? 0.5;
  const sigma = opts.sigma ?? 1.0;
  for (const [name, v] of [
    ["thickness", opts.thickness],
    ["spacing", spacing],
    ["sigma", sigma],
  ] as const) {
    if (!(Number.isFinite(v) && v > 0)) throw new Error(`${name} must be a positive length in Å, got ${v}`);
  }
  const len = [cell.matrix[0], cell.matrix[4], cell.matrix[8]];
  const lo = [cell.origin[0], cell.origin[1], cell.origin[2]];
  const center = opts.center ?? lo[dn] + len[dn] / 2;
  const wrapTo = (x: number, d: number): number => x - len[d] * Math.floor((x - lo[d]) / len[d]);

  // Atoms in the slab.
  const picked: number[] = [];
  for (let i = 0; i < n; i++) {
    let dz = positions[3 * i + dn] - center;
    if (cell.periodic[dn]) dz -= len[dn] * Math.round(dz / len[dn]);
    if (Math.abs(dz) <= opts.thickness / 2) picked.push(i);
  }
  const atoms = Int32Array.from(picked);
  const u = new Float64Array(atoms.length);
  const v = new Float64Array(atoms.length);
  atoms.forEach((i, k) => {
    u[k] = cell.periodic[da] ? wrapTo(positions[3 * i + da], da) : positions[3 * i + da];
    v[k] = cell.periodic[db] ? wrapTo(positions[3 * i + db], db) : positions[3 * i + db];
  });

  // Grid nodes over the cell's extent in the plane.
  const nu = Math.max(2, Math.round(len[da] / spacing) + 1);
  const nv = Math.max(2, Math.round(len[db] / spacing) + 1);
  const gu = Float64Array.from({ length: nu }, (_, i) => lo[da] + (len[da] * i) / (nu - 1));
  const gv = Float64Array.from({ length: nv }, (_, j) => lo[db] + (len[db] * j) / (nv - 1));
  const hu = len[da] / (nu - 1);
  const hv = len[db] / (nv - 1);
  const wsum = new Float64Array(nu * nv);
  const vsum = new Float64Array(nu * nv);
  const cut = 3 * sigma;
  const inv2s2 = 1 / (2 * sigma * sigma);
  for (let k = 0; k < atoms.length; k++) {
    const val = values[atoms[k]];
    if (!Number.isFinite(val)) continue;
    const i0 = Math.ceil((u[k] - cut - lo[da]) / hu);
    const i1 = Math.floor((u[k] + cut - lo[da]) / hu);
    const j0 = Math.ceil((v[k] - cut - lo[db]) / hv);
    const j1 = Math.floor((v[k] + cut - lo[db]) / hv);
    for (let jj = j0; jj <= j1; jj++) {
      let j = jj;
      if (j < 0 || j >= nv) {
        if (!cell.periodic[db]) continue;
        j = ((j % (nv - 1)) + (nv - 1)) % (nv - 1); // node nv-1 is the image of node 0
      }
      // Distance from the unwrapped node position, so periodic images are counted at their true distance.
      const dv = lo[db] + jj * hv - v[k];
      for (let ii = i0; ii <= i1; ii++) {
        let i = ii;
        if (i < 0 || i >= nu) {
          if (!cell.periodic[da]) continue;
          i = ((i % (nu - 1)) + (nu - 1)) % (nu - 1);
        }
        const du = lo[da] + ii * hu - u[k];
        const r2 = du * du + dv * dv;
        if (r2 > cut * cut) continue;
        const w = Math.exp(-r2 * inv2s2);
        wsum[j * nu + i] += w;
        vsum[j * nu + i] += w * val;
      }
    }
  }
  // Periodic directions: the last node is the image of the first; give both the same sums.
  if (cell.periodic[da]) {
    for (let j = 0; j < nv; j++) {
      const a = j * nu;
      const b = j * nu + nu - 1;
      const w = wsum[a] + wsum[b];
      const s = vsum[a] + vsum[b];
      wsum[a] = wsum[b] = w;
      vsum[a] = vsum[b] = s;
    }
  }
  if (cell.periodic[db]) {
    for (let i = 0; i < nu; i++) {
      const a = i;
      const b = (nv - 1) * nu + i;
      const w = wsum[a] + wsum[b];
      const s = vsum[a] + vsum[b];
      wsum[a] = wsum[b] = w;
      vsum[a] = vsum[b] = s;
    }
  }
  const z = new Float64Array(nu * nv);
  for (let g = 0; g < z.length; g++) z[g] = wsum[g] > 0 ? vsum[g] / wsum[g] : NaN;
  return { field: { x: gu, y: gv, z }, axes: [AXES[da], AXES[db]], atoms, u, v };
}
