import type { Frame } from "../structure/frame";

/** The chemical species of a frame as feature sets see them: atom types in column order and their names. */
export interface FrameSpecies {
  /** Atom types (1-based) taken as species, in column order. */
  readonly types: readonly number[];
  /** Name of each species for labels: the element of the type map, else `t<type>`. */
  readonly names: readonly string[];
  /** Species index (0-based, into `types`) of every atom, or -1 for an atom of an unlisted type. */
  readonly index: Int32Array;
}

/**
 * Species of `frame`: the given `types`, else types 1..(number of elements of the type map), else
 * 1..(largest type present). Names come from the type map (`frame.elements`) when it covers the type.
 */
export function frameSpecies(
  frame: Pick<Frame, "natoms" | "types" | "elements">,
  types?: readonly number[],
): FrameSpecies {
  let list: number[];
  if (types) {
    if (types.length === 0) throw new Error("species: at least one atom type is needed");
    for (const t of types)
      if (!Number.isInteger(t) || t < 1) throw new Error(`species: atom types must be integers >= 1, got ${t}`);
    if (new Set(types).size !== types.length) throw new Error(`species: atom types are repeated: ${types.join(", ")}`);
    list = types.slice();
  } else {
    let count = frame.elements ? frame.elements.length : 0;
    if (count === 0) for (let i = 0; i < frame.natoms; i++) count = Math.max(count, frame.types[i]);
    list = Array.from({ length: count }, (_, k) => k + 1);
  }
  const names = list.map((t) =>
    frame.elements && frame.elements[t - 1] !== undefined ? frame.elements[t - 1] : `t${t}`,
  );
  const byType = new Map<number, number>();
  list.forEach((t, k) => byType.set(t, k));
  const index = new Int32Array(frame.natoms);
  for (let i = 0; i < frame.natoms; i++) index[i] = byType.get(frame.types[i]) ?? -1;
  return { types: list, names, index };
}
