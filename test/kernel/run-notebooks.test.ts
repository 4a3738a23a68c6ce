import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  checkoutRoot,
  jupyterAvailable,
  listNotebooks,
  NotebookError,
  nbconvertInvocation,
  resolveNotebook,
  runNotebook,
  runNotebooks,
} from "../../kernel/run-notebooks";
import { CHROMIUM_INSTALL_HINT, chromiumAvailable } from "../../src/plot/chromium";

interface Output {
  output_type: string;
  name?: string;
  text?: string[] | string;
  data?: Record<string, unknown>;
}
interface Nb {
  cells: { cell_type: string; source: string | string[]; outputs?: Output[] }[];
}

const code = (source: string) => ({ cell_type: "code", execution_count: null, metadata: {}, outputs: [], source });
function notebook(cells: ReturnType<typeof code>[]): string {
  return JSON.stringify({
    cells,
    metadata: { kernelspec: { name: "qsoft-ts", display_name: "TypeScript (qsoft)", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 4,
  });
}

describe("kernel/run-notebooks: finding notebooks", () => {
  it("lists notebooks/*.ipynb in name order and resolves names with or without .ipynb", () => {
    const all = listNotebooks();
    assert.ok(all.length >= 1);
    assert.deepEqual(all, [...all].sort());
    const check = path.join(checkoutRoot, "notebooks", "99-environment-check.ipynb");
    assert.ok(all.includes(check));
    assert.equal(resolveNotebook("99-environment-check"), check);
    assert.equal(resolveNotebook("99-environment-check.ipynb"), check);
    assert.throws(
      () => resolveNotebook("no-such-notebook"),
      /no notebook "no-such-notebook" \(notebooks\/ has: .*99-environment-check.ipynb/,
    );
  });
});

describe("kernel/run-notebooks: headless execution with the qsoft-ts kernel", () => {
  let tmp = "";
  before(function () {
    if (!jupyterAvailable()) {
      console.warn(
        "    skipped: jupyter nbconvert is not installed (npm run kernel:install, or apt-get install -y --no-install-recommends jupyter-nbconvert jupyter-client python3-nbclient)",
      );
      this.skip();
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-notebooks-"));
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("runs 99-environment-check into a copy, leaving the committed notebook untouched", function () {
    if (!chromiumAvailable()) {
      console.warn(
        `    skipped: the notebook renders a figure with Chromium, which is not installed (${CHROMIUM_INSTALL_HINT})`,
      );
      this.skip();
    }
    const source = path.join(checkoutRoot, "notebooks", "99-environment-check.ipynb");
    const before = fs.readFileSync(source, "utf8");
    const [run] = runNotebooks({ notebooks: ["99-environment-check"], outputDir: tmp, timeoutSeconds: 120 });
    assert.equal(run.output, path.join(tmp, "99-environment-check.ipynb"));
    assert.equal(fs.readFileSync(source, "utf8"), before);
    const nb = JSON.parse(fs.readFileSync(run.output, "utf8")) as Nb;
    const outputs = nb.cells.flatMap((c) => c.outputs ?? []);
    const text = outputs
      .filter((o) => o.output_type === "stream")
      .map((o) => (Array.isArray(o.text) ? o.text.join("") : (o.text ?? "")))
      .join("");
    assert.match(text, /"qsoft" resolves to this checkout's dist\/index\.js/);
    assert.match(text, /volume 60 Å³/);
    assert.ok(
      outputs.some((o) => o.output_type === "display_data" && typeof o.data?.["image/png"] === "string"),
      "the figure is stored as a PNG",
    );
    assert.ok(!outputs.some((o) => o.output_type === "stream" && o.name === "stderr"), "no cell wrote to stderr");
  });

  it("stops at the first failing cell and reports its index, first line and error text", () => {
    const file = path.join(tmp, "failing.ipynb");
    fs.writeFileSync(
      file,
      notebook([
        code('// the checker must reject this\nconst n: number = "text";'),
        code('console.log("never reached");'),
      ]),
    );
    const before = fs.readFileSync(file, "utf8");
    assert.throws(
      () => runNotebook(file, { timeoutSeconds: 60 }),
      (e: unknown) => {
        assert.ok(e instanceof NotebookError, String(e));
        assert.equal(e.cellIndex, 0);
        assert.equal(e.firstLine, "// the checker must reject this");
        assert.match(e.detail, /Type 'string' is not assignable to type 'number'/);
        assert.match(e.message, /failing\.ipynb: cell 0 \(0-based\)/);
        return true;
      },
    );
    assert.equal(fs.readFileSync(file, "utf8"), before, "a failed run does not rewrite the notebook");
  });

  // kernel/nbconvert_progress.py writes to nbconvert's fd 3 (the runner passes its stderr there): read it here.
  function progressOf(mode: "tty" | "log" | undefined): string {
    const nb = notebook([code("const a = 1;"), code("await new Promise((r) => setTimeout(r, 6000));"), code("a + 1")]);
    const { args, env } = nbconvertInvocation({
      kernel: "qsoft-ts",
      timeout: 120,
      allowErrors: false,
      ...(mode !== undefined ? { progress: mode } : {}),
      label: "notebook 2/7 x.ipynb",
    });
    const r = spawnSync("jupyter", args, {
      cwd: tmp,
      env,
      input: nb,
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe", "pipe"],
      maxBuffer: 1 << 26,
    });
    assert.equal(r.status, 0, r.stderr);
    return String(r.output[3] ?? "");
  }

  it("shows the cells done, their rate and the time left: a line every 5 s in a log, a bar on a terminal, none unasked", () => {
    const log = progressOf("log").trimEnd().split("\n");
    // 1 of 3 cells done at 5 s (the second sleeps 6 s), then the closing line.
    assert.match(log[0], /^notebook 2\/7 x\.ipynb: 1\/3 cells \(33 %\), \d+\.\d\d cells\/s, 5\.\d s, about .+ left$/);
    assert.match(
      log[log.length - 1],
      /^notebook 2\/7 x\.ipynb: 3\/3 cells \(100 %\), \d+\.\d\d cells\/s, done in [67]\.\d s$/,
    );
    // On a terminal: each state redrawn in place (carriage return, erase line), a newline after the last.
    const tty = progressOf("tty").split("\r\x1b[K");
    assert.equal(tty[0], "");
    assert.match(tty[1], /^notebook 2\/7 x\.ipynb \[-{24}\] 0\/3 cells/);
    assert.ok(tty.some((l) => /^notebook 2\/7 x\.ipynb \[#{8}-{16}\] 1\/3 cells .* about .+ left$/.test(l)));
    assert.match(tty[tty.length - 1], /\[#{24}\] 3\/3 cells \d+\.\d\d cells\/s done in [67]\.\d s\n$/);
    assert.equal(progressOf(undefined), "");
  });
});
