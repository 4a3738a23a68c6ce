import * as assert from "node:assert/strict";
import { FeatureSampler } from "../../src/ml/feature-sampler";
import { Random } from "../../src/ml/random";

describe("ml/feature-sampler (scikit-learn BestSplitter feature sampling)", () => {
  it("visits every feature in natural order without drawing a random number when maxFeatures >= nFeatures", () => {
    const rng = new Random(1);
    const before = rng.nextInt(1000);
    const a = new Random(1);
    const seen: number[] = [];
    new FeatureSampler(4, 4).sample(a, (f) => {
      seen.push(f);
      return true;
    });
    assert.deepEqual(seen, [0, 1, 2, 3]);
    assert.equal(a.nextInt(1000), before, "the generator was not advanced");
  });

  it("draws distinct features until maxFeatures non-constant ones were evaluated; constant ones do not count", () => {
    const constant = new Set([0, 3, 5]);
    for (let seed = 0; seed < 50; seed++) {
      const seen: number[] = [];
      new FeatureSampler(8, 2).sample(new Random(seed), (f) => {
        seen.push(f);
        return !constant.has(f);
      });
      assert.equal(new Set(seen).size, seen.length, `seed ${seed}: a feature visited twice`);
      assert.equal(seen.filter((f) => !constant.has(f)).length, 2, `seed ${seed}`);
      assert.ok(!constant.has(seen[seen.length - 1]), `seed ${seed}: stops right after the second non-constant`);
    }
  });

  it("visits every feature once when all are constant, and reaches every feature over many draws", () => {
    const seen: number[] = [];
    new FeatureSampler(5, 1).sample(new Random(7), (f) => {
      seen.push(f);
      return false;
    });
    assert.deepEqual([...seen].sort(), [0, 1, 2, 3, 4]);
    const first = new Set<number>();
    const sampler = new FeatureSampler(5, 1);
    const rng = new Random(3);
    for (let k = 0; k < 200; k++)
      sampler.sample(rng, (f) => {
        first.add(f);
        return true;
      });
    assert.deepEqual([...first].sort(), [0, 1, 2, 3, 4]);
  });
});
