import * as assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromiumAvailable } from "../../src/plot/chromium";
import { evaluateInPage } from "../../src/plot/chromium-page";

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

  it("serves the figure offline (qsoft's plotly.js, not the CDN) and Plotly draws it in headless Chromium", async function () {
    this.timeout(300000);
    const script = path.join(tmp, "serve.ts");
    fs.writeFileSync(
      script,
      `import { histogram } from ${JSON.stringify(path.join(root, "src/plot/histogram"))};
import { openInBrowser } from ${JSON.stringify(path.join(root, "src/plot/open-in-browser"))};
openInBrowser(histogram({ series: [{ name: "a", values: [1, 2, 2, 3, 3, 3] }], bins: 3, xTitle: "QS-axis" }))
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

    // Chromium loads the offline page; nodeplotlib's app starts and fetches the figure over socket.io, then
    // plotly.js draws it. The page is read once a drawn graph is there (wall-clock wait over the DevTools protocol:
    // socket.io's long polling keeps a request open, so --dump-dom with a virtual-time budget would never end).
    const dom = (await evaluateInPage(
      url,
      `new Promise((resolve) => {
        const poll = () => document.querySelector(".js-plotly-plot .main-svg .barlayer .trace path")
          ? resolve(document.documentElement.outerHTML) : setTimeout(poll, 200);
        poll();
      })`,
      { userDataDir: path.join(tmp, "profile"), timeoutMs: 200000, diagnose: "document.body.innerHTML.slice(0, 2000)" },
    )) as string;
    assert.match(dom, /<npl-root[^>]*ng-version=/, "nodeplotlib's Angular app started");
    const svg = /<svg class="main-svg"[\s\S]*?<\/svg>/.exec(dom)?.[0] ?? "";
    assert.ok(svg, 'Plotly\'s rendered <svg class="main-svg">');
    // The histogram trace: three bins holding 1, 2 and 3 values, drawn as bar paths "M x0,y0 V y1 H x1 V y0 Z"
    // whose heights (y0 - y1, in pixels, rounded to half pixels by Plotly) stand as 1 : 2 : 3.
    const heights = [...svg.matchAll(/<g class="point"><path d="M[-\d.]+,([-\d.]+)V([-\d.]+)H/g)].map(
      (m) => Number(m[1]) - Number(m[2]),
    );
    assert.equal(heights.length, 3, `three bars drawn, got ${heights.length}`);
    assert.ok(heights[0] > 50, `a visible first bar (${heights[0]} px)`);
    for (const k of [1, 2]) assert.ok(Math.abs(heights[k] / heights[0] - (k + 1)) < 0.02, `bar heights ${heights}`);
    assert.match(dom, /class="xtitle"[^>]*>QS-axis</, "the x-axis title of the figure");
  });
});
