import * as assert from "node:assert/strict";
import * as vm from "node:vm";
import * as zlib from "node:zlib";
import { INFLATE_JS, deflateSource, deflatedScriptHtml } from "../../src/plot/deflated-script";
import { plotlyBundle } from "../../src/plot/plotly-bundle";

/** INFLATE_JS run as the page runs it (atob, typed arrays), in a fresh V8 context. */
function inflateInPage(deflated: Buffer, size: number): Buffer {
  const context = vm.createContext({ atob, b64: deflated.toString("base64"), size });
  return Buffer.from(vm.runInContext(`${INFLATE_JS}\nqsoftInflate(b64, size)`, context) as Uint8Array);
}

/** Bytes with repeats at short and long distances (matches that overlap their own output) and noise. */
function mixedBytes(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = i % 5000 < 300 ? 97 : i % 7 === 0 ? x >>> 24 : b[Math.max(0, i - 1 - ((x >>> 8) % 40000))];
  }
  return b;
}

describe("plot/deflated-script: raw DEFLATE inflated in the page (issue 17, notebook size)", () => {
  // zlib (Node's, independent of INFLATE_JS) makes each kind of block; the inflated bytes must be the input.
  const cases: [string, Buffer, zlib.ZlibOptions][] = [
    ["stored blocks (level 0)", mixedBytes(100000), { level: 0 }],
    [
      "fixed Huffman codes (Z_FIXED)",
      Buffer.from("abcabcabcabcabc hello hello hello"),
      { strategy: zlib.constants.Z_FIXED },
    ],
    ["dynamic codes, long matches (level 9)", mixedBytes(300000), { level: 9 }],
    ["run-length matches at distance 1 (Z_RLE)", mixedBytes(50000), { strategy: zlib.constants.Z_RLE }],
    ["literals only (Z_HUFFMAN_ONLY)", mixedBytes(50000), { strategy: zlib.constants.Z_HUFFMAN_ONLY }],
    ["empty input", Buffer.alloc(0), {}],
  ];
  for (const [name, input, opts] of cases)
    it(`gives zlib's input back: ${name}`, () => {
      assert.ok(inflateInPage(zlib.deflateRawSync(input, opts), input.length).equals(input));
    });

  it("gives back the plotly.js bundle byte for byte, at under 45 % of its size in the page", () => {
    const source = plotlyBundle();
    const d = deflateSource(source);
    assert.equal(inflateInPage(Buffer.from(d.base64, "base64"), d.byteLength).toString("utf8"), source);
    const html = deflatedScriptHtml(d, "plotly.js");
    assert.ok(html.length < 0.45 * source.length, `${html.length} vs ${source.length} characters`);
  });

  it("fails loudly on a damaged or truncated stream, or a wrong size", () => {
    const z = zlib.deflateRawSync(mixedBytes(20000), { level: 6 });
    assert.throws(() => inflateInPage(z.subarray(0, z.length >> 1), 20000), /inflate: /);
    assert.throws(() => inflateInPage(z, 19999), /inflate: /);
    assert.throws(() => inflateInPage(z, 20001), /inflate: 20000 bytes, expected 20001/);
    assert.throws(() => inflateInPage(Buffer.from([0xff, 0xff, 0xff]), 10), /inflate: /);
  });

  it("the <script> defines what the source defines, in order, with the comment in clear", () => {
    const html = deflatedScriptHtml(deflateSource("window.answer = 6 * 7; /* é */"), "answer v1 */ x");
    assert.match(html, /^<script>\/\*! answer v1 \* \/ x \*\//);
    assert.doesNotMatch(html.slice(8, -9), /<\/script/i);
    const appended: { textContent: string }[] = [];
    const document = {
      createElement: () => ({ textContent: "" }),
      head: { appendChild: (s: { textContent: string }) => appended.push(s) },
    };
    vm.runInNewContext(html.slice("<script>".length, -"</script>".length), { atob, TextDecoder, document });
    assert.deepEqual(
      appended.map((s) => s.textContent),
      ["window.answer = 6 * 7; /* é */"],
    );
  });
});
