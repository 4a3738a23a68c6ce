import type { ColorScale, Datum, Figure, Scatter3dTrace, SceneAxis } from "./figure";
import { checkLength, checkNonEmpty, finiteRange, roundData, toData } from "./plot-data";
import { baseLayout, setLegend, colorAt, SEQUENTIAL_SCALE, type FigureOptions } from "./style";

/**
 * The cell as the plot draws it: lattice vectors a, b, c as the rows of a row-major 3 x 3 `matrix` (Angstrom) and
 * the corner `origin`; a Cell (src/structure/cell.ts) fits.
 */
export interface CellOutline {
  readonly matrix: ArrayLike<number>;
  readonly origin: ArrayLike<number>;
}

/** What a 3-D atom plot needs of a configuration; a Frame (src/structure/frame.ts) fits. */
export interface AtomsLike {
  /** Cartesian positions, N × 3 row-major, in Å. */
  positions: ArrayLike<number>;
  /** LAMMPS atom types (1-based), for `color: "type"`. */
  types?: ArrayLike<number>;
  /** Element of each type (elements[type - 1]), for `color: "element"` and radii by element. */
  elements?: readonly string[] | null;
  /** Per-atom columns by name, for `color: "<column>"`. */
  columns?: ReadonlyMap<string, ArrayLike<number>>;
  /** The simulation cell: its edges are drawn. */
  cell?: CellOutline;
}

export interface AtomScatter3dOptions extends FigureOptions {
  /**
   * Colour of each atom: a per-atom column name of `atoms.columns` (e.g. "c_d2min", "softness"), "type",
   * "element", per-atom numbers (continuous colour scale with a colour bar) or per-atom labels (one legend entry
   * per distinct label). Default: "element" when the atoms have a type map, else "type".
   */
  color?: string | ArrayLike<number> | readonly string[];
  /** Colour bar title with units (numeric colours); default the column name. */
  colorTitle?: string;
  colorscale?: ColorScale;
  /** Colour range of numeric colours (default: the data's range). */
  colorRange?: [number, number];
  /**
   * Atomic radii in Å, per atom or per element (e.g. { Cu: 1.28, Zr: 1.60 }): marker diameters are proportional
   * to them (2 r × `pixelsPerAngstrom`). Plotly sizes 3-D markers in screen pixels, not data units, so overlaps on
   * screen do not mean overlapping spheres. Default: all markers `markerSize` pixels.
   */
  radii?: ArrayLike<number> | Readonly<Record<string, number>>;
  /** Marker diameter in pixels per Å of diameter when `radii` is given (default 3). */
  pixelsPerAngstrom?: number;
  /** Marker diameter in pixels without radii (default 4). */
  markerSize?: number;
  opacity?: number;
  /** Draw the cell edges (default true when `atoms.cell` is given). */
  showCell?: boolean;
}

/** The 12 edges of the parallelepiped spanned by the cell rows from its origin, as one polyline with gaps. */
function cellEdges(cell: CellOutline): { x: Datum[]; y: Datum[]; z: Datum[] } {
  const m = cell.matrix;
  const o = cell.origin;
  const corner = (i: number, j: number, k: number): number[] =>
    [0, 1, 2].map((d) => o[d] + i * m[d] + j * m[3 + d] + k * m[6 + d]);
  const edges: [number[], number[]][] = [];
  for (const [a, b] of [
    [
      [0, 0, 0],
      [1, 0, 0],
    ],
    [
      [0, 1, 0],
      [1, 1, 0],
    ],
    [
      [0, 0, 1],
      [1, 0, 1],
    ],
    [
      [0, 1, 1],
      [1, 1, 1],
    ],
    [
      [0, 0, 0],
      [0, 1, 0],
    ],
    [
      [1, 0, 0],
      [1, 1, 0],
    ],
    [
      [0, 0, 1],
      [0, 1, 1],
    ],
    [
      [1, 0, 1],
      [1, 1, 1],
    ],
    [
      [0, 0, 0],
      [0, 0, 1],
    ],
    [
      [1, 0, 0],
      [1, 0, 1],
    ],
    [
      [0, 1, 0],
      [0, 1, 1],
    ],
    [
      [1, 1, 0],
      [1, 1, 1],
    ],
  ]) {
    edges.push([corner(a[0], a[1], a[2]), corner(b[0], b[1], b[2])]);
  }
  const x: Datum[] = [];
  const y: Datum[] = [];
  const z: Datum[] = [];
  for (const [p, q] of edges) {
    x.push(p[0], q[0], null);
    y.push(p[1], q[1], null);
    z.push(p[2], q[2], null);
  }
  return { x, y, z };
}

/** Per-atom labels or numbers for the `color` option. */
function resolveColor(
  atoms: AtomsLike,
  n: number,
  color: AtomScatter3dOptions["color"],
): { labels?: string[]; values?: ArrayLike<number>; name: string } {
  const spec = color ?? (atoms.elements ? "element" : "type");
  if (typeof spec === "string") {
    if (spec === "type" || spec === "element") {
      if (!atoms.types) throw new Error(`atom colour "${spec}" needs atom types`);
      checkLength("atom types", atoms.types, n, "positions / 3");
      const types = atoms.types;
      if (spec === "type") return { labels: Array.from({ length: n }, (_, i) => `type ${types[i]}`), name: "type" };
      const el = atoms.elements;
      if (!el) throw new Error('atom colour "element" needs a type map (frame.elements), e.g. { types: ["Cu", "Zr"] }');
      const labels = new Array<string>(n);
      for (let i = 0; i < n; i++) {
        const e = el[types[i] - 1];
        if (e === undefined) throw new Error(`atom ${i} has type ${types[i]}, outside the type map [${el.join(", ")}]`);
        labels[i] = e;
      }
      return { labels, name: "element" };
    }
    const col = atoms.columns?.get(spec);
    if (!col) {
      const known = atoms.columns ? [...atoms.columns.keys()] : [];
      throw new Error(
        `no per-atom column "${spec}" to colour by (columns: ${known.join(", ") || "none"}; or "type", "element")`,
      );
    }
    checkLength(`column "${spec}"`, col, n, "positions / 3");
    return { values: col, name: spec };
  }
  checkLength("atom colours", spec, n, "positions / 3");
  if (n > 0 && typeof spec[0] === "string") return { labels: [...(spec as readonly string[])], name: "" };
  return { values: spec as ArrayLike<number>, name: "" };
}

/** Marker diameters in pixels per atom, or one size. */
function markerSizes(atoms: AtomsLike, n: number, opts: AtomScatter3dOptions): number | number[] {
  if (!opts.radii) return opts.markerSize ?? 4;
  const ppa = opts.pixelsPerAngstrom ?? 3;
  const r = opts.radii;
  const out = new Array<number>(n);
  if (typeof (r as ArrayLike<number>).length === "number") {
    const arr = r as ArrayLike<number>;
    checkLength("radii", arr, n, "positions / 3");
    for (let i = 0; i < n; i++) out[i] = 2 * arr[i] * ppa;
  } else {
    const map = r as Readonly<Record<string, number>>;
    if (!atoms.types || !atoms.elements)
      throw new Error("radii by element need atom types and a type map (frame.elements)");
    for (let i = 0; i < n; i++) {
      const e = atoms.elements[atoms.types[i] - 1];
      const ri = map[e];
      if (ri === undefined)
        throw new Error(`no radius for element ${e} (radii given for: ${Object.keys(map).join(", ")})`);
      out[i] = 2 * ri * ppa;
    }
  }
  for (let i = 0; i < n; i++) if (!(out[i] > 0)) throw new Error(`radius of atom ${i} is not positive`);
  return out;
}

/**
 * 3-D scatter of atoms coloured by a per-atom quantity (continuous colour bar) or a label (legend), marker sizes
 * optionally proportional to atomic radii, the cell drawn as a wire frame, equal scale on the three axes.
 */
export function atomScatter3d(atoms: AtomsLike, opts: AtomScatter3dOptions = {}): Figure {
  if (atoms.positions.length % 3 !== 0)
    throw new Error(`positions has ${atoms.positions.length} values, not a multiple of 3`);
  const n = atoms.positions.length / 3;
  checkNonEmpty("atoms", { length: n });
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const zs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = atoms.positions[3 * i];
    ys[i] = atoms.positions[3 * i + 1];
    zs[i] = atoms.positions[3 * i + 2];
  }
  const color = resolveColor(atoms, n, opts.color);
  const sizes = markerSizes(atoms, n, opts);
  const opacity = opts.opacity ?? 1;
  const data: Scatter3dTrace[] = [];
  const pick = <T>(arr: ArrayLike<T>, idx: number[]): T[] => idx.map((i) => arr[i]);
  if (color.labels) {
    const groups = new Map<string, number[]>();
    color.labels.forEach((l, i) => {
      const g = groups.get(l);
      if (g) g.push(i);
      else groups.set(l, [i]);
    });
    const names = [...groups.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    names.forEach((name, k) => {
      const idx = groups.get(name) as number[];
      data.push({
        type: "scatter3d",
        mode: "markers",
        name,
        x: roundData(toData(pick(xs, idx)), 6),
        y: roundData(toData(pick(ys, idx)), 6),
        z: roundData(toData(pick(zs, idx)), 6),
        marker: {
          color: colorAt(k),
          size: Array.isArray(sizes) ? pick(sizes, idx) : sizes,
          opacity,
          line: { width: 0 },
        },
      });
    });
  } else {
    const values = color.values as ArrayLike<number>;
    const [lo, hi] = opts.colorRange ?? finiteRange(values);
    data.push({
      type: "scatter3d",
      mode: "markers",
      name: opts.colorTitle ?? color.name,
      x: roundData(toData(xs), 6),
      y: roundData(toData(ys), 6),
      z: roundData(toData(zs), 6),
      showlegend: false,
      marker: {
        color: toData(values),
        colorscale: opts.colorscale ?? SEQUENTIAL_SCALE,
        ...(Number.isFinite(lo) ? { cmin: lo, cmax: hi } : {}),
        showscale: true,
        colorbar: {
          title: { text: opts.colorTitle ?? color.name, side: "right" },
          thickness: 18,
          len: 0.75,
          outlinewidth: 1,
          ticks: "outside",
        },
        size: sizes,
        opacity,
        line: { width: 0 },
      },
    });
  }
  if (atoms.cell && (opts.showCell ?? true)) {
    const e = cellEdges(atoms.cell);
    data.push({
      type: "scatter3d",
      mode: "lines",
      name: "cell",
      ...e,
      line: { color: "#404040", width: 2 },
      showlegend: false,
      hovertemplate: "cell<extra></extra>",
    });
  }
  const layout = baseLayout(opts, true);
  delete layout.plot_bgcolor; // no Cartesian plot area in a 3-D scene
  const sceneAxis = (t: string): SceneAxis => ({
    title: { text: t },
    // Few ticks in a smaller font, so the tick labels leave room for the axis title at the middle of the axis.
    nticks: 4,
    tickfont: { size: 13 },
    showbackground: false,
    showgrid: true,
    gridcolor: "#DDDDDD",
    zeroline: false,
    showspikes: false,
    showline: true,
    linecolor: "#000000",
  });
  layout.scene = {
    xaxis: sceneAxis("x (Å)"),
    yaxis: sceneAxis("y (Å)"),
    zaxis: sceneAxis("z (Å)"),
    aspectmode: "data",
    camera: { eye: { x: 1.6, y: 1.6, z: 1.1 }, projection: { type: "orthographic" } },
  };
  layout.margin = { l: 0, r: 0, t: opts.title ? 50 : 10, b: 0 };
  setLegend(layout, color.labels !== undefined, {
    x: 0.02,
    y: 0.98,
    xanchor: "left",
    yanchor: "top",
    itemsizing: "constant",
  });
  return { data, layout };
}
