import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as util from "node:util";
import { DataFrame, Series } from "danfojs-node";
import { displayBundle, inKernel, type MimeBundle } from "../../src/table/kernel-display";
import { displayFramesInKernel, show } from "../../src/table/show";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
/** Where a running tslab kernel keeps its display channel (tslab 1.0.22 dist/jupyter.js). */
const FAKE_TSLAB = path.join(path.sep, "fake", "node_modules", "tslab", "dist", "jupyter.js");

/** Registers a stand-in for tslab's jupyter module that records display messages, as a running kernel would have. */
function fakeKernel(): { sent: { data: MimeBundle; update: boolean }[]; remove: () => void } {
  const sent: { data: MimeBundle; update: boolean }[] = [];
  const exports = {
    lastWriteDisplayData: (msg: { data: MimeBundle }, update: boolean) => sent.push({ data: msg.data, update }),
  };
  require.cache[FAKE_TSLAB] = {
    id: FAKE_TSLAB,
    filename: FAKE_TSLAB,
    loaded: true,
    exports,
  } as unknown as NodeJS.Module;
  return { sent, remove: () => delete require.cache[FAKE_TSLAB] };
}

/** Removes the inspect hook from danfojs' prototype chains so that other tests see plain frames. */
function unhook(): void {
  for (const cls of [DataFrame, Series]) {
    for (
      let p: object | null = cls.prototype;
      p !== null && p !== Object.prototype;
      p = Object.getPrototypeOf(p) as object | null
    ) {
      delete (p as Record<symbol, unknown>)[INSPECT];
    }
  }
}

describe("table/show: tables in a tslab kernel", () => {
  afterEach(unhook);

  it("outside a kernel: show throws naming tableText, and frames are not hooked", () => {
    assert.equal(inKernel(), false);
    assert.throws(
      () => show([{ a: 1 }]),
      /only inside a running tslab notebook cell: in scripts and the CLI print tableText\(x\)/,
    );
    displayFramesInKernel({ DataFrame, Series });
    assert.equal(INSPECT in DataFrame.prototype, false);
  });

  it("sends one display message carrying text/html and text/plain", () => {
    const k = fakeKernel();
    try {
      show({ columns: ["x"], rows: [[0.5], [NaN]] });
      assert.equal(k.sent.length, 1);
      assert.deepEqual(Object.keys(k.sent[0].data).sort(), ["text/html", "text/plain"]);
      assert.equal(k.sent[0].data["text/plain"], "     x\n0  0.5\n1  NaN");
      assert.match(k.sent[0].data["text/html"], /<tr><th>1<\/th><td>NaN<\/td><\/tr>/);
      assert.equal(k.sent[0].update, false);
      displayBundle({ "text/plain": "x" });
      assert.equal(k.sent.length, 2);
    } finally {
      k.remove();
    }
  });

  it("a frame printed at the top level (a cell's last expression) is displayed, and console.log's newline dropped", () => {
    const k = fakeKernel();
    const out = process.stdout;
    const original = out.write;
    const written: string[] = [];
    try {
      displayFramesInKernel({ DataFrame, Series });
      const df = new DataFrame({ a: [1.5, 2], b: ["x", "y"] });
      out.write = ((chunk: string) => {
        written.push(String(chunk));
        return true;
      }) as typeof out.write;
      console.log(df.head(1)); // head() returns danfojs' base class, not danfojs-node's subclass
      out.write = original;
      assert.deepEqual(written, [], "nothing written to stdout");
      assert.equal(k.sent.length, 1);
      assert.equal(k.sent[0].data["text/plain"], "     a  b\n0  1.5  x");
      // Nested in another value, a frame inspects as its text table and displays nothing.
      const nested = util.inspect({ frame: df.column("a") });
      assert.match(nested, /0 {2}1\.5/);
      assert.equal(k.sent.length, 1);
    } finally {
      out.write = original;
      k.remove();
    }
  });
});
