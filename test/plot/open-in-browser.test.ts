import * as assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromiumAvailable, chromiumDumpDom } from "../../src/plot/chromium";

const root = path.resolve(__dirname, "..", "..");

/** Starts `tsx file` and resolves with the first line of its stdout that matches `pattern`. */
function startAndWaitFor(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = (b: Buffer): void => {
      out += b.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (b: Buffer) => (out += b.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the script exited (${code}) before serving:\n${out}`));
    });
  });
}

describe("plot/open-in-browser: a script serves a figure through nodeplotlib (issue 17)", () => {
  let tmp = "";
  let child: ChildProcess | null = null;
  before(function () {
    if (!chromiumAvailable()) this.skip();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-npl-"));
  });
  after(() => {
    if (child?.pid !== undefined && child.exitCode === null) child.kill("SIGTERM");
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("serves the figure offline (qsoft's plotly.js, not the CDN) and nodeplotlib's page starts in headless Chromium", async function () {
    this.timeout(300000);
    const script = path.join(tmp, "serve.ts");
    fs.writeFileSync(
      script,
      `import { histogram } from ${JSON.stringify(path.join(root, "src/plot/histogram"))};
import { openInBrowser } from ${JSON.stringify(path.join(root, "src/plot/open-in-browser"))};
openInBrowser(histogram({ series: [{ name: "a", values: [1, 2, 2, 3, 3, 3] }], xTitle: "QS-axis" }))
  .then((url) => console.log("SERVING " + url));
`,
    );
    // QSOFT_NO_BROWSER: no browser window is opened (nodeplotlib's own opening is off through NODEPLOTLIB_PORT).
    child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), script], {
      cwd: root,
      env: { ...process.env, QSOFT_NO_BROWSER: "1", NODEPLOTLIB_PORT: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const url = (await startAndWaitFor(child, /SERVING (http:\/\/localhost:\d+\/)/, 120000))[1];
    const page = await (await fetch(url)).text();
    assert.match(page, /<script src="plotly\.min\.js" defer><\/script>/);
    assert.doesNotMatch(page, /cdn\.plot\.ly/);
    const served = await (await fetch(`${url}plotly.min.js`)).text();
    assert.match(served.slice(0, 200), /plotly\.js v3\./);

    // Chromium loads the offline page and nodeplotlib's app starts (its toolbar is rendered). The figure itself
    // arrives later over socket.io long-polling, which keeps a request pending: --dump-dom's virtual-time budget
    // then never runs out, so the drawn graph cannot be waited for this way (see the report of issue 17).
    const dom = chromiumDumpDom(url, path.join(tmp, "profile"), {
      virtualTimeBudgetMs: 0,
      loadTimeoutMs: 60000,
      timeoutMs: 200000,
    });
    assert.match(dom, /<npl-root[^>]*ng-version=/, "nodeplotlib's Angular app started");
    assert.match(dom, /class="mat-toolbar/);
  });
});
