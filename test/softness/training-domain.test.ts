import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { computeFeatures } from "../../src/features/compute-features";
import { readDumpSync } from "../../src/io/dump-reader";
import { conditionOf, loadManifest } from "../../src/dataset/manifest";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";
import { writeClassifier } from "../../src/ml/model-io";
import { modelCardMarkdown, writeModelCard, type ModelCard } from "../../src/softness/model-card";
import { DEFAULT_MODEL, QuenchInSoftness } from "../../src/softness/quench-in-softness";
import { checkDomain, trainingDomain } from "../../src/softness/training-domain";

const GLASS = path.join(__dirname, "..", "fixtures", "voronoi", "glass.dump.gz");

describe("softness: training domain and its warning", function () {
  this.timeout(120000);

  it("the domain is each feature's training range; the share counts atoms with any feature outside (hand-worked)", () => {
    const d = trainingDomain({ n: 3, labels: ["a", "b"], values: Float64Array.from([0, 10, 1, 20, 2, 30]) }, [
      "Cu",
      "Zr",
    ]);
    assert.deepEqual(d.min, [0, 10]);
    assert.deepEqual(d.max, [2, 30]);
    assert.deepEqual(d.roles, ["A", "B"]);
    // 4 atoms: in range; a above; b below; both outside -> 3 of 4 outside, a 2 of 4, b 2 of 4.
    const c = checkDomain(d, ["Cu", "Zr"], { values: [1, 15, 3, 15, 1, 5, -1, 31], nSamples: 4 });
    assert.equal(c.outsideShare, 0.75);
    assert.deepEqual(c.outsideFeatures, [
      { feature: "a", share: 0.5 },
      { feature: "b", share: 0.5 },
    ]);
    assert.equal(c.inDomain, false);
    assert.match(c.message ?? "", /75\.0 % of the atoms have a feature outside the training range \(threshold 5 %/);
    // The threshold is a share: 1 atom of 25 (4 %) outside passes, 2 of 25 (8 %) do not.
    const rows = (outside: number) =>
      Float64Array.from({ length: 50 }, (_, p) => (p % 2 === 0 ? (p / 2 < outside ? 5 : 1) : 20));
    assert.equal(checkDomain(d, ["Cu", "Zr"], { values: rows(1), nSamples: 25 }).inDomain, true);
    assert.equal(checkDomain(d, ["Cu", "Zr"], { values: rows(2), nSamples: 25 }).inDomain, false);
    const ni = checkDomain(d, ["Ni", "Zr"], { values: [1, 15], nSamples: 1 });
    assert.deepEqual(ni.unknownElements, ["Ni"]);
    assert.match(ni.message ?? "", /element\(s\) Ni had no role in training \(trained on Cu, Zr\)/);
    assert.equal(checkDomain(d, ["Zr", "Cu"], { values: [1, 15], nSamples: 1 }).message, null);
  });

  it("QuenchInSoftness exposes the check (no printing); qsoft predict warns on stderr with the share", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-domain-"));
    try {
      const frame = readDumpSync(GLASS, { types: ["Cu", "Zr"], sort: true });
      const features = computeFeatures(frame, ["interstice", "mro"]).matrix;
      const y = Uint8Array.from({ length: features.n }, (_, i) => i % 2);
      const model = new GradientBoostingClassifier({ nEstimators: 5, maxDepth: 2 }).fit(features, y);
      writeClassifier(path.join(tmp, "m.json"), model);
      // The domain of the first half of the atoms: some of the other half lie outside it.
      const half = Math.floor(features.n / 2);
      const nf = features.labels.length;
      const domain = trainingDomain(
        { n: half, labels: features.labels, values: features.values.subarray(0, half * nf) },
        ["Cu", "Zr"],
      );
      let outside = 0;
      for (let i = 0; i < features.n; i++) {
        let any = false;
        for (let k = 0; k < nf; k++) {
          const v = features.values[i * nf + k];
          if (v < domain.min[k] || v > domain.max[k]) any = true;
        }
        if (any) outside++;
      }
      const card: ModelCard = {
        name: "dom",
        model: "m.json",
        description: "test",
        sets: ["interstice", "mro"],
        featureOptions: { cutoff: 4, faceFilter: 0.05, clamp: true },
        host: null,
        trainedOn: ["a"],
        testedOn: ["a"],
        label: { strain: 0.04, threshold: 5, cutoff: 5 },
        params: {},
        scores: { cvAuc: 0.5, cvAucStd: 0, testAuc: 0.5, testRecall: 0.5, transfer: {} },
        domain: { ...domain, outsideShareThreshold: 0.001 },
        command: "test",
        created: "2026-12-03",
      };
      const cardFile = path.join(tmp, "dom.card.json");
      writeModelCard(cardFile, card);
      assert.match(modelCardMarkdown(card), /\| domain \| elements Cu \(role A\), Zr \(role B\); 80 feature ranges/);
      const r = QuenchInSoftness.fromCard(cardFile).compute(frame);
      assert.ok(r.domain);
      assert.ok(outside > 0);
      assert.equal(r.domain.outsideShare, outside / features.n);
      assert.equal(r.domain.inDomain, false);
      const err = console.error;
      const log = console.log;
      let said = "";
      console.error = (s: string) => (said += s);
      console.log = () => undefined;
      try {
        const out = path.join(tmp, "qs.csv");
        assert.equal(await main(["predict", GLASS, "--types", "Cu,Zr", "--model", cardFile, "--out", out]), 0);
      } finally {
        console.error = err;
        console.log = log;
      }
      assert.match(said, new RegExp(`warning: .*${(100 * r.domain.outsideShare).toFixed(1)} % of the atoms`));
      // Without a domain on the card there is no check.
      writeModelCard(cardFile, { ...card, domain: undefined });
      assert.equal(QuenchInSoftness.fromCard(cardFile).compute(frame).domain, undefined);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
  it('ships the general model as the default and the paper\'s as the alias "paper"; its card is consistent', () => {
    assert.equal(DEFAULT_MODEL, "cu-zr-general");
    const general = QuenchInSoftness.shipped();
    const paper = QuenchInSoftness.shipped("paper");
    assert.equal(general.card?.name, "cu-zr-general");
    assert.equal(paper.card?.name, "cu65zr35-interstice");
    assert.equal(paper.card?.domain, undefined);
    const card = general.card;
    assert.ok(card?.glassCv && card.domain && card.transferByCondition);
    // Each condition's AUC is the mean of its glasses', the headline the mean over glasses.
    const perGlass = Object.entries(card.glassCv.perGlass);
    assert.equal(perGlass.length, card.trainedOn.length);
    const avg = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    // Each glass's condition from the manifest ("Cu65Zr35@1e13/32k" for the 32,000-atom variant, not "Cu65Zr35@1e13").
    const conditionOfId = new Map(loadManifest().samples.map((e) => [e.id, conditionOf(e)]));
    for (const [condition, auc] of Object.entries(card.glassCv.perCondition)) {
      const own = perGlass.filter(([id]) => conditionOfId.get(id) === condition).map(([, a]) => a);
      assert.ok(own.length > 0, condition);
      assert.ok(Math.abs(avg(own) - auc) < 1e-12, condition);
    }
    assert.ok(Math.abs(avg(perGlass.map(([, a]) => a)) - card.glassCv.mean) < 1e-12);
    for (const c of ["Ni62Nb38@1e13", "Al90Sm10@1e13", "Fe80P20@1e13"]) assert.ok(card.transferByCondition[c] > 0, c);
    assert.deepEqual(card.domain.elements, ["Cu", "Zr"]);
    assert.equal(card.domain.features.length, 80);
    assert.ok(card.domain.min.every((m, k) => m <= card.domain!.max[k]));
  });
});
