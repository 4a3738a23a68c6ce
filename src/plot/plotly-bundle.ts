import * as fs from "node:fs";

/**
 * The plotly.js bundle that renders qsoft figures everywhere (notebook HTML, standalone HTML, PNG/SVG through
 * headless Chromium): `plotly.js-dist-min` from node_modules, so nothing is fetched from the network.
 */

let cached: string | null = null;

/** Absolute path of plotly.min.js. */
export function plotlyBundlePath(): string {
  try {
    return require.resolve("plotly.js-dist-min");
  } catch {
    throw new Error("plotly.js-dist-min is not installed (a dependency of qsoft): run 'npm ci'");
  }
}

/** The plotly.js source (about 4.8 MB), read once per process. */
export function plotlyBundle(): string {
  if (cached === null) cached = fs.readFileSync(plotlyBundlePath(), "utf8");
  return cached;
}

/** The plotly.js version of the bundle, from its header comment (e.g. "3.1.0"). */
export function plotlyVersion(): string {
  const head = plotlyBundle().slice(0, 200);
  const m = /plotly\.js v(\d+\.\d+\.\d+)/.exec(head);
  return m ? m[1] : "unknown";
}
