import { randomBytes } from "node:crypto";
import type { Figure } from "./figure";
import { figureFragment, inlineScript } from "./figure-html";
import { plotlyBundle } from "./plotly-bundle";
import { renderImages, renderToBuffer, type ImageOptions } from "./render-image";

/**
 * Figures in tslab notebooks. Two modes:
 * - "png" (default): a static image rendered by headless Chromium (src/plot/render-image.ts), shown with
 *   tslab's display.png. A figure costs a few tens of KB in the saved notebook, shows on any notebook viewer, and
 *   headless runs (npm run notebooks) store it. Needs Debian's chromium.
 * - "html": an interactive plotly.js figure (zoom, hover), display.html. The plotly.js bundle (about 4.8 MB) is
 *   sent once per kernel session, with the first html figure; later figures reuse it. The saved notebook then holds
 *   the bundle once plus each figure's data. Restarting the kernel sends it again; a figure whose bundle output
 *   was cleared shows after `loadPlotly()` or a re-run from the top.
 * "svg" is also offered (display.svg): vector, but large for plots with many points.
 */

export type DisplayMode = "png" | "svg" | "html";

export interface ShowOptions extends ImageOptions {
  /** Display mode for this figure (default: setDisplayMode's, initially "png"). */
  mode?: DisplayMode;
}

/** What this module needs of tslab's `display` object. */
interface TslabDisplay {
  html(s: string): void;
  png(b: Uint8Array): void;
  svg(s: string): void;
}

let defaultMode: DisplayMode = "png";
let bundleSent = false;

/** Sets the display mode of later showFigure calls (e.g. "html" for interactive figures). */
export function setDisplayMode(mode: DisplayMode): void {
  if (mode !== "png" && mode !== "svg" && mode !== "html")
    throw new Error(`display mode must be "png", "svg" or "html", got "${String(mode)}"`);
  defaultMode = mode;
}

/** The current default display mode. */
export function displayMode(): DisplayMode {
  return defaultMode;
}

function tslabDisplay(): TslabDisplay {
  let tslab: { display: TslabDisplay };
  try {
    tslab = require("tslab") as { display: TslabDisplay };
  } catch {
    throw new Error(
      'showFigure works inside a tslab notebook (tslab is not installed here): use renderToFile(fig, "fig.png") in scripts',
    );
  }
  return tslab.display;
}

/** Runs a tslab display call, turning tslab's "Not ready" (outside a running cell) into a clear message. */
function emit(f: (d: TslabDisplay) => void): void {
  const d = tslabDisplay();
  try {
    f(d);
  } catch (e) {
    if (e instanceof Error && /Not ready/.test(e.message)) {
      throw new Error(
        'showFigure works only inside a running tslab notebook cell: use renderToFile(fig, "fig.png") in scripts',
      );
    }
    throw e;
  }
}

/** Sends the plotly.js bundle to the notebook now (html mode does it with its first figure). */
export function loadPlotly(): void {
  emit((d) => d.html(inlineScript(plotlyBundle())));
  bundleSent = true;
}

/** Shows a figure in the current tslab notebook cell (see the file comment for the modes). */
export function showFigure(fig: Figure, opts: ShowOptions = {}): void {
  const mode = opts.mode ?? defaultMode;
  if (mode === "html") {
    if (!bundleSent) loadPlotly();
    const sized: Figure = {
      data: fig.data,
      layout: { ...fig.layout, width: opts.width ?? fig.layout.width, height: opts.height ?? fig.layout.height },
    };
    emit((d) => d.html(figureFragment(sized, `qsoft-plot-${randomBytes(6).toString("hex")}`)));
    return;
  }
  if (mode === "svg") {
    const svg = renderToBuffer(fig, "svg", opts).toString("utf8");
    emit((d) => d.svg(svg));
    return;
  }
  const png = renderToBuffer(fig, "png", opts);
  emit((d) => d.png(png));
}

/**
 * Shows several figures in the current cell; in png and svg modes they are rendered in one Chromium run (one
 * browser start, about 2 s, instead of one per figure).
 */
export function showFigures(figs: readonly Figure[], opts: ShowOptions = {}): void {
  const mode = opts.mode ?? defaultMode;
  if (mode === "html") {
    for (const f of figs) showFigure(f, opts);
    return;
  }
  const images = renderImages(figs.map((figure) => ({ ...opts, figure, format: mode })));
  emit((d) => {
    for (const b of images) {
      if (mode === "svg") d.svg(b.toString("utf8"));
      else d.png(b);
    }
  });
}
