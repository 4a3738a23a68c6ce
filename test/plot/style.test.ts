import * as assert from "node:assert/strict";
import { axis, colorAt, logTicks, PALETTE, withAlpha } from "../../src/plot/style";

describe("plot/style", () => {
  it("cycles the palette and converts colours to rgba", () => {
    assert.equal(colorAt(0), PALETTE[0]);
    assert.equal(colorAt(PALETTE.length + 1), PALETTE[1]);
    assert.equal(withAlpha("#0072B2", 0.5), "rgba(0,114,178,0.5)");
    assert.throws(() => withAlpha("blue", 0.5), /expected a colour like/);
  });

  it("drops tick attributes Plotly ignores on tickless and category axes", () => {
    const a = axis("Feature", { type: "category", ticks: "" });
    assert.equal(a.ticklen, undefined);
    assert.equal(a.exponentformat, undefined);
    assert.equal(a.title?.text, "Feature");
    assert.equal(axis("x").ticks, "outside");
  });

  it("labels log ticks in one font: plain numbers near 1, powers of ten far from it", () => {
    const t = logTicks([[3e-6, 8e-6]]);
    const i = (t.tickvals ?? []).indexOf(5e-6);
    assert.ok(i >= 0);
    assert.equal(t.ticktext?.[i], "5×10<sup>\u22126</sup>");
    const u = logTicks([[0.002, 0.02]]);
    assert.equal(u.ticktext?.[(u.tickvals ?? []).indexOf(0.001)], "0.001");
    assert.equal(u.ticktext?.[(u.tickvals ?? []).indexOf(0.05)], "0.05");
    assert.equal(u.ticktext?.[(u.tickvals ?? []).indexOf(1e-4)], "10<sup>\u22124</sup>");
    assert.deepEqual(logTicks([[0, -1, NaN]]), {}, "no positive values: Plotly decides");
  });
});
