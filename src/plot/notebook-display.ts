import { randomBytes } from "node:crypto";
import { displayBundle, inKernel, type MimeBundle } from "../table/kernel-display";
import { chromiumAvailable } from "./chromium";
import type { Figure } from "./figure";
import { FIGURE_CONFIG, figureFragment, plotlyScriptHtml } from "./figure-html";
import { renderImages, type ImageOptions } from "./render-image";

/**
 * Figures in tslab notebooks. The default mode, "interactive", sends each figure as ONE display output carrying
 * - `application/vnd.plotly.v1+json` ({ data, layout, config }): JupyterLab (with its plotly renderer) and VS Code
 *   draw it natively, interactive;
 * - `text/html`: a <div> drawn by plotly.js, for the classic notebook and nbconvert's HTML export. The plotly.js
 *   bundle (4.8 MB, stored deflated: 1.9 MB) is inlined once per kernel session, in the first figure's HTML, so a
 *   notebook executed from the top holds it once and its HTML export works offline; later figures wait for it. The
 *   div holds the PNG until plotly.js draws, so a viewer that runs no scripts (an untrusted notebook) still shows
 *   the figure;
 * - `image/png`, rendered by headless Chromium (src/plot/render-image.ts): GitHub, nbconvert to PDF/Markdown, print;
 * - `text/plain`, a one-line description (nbconvert --to text, terminals).
 * The front end draws the richest type it knows. Without Chromium the PNG (and the HTML's fallback image) is left
 * out and text/plain says so. Other modes send one type: "png", "svg" (vector, large for many points), "html".
 * A re-run of the first figure's cell in the same kernel does not send the bundle again: the live page keeps it,
 * but a saved notebook then shows plotly HTML only after a run from the top (`loadPlotly()` sends it again).
 */

export type DisplayMode = "interactive" | "png" | "svg" | "html";
const MODES: readonly DisplayMode[] = ["interactive", "png", "svg", "html"];

/** The MIME type JupyterLab and VS Code render with plotly.js (plotly.py sends the same). */
export const PLOTLY_MIME_TYPE = "application/vnd.plotly.v1+json";

export interface ShowOptions extends ImageOptions {
  /** Display mode for this figure (default: setDisplayMode's, initially "interactive"). */
  mode?: DisplayMode;
}

let defaultMode: DisplayMode = "interactive";
let bundleSent = false;

/** Sets the display mode of later showFigure calls ("interactive", "png", "svg" or "html"). */
export function setDisplayMode(mode: DisplayMode): void {
  if (!MODES.includes(mode))
    throw new Error(`display mode must be one of ${MODES.map((m) => `"${m}"`).join(", ")}, got "${String(mode)}"`);
  defaultMode = mode;
}

/** The current default display mode. */
export function displayMode(): DisplayMode {
  return defaultMode;
}

/** Throws unless a tslab cell is running (checked before any rendering). */
function requireKernel(): void {
  if (!inKernel())
    throw new Error(
      'showFigure works only inside a running tslab notebook cell: in scripts use renderToFile(fig, "fig.png"), ' +
        'writeFigureHtml(fig, "fig.html") or openInBrowser(fig)',
    );
}

/** Sends display outputs to the running tslab cell. */
function emit(bundles: readonly MimeBundle[]): void {
  requireKernel();
  for (const b of bundles) displayBundle(b);
}

/** Sends the plotly.js bundle to the notebook now as its own output (the first html figure does it otherwise). */
export function loadPlotly(): void {
  emit([{ "text/html": plotlyScriptHtml(), "text/plain": "plotly.js loaded" }]);
  bundleSent = true;
}

/** The figure with the size the caller asked for written into its layout. */
function sized(fig: Figure, opts: ShowOptions): Figure {
  const width = opts.width ?? fig.layout.width;
  const height = opts.height ?? fig.layout.height;
  return { data: fig.data, layout: { ...fig.layout, ...(width ? { width } : {}), ...(height ? { height } : {}) } };
}

/** "Figure: <title>, N traces", the text/plain form of a figure. */
function describe(fig: Figure): string {
  const title = fig.layout.title?.text.replace(/<[^>]*>/g, "");
  const n = fig.data.length;
  return `<Figure${title ? `: ${title}` : ""}, ${n} trace${n === 1 ? "" : "s"}>`;
}

/** True once, for the first figure of the kernel session: its HTML carries the plotly.js bundle. */
function takeBundle(): boolean {
  const first = !bundleSent;
  bundleSent = true;
  return first;
}

export interface MimeBundleOptions {
  /** Inline the plotly.js bundle (1.9 MB deflated) before the figure's HTML (default false). */
  includePlotly?: boolean;
}

/**
 * The MIME bundle of an interactive figure (see the file comment): plotly JSON, HTML, PNG (when given) and text.
 */
export function figureMimeBundle(fig: Figure, png?: Uint8Array, opts: MimeBundleOptions = {}): MimeBundle {
  const fragment = figureFragment(fig, `qsoft-plot-${randomBytes(6).toString("hex")}`, { fallbackPng: png });
  const bundle: Record<string, string> = {
    [PLOTLY_MIME_TYPE]: JSON.stringify({ data: fig.data, layout: fig.layout, config: FIGURE_CONFIG }),
    "text/html": opts.includePlotly ? `${plotlyScriptHtml()}\n${fragment}` : fragment,
    "text/plain": describe(fig) + (png ? "" : " (no PNG: headless Chromium not found, see kernel/README.md)"),
  };
  if (png) bundle["image/png"] = Buffer.from(png).toString("base64");
  return bundle;
}

/** Shows several figures in the current cell, one output each; their images are rendered in one Chromium run. */
export function showFigures(figs: readonly Figure[], opts: ShowOptions = {}): void {
  const mode = opts.mode ?? defaultMode;
  requireKernel();
  const list = figs.map((f) => sized(f, opts));
  if (mode === "html") {
    emit(
      list.map((f) => {
        const html = figureFragment(f, `qsoft-plot-${randomBytes(6).toString("hex")}`);
        return { "text/html": takeBundle() ? `${plotlyScriptHtml()}\n${html}` : html, "text/plain": describe(f) };
      }),
    );
    return;
  }
  if (mode === "interactive") {
    const pngs = chromiumAvailable()
      ? renderImages(list.map((figure) => ({ scale: opts.scale, figure, format: "png" as const })))
      : [];
    emit(list.map((f, k) => figureMimeBundle(f, pngs[k], { includePlotly: takeBundle() })));
    return;
  }
  const images = renderImages(list.map((figure) => ({ scale: opts.scale, figure, format: mode })));
  emit(
    images.map(
      (b, k): MimeBundle =>
        mode === "svg"
          ? { "image/svg+xml": b.toString("utf8"), "text/plain": describe(list[k]) }
          : { "image/png": b.toString("base64"), "text/plain": describe(list[k]) },
    ),
  );
}

/** Shows a figure in the current tslab notebook cell (default: interactive plotly with a PNG; see the file comment). */
export function showFigure(fig: Figure, opts: ShowOptions = {}): void {
  showFigures([fig], opts);
}
