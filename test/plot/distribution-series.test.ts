import * as assert from "node:assert/strict";
import { flattenSeries, hasCategories, seriesParts } from "../../src/plot/distribution-series";

describe("plot/distribution-series", () => {
  it("flattens one data set (no x) or groups by category (x per value)", () => {
    assert.deepEqual(flattenSeries({ name: "soft", values: [1, 2] }, "violin"), { x: undefined, y: [1, 2] });
    const grouped = flattenSeries(
      {
        name: "soft",
        groups: [
          { category: "a", values: [1] },
          { category: "b", values: [2, 3] },
        ],
      },
      "violin",
    );
    assert.deepEqual(grouped, { x: ["a", "b", "b"], y: [1, 2, 3] });
    assert.deepEqual(flattenSeries({ name: "s", values: [4], category: "c" }, "box"), { x: ["c"], y: [4] });
  });

  it("tells whether any series is split by categories", () => {
    assert.equal(hasCategories([{ name: "a", values: [1] }]), false);
    assert.equal(
      hasCategories([
        { name: "a", values: [1] },
        { name: "b", values: [1], category: "x" },
      ]),
      true,
    );
  });

  it("refuses both or neither of values and groups, empty data and non-finite values, naming the series", () => {
    assert.throws(
      () => seriesParts({ name: "s", values: [1], groups: [] }, "violin"),
      /violin "s": give values or groups, not both/,
    );
    assert.throws(() => seriesParts({ name: "s" }, "box"), /box "s" has neither values nor groups/);
    assert.throws(() => seriesParts({ name: "s", groups: [] }, "box"), /box "s" is empty/);
    assert.throws(
      () => seriesParts({ name: "s", groups: [{ category: "q", values: [] }] }, "box"),
      /box "s" category q is empty/,
    );
    assert.throws(
      () => seriesParts({ name: "s", values: [1, NaN] }, "violin"),
      /violin "s" has a non-finite value \(NaN\) at index 1/,
    );
  });
});
