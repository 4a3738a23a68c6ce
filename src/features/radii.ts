import type { Frame } from "../io/frame";
import { elementOf } from "../io/frame";

/**
 * Atomic radii (Angstrom) of Miracle et al., the radii the paper uses for interstices (Methods, ref. 35):
 * D. B. Miracle, E. A. Lord & S. Ranganathan, "Candidate atomic cluster configurations in metallic glass
 * structures", Mater. Trans. 47, 1737-1742 (2006), Table 1 (metallic radii for 12-fold coordination, and
 * covalent-like radii for metalloids). Only elements whose value we could check against that source are listed;
 * any other element needs an explicit radius (`radii: { X: r }` or `--radii X=r`).
 */
export const MIRACLE_RADII: Readonly<Record<string, number>> = Object.freeze({
  Al: 1.41,
  Cu: 1.26,
  Fe: 1.25,
  Nb: 1.43,
  Ni: 1.26,
  P: 1.02,
  Sm: 1.85,
  Zr: 1.58,
});

/** Radius of `element`: `overrides` first, then the Miracle table; throws naming the element when neither has it. */
export function radiusOf(element: string, overrides?: Readonly<Record<string, number>>): number {
  const r = overrides?.[element] ?? MIRACLE_RADII[element];
  if (r === undefined) {
    const known = Object.keys({ ...MIRACLE_RADII, ...(overrides ?? {}) }).sort();
    throw new Error(`no atomic radius for element "${element}" (known: ${known.join(", ")}); give one, e.g. radii { ${element}: 1.3 } or --radii ${element}=1.3`);
  }
  if (!(Number.isFinite(r) && r > 0)) throw new Error(`radius of ${element} must be a positive number of Angstrom, got ${r}`);
  return r;
}

/** Per-atom radii of a frame (frame order) from its type map; throws naming the element or the missing type map. */
export function atomRadii(frame: Frame, overrides?: Readonly<Record<string, number>>): Float64Array {
  if (overrides) {
    for (const [e, r] of Object.entries(overrides)) {
      if (!(Number.isFinite(r) && r > 0)) throw new Error(`radius of ${e} must be a positive number of Angstrom, got ${r}`);
    }
  }
  const out = new Float64Array(frame.natoms);
  if (frame.natoms === 0) return out;
  if (!frame.elements) throw new Error("frame has no type map, so atom radii cannot be looked up: give element names per type (e.g. --types Cu,Zr)");
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
