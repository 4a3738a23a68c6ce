/** The role of each column of a dump's "ITEM: ATOMS" line (indices into the column list; -1 when absent). */
export interface DumpColumnLayout {
  names: string[];
  headerLine: number;
  id: number;
  type: number;
  element: number;
  wrapped: { cols: [number, number, number]; scaled: boolean } | null;
  unwrapped: { cols: [number, number, number]; scaled: boolean } | null;
  image: [number, number, number] | null;
  /** Columns kept in `frame.columns`. */
  extra: number[];
}

/** LAMMPS's position columns (dump custom doc: x y z, xs ys zs scaled, xu yu zu unwrapped, xsu ysu zsu both). */
const POSITION_FAMILIES: { names: [string, string, string]; scaled: boolean; unwrapped: boolean }[] = [
  { names: ["x", "y", "z"], scaled: false, unwrapped: false },
  { names: ["xs", "ys", "zs"], scaled: true, unwrapped: false },
  { names: ["xu", "yu", "zu"], scaled: false, unwrapped: true },
  { names: ["xsu", "ysu", "zsu"], scaled: true, unwrapped: true },
];

/**
 * What the columns of an "ITEM: ATOMS" line (`names`, from line `headerLine`) mean: id, type, element, the
 * wrapped and unwrapped positions (Cartesian preferred over scaled when both are given), image flags, and the
 * other columns. Duplicate, incomplete or missing position and image columns go to `fail` with the problem.
 */
export function dumpColumnLayout(
  names: string[],
  headerLine: number,
  fail: (problem: string) => never,
): DumpColumnLayout {
  if (names.length === 0) fail(`"ITEM: ATOMS" lists no columns`);
  const seen = new Map<string, number>();
  names.forEach((n, k) => {
    if (seen.has(n)) fail(`column "${n}" appears twice in "ITEM: ATOMS ${names.join(" ")}"`);
    seen.set(n, k);
  });
  const col = (n: string) => seen.get(n) ?? -1;
  const used = new Set<number>();
  const claim = (k: number) => {
    if (k >= 0) used.add(k);
    return k;
  };
  const layout: DumpColumnLayout = {
    names,
    headerLine,
    id: claim(col("id")),
    type: claim(col("type")),
    element: claim(col("element")),
    wrapped: null,
    unwrapped: null,
    image: null,
    extra: [],
  };
  for (const fam of POSITION_FAMILIES) {
    const ks = fam.names.map(col);
    const present = ks.filter((k) => k >= 0).length;
    if (present === 0) continue;
    if (present < 3) {
      const missing = fam.names.filter((_, d) => ks[d] < 0);
      fail(
        `incomplete position columns: "${missing.join(" ")}" missing next to "${fam.names.filter((_, d) => ks[d] >= 0).join(" ")}"`,
      );
    }
    ks.forEach(claim);
    const entry = { cols: [ks[0], ks[1], ks[2]] as [number, number, number], scaled: fam.scaled };
    // Cartesian beats scaled when a file gives both forms.
    if (fam.unwrapped) layout.unwrapped ??= entry;
    else layout.wrapped ??= entry;
  }
  if (layout.wrapped === null && layout.unwrapped === null) {
    fail(`no position columns: need x y z, xs ys zs, xu yu zu or xsu ysu zsu (columns: ${names.join(" ")})`);
  }
  const img = ["ix", "iy", "iz"].map(col);
  const nImg = img.filter((k) => k >= 0).length;
  if (nImg > 0 && nImg < 3) fail(`incomplete image flags: need all of ix iy iz (columns: ${names.join(" ")})`);
  if (nImg === 3) {
    img.forEach(claim);
    layout.image = [img[0], img[1], img[2]];
  }
  for (let k = 0; k < names.length; k++) if (!used.has(k)) layout.extra.push(k);
  return layout;
}
