import { strict as assert } from "node:assert";
import { join } from "node:path";
import { computeFeatures, computeResolvedFeatures, resolveFeaturize } from "../../src/features/compute-features";
import type { StructureContext } from "../../src/features/context";
import { BaseFeaturizer, type Citation } from "../../src/features/featurizer";
import { frameSpecies } from "../../src/features/species";
import { resolveSymmetryFunctionParams, symmetryFunctions } from "../../src/features/symmetry-functions";
import { startParallelSymmetryFunctions } from "../../src/features/symmetry-functions-parallel";
import { readDumpSync } from "../../src/io/dump-reader";
import { cutoffNeighbors } from "../../src/neighbors/cutoff-neighbors";
import type { FeatureMatrix } from "../../src/table/feature-matrix";

const glass = () =>
  readDumpSync(join(__dirname, "..", "fixtures", "voronoi", "glass.dump.gz"), { types: ["Cu", "Zr"] });

/** A set that fails, to see what happens to the sets started in the background. */
class FailingFeaturizer extends BaseFeaturizer {
  readonly name = "failing";
  readonly key = "failing";
  featureLabels(): string[] {
    return ["x"];
  }
  citations(): Citation[] {
    return [];
  }
  compute(_ctx: StructureContext): FeatureMatrix {
    throw new Error("this set fails on purpose");
  }
}

describe("feature sets started in the background (Featurizer.start)", () => {
  const frame = glass();
  const p = resolveSymmetryFunctionParams({ radialCount: 10, angular: [{ xi: 1.2, lambda: 1, zeta: 2 }] });

  it("symmetry functions overlapping other sets give the one-thread matrix, bitwise", function () {
    this.timeout(300_000);
    const sets = ["cn", "symmetry_functions", "boop"];
    const opts = { params: { symmetry_functions: { radialCount: 10, angular: p.angular } } };
    const a = computeFeatures(frame, sets, { ...opts, threads: 1 }).matrix;
    const b = computeFeatures(frame, sets, { ...opts, threads: 2 }).matrix;
    assert.deepEqual(b.labels, a.labels);
    assert.equal(a.values.length, b.values.length);
    for (let k = 0; k < a.values.length; k++)
      if (!Object.is(a.values[k], b.values[k])) assert.fail(`entry ${k}: ${a.values[k]} vs ${b.values[k]}`);
  });

  it("a started job joins with the rows of one thread, and refuses a second join or a join after cancel", function () {
    this.timeout(120_000);
    const sp = frameSpecies(frame);
    const one = symmetryFunctions(cutoffNeighbors(frame, p.cutoff * p.unit), sp.index, 2, p);
    const job = startParallelSymmetryFunctions(frame, sp.index, 2, p, 2);
    assert.deepEqual(Array.from(job.join()), Array.from(one));
    assert.throws(() => job.join(), /already joined/);
    job.cancel();
    const cancelled = startParallelSymmetryFunctions(frame, sp.index, 2, p, 2);
    cancelled.cancel();
    cancelled.cancel();
    assert.throws(() => cancelled.join(), /already cancelled/);
  });

  it("when another set fails, the error surfaces and the next call still works", function () {
    this.timeout(120_000);
    const resolved = resolveFeaturize(["symmetry_functions"], {
      threads: 2,
      params: { symmetry_functions: { radialCount: 10, angular: p.angular } },
    });
    const failing = { ...resolved, featurizers: [...resolved.featurizers, new FailingFeaturizer()] };
    assert.throws(() => computeResolvedFeatures(frame, failing), /fails on purpose/);
    const again = computeResolvedFeatures(frame, resolved).matrix;
    assert.equal(again.labels.length, 2 * 10 + 3);
  });
});
