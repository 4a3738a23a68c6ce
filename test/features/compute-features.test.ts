import { strict as assert } from "node:assert";
import { computeFeatures, computeResolvedFeatures, resolveFeaturize } from "../../src/features/compute-features";
import { glassFrame } from "./glass-frame";

describe("features/compute-features progress", () => {
  it("reports each set once, in column order, with the count done of the total, and the same matrix as without", () => {
    const frame = glassFrame();
    const calls: [string, number, number][] = [];
    const resolved = resolveFeaturize(["cn", "voronoi_index"]);
    const res = computeResolvedFeatures(frame, resolved, (set, done, total, seconds) => {
      assert.ok(seconds >= 0);
      calls.push([set, done, total]);
    });
    assert.deepEqual(calls, [
      ["cn", 1, 2],
      ["voronoi_index", 2, 2],
    ]);
    assert.deepEqual(
      Array.from(res.matrix.values),
      Array.from(computeFeatures(frame, ["cn", "voronoi_index"]).matrix.values),
    );
  });
});
