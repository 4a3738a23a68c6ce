import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CHROMIUM_NAMES, findChromium } from "../../src/plot/chromium";

/** findChromium with stub executables: QSOFT_CHROMIUM first, then the usual names on PATH in name order. */
describe("plot/chromium: where headless Chromium is found (issue 17)", () => {
  let tmp = "";
  const saved = { PATH: process.env.PATH, QSOFT_CHROMIUM: process.env.QSOFT_CHROMIUM };
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-chromium-"));
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const stub = (dir: string, name: string, mode = 0o755): string => {
    fs.mkdirSync(dir, { recursive: true });
    const p = path.join(dir, name);
    fs.writeFileSync(p, "#!/bin/sh\nexit 0\n");
    fs.chmodSync(p, mode);
    return p;
  };

  it("looks for chromium, chromium-browser, google-chrome, google-chrome-stable on PATH, by name first", () => {
    assert.deepEqual([...CHROMIUM_NAMES], ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]);
    delete process.env.QSOFT_CHROMIUM;
    const a = path.join(tmp, "a");
    const b = path.join(tmp, "b");
    stub(a, "google-chrome-stable");
    process.env.PATH = [a, b].join(path.delimiter);
    assert.equal(findChromium(), path.join(a, "google-chrome-stable"));
    const browser = stub(b, "chromium-browser");
    assert.equal(findChromium(), browser, "an earlier name wins over an earlier PATH entry");
    stub(a, "chromium", 0o644);
    assert.equal(findChromium(), browser, "a file that is not executable is skipped");
    const chromium = stub(b, "chromium");
    assert.equal(findChromium(), chromium);
    process.env.PATH = path.join(tmp, "empty");
    if (process.platform !== "darwin") assert.equal(findChromium(), null);
  });

  it("QSOFT_CHROMIUM comes first and must be an executable", () => {
    process.env.PATH = [stub(path.join(tmp, "p"), "chromium")].map(path.dirname).join(path.delimiter);
    const mine = stub(path.join(tmp, "mine"), "my-chrome");
    process.env.QSOFT_CHROMIUM = mine;
    assert.equal(findChromium(), mine);
    process.env.QSOFT_CHROMIUM = path.join(tmp, "missing");
    assert.throws(() => findChromium(), /QSOFT_CHROMIUM=.*missing is not an executable file/);
    process.env.QSOFT_CHROMIUM = stub(path.join(tmp, "mine"), "plain", 0o644);
    assert.throws(() => findChromium(), /is not an executable file/);
  });
});
