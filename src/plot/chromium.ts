import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Headless Chromium, the renderer of PNG and SVG figures: any installed Chrome or Chromium (no download of a browser
 * build; Debian's `chromium` package here). Found as $QSOFT_CHROMIUM, else the first of CHROMIUM_NAMES on PATH, else
 * Chrome's macOS application (CHROMIUM_APP_PATHS). kernel/install.sh does the same search.
 */

/** Executable names looked up on PATH, in order (Debian/Fedora/Arch chromium, Ubuntu's older name, Google Chrome). */
export const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] as const;
/** Where Chrome and Chromium install on macOS, which puts neither on PATH. */
export const CHROMIUM_APP_PATHS = [
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
] as const;

export const CHROMIUM_INSTALL_HINT = "apt-get install -y --no-install-recommends chromium";

/** Raised when no Chromium executable can be found. */
export class ChromiumMissingError extends Error {
  constructor() {
    super(
      `headless Chromium is needed to render figures to PNG/SVG but none was found (QSOFT_CHROMIUM, then ${CHROMIUM_NAMES.join(", ")} on PATH): install it with\n  ${CHROMIUM_INSTALL_HINT}\n` +
        '(or set QSOFT_CHROMIUM to a Chrome/Chromium executable; in a notebook, showFigure(fig, { mode: "html" }) needs no browser)',
    );
    this.name = "ChromiumMissingError";
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    if (executable(p)) return p;
  }
  return null;
}

/** True for an existing file this process may execute. */
function executable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The Chromium executable, or null: $QSOFT_CHROMIUM, else CHROMIUM_NAMES on PATH, else CHROMIUM_APP_PATHS. */
export function findChromium(): string | null {
  const env = process.env.QSOFT_CHROMIUM;
  if (env) {
    if (!executable(env)) throw new Error(`QSOFT_CHROMIUM=${env} is not an executable file`);
    return env;
  }
  for (const name of CHROMIUM_NAMES) {
    const p = onPath(name);
    if (p) return p;
  }
  if (process.platform === "darwin") for (const p of CHROMIUM_APP_PATHS) if (executable(p)) return p;
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
  /**
   * Wall-clock milliseconds after which Chromium stops loading and dumps the DOM as it is (Chromium's --timeout):
   * for pages that never go idle, such as a server that keeps a long-polling connection open.
   */
  loadTimeoutMs?: number;
  /**
   * Virtual time the page may use (timers, rendering) before the DOM is dumped, in ms (default 60000; 0: none, the
   * DOM is dumped at the load event or at loadTimeoutMs).
   */
  virtualTimeBudgetMs?: number;
  /** Wall-clock limit for the whole run, in ms (default 180000). */
  timeoutMs?: number;
}

/**
 * Loads a local HTML file, or an http(s) URL, in headless Chromium and returns the DOM after the page has run
 * (--dump-dom). Virtual time runs only while the page is idle, so the budget bounds timers, not computation.
 */
export function chromiumDumpDom(htmlFile: string, userDataDir: string, opts: DumpDomOptions = {}): string {
  const exe = findChromium();
  if (exe === null) throw new ChromiumMissingError();
  const args = [
    ...chromiumFlags(userDataDir),
    ...(opts.virtualTimeBudgetMs === 0 ? [] : [`--virtual-time-budget=${opts.virtualTimeBudgetMs ?? 60000}`]),
    ...(opts.loadTimeoutMs ? [`--timeout=${opts.loadTimeoutMs}`] : []),
    // Offline: every host name but the local machine fails at once (a page's web fonts or CDN scripts would
    // otherwise wait for DNS).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    "--dump-dom",
    /^https?:\/\//.test(htmlFile) ? htmlFile : `file://${path.resolve(htmlFile)}`,
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
