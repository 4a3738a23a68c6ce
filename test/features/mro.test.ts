import * as assert from "node:assert/strict";
import { coarseGrain, coarseGrainLabels } from "../../src/features/coarse-grain";
import { computeFeatures, createFeaturizers } from "../../src/features/compute-features";
import { StructureContext } from "../../src/features/context";
import type { Citation } from "../../src/features/featurizer";
import type { FeatureMatrix } from "../../src/table/feature-matrix";
import { BaseFeaturizer } from "../../src/features/featurizer";
import { INTERSTICE_LABELS } from "../../src/features/interstice";
import { MroFeaturizer } from "../../src/features/mro";
import { cell, close, listFromRows, makeFrame } from "./featurize-helpers";

// A 5-atom chain 0-1-2-3-4 (neighbors = adjacent atoms) and one column x = [1, 2, 4, 8, NaN].
const chain = listFromRows([
  [{ j: 1, v: [1, 0, 0] }],
  [
    { j: 0, v: [-1, 0, 0] },
    { j: 2, v: [1, 0, 0] },
  ],
  [
    { j: 1, v: [-1, 0, 0] },
    { j: 3, v: [1, 0, 0] },
  ],
  [
    { j: 2, v: [-1, 0, 0] },
    { j: 4, v: [1, 0, 0] },
  ],
  [{ j: 3, v: [-1, 0, 0] }],
]);
const x: FeatureMatrix = { n: 5, labels: ["x", "y"], values: Float64Array.from([1, 10, 2, 20, 4, 40, 8, 80, NaN, 0]) };

/** A featurizer that counts its compute calls: one column = atom index. */
class Counting extends BaseFeaturizer {
  readonly name = "counting";
  readonly key = "counting";
  calls = 0;
  featureLabels(): string[] {
    return ["idx"];
  }
  citations(): Citation[] {
    return [];
  }
  compute(ctx: StructureContext): FeatureMatrix {
    this.calls++;
    return { n: ctx.n, labels: ["idx"], values: Float64Array.from({ length: ctx.n }, (_, i) => i) };
  }
}

describe("MRO coarse-graining (paper Eq. 1)", () => {
  it("mean/min/max/population std over neighbors, centre excluded, by hand", () => {
    const m = coarseGrain(x, chain, {}, ["x"]);
    assert.deepEqual(m.labels, ["mro_x_mean", "mro_x_min", "mro_x_max", "mro_x_std"]);
    // atom 0: {2}; atom 1: {1, 4} -> mean 2.5, std 1.5; atom 2: {2, 8} -> 5, 3; atom 3: {4, NaN} -> NaN skipped -> 4;
    // atom 4: {8}.
    const want = [
      [2, 2, 2, 0],
      [2.5, 1, 4, 1.5],
      [5, 2, 8, 3],
      [4, 4, 4, 0],
      [8, 8, 8, 0],
    ];
    want.forEach((row, i) => row.forEach((v, k) => close(m.values[4 * i + k], v, 1e-15, `atom ${i} stat ${k}`)));
  });

  it("includeCenter adds the atom's own value; sum is available; an atom with no finite value gets NaN", () => {
    const m = coarseGrain(x, chain, { includeCenter: true, stats: ["mean", "sum", "std"] }, ["x"]);
    assert.deepEqual(m.labels, ["mro_x_mean", "mro_x_sum", "mro_x_std"]);
    // atom 1: {2, 1, 4}: mean 7/3, sum 7, std sqrt(((2-7/3)^2 + (1-7/3)^2 + (4-7/3)^2) / 3) = sqrt(14/9).
    close(m.values[3], 7 / 3, 1e-15, "mean");
    close(m.values[4], 7, 0, "sum");
    close(m.values[5], Math.sqrt(14 / 9), 1e-15, "std");
    // atom 4: {NaN (own), 8}: own NaN skipped.
    close(m.values[12], 8, 0, "atom 4 mean");
    const lonely = coarseGrain(
      { n: 2, labels: ["x"], values: Float64Array.from([1, NaN]) },
      listFromRows([[{ j: 1, v: [1, 0, 0] }], []]),
    );
    for (const v of lonely.values) assert.ok(Number.isNaN(v));
  });

  it("labels are column-major with the paper's stats; bad columns and stats are refused", () => {
    assert.deepEqual(coarseGrainLabels(["a", "b"]), [
      "mro_a_mean",
      "mro_a_min",
      "mro_a_max",
      "mro_a_std",
      "mro_b_mean",
      "mro_b_min",
      "mro_b_max",
      "mro_b_std",
    ]);
    assert.throws(() => coarseGrain(x, chain, {}, ["z"]), /no feature "z"/);
    assert.throws(
      () => coarseGrain(x, chain, { stats: ["median" as "mean"] }),
      /unknown coarse-graining statistic "median"/,
    );
    assert.throws(() => coarseGrain(x, listFromRows([[]]), {}), /neighbor list has 1 rows, the features 5/);
  });

  it("MroFeaturizer reuses the base matrix computed in the same context", () => {
    const frame = makeFrame([0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0, 4, 0, 0], [1, 1, 1, 1, 1], ["Cu"]);
    const base = new Counting();
    const ctx = new StructureContext(frame, { voronoiNeighbors: chain, cutoffNeighbors: chain });
    ctx.features(base);
    const mro = ctx.features(new MroFeaturizer(base));
    assert.equal(base.calls, 1);
    assert.deepEqual(mro.labels, ["mro_idx_mean", "mro_idx_min", "mro_idx_max", "mro_idx_std"]);
    close(cell(mro, 2, "mro_idx_mean"), 2, 0, "neighbors 1 and 3");
    // Cutoff neighbors instead of Voronoi ones: a different list gives a different result.
    const star = listFromRows([[1, 2, 3, 4].map((j) => ({ j, v: [j, 0, 0] })), [], [], [], []]);
    const viaCut = new MroFeaturizer(base, { neighbors: "cutoff" }).compute(
      new StructureContext(frame, { voronoiNeighbors: chain, cutoffNeighbors: star }),
    );
    close(cell(viaCut, 0, "mro_idx_mean"), 2.5, 0, "mean of 1..4");
    assert.ok(Number.isNaN(cell(viaCut, 1, "mro_idx_mean")));
  });

  it("the mro set is 64 columns mro_<sro>_<stat>, and interstice + mro share one SRO computation", () => {
    const [sro, mro] = createFeaturizers(["interstice", "mro"]);
    const labels = mro.featureLabels();
    assert.equal(labels.length, 64);
    assert.equal(labels[0], "mro_dist_voro_mean_mean");
    assert.ok(labels.includes("mro_vol_voro_mean_std"));
    assert.deepEqual(
      labels.slice(0, 4),
      ["mean", "min", "max", "std"].map((s) => `mro_${INTERSTICE_LABELS[0]}_${s}`),
    );
    assert.equal(sro.key, (mro as MroFeaturizer).base.key, "same key: the context computes the SRO matrix once");
    const all = createFeaturizers(["all"]).map((f) => f.name);
    assert.ok(all.includes("interstice") && all.includes("mro"));
  });

  it("computeFeatures concatenates sets in the order asked", () => {
    // Regular tetrahedral cage around atom 0 (every atom sees the others through the lists below).
    const pts = [
      [0, 0, 0],
      [1, 1, 1],
      [1, -1, -1],
      [-1, 1, -1],
      [-1, -1, 1],
    ];
    const rows = pts.map((p, i) => pts.flatMap((q, j) => (j === i ? [] : [{ j, v: q.map((c, d) => c - p[d]) }])));
    const list = listFromRows(rows);
    const frame = makeFrame(pts.flat(), [1, 1, 1, 1, 1], ["Cu"]);
    const res = computeFeatures(frame, ["mro", "interstice"], {
      voronoiNeighbors: list,
      cutoffNeighbors: list,
      radii: { Cu: 0.8 },
    });
    assert.equal(res.matrix.labels.length, 80);
    assert.equal(res.matrix.labels[0], "mro_dist_voro_mean_mean");
    assert.equal(res.matrix.labels[64], "dist_voro_mean");
    assert.ok(res.citations.some((c) => c.key === "WangJain2019"));
    assert.throws(() => computeFeatures(frame, ["nope"]), /unknown feature set "nope" \(known: .*interstice.*\)/);
  });
});
