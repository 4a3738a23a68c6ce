import { strict as assert } from "node:assert";
import { join } from "node:path";
import { computeFeatures } from "../../src/features/compute-features";
import { frameSpecies } from "../../src/features/species";
import { resolveSymmetryFunctionParams, symmetryFunctions } from "../../src/features/symmetry-functions";
import { parallelSymmetryFunctions } from "../../src/features/symmetry-functions-parallel";
import { readDumpSync } from "../../src/io/dump-reader";
import { cutoffNeighbors } from "../../src/neighbors/cutoff-neighbors";

const glass = (name: string) =>
  readDumpSync(join(__dirname, "..", "fixtures", "voronoi", name), { types: ["Cu", "Zr"] });

function assertBitwise(a: Float64Array, b: Float64Array, what: string): void {
  assert.equal(b.length, a.length, `${what}: size`);
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) assert.fail(`${what}: entry ${k}: ${a[k]} vs ${b[k]}`);
}

describe("features/symmetry-functions-parallel", () => {
  it("rows on 3 threads are bitwise the one-thread rows from the whole neighbor list (tilted box)", function () {
    this.timeout(120_000);
    const frame = glass("glass-triclinic.dump.gz");
    const p = resolveSymmetryFunctionParams({ radialCount: 20, angular: [{ xi: 1.2, lambda: 1, zeta: 2 }] });
    const sp = frameSpecies(frame);
    const one = symmetryFunctions(cutoffNeighbors(frame, p.cutoff * p.unit), sp.index, 2, p);
    const three = parallelSymmetryFunctions(frame, sp.index, 2, p, 3);
    assertBitwise(one, three, "3 threads");
    assert.ok(one.some((x) => x > 0));
  });

  it("`--set symmetry_functions` with threads 2 gives the matrix of threads 1", function () {
    this.timeout(300_000);
    const frame = glass("glass.dump.gz");
    const a = computeFeatures(frame, ["symmetry_functions"], { threads: 1 }).matrix;
    const b = computeFeatures(frame, ["symmetry_functions"], { threads: 2 }).matrix;
    assert.deepEqual(b.labels, a.labels);
    assertBitwise(a.values, b.values, "threads 2");
  });
});
