import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { Figure } from "./figure";
import { FIGURE_CONFIG } from "./figure-html";
import { plotlyBundlePath } from "./plotly-bundle";

/**
 * Interactive figures from a TypeScript script (`npx tsx my-script.ts`) through nodeplotlib 1.1.2: its `plot()`
 * starts a local web server (NestJS) whose page draws every figure handed to it with plotly.js (zoom, hover,
 * rotate), one under the other. `openInBrowser(figs)` hands the figures over, waits until the page is served, opens
 * the system browser on it (xdg-open, open, start) and resolves to its URL.
 *
 * Two things differ from calling nodeplotlib yourself:
 * - Offline: nodeplotlib's page loads plotly.js 1.58 from cdn.plot.ly. Before nodeplotlib is first loaded, its
 *   static-file root is redirected to a copy of its web folder whose page loads qsoft's own plotly.js
 *   (plotly.js-dist-min from node_modules), so figures draw without a network, with the plotly.js version of the
 *   notebooks and PNGs. (If nodeplotlib was loaded before qsoft's first call, its page is left as it is.)
 * - The port: NODEPLOTLIB_PORT if set, else a free port. Setting it also keeps nodeplotlib from opening a browser
 *   itself; this module opens one unless `open: false` or QSOFT_NO_BROWSER=1 (tests, CI, remote shells: open the
 *   printed URL yourself).
 *
 * nodeplotlib's server keeps the Node process running while a page is connected and shuts down when the last page
 * closes: a script that shows figures ends when you close their browser tab (or with Ctrl-C). Batch scripts and CI
 * write files instead: renderToFile (PNG/SVG) or writeFigureHtml (an offline interactive page).
 */

export interface OpenInBrowserOptions {
  /** Open the system browser on the page (default: true unless QSOFT_NO_BROWSER=1). */
  open?: boolean;
  /** Milliseconds to wait for the server to answer (default 60000). */
  timeoutMs?: number;
}

interface Nodeplotlib {
  plot(data: unknown[], layout?: unknown, config?: unknown): void;
}

/** Where nodeplotlib lives; its NestJS packages are resolved from there. */
function nodeplotlibDir(): string {
  try {
    return path.dirname(require.resolve("nodeplotlib/package.json"));
  } catch {
    throw new Error("nodeplotlib is not installed (a dependency of qsoft): run 'npm ci'");
  }
}

let loaded: { npl: Nodeplotlib; port: number } | null = null;

/** A port no one listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A copy of nodeplotlib's web folder whose page loads plotly.js from the same folder instead of cdn.plot.ly. */
function offlineWebDir(webDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-nodeplotlib-"));
  fs.cpSync(webDir, dir, { recursive: true });
  fs.copyFileSync(plotlyBundlePath(), path.join(dir, "plotly.min.js"));
  const index = path.join(dir, "index.html");
  const html = fs.readFileSync(index, "utf8");
  const cdn = /<script[^>]*src="https:\/\/cdn\.plot\.ly\/[^"]*"[^>]*><\/script>/;
  if (!cdn.test(html)) throw new Error(`${index}: nodeplotlib's page no longer loads plotly.js from cdn.plot.ly`);
  fs.writeFileSync(index, html.replace(cdn, '<script src="plotly.min.js" defer></script>'));
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Loads nodeplotlib once: its static root redirected to the offline copy, NestJS logging errors and warnings only,
 * the port fixed through NODEPLOTLIB_PORT (nodeplotlib reads it when it loads).
 */
async function loadNodeplotlib(): Promise<{ npl: Nodeplotlib; port: number }> {
  if (loaded) return loaded;
  const dir = nodeplotlibDir();
  const fromNodeplotlib = (id: string): unknown => require(require.resolve(id, { paths: [dir] }));
  const webDir = path.join(dir, "src", "lib", "server", "web");
  const nodeplotlibLoaded = Object.keys(require.cache).some((f) => f.startsWith(path.join(dir, "src")));
  if (!nodeplotlibLoaded) {
    const serveStatic = fromNodeplotlib("@nestjs/serve-static") as {
      ServeStaticModule: { forRoot(...options: { rootPath?: string }[]): unknown };
    };
    const forRoot = serveStatic.ServeStaticModule.forRoot.bind(serveStatic.ServeStaticModule);
    const offline = offlineWebDir(webDir);
    serveStatic.ServeStaticModule.forRoot = (...options) =>
      forRoot(...options.map((o) => (o.rootPath === webDir ? { ...o, rootPath: offline } : o)));
    const common = fromNodeplotlib("@nestjs/common") as { Logger: { overrideLogger(levels: string[]): void } };
    common.Logger.overrideLogger(["error", "warn"]);
  }
  const fromEnv = Number(process.env.NODEPLOTLIB_PORT);
  const port = process.env.NODEPLOTLIB_PORT && Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : await freePort();
  process.env.NODEPLOTLIB_PORT = String(port);
  loaded = { npl: require("nodeplotlib") as Nodeplotlib, port };
  return loaded;
}

/** Resolves once `url` answers 200, polling every 100 ms. */
function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const req = http.get(url, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else retry(`status ${res.statusCode}`);
      });
      req.on("error", (e) => retry(e.message));
    };
    const retry = (why: string): void => {
      if (Date.now() - t0 > timeoutMs) reject(new Error(`nodeplotlib's server did not answer at ${url}: ${why}`));
      else setTimeout(attempt, 100);
    };
    attempt();
  });
}

/** Opens the system's browser on `url`, detached (xdg-open on Linux, open on macOS, start on Windows). */
function launchBrowser(url: string): void {
  const [cmd, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", "", url]]
        : ["xdg-open", [url]];
  const child = spawn(cmd, args, { stdio: "ignore", detached: true });
  child.on("error", () => undefined);
  child.unref();
}

/**
 * Serves the figures through nodeplotlib and opens a browser on them (see the file comment); resolves to the
 * page's URL. Later calls add their figures to the same page.
 */
export async function openInBrowser(
  figs: Figure | readonly Figure[],
  opts: OpenInBrowserOptions = {},
): Promise<string> {
  const list = Array.isArray(figs) ? (figs as readonly Figure[]) : [figs as Figure];
  if (list.length === 0) throw new Error("openInBrowser: no figures");
  const first = loaded === null;
  const { npl, port } = await loadNodeplotlib();
  // nodeplotlib prints "[Nodeplotlib] App is already up and running" for each plot() after the first.
  for (const f of list) npl.plot(f.data, f.layout, FIGURE_CONFIG);
  const url = `http://localhost:${port}/`;
  await waitForServer(url, opts.timeoutMs ?? 60000);
  const open = opts.open ?? process.env.QSOFT_NO_BROWSER !== "1";
  if (open && first) launchBrowser(url);
  return url;
}
