import type { FeatureMatrix } from "../table/feature-matrix";
import type { AveragingClassifier } from "../ml/averaging-classifier";
import type { GradientBoostingClassifier } from "../ml/gradient-boosting-classifier";
import { partialDependenceGrid } from "../ml/inspection/partial-dependence";
import { treePartialDependence } from "../ml/inspection/tree-partial-dependence";
import { percentileLinear } from "../table/quantiles";
import { Random } from "../ml/random";
import type { FieldGrid, PointSet } from "../plot/field-map";
import { makeTable, type Table } from "../table/csv";

/*
 * Wang & Jain 2019, Figure 5b: the 2-D partial dependence (PD) of the interstice model over its two most important
 * features, with the feature values of <0,0,12,0,0> icosahedra, <0,0,12,4,0> and Frank-Kasper sites overlaid
 * ("these characteristic motifs are indeed residing in the regions that correspond to low plastic susceptibility
 * (negative partial dependence) ... distributed only in a narrow portion of the entire feature space").
 */

/** Voronoi index columns (src/features/voronoi-index.ts) and the Voronoi coordination number (coordination.ts). */
export const VORONOI_INDEX_COLUMNS: readonly string[] = Object.freeze([
  "voro_n3",
  "voro_n4",
  "voro_n5",
  "voro_n6",
  "voro_n7",
]);
export const CN_VORO_COLUMN = "cn_voro";

/**
 * Frank-Kasper class of each atom (Frank & Kasper 1958): Z = 12 (<0,0,12,0>, the icosahedron), 14 (<0,0,12,2>),
 * 15 (<0,0,12,3>) or 16 (<0,0,12,4>), 0 otherwise. `index` is N x 5 (n3..n7 of the kept faces, row-major).
 * The voronoi_index set counts no face with 8 or more edges, so an index alone cannot exclude them; an atom is
 * classified only when n3 + ... + n7 equals its number of kept faces `cnVoro` (no 8+-edged face) and n7 = 0,
 * i.e. its full index is <0,0,12,n6,0,0,...>. NaN rows (unusable cells) are 0.
 */
export function frankKasperClass(index: ArrayLike<number>, cnVoro: ArrayLike<number>): Uint8Array {
  const n = cnVoro.length;
  if (index.length !== 5 * n)
    throw new Error(`frankKasperClass: ${index.length} index values for ${n} atoms (expected N x 5)`);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const n3 = index[5 * i];
    const n4 = index[5 * i + 1];
    const n5 = index[5 * i + 2];
    const n6 = index[5 * i + 3];
    const n7 = index[5 * i + 4];
    if (n3 !== 0 || n4 !== 0 || n5 !== 12 || n7 !== 0) continue;
    if (n3 + n4 + n5 + n6 + n7 !== cnVoro[i]) continue;
    if (n6 === 0 || n6 === 2 || n6 === 3 || n6 === 4) out[i] = 12 + n6;
  }
  return out;
}

/** The overlay classes of Figure 5b (disjoint; together they are the Frank-Kasper sites). */
export const MOTIF_CLASSES: readonly { name: string; label: string; short: string; z: readonly number[] }[] =
  Object.freeze([
    { name: "ico", label: "<0,0,12,0,0> (Z12)", short: "<0,0,12,0,0>", z: [12] },
    { name: "z16", label: "<0,0,12,4,0> (Z16)", short: "<0,0,12,4,0>", z: [16] },
    {
      name: "fk_other",
      label: "other Frank-Kasper (Z14 <0,0,12,2>, Z15 <0,0,12,3>)",
      short: "Z14, Z15 Frank-Kasper",
      z: [14, 15],
    },
  ]);

/** The top features of a model by impurity importance (mean over the members of an ensemble), largest first. */
export function rankFeatures(
  model: GradientBoostingClassifier | AveragingClassifier,
  labels: readonly string[],
): { feature: string; importance: number }[] {
  const imp = model.featureImportances();
  if (imp.length !== labels.length)
    throw new Error(`rankFeatures: ${imp.length} importances for ${labels.length} labels`);
  return labels.map((feature, k) => ({ feature, importance: imp[k] })).sort((a, b) => b.importance - a.importance);
}

/** Atoms of one motif class in the PD plane. */
export interface MotifPoints {
  readonly name: string;
  readonly label: string;
  /** Rows of `atoms`. */
  readonly rows: Int32Array;
  /** Values of the two features, and the model's PD at them (exact, not interpolated). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly pd: Float64Array;
}

export interface MotifOverlayOptions {
  /** The fitted model (the fold models of the paper's protocol, averaged) and its feature columns in order. */
  model: GradientBoostingClassifier | AveragingClassifier;
  featureLabels: readonly string[];
  /** Rows the PD grid is taken from (scikit-learn: the training X), with at least the two features. */
  gridRows: FeatureMatrix;
  /** Atoms to classify and overlay: the two features, voro_n3..voro_n7 and cn_voro; rows with NaN are skipped. */
  atoms: FeatureMatrix;
  /** The two features (default: the model's top 2 by importance). */
  features?: [string, string];
  /** Grid points per feature (default 100, scikit-learn's) and grid range as quantiles (default [0.05, 0.95]). */
  gridResolution?: number;
  percentiles?: [number, number];
}

export interface MotifOverlay {
  readonly features: [string, string];
  /** Every feature's importance, largest first. */
  readonly importances: { feature: string; importance: number }[];
  /** PD on the grid, in the layout of partialDependenceMap (z[j * x.length + i] at (x[i], y[j])). */
  readonly grid: FieldGrid;
  /** Every classified atom (finite features and index): values and PD. */
  readonly all: MotifPoints;
  /** The motif classes of MOTIF_CLASSES. */
  readonly classes: MotifPoints[];
  /** Frank-Kasper class (0, 12, 14, 15, 16) of every row of `atoms` (0 for skipped rows). */
  readonly z: Uint8Array;
}

function column(m: FeatureMatrix, label: string, what: string): Float64Array {
  const k = m.labels.indexOf(label);
  if (k < 0) throw new Error(`motifOverlay: ${what} has no column "${label}"`);
  const d = m.labels.length;
  return Float64Array.from({ length: m.n }, (_, i) => m.values[i * d + k]);
}

/**
 * Figure 5b's data: the model's two most important features, its 2-D PD on a grid over the training rows, and
 * the feature values and PD of the <0,0,12,0,0>, <0,0,12,4,0> and other Frank-Kasper atoms (see
 * `frankKasperClass` for the exact rule).
 */
export function motifOverlay(options: MotifOverlayOptions): MotifOverlay {
  const { model, featureLabels, gridRows, atoms } = options;
  const importances = rankFeatures(model, featureLabels);
  const features: [string, string] = options.features ?? [importances[0].feature, importances[1].feature];
  const idx = features.map((f) => {
    const k = featureLabels.indexOf(f);
    if (k < 0) throw new Error(`motifOverlay: the model has no feature "${f}"`);
    return k;
  }) as [number, number];
  const finite = (v: Float64Array) => v.filter(Number.isFinite);
  const gx = partialDependenceGrid(
    finite(column(gridRows, features[0], "gridRows")),
    options.gridResolution ?? 100,
    options.percentiles,
  );
  const gy = partialDependenceGrid(
    finite(column(gridRows, features[1], "gridRows")),
    options.gridResolution ?? 100,
    options.percentiles,
  );
  const px = new Float64Array(gx.length * gy.length);
  const py = new Float64Array(gx.length * gy.length);
  for (let j = 0; j < gy.length; j++) {
    for (let i = 0; i < gx.length; i++) {
      px[j * gx.length + i] = gx[i];
      py[j * gx.length + i] = gy[j];
    }
  }
  const grid: FieldGrid = { x: gx, y: gy, z: treePartialDependence(model, idx, px, py) };

  const ax = column(atoms, features[0], "atoms");
  const ay = column(atoms, features[1], "atoms");
  const index = new Float64Array(atoms.n * 5);
  VORONOI_INDEX_COLUMNS.forEach((c, k) => column(atoms, c, "atoms").forEach((v, i) => (index[5 * i + k] = v)));
  const cn = column(atoms, CN_VORO_COLUMN, "atoms");
  const z = frankKasperClass(index, cn);
  const usable: number[] = [];
  for (let i = 0; i < atoms.n; i++) {
    let ok = Number.isFinite(ax[i]) && Number.isFinite(ay[i]) && Number.isFinite(cn[i]);
    for (let k = 0; k < 5 && ok; k++) ok = Number.isFinite(index[5 * i + k]);
    if (ok) usable.push(i);
    else z[i] = 0;
  }
  const pointsOf = (name: string, label: string, rows: number[]): MotifPoints => {
    const r = Int32Array.from(rows);
    const x = Float64Array.from(r, (i) => ax[i]);
    const y = Float64Array.from(r, (i) => ay[i]);
    return { name, label, rows: r, x, y, pd: treePartialDependence(model, idx, x, y) };
  };
  const all = pointsOf("all", "all atoms", usable);
  const classes = MOTIF_CLASSES.map((c) =>
    pointsOf(
      c.name,
      c.label,
      usable.filter((i) => c.z.includes(z[i])),
    ),
  );
  return { features, importances, grid, all, classes, z };
}

/** Width of the 5-95 % range of the values (numpy's linear percentiles); NaN when empty. */
function spread(v: Float64Array): number {
  if (v.length === 0) return NaN;
  const s = Float64Array.from(v).sort();
  return percentileLinear(s, 95) - percentileLinear(s, 5);
}

/** Number of cells of a bins x bins grid over [x0, x1] x [y0, y1] holding at least one of the points (rows `rows`). */
function occupiedCells(
  x: Float64Array,
  y: Float64Array,
  rows: ArrayLike<number>,
  box: [number, number, number, number],
  bins: number,
): number {
  const [x0, x1, y0, y1] = box;
  const seen = new Uint8Array(bins * bins);
  let n = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (!(x[i] >= x0 && x[i] <= x1 && y[i] >= y0 && y[i] <= y1)) continue;
    const a = Math.min(bins - 1, Math.floor(((x[i] - x0) / (x1 - x0)) * bins));
    const b = Math.min(bins - 1, Math.floor(((y[i] - y0) / (y1 - y0)) * bins));
    if (seen[a * bins + b] === 0) {
      seen[a * bins + b] = 1;
      n++;
    }
  }
  return n;
}

export interface MotifSummaryOptions {
  /** Cells per axis of the occupancy grid (default 20) over all atoms' 1-99 % range of each feature. */
  bins?: number;
  /** Random same-size subsets of all atoms the occupancy is compared with (default 20), and their seed (default 0). */
  repeats?: number;
  randomState?: number;
}

/**
 * One row per class and one for all atoms: atoms, fraction of all atoms, mean PD, fraction at negative PD; the
 * class's 5-95 % range of each feature relative to all atoms' (x_spread, y_spread) and their product (area); and
 * `occupancy`: the cells of a 2-D grid over the two features that the class's atoms occupy, relative to the mean
 * for random subsets of all atoms of the same size (1 = spread like all atoms; well below 1 = a narrow region).
 */
export function motifOverlaySummary(overlay: MotifOverlay, options: MotifSummaryOptions = {}): Table {
  const { bins = 20, repeats = 20, randomState = 0 } = options;
  const rows = [overlay.all, ...overlay.classes];
  const n = overlay.all.rows.length;
  const sx = spread(overlay.all.x);
  const sy = spread(overlay.all.y);
  const mean = (v: Float64Array) => (v.length === 0 ? NaN : v.reduce((a, b) => a + b, 0) / v.length);
  const neg = (v: Float64Array) => (v.length === 0 ? NaN : v.filter((p) => p < 0).length / v.length);
  // Occupancy: class points are a subset of all points (same x, y arrays indexed by position in `all`).
  const ax = overlay.all.x;
  const ay = overlay.all.y;
  const posOf = new Map<number, number>();
  overlay.all.rows.forEach((r, k) => posOf.set(r, k));
  const sortedX = Float64Array.from(ax).sort();
  const sortedY = Float64Array.from(ay).sort();
  const box: [number, number, number, number] =
    n > 0
      ? [
          percentileLinear(sortedX, 1),
          percentileLinear(sortedX, 99),
          percentileLinear(sortedY, 1),
          percentileLinear(sortedY, 99),
        ]
      : [0, 1, 0, 1];
  const rng = new Random(randomState);
  const occupancy = rows.map((r) => {
    if (r.rows.length === 0 || n === 0) return NaN;
    const own = occupiedCells(
      ax,
      ay,
      Int32Array.from(r.rows, (i) => posOf.get(i) as number),
      box,
      bins,
    );
    let ref = 0;
    for (let t = 0; t < repeats; t++)
      ref += occupiedCells(ax, ay, rng.sampleWithoutReplacement(n, r.rows.length), box, bins);
    return own / (ref / repeats);
  });
  return makeTable([
    ["class", rows.map((r) => r.name)],
    ["label", rows.map((r) => r.label)],
    ["atoms", Float64Array.from(rows, (r) => r.rows.length)],
    ["fraction", Float64Array.from(rows, (r) => r.rows.length / n)],
    ["mean_pd", Float64Array.from(rows, (r) => mean(r.pd))],
    ["negative_pd_fraction", Float64Array.from(rows, (r) => neg(r.pd))],
    ["x_spread", Float64Array.from(rows, (r) => spread(r.x) / sx)],
    ["y_spread", Float64Array.from(rows, (r) => spread(r.y) / sy)],
    ["area", Float64Array.from(rows, (r) => (spread(r.x) / sx) * (spread(r.y) / sy))],
    ["occupancy", Float64Array.from(occupancy)],
  ]);
}

/** The motif classes as point sets for partialDependenceMap (src/plot/partial-dependence-map.ts), named "<short label> (atoms)". */
export function motifPointSets(overlay: MotifOverlay, style: { size?: number } = {}): PointSet[] {
  const looks = [
    { color: "#FFFFFF", symbol: "circle" },
    { color: "#FFD700", symbol: "diamond" },
    { color: "#00C000", symbol: "square" },
  ];
  return overlay.classes.map((c, k) => ({
    name: `${MOTIF_CLASSES.find((m) => m.name === c.name)?.short ?? c.label} (${c.rows.length})`,
    x: c.x,
    y: c.y,
    ...looks[k % looks.length],
    size: style.size ?? 6,
    outline: "#000000",
    outlineWidth: 1,
  }));
}
