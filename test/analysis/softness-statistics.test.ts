import { strict as assert } from "node:assert";
import {
  conditionalProbability,
  fractionPredictedByValue,
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
});
