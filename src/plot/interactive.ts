import type { Figure } from "./figure";

/**
 * Interactive figures from a script through nodeplotlib: `showInteractive(fig)` starts a local web server
 * (printing "[Nodeplotlib] Server running at http://localhost:PORT") and tries to open a browser on it. The call
 * returns at once, but the server keeps the Node process alive until its page is closed: the script does not end
 * by itself (Ctrl-C stops it). For interactive sessions only; never in tests, CI, headless notebook runs or batch
 * scripts (use renderToFile there, or writeFigureHtml for an interactive file).
 */

interface Nodeplotlib {
  plot(data: unknown[], layout?: unknown, config?: unknown): void;
}

/** Serves the figures through nodeplotlib and returns; the server then keeps the process running (see above). */
export function showInteractive(figs: Figure | readonly Figure[]): void {
  let npl: Nodeplotlib;
  try {
    npl = require("nodeplotlib") as Nodeplotlib;
  } catch {
    throw new Error("nodeplotlib is not installed (a dependency of qsoft): run 'npm ci'");
  }
  const list = Array.isArray(figs) ? (figs as readonly Figure[]) : [figs as Figure];
  for (const f of list) npl.plot(f.data, f.layout, { displaylogo: false });
}
