import * as assert from "node:assert/strict";
import { barChart } from "../../src/plot/bar";
import type { BarTrace } from "../../src/plot/figure";
import { assertPlainJson } from "./plain-json";

describe("plot/bar", () => {
  it("draws vertical bars with error bars in the given category order", () => {
    const fig = barChart({
      series: [{ name: "AUC", categories: ["CuZr", "NiNb"], values: Float64Array.of(0.8, 0.75), errors: [0.01, 0.02] }],
      valueTitle: "AUC",
      valueRange: [0.5, 1],
    });
    assertPlainJson(fig);
    const t = fig.data[0] as BarTrace;
    assert.equal(t.type, "bar");
    assert.equal(t.orientation, "v");
    assert.deepEqual(t.x, ["CuZr", "NiNb"]);
    assert.deepEqual(t.y, [0.8, 0.75]);
    assert.deepEqual(t.error_y?.array, [0.01, 0.02]);
    assert.deepEqual(fig.layout.xaxis?.categoryarray, ["CuZr", "NiNb"]);
    assert.deepEqual(fig.layout.yaxis?.range, [0.5, 1]);
  });

  it("sorts horizontal bars by value with the largest at the top", () => {
    const fig = barChart({
      series: [
        { name: "model A", categories: ["a", "b", "c"], values: [0.2, 0.5, 0.3] },
        { name: "model B", categories: ["a", "b", "c"], values: [0.1, 0.1, 0.1] },
      ],
      valueTitle: "Importance",
      orientation: "horizontal",
      sort: "descending",
    });
    assertPlainJson(fig);
    const t = fig.data[0] as BarTrace;
    assert.equal(t.orientation, "h");
    assert.deepEqual(t.y, ["a", "b", "c"]);
    assert.deepEqual(t.x, [0.2, 0.5, 0.3]);
    assert.deepEqual(fig.layout.yaxis?.categoryarray, ["b", "c", "a"]);
    assert.equal(fig.layout.yaxis?.autorange, "reversed");
    assert.equal(fig.layout.xaxis?.title?.text, "Importance");
    assert.equal(fig.layout.barmode, "group");
    assert.equal(fig.layout.showlegend, true);
  });

  it("rejects mismatched lengths and non-finite values, naming the category", () => {
    assert.throws(
      () => barChart({ series: [{ name: "s", categories: ["a", "b"], values: [1] }], valueTitle: "v" }),
      /bar series "s" values has 1 values but its categories has 2/,
    );
    assert.throws(
      () => barChart({ series: [{ name: "s", categories: ["a", "b"], values: [1, NaN] }], valueTitle: "v" }),
      /non-finite value \(NaN\) for category b/,
    );
  });
});
