import type { Frame } from "../structure/frame";
import { elementOf } from "../structure/frame";

/**
 * Atomic radii (Angstrom) of Miracle et al., the radii the paper uses for interstices (Methods: "atomic radii from
 * Miracle et al.", its ref. 35; the radius table is that of D. B. Miracle, E. A. Lord & S. Ranganathan, Mater.
 * Trans. 47, 1737 (2006)). Values as tabulated by the paper's authors in their code: amlearn
 * (github.com/Qi-max/amlearn) `amlearn/utils/PTE.json`, column `miracle_radius`; elements without a value there
 * (noble gases, halogens, H, heavy actinides) are absent and need an explicit radius. The paper's six alloys
 * use Cu 1.26, Zr 1.58, Ni 1.26, Nb 1.43, Al 1.41, Sm 1.85, Fe 1.25, P 1.02.
 */
export const MIRACLE_RADII: Readonly<Record<string, number>> = Object.freeze({
  Li: 1.52,
  Be: 1.12,
  B: 0.88,
  C: 0.77,
  N: 0.72,
  O: 0.64,
  Na: 1.8,
  Mg: 1.6,
  Al: 1.41,
  Si: 1.1,
  P: 1.02,
  S: 1.03,
  K: 2.3,
  Ca: 2.01,
  Sc: 1.62,
  Ti: 1.42,
  V: 1.34,
  Cr: 1.3,
  Mn: 1.32,
  Fe: 1.25,
  Co: 1.25,
  Ni: 1.26,
  Cu: 1.26,
  Zn: 1.4,
  Ga: 1.34,
  Ge: 1.14,
  As: 1.15,
  Se: 1.18,
  Rb: 2.44,
  Sr: 2.12,
  Y: 1.79,
  Zr: 1.58,
  Nb: 1.43,
  Mo: 1.39,
  Tc: 1.36,
  Ru: 1.34,
  Rh: 1.32,
  Pd: 1.42,
  Ag: 1.44,
  Cd: 1.57,
  In: 1.55,
  Sn: 1.55,
  Sb: 1.55,
  Te: 1.4,
  Cs: 2.64,
  Ba: 2.23,
  La: 1.87,
  Ce: 1.82,
  Pr: 1.83,
  Nd: 1.82,
  Pm: 1.85,
  Sm: 1.85,
  Eu: 1.96,
  Gd: 1.76,
  Tb: 1.76,
  Dy: 1.75,
  Ho: 1.77,
  Er: 1.75,
  Tm: 1.75,
  Yb: 1.9,
  Lu: 1.75,
  Hf: 1.58,
  Ta: 1.45,
  W: 1.35,
  Re: 1.37,
  Os: 1.35,
  Ir: 1.36,
  Pt: 1.39,
  Au: 1.43,
  Hg: 1.52,
  Tl: 1.72,
  Pb: 1.74,
  Bi: 1.62,
  Po: 1.68,
  Th: 1.78,
  Pa: 1.65,
  U: 1.58,
  Np: 1.75,
  Pu: 1.75,
});

/** Radius of `element`: `overrides` first, then the Miracle table; throws naming the element when neither has it. */
export function radiusOf(element: string, overrides?: Readonly<Record<string, number>>): number {
  const r = overrides?.[element] ?? MIRACLE_RADII[element];
  if (r === undefined) {
    throw new Error(
      `no atomic radius for element "${element}" (not in the Miracle et al. table): give one, e.g. radii { ${element}: 1.3 } or --radii ${element}=1.3`,
    );
  }
  if (!(Number.isFinite(r) && r > 0))
    throw new Error(`radius of ${element} must be a positive number of Angstrom, got ${r}`);
  return r;
}

/** Per-atom radii of a frame (frame order) from its type map; throws naming the element or the missing type map. */
export function atomRadii(frame: Frame, overrides?: Readonly<Record<string, number>>): Float64Array {
  if (overrides) {
    for (const [e, r] of Object.entries(overrides)) {
      if (!(Number.isFinite(r) && r > 0))
        throw new Error(`radius of ${e} must be a positive number of Angstrom, got ${r}`);
    }
  }
  const out = new Float64Array(frame.natoms);
  if (frame.natoms === 0) return out;
  if (!frame.elements)
    throw new Error(
      "frame has no type map, so atom radii cannot be looked up: give element names per type (e.g. --types Cu,Zr)",
    );
  const byType = new Map<number, number>();
  for (let i = 0; i < frame.natoms; i++) {
    const t = frame.types[i];
    let r = byType.get(t);
    if (r === undefined) {
      r = radiusOf(elementOf(frame, i), overrides);
      byType.set(t, r);
    }
    out[i] = r;
  }
  return out;
}
