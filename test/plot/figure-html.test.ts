import * as assert from "node:assert/strict";
import * as zlib from "node:zlib";
import type { Figure } from "../../src/plot/figure";
import { figureFragment, figureHtml, inlineScript, plotlyScriptHtml, scriptJson } from "../../src/plot/figure-html";
import { histogram } from "../../src/plot/histogram";
import {
  displayMode,
  figureMimeBundle,
  PLOTLY_MIME_TYPE,
  setDisplayMode,
  showFigure,
} from "../../src/plot/notebook-display";
import { plotlyBundle, plotlyVersion } from "../../src/plot/plotly-bundle";

describe("plot/figure-html and notebook display", () => {
  const fig: Figure = histogram({ series: [{ name: "</script><b>x</b>", values: [1, 2, 3] }], xTitle: "x" });

  it("embeds figure JSON so that no text can close the script element", () => {
    const json = scriptJson({ a: "</script>\u2028" });
    assert.ok(!json.includes("</"));
    assert.deepEqual(JSON.parse(json), { a: "</script>\u2028" });
    const frag = figureFragment(fig, "plot-1");
    assert.equal(frag.match(/<\/script>/g)?.length, 1, "only the fragment's own closing tag");
    assert.match(frag, /<div id="plot-1" class="qsoft-figure" style="width:700px;height:480px"><\/div>/);
    const withPng = figureFragment(fig, "plot-2", { fallbackPng: Uint8Array.from([137, 80, 78, 71]) });
    assert.match(
      withPng,
      /<img alt="figure" style="width:700px;height:480px" src="data:image\/png;base64,iVBORw=="><\/div>/,
    );
    assert.equal(inlineScript("var s = '</script>';"), "<script>var s = '<\\/script>';</script>");
  });

  it("writes a self-contained page with plotly.js inlined once", () => {
    assert.match(plotlyVersion(), /^\d+\.\d+\.\d+$/);
    const html = figureHtml([fig, fig]);
    // The bundle travels deflated (src/plot/deflated-script.ts): zlib inflates the page's copy to plotly.min.js.
    const [, b64, size] = /qsoftInflate\("([A-Za-z0-9+/=]+)",(\d+)\)/.exec(html) ?? [];
    assert.equal(zlib.inflateRawSync(Buffer.from(b64, "base64")).toString("utf8"), plotlyBundle());
    assert.equal(Number(size), Buffer.byteLength(plotlyBundle()));
    assert.ok(html.length < 0.45 * plotlyBundle().length, `${html.length} characters`);
    assert.ok(html.includes(plotlyScriptHtml()));
    assert.equal(html.split("plotly.js v").length - 1, 1, "one copy of the bundle");
    assert.equal(html.match(/document\.getElementById\("qsoft-figure-\d"\)/g)?.length, 2);
    assert.ok(!/<script[^>]*\ssrc=/.test(html), "no script loaded from elsewhere");
  });

  it("explains that showFigure needs a running tslab cell", () => {
    assert.equal(displayMode(), "interactive");
    for (const mode of ["html", "interactive", "png"] as const)
      assert.throws(
        () => showFigure(fig, { mode }),
        /inside a running tslab notebook cell: in scripts use renderToFile/,
      );
    assert.throws(() => setDisplayMode("pdf" as "png"), /display mode must be/);
  });

  it("makes a MIME bundle of plotly JSON, HTML with the PNG as fallback, PNG and text", () => {
    const png = Uint8Array.from([137, 80, 78, 71, 1, 2, 3]);
    const b = figureMimeBundle(fig, png);
    assert.deepEqual(Object.keys(b).sort(), ["application/vnd.plotly.v1+json", "image/png", "text/html", "text/plain"]);
    assert.equal(PLOTLY_MIME_TYPE, "application/vnd.plotly.v1+json");
    assert.deepEqual(JSON.parse(b[PLOTLY_MIME_TYPE]), {
      ...JSON.parse(JSON.stringify(fig)),
      config: { displaylogo: false },
    });
    assert.equal(b["image/png"], Buffer.from(png).toString("base64"));
    assert.ok(b["text/html"].includes(`src="data:image/png;base64,${b["image/png"]}"`));
    assert.ok(!b["text/html"].includes("plotly.js v"), "no bundle unless asked");
    assert.equal(b["text/plain"], "<Figure, 1 trace>");
    const first = figureMimeBundle(fig, undefined, { includePlotly: true });
    assert.equal(first["text/html"].split("plotly.js v").length - 1, 1);
    assert.equal(first["image/png"], undefined);
    assert.match(first["text/plain"], /no PNG: headless Chromium not found/);
  });
});
