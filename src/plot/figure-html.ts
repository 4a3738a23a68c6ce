import { writeFileAtomic } from "../files/atomic-write";
import type { Figure } from "./figure";
import { deflateSource, deflatedScriptHtml } from "./deflated-script";
import { plotlyBundle, plotlyVersion } from "./plotly-bundle";

/** JSON for embedding inside an HTML <script>: `<` and the line separators escaped so no text can close it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A <script> element holding JavaScript source (any "</script" inside a string is escaped). */
export function inlineScript(source: string): string {
  return `<script>${source.replace(/<\/script/gi, "<\\/script")}</script>`;
}

/** The plotly.js config of interactive qsoft figures (no Plotly logo in the mode bar). */
export const FIGURE_CONFIG = { displaylogo: false } as const;

let deflatedBundle: ReturnType<typeof deflateSource> | null = null;

/**
 * The plotly.js bundle as HTML script elements that define `window.Plotly`. plotly.js 3's wrapper never calls
 * require.js' `define` (it sets `window.Plotly`, or `module.exports` under CommonJS), so it works with and without
 * require.js on the page (the classic notebook, nbconvert's HTML export). `PlotlyConfig.MathJaxConfig = "local"` keeps
 * plotly.js from changing the page's global MathJax configuration (as plotly.py does in notebooks). The bundle is
 * stored deflated and inflated by the page as it loads (src/plot/deflated-script.ts): 1.9 MB of HTML instead of 4.8.
 */
export function plotlyScriptHtml(): string {
  deflatedBundle ??= deflateSource(plotlyBundle());
  const comment = `plotly.js v${plotlyVersion()} (deflated; inflated by the page)`;
  return `<script>window.PlotlyConfig={MathJaxConfig:"local"};</script>\n${deflatedScriptHtml(deflatedBundle, comment)}`;
}

export interface FragmentOptions {
  /**
   * A PNG of the figure shown inside the <div> until plotly.js draws it: what a viewer that runs no scripts shows
   * (an untrusted notebook in the classic notebook, sanitizing viewers).
   */
  fallbackPng?: Uint8Array;
}

/**
 * The HTML fragment that draws `fig` into a new <div> once `window.Plotly` exists (it waits up to 10 s for a bundle
 * loaded by an earlier fragment or script). Interactive (zoom, hover), sized by the figure's layout width and height.
 */
export function figureFragment(fig: Figure, divId: string, opts: FragmentOptions = {}): string {
  const w = fig.layout.width ?? 700;
  const h = fig.layout.height ?? 480;
  const img = opts.fallbackPng
    ? `<img alt="figure" style="width:${w}px;height:${h}px" src="data:image/png;base64,${Buffer.from(opts.fallbackPng).toString("base64")}">`
    : "";
  return (
    `<div id="${escapeHtml(divId)}" class="qsoft-figure" style="width:${w}px;height:${h}px">${img}</div>\n` +
    `<script>(function(){var fig=${scriptJson(fig)};var tries=0;` +
    `function draw(){if(!window.Plotly){if(++tries<400)setTimeout(draw,25);return;}` +
    `var div=document.getElementById(${scriptJson(divId)});if(!div)return;div.innerHTML="";` +
    `window.Plotly.newPlot(div,fig.data,fig.layout,${scriptJson({ ...FIGURE_CONFIG, responsive: false })});}draw();})();</script>`
  );
}

/** A self-contained HTML page showing the figures interactively, with plotly.js inlined (works offline). */
export function figureHtml(figs: Figure | readonly Figure[], title = "qsoft figure"): string {
  const list = Array.isArray(figs) ? (figs as readonly Figure[]) : [figs as Figure];
  const parts = list.map((f, i) => figureFragment(f, `qsoft-figure-${i}`));
  return (
    `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>\n` +
    `${plotlyScriptHtml()}\n</head><body style="margin:0;background:#fff">\n${parts.join("\n")}\n</body></html>\n`
  );
}

/** Writes figureHtml(figs) atomically: an interactive figure file that opens in any browser without a network. */
export function writeFigureHtml(figs: Figure | readonly Figure[], file: string, title?: string): void {
  writeFileAtomic(file, figureHtml(figs, title));
}
