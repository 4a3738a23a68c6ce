import type { Frame } from "../io/frame";

/** Atoms of a slab and a per-atom quantity averaged onto a 2-D grid in the slab plane (paper, Figure 2a). */
export interface SliceField {
  /** Indices of the atoms inside the slab. */
  atoms: Int32Array;
  /** In-plane coordinates of those atoms (2 per atom: u, v). */
  coords: Float64Array;
  /** Grid coordinates along u and v (Angstrom). */
  u: Float64Array;
  v: Float64Array;
  /** Field on the grid, row-major [iv * u.length + iu]: Gaussian-weighted mean of the values of slab atoms. */
  field: Float64Array;
}

/**
 * Selects the atoms whose coordinate along `normal` (0 = x, 1 = y, 2 = z) lies within `thickness`/2 of `center`
 * (periodic along that axis for orthogonal cells) and smooths `values` of those atoms onto a grid spanning the
 * cell in the two other directions: field(g) = sum_i w_i v_i / sum_i w_i, w_i = exp(-|g - p_i|^2 / (2 s^2)),
 * with periodic in-plane distances. Orthogonal cells only (a clear error otherwise).
 */
export function sliceField(
  frame: Frame,
  values: ArrayLike<number>,
  options: { normal?: 0 | 1 | 2; center?: number; thickness?: number; spacing?: number; smoothing?: number } = {},
): SliceField {
  const cell = frame.cell;
  if (!cell.isOrthogonal) throw new Error("sliceField: orthogonal cells only");
  if (values.length !== frame.natoms) throw new Error(`sliceField: ${values.length} values for ${frame.natoms} atoms`);
  const normal = options.normal ?? 1;
  const [a, b] = [0, 1, 2].filter((d) => d !== normal);
  const m = cell.matrix;
  const L = [m[0], m[4], m[8]];
  const o = cell.origin;
  const center = options.center ?? o[normal] + L[normal] / 2;
  const half = (options.thickness ?? 2.0) / 2;
  const spacing = options.spacing ?? 0.5;
  const s = options.smoothing ?? 1.5;
  const picked: number[] = [];
  for (let i = 0; i < frame.natoms; i++) {
    let d = frame.positions[3 * i + normal] - center;
    if (cell.periodic[normal]) d -= L[normal] * Math.round(d / L[normal]);
    if (Math.abs(d) <= half) picked.push(i);
  }
  const atoms = Int32Array.from(picked);
  const coords = new Float64Array(2 * atoms.length);
  for (let k = 0; k < atoms.length; k++) {
    coords[2 * k] = frame.positions[3 * atoms[k] + a];
    coords[2 * k + 1] = frame.positions[3 * atoms[k] + b];
  }
  const nu = Math.max(2, Math.round(L[a] / spacing));
  const nv = Math.max(2, Math.round(L[b] / spacing));
  const u = new Float64Array(nu);
  const v = new Float64Array(nv);
  for (let k = 0; k < nu; k++) u[k] = o[a] + ((k + 0.5) * L[a]) / nu;
  for (let k = 0; k < nv; k++) v[k] = o[b] + ((k + 0.5) * L[b]) / nv;
  const num = new Float64Array(nu * nv);
  const den = new Float64Array(nu * nv);
  const reach = 3 * s;
  const inv2s2 = 1 / (2 * s * s);
  for (let k = 0; k < atoms.length; k++) {
    const pu = coords[2 * k];
    const pv = coords[2 * k + 1];
    const val = values[atoms[k]];
    const iu0 = Math.floor(((pu - reach - o[a]) / L[a]) * nu);
    const iu1 = Math.ceil(((pu + reach - o[a]) / L[a]) * nu);
    const iv0 = Math.floor(((pv - reach - o[b]) / L[b]) * nv);
    const iv1 = Math.ceil(((pv + reach - o[b]) / L[b]) * nv);
    for (let jv = iv0; jv <= iv1; jv++) {
      const gv = ((jv % nv) + nv) % nv;
      let dv = v[gv] - pv;
      dv -= L[b] * Math.round(dv / L[b]);
      for (let ju = iu0; ju <= iu1; ju++) {
        const gu = ((ju % nu) + nu) % nu;
        let du = u[gu] - pu;
        du -= L[a] * Math.round(du / L[a]);
        const w = Math.exp(-(du * du + dv * dv) * inv2s2);
        num[gv * nu + gu] += w * val;
        den[gv * nu + gu] += w;
      }
    }
  }
  const field = new Float64Array(nu * nv);
  for (let g = 0; g < field.length; g++) field[g] = den[g] > 1e-12 ? num[g] / den[g] : NaN;
  return { atoms, coords, u, v, field };
}
