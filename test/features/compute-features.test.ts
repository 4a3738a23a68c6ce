import { strict as assert } from "node:assert";
import { computeFeatures, computeResolvedFeatures, resolveFeaturize } from "../../src/features/compute-features";
import { glassFrame } from "./glass-frame";

describe("features/compute-features progress", () => {
  it("reports the tessellation's atoms, then each set once, and the same matrix as without", () => {
    const frame = glassFrame();
    const calls: [string, number, number][] = [];
    const resolved = resolveFeaturize(["cn", "voronoi_index"]);
    const res = computeResolvedFeatures(frame, resolved, (done, total, stage) => calls.push([stage, done, total]));
    const voronoi = calls.filter((c) => c[0] === "voronoi");
    assert.ok(voronoi.length >= 2, `${voronoi.length} voronoi reports`);
    for (let k = 1; k < voronoi.length; k++) assert.ok(voronoi[k][1] > voronoi[k - 1][1]);
    assert.deepEqual(voronoi.at(-1), ["voronoi", frame.natoms, frame.natoms]);
    assert.deepEqual(
      calls.filter((c) => c[0] === "features"),
      [
        ["features", 1, 2],
        ["features", 2, 2],
      ],
    );
    assert.deepEqual(
      Array.from(res.matrix.values),
      Array.from(computeFeatures(frame, ["cn", "voronoi_index"]).matrix.values),
    );
  });
});
