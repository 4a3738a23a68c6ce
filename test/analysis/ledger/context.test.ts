import { strict as assert } from "node:assert";
import type { SampleComparison } from "../../../src/analysis/feature-set-comparison-samples";
import { LedgerContext } from "../../../src/analysis/paper-claims";
import { loadManifest } from "../../../src/dataset/manifest";

/** A comparison that names its glasses and nothing else: what useFeatureSetComparison checks. */
function namedRun(train: string[], test: string | null): SampleComparison {
  return {
    train: train.map((name) => ({ name })),
    test: test === null ? null : { name: test },
  } as unknown as SampleComparison;
}

describe("analysis/ledger/context: sharing a notebook's Figure 5a run", () => {
  const ids = loadManifest()
    .samples.filter((e) => e.composition === "Cu65Zr35" && e.quenchRate === 1e13 && e.atoms === 8000)
    .sort((a, b) => a.sample - b.sample)
    .map((e) => e.id);

  it("takes the run of the condition's first three glasses (train 1-2, test 3) instead of computing it", async () => {
    const ctx = new LedgerContext();
    const run = namedRun(ids.slice(0, 2), ids[2]);
    ctx.useFeatureSetComparison("Cu65Zr35", run);
    assert.equal(await ctx.featureSetComparison("Cu65Zr35"), run);
  });

  it("refuses a run on other glasses or without the unseen glass, naming both lists", () => {
    const ctx = new LedgerContext();
    assert.throws(
      () => ctx.useFeatureSetComparison("Cu65Zr35", namedRun([ids[1], ids[0]], ids[2])),
      /glasses Cu65Zr35_1e13_s2, Cu65Zr35_1e13_s1, Cu65Zr35_1e13_s3, expected Cu65Zr35_1e13_s1, Cu65Zr35_1e13_s2, Cu65Zr35_1e13_s3/,
    );
    assert.throws(() => ctx.useFeatureSetComparison("Cu65Zr35", namedRun(ids.slice(0, 2), null)), /none, expected/);
  });
});
