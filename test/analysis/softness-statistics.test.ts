import { strict as assert } from "node:assert";
import {
  conditionalProbability,
  decadesSpanned,
  figure3fConditions,
  fractionPredictedByValue,
  normalQuantile,
  wilsonInterval,
  logEdges,
  softnessGroups,
} from "../../src/analysis/softness-statistics";

describe("analysis: softness statistics", () => {
  it("P(plastic | QS) and its ratio to P(plastic), worked by hand", () => {
    // 4 bins of width 0.25. Bin 0: QS 0.1, 0.2 (0 plastic); bin 1: 0.3 (plastic); bin 3: 0.8, 0.9, 1.0 (2 plastic).
    const qs = [0.1, 0.2, 0.3, 0.8, 0.9, 1.0];
    const plastic = [0, 0, 1, 1, 0, 1];
    const r = conditionalProbability(qs, plastic, { bins: 4 });
    assert.deepEqual(Array.from(r.counts), [2, 1, 0, 3]);
    assert.deepEqual(Array.from(r.positives), [0, 1, 0, 2]);
    assert.equal(r.base, 0.5);
    assert.equal(r.probability[0], 0);
    assert.equal(r.probability[1], 1);
    assert.ok(Number.isNaN(r.probability[2]));
    assert.ok(Math.abs(r.ratio[3] - 4 / 3) < 1e-15);
    assert.deepEqual(Array.from(r.centers), [0.125, 0.375, 0.625, 0.875]);
  });

  it("hardest and softest groups with population std", () => {
    const g = softnessGroups([0.05, 0.5, 0.75, 0.09, 0.7]);
    assert.deepEqual(Array.from(g.hard), [1, 0, 0, 1, 0]);
    assert.deepEqual(Array.from(g.soft), [0, 0, 1, 0, 0]);
    assert.equal(g.hardFraction, 0.4);
    assert.equal(g.softFraction, 0.2);
    const m = (0.05 + 0.5 + 0.75 + 0.09 + 0.7) / 5;
    const sd = Math.sqrt([0.05, 0.5, 0.75, 0.09, 0.7].reduce((s, x) => s + (x - m) ** 2, 0) / 5);
    assert.ok(Math.abs(g.std - sd) < 1e-15);
  });

  it("fraction predicted plastic by D2min bin", () => {
    const edges = logEdges(0.1, 100, 3); // 0.1, 1, 10, 100
    assert.ok(Math.abs(edges[1] - 1) < 1e-12 && Math.abs(edges[2] - 10) < 1e-12);
    const r = fractionPredictedByValue([0.5, 0.6, 5, 50, 60, 1000], [0.2, 0.7, 0.9, 0.6, 0.4, 0.9], edges);
    assert.deepEqual(Array.from(r.counts), [2, 1, 2]);
    assert.deepEqual(Array.from(r.fraction), [0.5, 1, 0.5]);
  });

  it("normal quantiles match scipy.stats.norm.ppf", () => {
    // python3 -c "from scipy.stats import norm; print(norm.ppf(p))" (scipy 1.17.1) for each p below.
    const cases: [number, number][] = [
      [0.975, 1.959963984540054],
      [0.995, 2.5758293035489004],
      [0.95, 1.6448536269514722],
      [0.01, -2.3263478740408408],
      [0.5, 0],
    ];
    for (const [p, z] of cases)
      assert.ok(
        Math.abs(normalQuantile(p) - z) < 1e-8 * Math.max(1, Math.abs(z)),
        `p=${p}: ${normalQuantile(p)} vs ${z}`,
      );
  });

  it("Wilson intervals match scipy's binomtest(k, n).proportion_ci(method='wilson')", () => {
    // python3 -c "from scipy.stats import binomtest; ci = binomtest(k, n).proportion_ci(0.95, method='wilson'); print(ci.low, ci.high)"
    // scipy 1.17.1, for each (k, n) below.
    const cases: [number, number, number, number][] = [
      [0, 10, 0.0, 0.27753279986288926],
      [3, 10, 0.10779126740630102, 0.6032218525388546],
      [10, 10, 0.7224672001371109, 1.0],
      [1, 250, 0.0007064475340650949, 0.022305785565415924],
      [47, 1000, 0.035527105106384495, 0.061939938081528444],
    ];
    for (const [k, n, lo, hi] of cases) {
      const w = wilsonInterval(k, n);
      assert.ok(Math.abs(w.low - lo) < 1e-8, `k=${k} n=${n}: low ${w.low} vs ${lo}`);
      assert.ok(Math.abs(w.high - hi) < 1e-8, `k=${k} n=${n}: high ${w.high} vs ${hi}`);
    }
    assert.ok(Number.isNaN(wilsonInterval(0, 0).low));
    assert.throws(() => wilsonInterval(3, 2), /0 <= k <= n/);
    // conditionalProbability carries the same intervals per bin.
    const r = conditionalProbability([0.1, 0.2, 0.3, 0.8, 0.9, 1.0], [0, 0, 1, 1, 0, 1], { bins: 4 });
    assert.equal(r.high[3], wilsonInterval(2, 3).high);
    assert.ok(Number.isNaN(r.low[2]));
  });

  it("decades spanned counts only bins with enough atoms and a plastic one", () => {
    // P = 1/100, 0/50 (no plastic), 5/10 (too few atoms), 30/100: kept 0.01 and 0.3 -> log10(30) decades.
    const span = decadesSpanned({ counts: Int32Array.of(100, 50, 10, 100), positives: Int32Array.of(1, 0, 5, 30) }, 20);
    assert.deepEqual(Array.from(span.kept), [1, 0, 0, 1]);
    assert.equal(span.lowBin, 0);
    assert.equal(span.highBin, 3);
    assert.ok(Math.abs(span.decades - Math.log10(30)) < 1e-12);
    assert.ok(Number.isNaN(decadesSpanned({ counts: Int32Array.of(100), positives: Int32Array.of(1) }).decades));
  });

  it("bootstrap intervals of the fraction predicted: degenerate bins are exact, others bracket the fraction", () => {
    // Bin [0, 1): 4 atoms all predicted (fraction 1, interval [1, 1]); bin [1, 2]: 200 atoms, half predicted.
    const value = [0.1, 0.2, 0.3, 0.4, ...Array.from({ length: 200 }, (_, i) => 1 + i / 400)];
    const score = [0.9, 0.9, 0.9, 0.9, ...Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 0.9 : 0.1))];
    const r = fractionPredictedByValue(value, score, [0, 1, 2], 0.5, { nBootstrap: 400, randomState: 1 });
    assert.deepEqual(Array.from(r.counts), [4, 200]);
    assert.equal(r.low[0], 1);
    assert.equal(r.high[0], 1);
    assert.equal(r.fraction[1], 0.5);
    assert.ok(r.low[1] < 0.5 && r.high[1] > 0.5);
    // The binomial standard error is sqrt(0.25 / 200) = 0.035: the 95 % interval is about +-0.07.
    assert.ok(Math.abs(r.high[1] - r.low[1] - 2 * 1.96 * Math.sqrt(0.25 / 200)) < 0.03, `${r.low[1]}-${r.high[1]}`);
  });

  it("Figure 3f conditions: two compositions at their slowest rate, Cu65Zr35 at its slowest and fastest; 5e12 when present", () => {
    const now = new Map([
      ["Cu50Zr50@1e13", 3],
      ["Cu50Zr50@1e14", 3],
      ["Cu65Zr35@1e13", 3],
      ["Cu65Zr35@1e14", 3],
      ["Cu65Zr35@1e15", 3],
      ["Cu80Zr20@1e13", 3],
      ["Ni62Nb38@1e13", 3],
      ["Cu65Zr35@1e13/32k", 0],
    ]);
    assert.deepEqual(
      figure3fConditions(now).map((c) => c.condition),
      ["Cu50Zr50@1e13", "Cu80Zr20@1e13", "Cu65Zr35@1e13", "Cu65Zr35@1e15"],
    );
    assert.equal(figure3fConditions(now)[0].paperStd, 0.196);
    const later = new Map([...now, ["Cu65Zr35@5e12", 1]]);
    const picked = figure3fConditions(later);
    assert.deepEqual(
      picked.map((c) => c.condition),
      ["Cu50Zr50@1e13", "Cu80Zr20@1e13", "Cu65Zr35@5e12", "Cu65Zr35@1e15"],
    );
    assert.equal(picked[2].paperCondition, "Cu65Zr35 @ 5e12 K/s");
    assert.equal(figure3fConditions(now)[3].paperCondition, "Cu65Zr35 @ 5e12 K/s (its fastest)");
    assert.equal(picked[3].paperCondition, "none: faster than the paper's fastest (5e12 K/s)");
  });
});
