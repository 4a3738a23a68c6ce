/**
 * Feature column names in words, for axis titles and tables (`docs/features.md` defines each column). The words
 * follow the paper's own phrasing (Wang & Jain 2019, Methods and Figure 1: "distance, area and volume interstice",
 * statistics "mean, min, max and std", MRO = the statistic of an SRO feature over the atom's neighbours, Eq. 1).
 */

const STAT_WORDS: Readonly<Record<string, string>> = {
  mean: "mean",
  min: "minimum",
  max: "maximum",
  std: "spread (std)",
  sum: "sum",
};

const INTERSTICE_WORDS: Readonly<Record<string, string>> = {
  dist_voro: "bond (distance) interstice",
  dist_cut: "bond (distance) interstice within the cutoff",
  area_voro: "area interstice",
  vol_voro: "volume interstice",
};

/** Whole-column names of the literature sets (docs/features.md, "Literature feature sets"). */
const COLUMN_WORDS: Readonly<Record<string, string>> = {
  cn_voro: "coordination number (Voronoi)",
  cn_cut: "coordination number within the cutoff",
  motif_ico: "icosahedron <0,0,12,0,0>",
  motif_0_0_12_4_0: "<0,0,12,4,0> cluster",
  motif_ico_or_0_0_12_4_0: "icosahedron or <0,0,12,4,0>",
  motif_fk: "Frank-Kasper cluster",
  cpe_voro: "cluster packing efficiency",
  ape_voro: "atomic packing efficiency",
  vol_ratio_voro: "atomic / Voronoi volume",
  csro_type: "element",
};

/** A statistic-suffixed name `<base>_<stat>` split into its parts, or null. */
function splitStat(name: string): { base: string; stat: string } | null {
  const m = /^(.*)_(mean|min|max|std|sum)$/.exec(name);
  return m ? { base: m[1], stat: m[2] } : null;
}

/**
 * A feature column name in words: `dist_voro_min` -> "minimum bond (distance) interstice",
 * `mro_vol_voro_mean_std` -> "spread (std) over neighbours of: mean volume interstice". Names it does not know are
 * returned unchanged, so a caller can always use it for a title.
 */
export function describeFeature(name: string): string {
  if (name in COLUMN_WORDS) return COLUMN_WORDS[name];
  if (name.startsWith("mro_")) {
    const inner = name.slice(4);
    const split = splitStat(inner);
    if (split) return `${STAT_WORDS[split.stat]} over neighbours of: ${describeFeature(split.base)}`;
    const avg = /^avg_ifold(\d)_voro$/.exec(inner);
    if (avg) return `${avg[1]}-fold face share, averaged over neighbours`;
    return `${describeFeature(inner)}, averaged over neighbours`;
  }
  const split = splitStat(name);
  if (split && split.base in INTERSTICE_WORDS) return `${STAT_WORDS[split.stat]} ${INTERSTICE_WORDS[split.base]}`;
  let m = /^voro_n(\d)$/.exec(name);
  if (m) return `Voronoi faces with ${m[1]} edges`;
  m = /^ifold(\d)_voro$/.exec(name);
  if (m) return `${m[1]}-fold face share`;
  m = /^ifold_area(\d)_voro$/.exec(name);
  if (m) return `${m[1]}-fold face share by area`;
  m = /^(q|w|qbar|wbar)(\d+)_(voro|cut)$/.exec(name);
  if (m) {
    const kind = m[1].startsWith("q") ? "q" : "w";
    const averaged = m[1].endsWith("bar") ? "averaged " : "";
    return `${averaged}bond-orientational order ${kind}${m[2]} (${m[3] === "voro" ? "Voronoi" : "cutoff"} neighbours)`;
  }
  m = /^csro_(n|wc)_(\w+?)_(voro|cut)$/.exec(name);
  if (m)
    return `${m[1] === "n" ? "number of" : "Warren-Cowley parameter of"} ${m[2]} neighbours (${m[3] === "voro" ? "Voronoi" : "cutoff"})`;
  return name;
}
