/**
 * Executes the project's notebooks headless (npm run notebooks): every notebooks/*.ipynb in name order, or the ones
 * named on the command line, each with
 *   jupyter nbconvert --to notebook --execute --stdin --stdout --ExecutePreprocessor.kernel_name=qsoft-ts
 *     --ExecutePreprocessor.timeout=<s> --ExecutePreprocessor.record_timing=False
 * run in the notebook's folder (the kernel's working directory: tslab compiles only files under it, and
 * `import ... from "qsoft"` resolves through node_modules/qsoft, the self-link to this checkout). With `progress`
 * (the command line's default; --quiet for none) nbconvert also loads kernel/nbconvert_progress.py, which shows the
 * cells done, their rate and the time left on stderr.
 *
 * Outputs are stored in place by default, so the committed notebooks show their results (figures are PNGs, see
 * src/plot/notebook-display.ts, so notebooks stay small); `--output-dir DIR` writes executed copies there instead
 * and leaves notebooks/ untouched. A notebook is written only when every cell succeeded (atomically), so a failed run
 * never leaves a half-executed notebook behind.
 *
 * The run stops at the first cell error and names the notebook, the cell (0-based index among all cells and its
 * first source line) and the error text. nbconvert prints only "<Error>:" for tslab errors (tslab writes the message
 * to the cell's stderr stream), so the cells up to the failing one are run again with --allow-errors and the text
 * is read from the failing cell's outputs (the rerun stops there: tslab drops requests for 200 ms after an error,
 * cells after it would be skipped anyway).
 *
 * Usage: tsx kernel/run-notebooks.ts [NAME...] [--output-dir DIR] [--timeout SECONDS] [--kernel NAME]
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { writeFileAtomic } from "../src/files/atomic-write";

/** The checkout this file belongs to. */
export const checkoutRoot = path.resolve(__dirname, "..");
/** The Jupyter data folder that holds the project-local kernelspec (kernels/qsoft-ts/kernel.json). */
export const jupyterDataDir = path.join(checkoutRoot, "kernel", "jupyter");
/** Name of the project-local tslab kernelspec. */
export const kernelName = "qsoft-ts";

export interface RunNotebooksOptions {
  /** Notebooks to run: names in notebooks/ (with or without .ipynb) or paths. Default: all notebooks/*.ipynb. */
  notebooks?: readonly string[];
  /** Write executed copies into this folder instead of updating the notebooks in place. */
  outputDir?: string;
  /** Per-cell timeout in whole seconds (nbclient's ExecutePreprocessor.timeout). Default 1800. */
  timeoutSeconds?: number;
  /** Kernelspec name. Default "qsoft-ts". */
  kernel?: string;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /**
   * Cells done, rate and time left on stderr while a notebook runs (kernel/nbconvert_progress.py): "tty" a bar
   * redrawn in place, "log" a line every 5 s; default none.
   */
  progress?: "tty" | "log";
  /** What the progress names first (default the notebook's file name). */
  progressLabel?: string;
}

export interface NotebookRun {
  notebook: string;
  /** Where the executed notebook was written. */
  output: string;
  cells: number;
  seconds: number;
}

/** A notebook failed: the cell that raised (or timed out), with the error text from its outputs. */
export class NotebookError extends Error {
  constructor(
    readonly notebook: string,
    /** 0-based index among all cells of the notebook, -1 when no cell could be identified (e.g. no kernel). */
    readonly cellIndex: number,
    readonly firstLine: string,
    readonly detail: string,
  ) {
    const where = cellIndex >= 0 ? `cell ${cellIndex} (0-based) \`${firstLine}\` failed` : "failed";
    super(`${path.relative(process.cwd(), notebook) || notebook}: ${where}:\n${detail}`);
    this.name = "NotebookError";
  }
}

interface NotebookCell {
  cell_type: string;
  source: string | string[];
  outputs?: NotebookOutput[];
  [key: string]: unknown;
}
interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  ename?: string;
  evalue?: string;
  traceback?: string[];
}
interface NotebookJson {
  cells: NotebookCell[];
  [key: string]: unknown;
}

const joinText = (t: string | string[] | undefined): string => (Array.isArray(t) ? t.join("") : (t ?? ""));
const firstLineOf = (cell: NotebookCell): string =>
  joinText(cell.source)
    .split("\n")
    .find((l) => l.trim() !== "")
    ?.trim() ?? "";
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the ANSI colour codes this removes
const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, "");

/** The environment for every jupyter command: JUPYTER_PATH finds the project-local kernelspec. */
export function jupyterEnv(): NodeJS.ProcessEnv {
  const prev = process.env.JUPYTER_PATH;
  return { ...process.env, JUPYTER_PATH: prev ? `${jupyterDataDir}${path.delimiter}${prev}` : jupyterDataDir };
}

/** True when `jupyter nbconvert` can run (Debian jupyter-nbconvert, jupyter-client, python3-nbclient). */
export function jupyterAvailable(): boolean {
  const r = spawnSync("jupyter", ["nbconvert", "--version"], { encoding: "utf8", env: jupyterEnv() });
  return r.status === 0;
}

/** notebooks/*.ipynb in name order. */
export function listNotebooks(dir = path.join(checkoutRoot, "notebooks")): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb") && !f.startsWith("."))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Resolves a notebook given by name in notebooks/ (".ipynb" optional) or by path. */
export function resolveNotebook(name: string): string {
  const candidates = [
    name,
    `${name}.ipynb`,
    path.join(checkoutRoot, "notebooks", name),
    path.join(checkoutRoot, "notebooks", `${name}.ipynb`),
  ];
  for (const c of candidates)
    if (c.endsWith(".ipynb") && fs.existsSync(c) && fs.statSync(c).isFile()) return path.resolve(c);
  const known = listNotebooks().map((f) => path.basename(f));
  throw new Error(`no notebook "${name}" (notebooks/ has: ${known.join(", ") || "none"})`);
}

function readNotebook(file: string): NotebookJson {
  let nb: NotebookJson;
  try {
    nb = JSON.parse(fs.readFileSync(file, "utf8")) as NotebookJson;
  } catch (e) {
    throw new Error(`${file}: not a readable notebook: ${(e as Error).message}`);
  }
  if (!Array.isArray(nb.cells)) throw new Error(`${file}: not a Jupyter notebook (no "cells" array)`);
  return nb;
}

/** Warns when src/ has files newer than dist/index.js: notebooks import the compiled package. */
function checkBuild(log: (line: string) => void): void {
  const dist = path.join(checkoutRoot, "dist", "index.js");
  if (!fs.existsSync(dist))
    throw new Error(`${dist} is missing: notebooks import the compiled package, run 'npm run build'`);
  const built = fs.statSync(dist).mtimeMs;
  let newest = 0;
  let newestFile = "";
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts")) {
        const t = fs.statSync(p).mtimeMs;
        if (t > newest) [newest, newestFile] = [t, p];
      }
    }
  };
  walk(path.join(checkoutRoot, "src"));
  if (newest > built)
    log(
      `warning: ${path.relative(checkoutRoot, newestFile)} is newer than dist/: notebooks see the last build ('npm run build' to refresh)`,
    );
}

interface NbconvertResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The nbconvert config file that reports the cells' progress (nbclient hooks). */
const progressConfig = path.join(checkoutRoot, "kernel", "nbconvert_progress.py");

/** How nbconvert executes one notebook (see nbconvertInvocation). */
export interface NbconvertOptions {
  readonly kernel: string;
  /** Per-cell timeout, whole seconds. */
  readonly timeout: number;
  readonly allowErrors: boolean;
  /** Progress on nbconvert's fd 3 (kernel/nbconvert_progress.py), with `label` printed first. */
  readonly progress?: "tty" | "log";
  readonly label?: string;
}

/**
 * The arguments of `jupyter` and its environment that execute a notebook read from stdin and print it executed
 * on stdout (with `progress`, the cells' progress goes to file descriptor 3).
 */
export function nbconvertInvocation(opts: NbconvertOptions): { args: string[]; env: NodeJS.ProcessEnv } {
  const args = [
    "nbconvert",
    "--to",
    "notebook",
    "--execute",
    "--stdin",
    "--stdout",
    `--ExecutePreprocessor.kernel_name=${opts.kernel}`,
    `--ExecutePreprocessor.timeout=${opts.timeout}`,
    "--ExecutePreprocessor.record_timing=False",
  ];
  if (opts.allowErrors) args.push("--allow-errors");
  const env = jupyterEnv();
  if (opts.progress) {
    args.push(`--config=${progressConfig}`);
    env.QSOFT_PROGRESS = opts.progress;
    env.QSOFT_PROGRESS_LABEL = opts.label ?? "notebook";
  }
  return { args, env };
}

function nbconvert(nb: NotebookJson, cwd: string, opts: NbconvertOptions): NbconvertResult {
  const { args, env } = nbconvertInvocation(opts);
  const r = spawnSync("jupyter", args, {
    cwd,
    env,
    input: JSON.stringify(nb),
    encoding: "utf8",
    maxBuffer: 1 << 30,
    // fd 3 of nbconvert is our stderr: the progress lines go straight there while stderr itself is read.
    stdio: ["pipe", "pipe", "pipe", opts.progress ? 2 : "ignore"],
  });
  if (opts.progress === "tty" && r.status !== 0) process.stderr.write("\n");
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new Error(
        "jupyter is not installed: run 'npm run kernel:install' (Debian jupyter-nbconvert jupyter-client python3-nbclient)",
      );
    throw r.error;
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Index of the code cell whose exact source nbclient printed between its "------------------" lines. */
function failingCellIndex(nb: NotebookJson, stderr: string): number {
  for (let k = 0; k < nb.cells.length; k++) {
    const c = nb.cells[k];
    if (c.cell_type !== "code") continue;
    const src = joinText(c.source);
    if (stderr.includes(`------------------\n${src}\n------------------`)) return k;
  }
  return -1;
}

/** The error text of cell k: its stderr stream and error outputs, without tslab's and Node's internal stack frames. */
function errorTextOf(cell: NotebookCell): string {
  const parts: string[] = [];
  for (const o of cell.outputs ?? []) {
    if (o.output_type === "stream" && o.name === "stderr") parts.push(joinText(o.text));
    else if (o.output_type === "error") {
      const tb = (o.traceback ?? []).map(stripAnsi).join("\n");
      parts.push(tb || `${o.ename ?? "Error"}: ${o.evalue ?? ""}`);
    }
  }
  return parts
    .join("\n")
    .split("\n")
    .filter((l) => !/^\s+at .*(\(node:|node_modules[\\/]tslab[\\/]|sigintHandlersWrap|\bnode:)/.test(l))
    .join("\n")
    .trim();
}

/** Why nbconvert failed, for failures that are not a cell error (no kernel, kernel died, timeout). */
function diagnose(stderr: string, kernel: string): string {
  if (/NoSuchKernel/.test(stderr)) {
    return `no Jupyter kernel named "${kernel}" (JUPYTER_PATH=${jupyterDataDir}): run 'npm run kernel:install'`;
  }
  const lines = stderr.trim().split("\n");
  return lines.slice(-25).join("\n");
}

/** Executes one notebook; throws NotebookError naming the failing cell. */
export function runNotebook(file: string, opts: RunNotebooksOptions = {}): NotebookRun {
  const kernel = opts.kernel ?? kernelName;
  const timeout = Math.ceil(opts.timeoutSeconds ?? 1800);
  const nb = readNotebook(file);
  const cwd = path.dirname(path.resolve(file));
  const t0 = process.hrtime.bigint();
  const r = nbconvert(nb, cwd, {
    kernel,
    timeout,
    allowErrors: false,
    progress: opts.progress,
    label: opts.progressLabel ?? path.basename(file),
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;

  if (r.status !== 0) {
    const k = failingCellIndex(nb, r.stderr);
    const timedOut = /CellTimeoutError|A cell timed out/.test(r.stderr);
    if (timedOut) {
      const hint = `timed out after ${timeout} s (--timeout SECONDS raises the limit)`;
      if (k >= 0) throw new NotebookError(file, k, firstLineOf(nb.cells[k]), hint);
      // Long cells are printed as a preview only: pass nbclient's message on.
      const preview = /A cell timed out[\s\S]*$/.exec(r.stderr);
      throw new NotebookError(
        file,
        -1,
        "",
        `a cell ${hint}:\n${preview ? preview[0].trim() : diagnose(r.stderr, kernel)}`,
      );
    }
    if (k < 0) throw new NotebookError(file, -1, "", diagnose(r.stderr, kernel));
    // Rerun the cells up to the failing one, keeping errors, to read the message tslab wrote to stderr.
    const upTo: NotebookJson = { ...nb, cells: nb.cells.slice(0, k + 1) };
    const again = nbconvert(upTo, cwd, { kernel, timeout, allowErrors: true });
    let detail = "";
    if (again.status === 0) {
      try {
        detail = errorTextOf((JSON.parse(again.stdout) as NotebookJson).cells[k]);
      } catch {
        detail = "";
      }
    }
    if (detail === "") {
      const m = /CellExecutionError: [\s\S]*?\n------------------\n\n([\s\S]*)$/.exec(r.stderr);
      detail = (m ? m[1] : r.stderr).trim() || "(the kernel reported an error without a message)";
    }
    throw new NotebookError(file, k, firstLineOf(nb.cells[k]), detail);
  }

  let executed: NotebookJson;
  try {
    executed = JSON.parse(r.stdout) as NotebookJson;
    if (!Array.isArray(executed.cells)) throw new Error("no cells");
  } catch {
    throw new NotebookError(file, -1, "", `nbconvert printed no notebook:\n${diagnose(r.stderr, kernel)}`);
  }
  const out = opts.outputDir ? path.join(opts.outputDir, path.basename(file)) : file;
  if (opts.outputDir) fs.mkdirSync(opts.outputDir, { recursive: true });
  writeFileAtomic(out, r.stdout);
  return { notebook: file, output: out, cells: executed.cells.length, seconds };
}

/** Executes the notebooks in name order; stops at (throws) the first failure. */
export function runNotebooks(opts: RunNotebooksOptions = {}): NotebookRun[] {
  const log = opts.log ?? (() => undefined);
  const files = opts.notebooks && opts.notebooks.length > 0 ? opts.notebooks.map(resolveNotebook) : listNotebooks();
  if (files.length === 0) throw new Error("no notebooks to run in notebooks/");
  if (!jupyterAvailable()) {
    throw new Error(
      "jupyter nbconvert is not installed: run 'npm run kernel:install' (Debian jupyter-nbconvert jupyter-client python3-nbclient)",
    );
  }
  checkBuild(log);
  const runs: NotebookRun[] = [];
  for (const [k, f] of files.entries()) {
    log(`${path.relative(checkoutRoot, f)} ...`);
    const run = runNotebook(f, { ...opts, progressLabel: `notebook ${k + 1}/${files.length} ${path.basename(f)}` });
    log(
      `  ok: ${run.cells} cells in ${run.seconds.toFixed(1)} s -> ${path.relative(process.cwd(), run.output) || run.output}`,
    );
    runs.push(run);
  }
  return runs;
}

const usage = `usage: npm run notebooks -- [NAME...] [--output-dir DIR] [--timeout SECONDS] [--kernel NAME] [--quiet]
  Executes notebooks/*.ipynb (or the NAMEs given) headless in name order with the qsoft-ts kernel, storing outputs
  in place (or executed copies in DIR), and stops at the first cell error. Shows the cells done, their rate and the
  time left on stderr (a bar on a terminal, a line every 5 s in a log); --quiet for none.`;

function main(argv: string[]): number {
  const names: string[] = [];
  const opts: RunNotebooksOptions = { log: (l) => console.log(l), progress: process.stderr.isTTY ? "tty" : "log" };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const [flag, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++k];
      if (v === undefined) throw new Error(`${flag} needs a value\n${usage}`);
      return v;
    };
    if (flag === "--help" || flag === "-h") {
      console.log(usage);
      return 0;
    } else if (flag === "--quiet") opts.progress = undefined;
    else if (flag === "--output-dir") opts.outputDir = path.resolve(value());
    else if (flag === "--kernel") opts.kernel = value();
    else if (flag === "--timeout") {
      const v = value();
      const t = Number(v);
      if (!Number.isInteger(t) || t <= 0)
        throw new Error(`--timeout must be a positive whole number of seconds, got "${v}"`);
      opts.timeoutSeconds = t;
    } else if (flag.startsWith("-")) throw new Error(`unknown option ${flag}\n${usage}`);
    else names.push(a);
  }
  opts.notebooks = names;
  const t0 = Date.now();
  const runs = runNotebooks(opts);
  console.log(`${runs.length} notebook(s) ran in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  }
}
