import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { chromiumAvailable } from "../../src/plot/chromium";
import { evaluateInPage, evaluateInPageSync } from "../../src/plot/chromium-page";

describe("plot/chromium-page: a page evaluated in headless Chromium over the DevTools pipe (issue 17)", () => {
  let tmp = "";
  before(function () {
    if (!chromiumAvailable()) this.skip();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-cdp-test-"));
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("waits in wall-clock time for work the page does not drive itself (a server that answers after 1.5 s)", async function () {
    this.timeout(120000);
    const server = http.createServer((req, res) => {
      if (req.url === "/slow") setTimeout(() => res.end("late answer"), 1500);
      else res.setHeader("content-type", "text/html").end("<title>t</title><p id=p>6</p>");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const value = await evaluateInPage(
        url,
        `fetch("/slow").then((r) => r.text()).then((t) => t + " " + 7 * Number(document.getElementById("p").textContent))`,
        { userDataDir: path.join(tmp, "a") },
      );
      assert.equal(value, "late answer 42");
    } finally {
      server.close();
    }
  });

  it("names the page and quotes the diagnosis when the page does not finish in time", async function () {
    this.timeout(120000);
    const page = path.join(tmp, "stuck.html");
    fs.writeFileSync(page, "<script>window.step = 'drawing figure 3';</script>");
    await assert.rejects(
      evaluateInPage(page, "new Promise(() => {})", {
        userDataDir: path.join(tmp, "b"),
        timeoutMs: 15000,
        diagnose: "window.step",
      }),
      (e: Error) =>
        e.message.includes(`did not finish ${page} within 15 s`) && e.message.includes('"drawing figure 3"'),
    );
  });

  it("from synchronous code: the value, or the page's exception", function () {
    this.timeout(120000);
    const page = path.join(tmp, "sync.html");
    fs.writeFileSync(page, "<p id=p>ok</p>");
    const opts = { userDataDir: path.join(tmp, "c") };
    assert.deepEqual(
      evaluateInPageSync(page, `({ text: document.getElementById("p").textContent, n: [1, 2] })`, opts),
      {
        text: "ok",
        n: [1, 2],
      },
    );
    assert.throws(() => evaluateInPageSync(page, "notDefinedAnywhere.x", opts), /the page threw: ReferenceError/);
  });
});
