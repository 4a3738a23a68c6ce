import type { Category, Datum } from "./figure";
import { checkNonEmpty, firstNonFinite } from "./plot-data";

/**
 * Input of violin and box plots: named data sets, optionally split by category. Each series becomes one Plotly
 * trace; with categories, the traces are grouped side by side at each category (e.g. series "hardest" and
 * "softest", categories = feature names, as in Wang & Jain Fig. 3d).
 */
export interface DistributionSeries {
  /** Legend name of the series (e.g. "QS < 0.1"). */
  name: string;
  /** One data set, drawn at x = name (or at `category`)... */
  values?: ArrayLike<number>;
  category?: Category;
  /** ...or one data set per category, drawn at x = category. */
  groups?: readonly { category: Category; values: ArrayLike<number> }[];
  color?: string;
  /** Filled shape (default) or outline only (the paper's Fig. 4 contrasts filled and unfilled violins). */
  filled?: boolean;
}

/** The data sets of one series with their categories (undefined: drawn at x = name), checked. */
export function seriesParts(
  s: DistributionSeries,
  what: string,
): { category: Category | undefined; values: ArrayLike<number> }[] {
  const parts: { category: Category | undefined; values: ArrayLike<number> }[] = [];
  if (s.values !== undefined && s.groups !== undefined)
    throw new Error(`${what} "${s.name}": give values or groups, not both`);
  if (s.values !== undefined) parts.push({ category: s.category, values: s.values });
  else if (s.groups !== undefined) for (const g of s.groups) parts.push(g);
  else throw new Error(`${what} "${s.name}" has neither values nor groups`);
  checkNonEmpty(`${what} "${s.name}"`, parts);
  for (const p of parts) {
    const label = p.category === undefined ? "" : ` category ${p.category}`;
    checkNonEmpty(`${what} "${s.name}"${label}`, p.values);
    const bad = firstNonFinite(p.values);
    if (bad >= 0)
      throw new Error(`${what} "${s.name}"${label} has a non-finite value (${p.values[bad]}) at index ${bad}`);
  }
  return parts;
}

/** The x (category per value; undefined without categories) and y arrays of one series, checked. */
export function flattenSeries(s: DistributionSeries, what: string): { x: Category[] | undefined; y: Datum[] } {
  const parts = seriesParts(s, what);
  const hasCategory = parts.some((p) => p.category !== undefined);
  const x: Category[] = [];
  const y: Datum[] = [];
  for (const p of parts) {
    for (let i = 0; i < p.values.length; i++) {
      y.push(p.values[i]);
      if (hasCategory) x.push(p.category ?? s.name);
    }
  }
  return { x: hasCategory ? x : undefined, y };
}

/** True when any series is split by categories (so traces are grouped at shared x positions). */
export function hasCategories(series: readonly DistributionSeries[]): boolean {
  return series.some((s) => s.groups !== undefined || s.category !== undefined);
}
