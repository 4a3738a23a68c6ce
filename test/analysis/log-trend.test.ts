import * as assert from "node:assert/strict";
import { fitLogTrend, logTrendAt, logTrendChange } from "../../src/analysis/log-trend";

describe("log-linear trend", () => {
  it("recovers slope and intercept of exact y = a + b log10(x), with zero uncertainty", () => {
    const x = [1e3, 2e3, 5e3, 1e4, 3e4];
    const y = x.map((v) => 0.5 + 0.03 * Math.log10(v));
    const t = fitLogTrend(x, y);
    assert.ok(Math.abs(t.slope - 0.03) < 1e-12);
    assert.ok(Math.abs(t.intercept - 0.5) < 1e-12);
    assert.ok(t.residualStd < 1e-12);
    const at = logTrendAt(t, 1e6);
    assert.ok(Math.abs(at.y - 0.68) < 1e-12);
    assert.ok(at.upper - at.lower < 1e-9);
    assert.ok(Math.abs(at.decadesOutside - Math.log10(1e6 / 3e4)) < 1e-12);
  });

  it("hand-worked example: points (10, 1), (100, 3), (1000, 2)", () => {
    // u = 1, 2, 3; mean u 2, mean y 2; Sxx = 2, Sxy = (-1)(-1) + 0 + (1)(0) = 1: slope 0.5, intercept 1.
    // residuals 1 - 1.5 = -0.5, 3 - 2 = 1, 2 - 2.5 = -0.5: SSE 1.5, df 1, s = sqrt(1.5).
    const t = fitLogTrend([10, 100, 1000], [1, 3, 2]);
    assert.ok(Math.abs(t.slope - 0.5) < 1e-12);
    assert.ok(Math.abs(t.intercept - 1) < 1e-12);
    assert.ok(Math.abs(t.residualStd - Math.sqrt(1.5)) < 1e-12);
    assert.ok(Math.abs(t.slopeSe - Math.sqrt(1.5 / 2)) < 1e-12);
    const at = logTrendAt(t, 100);
    // se at the mean: s sqrt(1/3); t(0.975; 1) = tan(0.475 pi) = 12.7062
    assert.ok(Math.abs(at.se - Math.sqrt(1.5 / 3)) < 1e-12);
    assert.ok(Math.abs(at.upper - at.y - 12.7062 * Math.sqrt(0.5)) < 1e-3);
  });

  it("the interval grows outside the data, and the prediction interval is wider than the confidence interval", () => {
    const x = [1e3, 1e3, 4e3, 4e3, 1.6e4, 1.6e4];
    const y = [0.6, 0.62, 0.63, 0.61, 0.65, 0.64];
    const t = fitLogTrend(x, y);
    const width = (v: number) => {
      const e = logTrendAt(t, v);
      return e.upper - e.lower;
    };
    assert.ok(width(4e3) < width(1.6e4));
    assert.ok(width(1.6e4) < width(1e5));
    assert.ok(width(1e5) < width(7e5));
    const e = logTrendAt(t, 7e5);
    assert.ok(e.predictionUpper - e.predictionLower > e.upper - e.lower);
    assert.equal(logTrendAt(t, 4e3).decadesOutside, 0);
    const c = logTrendChange(t, 1.6e4, 7e5);
    assert.ok(Math.abs(c.change - (logTrendAt(t, 7e5).y - logTrendAt(t, 1.6e4).y)) < 1e-12);
    assert.ok(c.lower < c.change && c.change < c.upper);
  });

  it("rejects data a line cannot be fitted to", () => {
    assert.throws(() => fitLogTrend([1, 2], [1, 2]), /at least 3 points/);
    assert.throws(() => fitLogTrend([5, 5, 5], [1, 2, 3]), /all x are equal/);
    assert.throws(() => fitLogTrend([1, 0, 3], [1, 2, 3]), /x\[1\] = 0/);
    assert.throws(() => fitLogTrend([1, 2, 3], [1, NaN, 3]), /y\[1\]/);
  });
});
