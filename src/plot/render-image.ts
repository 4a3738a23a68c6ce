import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { writeFileAtomic } from "../files/atomic-write";
import { ChromiumMissingError, findChromium } from "./chromium";
import { evaluateInPageSync } from "./chromium-page";
import type { Figure } from "./figure";
import { scriptJson } from "./figure-html";
import { plotlyBundlePath } from "./plotly-bundle";
import { DEFAULT_SIZE } from "./style";

/**
 * Static images of figures: headless Chromium loads plotly.js from node_modules, draws each figure and exports it
 * with Plotly.toImage (PNG or SVG), and the page hands the results back over the DevTools protocol
 * (src/plot/chromium-page.ts). Several figures share one browser start (about 2-4 s), so render them together when
 * you have many (renderToFiles).
 *
 * The wait is in wall-clock time, RENDER_TIMEOUT_MS plus RENDER_TIMEOUT_PER_FIGURE_MS a figure, and a run that
 * fails (timeout, browser crash) is tried once more before the error names the figure that did not finish. (With
 * --dump-dom and a virtual-time budget, used before, Chromium dumped the page as soon as it looked idle, which a
 * 3-D scatter plot waiting on SwiftShader in the GPU process can be on a loaded machine: "headless Chromium returned
 * no rendering result" from `npm run demo` while LAMMPS ran on every core.)
 */

export type ImageFormat = "png" | "svg";

export interface ImageOptions {
  /** Size in CSS pixels; default the figure's layout width/height, else 700 × 480. */
  width?: number;
  height?: number;
  /** Pixel density of PNGs: the image is (width × scale) × (height × scale) pixels (default 1; 2-3 for print). */
  scale?: number;
}

/** One image to render. */
export interface ImageJob extends ImageOptions {
  figure: Figure;
  format: ImageFormat;
}

interface PageJob {
  fig: Figure;
  format: ImageFormat | "validate";
  width: number;
  height: number;
  scale: number;
}

interface PageResult {
  ok: boolean;
  url?: string;
  issues?: string[];
  error?: string;
}

/** Wall-clock milliseconds a rendering run may take: this plus RENDER_TIMEOUT_PER_FIGURE_MS per figure. */
export const RENDER_TIMEOUT_MS = 60000;
export const RENDER_TIMEOUT_PER_FIGURE_MS = 90000;

// The page script: draws each job, exports it, and resolves window.qsoftDone to the JSON of the results;
// window.qsoftRendering is the index of the figure being drawn (for the timeout message).
const PAGE_SCRIPT = `
(function () {
  var errors = [];
  var done;
  window.qsoftDone = new Promise(function (resolve) { done = resolve; });
  window.qsoftRendering = 0;
  window.addEventListener("error", function (e) { errors.push(String(e.message)); });
  function finish(value) { done(JSON.stringify(value)); }
  if (!window.Plotly) { finish({ fatal: "plotly.js did not load" }); return; }
  (async function () {
    var results = [];
    for (var i = 0; i < JOBS.length; i++) {
      var job = JOBS[i];
      window.qsoftRendering = i;
      var div = document.createElement("div");
      div.style.width = job.width + "px";
      div.style.height = job.height + "px";
      document.body.appendChild(div);
      try {
        if (job.format === "validate") {
          var issues = window.Plotly.validate(job.fig.data, job.fig.layout) || [];
          results.push({ ok: true, issues: issues.map(function (e) { return e.msg; }) });
        } else {
          var layout = Object.assign({}, job.fig.layout, { width: job.width, height: job.height });
          await window.Plotly.newPlot(div, job.fig.data, layout, { staticPlot: true });
          var url = await window.Plotly.toImage(div, { format: job.format, width: job.width, height: job.height, scale: job.scale });
          results.push({ ok: true, url: url });
        }
      } catch (e) {
        results.push({ ok: false, error: String((e && e.stack) || e) });
      }
      window.Plotly.purge(div);
      div.remove();
    }
    finish({ results: results, errors: errors });
  })();
})();
`;

function checkJob(j: ImageJob, k: number): PageJob {
  const width = j.width ?? j.figure.layout.width ?? DEFAULT_SIZE.width;
  const height = j.height ?? j.figure.layout.height ?? DEFAULT_SIZE.height;
  const scale = j.scale ?? 1;
  for (const [name, v, lo, hi] of [
    ["width", width, 10, 20000],
    ["height", height, 10, 20000],
    ["scale", scale, 0.1, 10],
  ] as const) {
    if (!(Number.isFinite(v) && v >= lo && v <= hi))
      throw new Error(`image ${k}: ${name} must be between ${lo} and ${hi}, got ${v}`);
  }
  if (j.format !== "png" && j.format !== "svg")
    throw new Error(`image ${k}: format must be "png" or "svg", got "${String(j.format)}"`);
  if (!j.figure || !Array.isArray(j.figure.data) || typeof j.figure.layout !== "object")
    throw new Error(`image ${k}: not a figure ({ data, layout })`);
  return { fig: j.figure, format: j.format, width, height, scale };
}

/** A figure as error messages name it: its number and title. */
function figureName(fig: Figure, k: number): string {
  const title = fig.layout.title?.text;
  return title ? `figure ${k} ("${title}")` : `figure ${k}`;
}

/** The page's answer, one attempt: the JSON string window.qsoftDone resolves to. */
function renderAttempt(page: string, profile: string, timeoutMs: number): string {
  const value = evaluateInPageSync(page, "window.qsoftDone", {
    userDataDir: profile,
    timeoutMs,
    diagnose: "window.qsoftRendering",
  });
  if (typeof value !== "string") throw new Error("the page script did not run (no window.qsoftDone)");
  return value;
}

/** Runs the page in Chromium (a second time if the first run fails) and returns one result per job. */
function runPage(jobs: PageJob[]): PageResult[] {
  if (findChromium() === null) throw new ChromiumMissingError();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-render-"));
  try {
    const page = path.join(dir, "figures.html");
    const html =
      `<!DOCTYPE html><html><head><meta charset="utf-8">` +
      `<script src="file://${encodeURI(plotlyBundlePath())}"></script></head>` +
      `<body style="margin:0;background:#fff">` +
      `<script>var JOBS = ${scriptJson(jobs)};${PAGE_SCRIPT}</script></body></html>`;
    fs.writeFileSync(page, html);
    const timeoutMs = RENDER_TIMEOUT_MS + RENDER_TIMEOUT_PER_FIGURE_MS * jobs.length;
    let answer: string | null = null;
    const failures: string[] = [];
    for (let attempt = 1; attempt <= 2 && answer === null; attempt++) {
      try {
        answer = renderAttempt(page, path.join(dir, `profile-${attempt}`), timeoutMs);
      } catch (e) {
        failures.push(`attempt ${attempt}: ${(e as Error).message}`);
      }
    }
    if (answer === null) {
      const at = /page state: (\d+)/.exec(failures[failures.length - 1]);
      const which = at ? figureName(jobs[Number(at[1])].fig, Number(at[1])) : `${jobs.length} figure(s)`;
      throw new Error(`headless Chromium did not render ${which} (tried twice):\n${failures.join("\n")}`);
    }
    const value = JSON.parse(answer) as { fatal?: string; results?: PageResult[]; errors?: string[] };
    if (value.fatal) throw new Error(`rendering failed: ${value.fatal}`);
    const results = value.results ?? [];
    if (results.length !== jobs.length)
      throw new Error(
        `rendering returned ${results.length} results for ${jobs.length} figures: ${(value.errors ?? []).join("; ")}`,
      );
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function decodeImage(url: string, format: ImageFormat): Buffer {
  if (format === "png") {
    const prefix = "data:image/png;base64,";
    if (!url.startsWith(prefix)) throw new Error(`expected a PNG data URL, got "${url.slice(0, 40)}..."`);
    return Buffer.from(url.slice(prefix.length), "base64");
  }
  const prefix = "data:image/svg+xml,";
  if (!url.startsWith(prefix)) throw new Error(`expected an SVG data URL, got "${url.slice(0, 40)}..."`);
  return Buffer.from(decodeURIComponent(url.slice(prefix.length)), "utf8");
}

/** Renders several figures in one Chromium run; returns the image bytes in order. */
export function renderImages(jobs: readonly ImageJob[]): Buffer[] {
  if (jobs.length === 0) return [];
  const pageJobs = jobs.map(checkJob);
  const results = runPage(pageJobs);
  return results.map((r, k) => {
    if (!r.ok || r.url === undefined)
      throw new Error(`${figureName(jobs[k].figure, k)} failed to render: ${r.error ?? "no image"}`);
    return decodeImage(r.url, jobs[k].format);
  });
}

/** PNG or SVG bytes of one figure. */
export function renderToBuffer(figure: Figure, format: ImageFormat = "png", opts: ImageOptions = {}): Buffer {
  return renderImages([{ figure, format, ...opts }])[0];
}

/** The image format a file name asks for (.png or .svg). */
export function formatOfFile(file: string): ImageFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".png") return "png";
  if (ext === ".svg") return "svg";
  throw new Error(`${file}: cannot tell the image format from "${ext}": use .png or .svg`);
}

/** Renders figures to .png/.svg files (one Chromium run), each written atomically. */
export function renderToFiles(items: readonly ({ figure: Figure; file: string } & ImageOptions)[]): void {
  const images = renderImages(items.map((it) => ({ ...it, format: formatOfFile(it.file) })));
  items.forEach((it, k) => writeFileAtomic(it.file, images[k]));
}

/** Renders a figure to a .png or .svg file, written atomically. */
export function renderToFile(figure: Figure, file: string, opts: ImageOptions = {}): void {
  renderToFiles([{ figure, file, ...opts }]);
}

/**
 * Plotly.validate on each figure in Chromium: the list of problems (unknown attributes, invalid values) Plotly
 * reports per figure, empty when the figure is valid. Plotly otherwise ignores such attributes silently.
 */
export function validateFigures(figures: readonly Figure[]): string[][] {
  if (figures.length === 0) return [];
  const results = runPage(figures.map((fig) => ({ fig, format: "validate", width: 100, height: 100, scale: 1 })));
  return results.map((r, k) => {
    if (!r.ok) throw new Error(`figure ${k} could not be validated: ${r.error ?? ""}`);
    return r.issues ?? [];
  });
}
