import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Headless Chromium, the renderer of PNG and SVG figures: Debian's `chromium` package (no download of a browser
 * build). Found as $QSOFT_CHROMIUM, else `chromium`, `chromium-browser`, `google-chrome` on PATH.
 */

export const CHROMIUM_INSTALL_HINT = "apt-get install -y --no-install-recommends chromium";

/** Raised when no Chromium executable can be found. */
export class ChromiumMissingError extends Error {
  constructor() {
    super(
      `headless Chromium is needed to render figures to PNG/SVG but none was found: install it with\n  ${CHROMIUM_INSTALL_HINT}\n` +
        '(or set QSOFT_CHROMIUM to a Chrome/Chromium executable; in a notebook, showFigure(fig, { mode: "html" }) needs no browser)',
    );
    this.name = "ChromiumMissingError";
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // not there
    }
  }
  return null;
}

/** The Chromium executable, or null. */
export function findChromium(): string | null {
  const env = process.env.QSOFT_CHROMIUM;
  if (env) {
    if (!fs.existsSync(env)) throw new Error(`QSOFT_CHROMIUM=${env} does not exist`);
    return env;
  }
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    const p = onPath(name);
    if (p) return p;
  }
  return null;
}

/** True when a Chromium executable is available. */
export function chromiumAvailable(): boolean {
  return findChromium() !== null;
}

/**
 * Flags for a quiet, offline, sandbox-free headless run (CI and containers run as root, where the sandbox cannot
 * start), with software WebGL (SwiftShader) so 3-D plots render without a GPU.
 */
export function chromiumFlags(userDataDir: string): string[] {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    `--user-data-dir=${userDataDir}`,
  ];
}

export interface DumpDomOptions {
  /** Virtual time the page may use (timers, rendering) before the DOM is dumped, in ms (default 60000). */
  virtualTimeBudgetMs?: number;
  /** Wall-clock limit for the whole run, in ms (default 180000). */
  timeoutMs?: number;
}

/**
 * Loads a local HTML file in headless Chromium and returns the DOM after the page has run (--dump-dom).
 * Virtual time runs only while the page is idle, so the budget bounds timers, not computation.
 */
export function chromiumDumpDom(htmlFile: string, userDataDir: string, opts: DumpDomOptions = {}): string {
  const exe = findChromium();
  if (exe === null) throw new ChromiumMissingError();
  const args = [
    ...chromiumFlags(userDataDir),
    `--virtual-time-budget=${opts.virtualTimeBudgetMs ?? 60000}`,
    "--dump-dom",
    `file://${path.resolve(htmlFile)}`,
  ];
  const r = spawnSync(exe, args, { encoding: "utf8", maxBuffer: 1 << 30, timeout: opts.timeoutMs ?? 180000 });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === "ETIMEDOUT") throw new Error(`${exe} did not finish within ${(opts.timeoutMs ?? 180000) / 1000} s`);
    if (code === "ENOENT") throw new ChromiumMissingError();
    throw r.error;
  }
  if (r.status !== 0) {
    const tail = r.stderr.trim().split("\n").slice(-10).join("\n");
    throw new Error(`${exe} exited with status ${r.status}${r.signal ? ` (signal ${r.signal})` : ""}:\n${tail}`);
  }
  return r.stdout;
}
