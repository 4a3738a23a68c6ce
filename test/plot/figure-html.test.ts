import * as assert from "node:assert/strict";
import type { Figure } from "../../src/plot/figure";
import { figureFragment, figureHtml, inlineScript, scriptJson } from "../../src/plot/figure-html";
import { histogram } from "../../src/plot/histogram";
import { showFigure, setDisplayMode, displayMode } from "../../src/plot/notebook-display";
import { plotlyBundle, plotlyVersion } from "../../src/plot/plotly-bundle";

describe("plot/figure-html and notebook display", () => {
  const fig: Figure = histogram({ series: [{ name: "</script><b>x</b>", values: [1, 2, 3] }], xTitle: "x" });

  it("embeds figure JSON so that no text can close the script element", () => {
    const json = scriptJson({ a: "</script>\u2028" });
    assert.ok(!json.includes("</"));
    assert.deepEqual(JSON.parse(json), { a: "</script>\u2028" });
    const frag = figureFragment(fig, "plot-1");
    assert.equal(frag.match(/<\/script>/g)?.length, 1, "only the fragment's own closing tag");
    assert.match(frag, /<div id="plot-1" style="width:700px;height:480px"><\/div>/);
    assert.equal(inlineScript("var s = '</script>';"), "<script>var s = '<\\/script>';</script>");
  });

  it("writes a self-contained page with plotly.js inlined once", () => {
    assert.match(plotlyVersion(), /^\d+\.\d+\.\d+$/);
    const html = figureHtml([fig, fig]);
    assert.ok(html.length > plotlyBundle().length);
    assert.equal(html.split("plotly.js v").length - 1, 1, "one copy of the bundle");
    assert.equal(html.match(/window\.Plotly\.newPlot\("qsoft-figure-\d"/g)?.length, 2);
    assert.ok(!/<script[^>]*\ssrc=/.test(html.replace(plotlyBundle(), "")), "no script loaded from elsewhere");
  });

  it("explains that showFigure needs a running tslab cell", () => {
    assert.equal(displayMode(), "png");
    setDisplayMode("html");
    try {
      assert.throws(() => showFigure(fig), /inside a running tslab notebook cell: use renderToFile/);
    } finally {
      setDisplayMode("png");
    }
    assert.throws(() => setDisplayMode("pdf" as "png"), /display mode must be/);
  });
});
