import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { binValues, sharedRange } from "../../src/plot/binning";

interface HistCase {
  values: "steps" | "normal";
  bins: number;
  range: [number, number] | null;
  edges: number[];
  counts: number[];
  density: number[];
}
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/plot/numpy-histogram.json"), "utf8")) as {
  values: Record<"steps" | "normal", number[]>;
  cases: HistCase[];
};

describe("plot/binning: equal-width histogram bins", () => {
  it("counts a hand-worked example with the last bin closed", () => {
    const b = binValues([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { bins: 5 });
    assert.deepEqual(Array.from(b.edges), [0, 2, 4, 6, 8, 10]);
    assert.deepEqual(Array.from(b.counts), [2, 2, 2, 2, 3]);
    assert.equal(b.total, 11);
  });

  it("normalises to probabilities summing to 1 and densities integrating to 1", () => {
    const v = [0.1, 0.2, 0.2, 0.7, 0.9, 1.3];
    const p = binValues(v, { bins: 4, range: [0, 2], normalization: "probability" });
    assert.deepEqual(Array.from(p.counts), [3, 2, 1, 0]);
    assert.ok(Math.abs(p.heights.reduce((a, b) => a + b, 0) - 1) < 1e-15);
    const d = binValues(v, { bins: 4, range: [0, 2], normalization: "density" });
    assert.deepEqual(Array.from(d.heights), [1, 2 / 3, 1 / 3, 0]);
  });

  it("leaves out values outside the range and NaN", () => {
    const b = binValues([-1, 0, 0.5, 1, 2, NaN], { bins: 2, range: [0, 1] });
    assert.deepEqual(Array.from(b.counts), [1, 2]);
    assert.equal(b.total, 3);
  });

  it("widens a zero-width range by 0.5 on each side, as numpy", () => {
    assert.deepEqual(sharedRange([[3, 3, 3]]), [2.5, 3.5]);
    assert.deepEqual(Array.from(binValues([3, 3], { bins: 2 }).counts), [0, 2]);
  });

  it("matches numpy.histogram edges, counts and densities (fixture)", () => {
    for (const c of fixture.cases) {
      const values = fixture.values[c.values];
      const label = `${c.values}, bins ${c.bins}, range ${JSON.stringify(c.range)}`;
      const b = binValues(values, { bins: c.bins, range: c.range ?? undefined, normalization: "density" });
      assert.deepEqual(Array.from(b.edges), c.edges, `edges: ${label}`);
      assert.deepEqual(Array.from(b.counts), c.counts, `counts: ${label}`);
      b.heights.forEach((h, k) =>
        assert.ok(Math.abs(h - c.density[k]) <= 1e-12 * Math.max(1, c.density[k]), `density[${k}]: ${label}`),
      );
    }
  });

  it("refuses bad bins and ranges", () => {
    assert.throws(() => binValues([1, 2], { bins: 0 }), /bins must be a positive integer/);
    assert.throws(() => binValues([1, 2], { bins: 2.5 }), /bins must be a positive integer/);
    assert.throws(() => binValues([1, 2], { range: [1, 1] }), /upper > lower/);
    assert.throws(() => sharedRange([[NaN]]), /no finite values/);
  });
});
