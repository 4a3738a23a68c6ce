import type { ColorScale, Datum, Figure, Layout, Mesh3dTrace, Scatter3dTrace, SceneAxis } from "./figure";
import { checkLength, checkNonEmpty } from "./plot-data";
import { baseLayout, colorAt, type FigureOptions, SEQUENTIAL_SCALE } from "./style";

/**
 * One atom O and its neighbor shell in 3-D (notebook 01, Figure 1 of Wang & Jain): the neighbors as spheres sized by
 * radius, the convex hull of the neighbors, and either the O-neighbor bonds coloured by a per-bond value (distance
 * interstice) or the hull triangles coloured by a per-triangle value (area interstice, or the volume interstice of
 * the tetrahedron O-ABC). Plotly sizes 3-D markers in screen pixels, so sphere sizes are proportional to the radii,
 * not to scale with the axes.
 */

/** The shell of one atom O, in coordinates relative to O. */
export interface NeighborShell {
  /** Neighbor positions minus O's (minimum image), k × 3 row-major, in Å. */
  vectors: ArrayLike<number>;
  /** Radius of each neighbor (Å). */
  radii: ArrayLike<number>;
  /** Element of each neighbor: one legend entry and colour per element. */
  elements: readonly string[];
  /** O's radius (Å) and element. */
  center: { radius: number; element: string };
  /** Hull triangles as neighbor indices (a, b, c per triangle), e.g. convexHull(vectors).triangles. */
  triangles: ArrayLike<number>;
}

export interface NeighborShell3dOptions extends FigureOptions {
  /** One value per bond (neighbor): bonds drawn O-neighbor on a diverging blue-grey-red scale centred on 0. */
  bondValues?: ArrayLike<number>;
  /** One value per hull triangle: the triangles drawn as a mesh on a sequential scale. */
  triangleValues?: ArrayLike<number>;
  /** Colour-bar title of the values, e.g. "distance interstice". */
  valueTitle?: string;
  /** Elements in colour order (palette colours 0, 1, ...); default the sorted distinct elements. */
  elementOrder?: readonly string[];
  /** Marker diameter in pixels per Å of diameter (default 6). */
  pixelsPerAngstrom?: number;
}

/** Blue (negative: overlap) - grey (0: touching) - red (positive: gap), so every bond shows on white. */
export const BOND_SCALE: [number, string][] = [
  [0, "#2166AC"],
  [0.5, "#8C8C8C"],
  [1, "#B2182B"],
];

/**
 * The colour at fraction t in [0, 1] (clamped) of a [fraction, "#rrggbb"] scale, interpolated linearly in RGB as
 * Plotly interpolates its colour scales; as "rgb(r,g,b)". For traces that take one colour each (3-D lines).
 */
export function colorOnScale(scale: readonly (readonly [number, string])[], t: number): string {
  if (scale.length < 2) throw new Error("colorOnScale: a scale needs at least two stops");
  for (const [, c] of scale)
    if (!/^#[0-9a-f]{6}$/i.test(c)) throw new Error(`colorOnScale: expected colours like "#2166AC", got "${c}"`);
  const u = Number.isNaN(t) ? 0 : Math.min(1, Math.max(0, t));
  let s = 1;
  while (s < scale.length - 1 && scale[s][0] < u) s++;
  const [f0, c0] = scale[s - 1];
  const [f1, c1] = scale[s];
  const w = f1 > f0 ? Math.min(1, Math.max(0, (u - f0) / (f1 - f0))) : 0;
  const rgb = [1, 3, 5].map((p) =>
    Math.round((1 - w) * Number.parseInt(c0.slice(p, p + 2), 16) + w * Number.parseInt(c1.slice(p, p + 2), 16)),
  );
  return `rgb(${rgb.join(",")})`;
}

function sceneAxis(title: string): SceneAxis {
  return {
    title: { text: title },
    nticks: 4,
    tickfont: { size: 11 },
    showbackground: false,
    showgrid: true,
    gridcolor: "#DDDDDD",
    zeroline: false,
    showspikes: false,
  };
}

/** The 3-D layout: equal axis scales, an orthographic camera, the legend at the top left. */
function shellLayout(opts: NeighborShell3dOptions): Layout {
  const layout = baseLayout({ title: opts.title, width: opts.width ?? 620, height: opts.height ?? 540 }, true);
  delete layout.plot_bgcolor;
  layout.scene = {
    xaxis: sceneAxis("x (Å)"),
    yaxis: sceneAxis("y (Å)"),
    zaxis: sceneAxis("z (Å)"),
    aspectmode: "data",
    camera: { eye: { x: 1.5, y: 1.4, z: 0.9 }, projection: { type: "orthographic" } },
  };
  layout.margin = { l: 0, r: 0, t: opts.title ? 50 : 10, b: 0 };
  layout.showlegend = true;
  layout.legend = { x: 0.02, y: 0.98, xanchor: "left", yanchor: "top", itemsizing: "constant" };
  return layout;
}

const colorBar = (title: string) => ({ title: { text: title, side: "right" as const }, thickness: 16, len: 0.7, x: 1 });

/** Figure of one neighbor shell (see the file comment); give bondValues or triangleValues, or neither. */
export function neighborShell3d(shell: NeighborShell, opts: NeighborShell3dOptions = {}): Figure {
  const k = shell.radii.length;
  checkNonEmpty("neighbors", shell.radii);
  checkLength("vectors", shell.vectors, 3 * k, "3 × radii");
  checkLength("elements", shell.elements, k, "radii");
  if (shell.triangles.length % 3 !== 0) throw new Error(`triangles: length ${shell.triangles.length} is not 3 × n`);
  const nT = shell.triangles.length / 3;
  for (let t = 0; t < shell.triangles.length; t++) {
    const a = shell.triangles[t];
    if (!(Number.isInteger(a) && a >= 0 && a < k)) throw new Error(`triangles[${t}] = ${a} is not a neighbor index`);
  }
  if (opts.bondValues && opts.triangleValues) throw new Error("give bondValues or triangleValues, not both");
  if (opts.bondValues) checkLength("bondValues", opts.bondValues, k, "radii");
  if (opts.triangleValues) checkLength("triangleValues", opts.triangleValues, nT, "triangles / 3");
  const ppa = opts.pixelsPerAngstrom ?? 6;
  const v = shell.vectors;
  const title = opts.valueTitle ?? "";
  const data: (Scatter3dTrace | Mesh3dTrace)[] = [];

  // Hull edges, each once, as one polyline with gaps.
  const seen = new Set<string>();
  const ex: Datum[] = [];
  const ey: Datum[] = [];
  const ez: Datum[] = [];
  for (let t = 0; t < nT; t++) {
    const [a, b, c] = [shell.triangles[3 * t], shell.triangles[3 * t + 1], shell.triangles[3 * t + 2]];
    for (const [p, q] of [
      [a, b],
      [b, c],
      [c, a],
    ]) {
      const key = `${Math.min(p, q)}-${Math.max(p, q)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ex.push(v[3 * p], v[3 * q], null);
      ey.push(v[3 * p + 1], v[3 * q + 1], null);
      ez.push(v[3 * p + 2], v[3 * q + 2], null);
    }
  }
  const edges: Scatter3dTrace = {
    type: "scatter3d",
    mode: "lines",
    name: "hull edges",
    x: ex,
    y: ey,
    z: ez,
    line: { color: opts.triangleValues ? "#444444" : "#BBBBBB", width: 2 },
    showlegend: false,
  };

  if (opts.triangleValues) {
    const values = Array.from(opts.triangleValues);
    const finite = values.filter(Number.isFinite);
    data.push({
      type: "mesh3d",
      name: title,
      x: Array.from({ length: k }, (_, a) => v[3 * a]),
      y: Array.from({ length: k }, (_, a) => v[3 * a + 1]),
      z: Array.from({ length: k }, (_, a) => v[3 * a + 2]),
      i: Array.from({ length: nT }, (_, t) => shell.triangles[3 * t]),
      j: Array.from({ length: nT }, (_, t) => shell.triangles[3 * t + 1]),
      k: Array.from({ length: nT }, (_, t) => shell.triangles[3 * t + 2]),
      intensity: values.map((x) => (Number.isFinite(x) ? x : null)),
      intensitymode: "cell",
      colorscale: SEQUENTIAL_SCALE as ColorScale,
      cmin: Math.min(...finite),
      cmax: Math.max(...finite),
      opacity: 1,
      flatshading: true,
      lighting: { ambient: 0.95, diffuse: 0.1, specular: 0, roughness: 1, fresnel: 0 },
      showscale: true,
      colorbar: colorBar(title),
    });
    data.push(edges);
  } else {
    data.push(edges);
  }

  if (opts.bondValues) {
    const values = opts.bondValues;
    const dMax = Math.max(...Array.from(values, (x) => (Number.isFinite(x) ? Math.abs(x) : 0))) || 1;
    for (let a = 0; a < k; a++)
      data.push({
        type: "scatter3d",
        mode: "lines",
        name: `bond ${a}`,
        showlegend: false,
        x: [0, v[3 * a]],
        y: [0, v[3 * a + 1]],
        z: [0, v[3 * a + 2]],
        line: { color: colorOnScale(BOND_SCALE, (values[a] + dMax) / (2 * dMax)), width: 10 },
      });
    // An invisible marker carries the colour bar of the bonds (3-D lines have none).
    data.push({
      type: "scatter3d",
      mode: "markers",
      name: title,
      showlegend: false,
      x: [0],
      y: [0],
      z: [0],
      marker: {
        size: 0.1,
        color: [0],
        colorscale: BOND_SCALE,
        cmin: -dMax,
        cmax: dMax,
        showscale: true,
        opacity: 0,
        colorbar: colorBar(title),
      },
    });
  }

  const order = opts.elementOrder ?? [...new Set(shell.elements)].sort();
  for (const el of new Set(shell.elements))
    if (!order.includes(el)) throw new Error(`element "${el}" is not in elementOrder (${order.join(", ")})`);
  order.forEach((el, t) => {
    const idx = shell.elements.flatMap((e, a) => (e === el ? [a] : []));
    if (idx.length === 0) return;
    data.push({
      type: "scatter3d",
      mode: "markers",
      name: el,
      x: idx.map((a) => v[3 * a]),
      y: idx.map((a) => v[3 * a + 1]),
      z: idx.map((a) => v[3 * a + 2]),
      marker: { size: idx.map((a) => 2 * shell.radii[a] * ppa), color: colorAt(t), opacity: 1, line: { width: 0 } },
    });
  });
  // O at half its diameter, so the bonds leaving it stay visible.
  data.push({
    type: "scatter3d",
    mode: "markers",
    name: `O (${shell.center.element})`,
    x: [0],
    y: [0],
    z: [0],
    marker: { size: shell.center.radius * ppa, color: "#000000" },
  });
  return { data, layout: shellLayout(opts) };
}
