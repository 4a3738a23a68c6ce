import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { computeFeatures } from "../../src/features/compute-features";
import { readDumpSync } from "../../src/io/dump-reader";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";
import { rocAucScore } from "../../src/ml/metrics/roc-auc";
import { writeClassifier } from "../../src/ml/model-io";
import { readCsv, numericColumn } from "../../src/table/csv";
import { readModelCard, writeModelCard, type ModelCard } from "../../src/softness/model-card";
import { QuenchInSoftness } from "../../src/softness/quench-in-softness";

const GLASS = path.join(__dirname, "..", "fixtures", "voronoi", "glass.dump.gz");

describe("softness: quench-in softness from a model and a frame", function () {
  this.timeout(120000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-softness-"));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const frame = readDumpSync(GLASS, { types: ["Cu", "Zr"], sort: true });
  const features = computeFeatures(frame, ["interstice", "mro"]).matrix;
  // A known answer: label the atoms whose mean volume interstice is above the median; a model of the features
  // must rank them almost perfectly.
  const k = features.labels.indexOf("vol_voro_mean");
  const col = Float64Array.from({ length: features.n }, (_, i) => features.values[i * features.labels.length + k]);
  const median = Float64Array.from(col).sort()[Math.floor(col.length / 2)];
  const y = Uint8Array.from(col, (v) => (v > median ? 1 : 0));
  const model = new GradientBoostingClassifier({ nEstimators: 40, maxDepth: 2, randomState: 1 }).fit(features, y);
  const modelFile = path.join(tmp, "model.json");
  writeClassifier(modelFile, model);

  it("predicts the model's probabilities on the frame's own features, in frame order", () => {
    const qs = new QuenchInSoftness({ model, sets: ["interstice", "mro"] }).compute(frame);
    const direct = model.predictProba(features);
    assert.equal(qs.qs.length, frame.natoms);
    for (let i = 0; i < frame.natoms; i++) assert.equal(qs.qs[i], direct[i]);
    assert.ok(rocAucScore(y, qs.qs) > 0.95);
    assert.deepEqual(Array.from(qs.ids), Array.from(frame.ids));
  });

  it("refuses a model whose features the sets do not produce", () => {
    assert.throws(
      () => new QuenchInSoftness({ model, sets: ["cn"] }).compute(frame),
      /needs feature\(s\) dist_voro_mean/,
    );
    // Its feature options are checked when it is made, before any frame is read.
    assert.throws(
      () => new QuenchInSoftness({ model, sets: ["interstice"], featureOptions: { cutoff: 0 } }),
      /cutoff must be a positive number of Angstrom, got 0/,
    );
    assert.throws(() => new QuenchInSoftness({ model, sets: ["nope"] }), /unknown feature set "nope"/);
  });

  it("reads a model through its card, which round-trips and renders as Markdown", () => {
    const card: ModelCard = {
      name: "test-model",
      model: "model.json",
      description: "test",
      sets: ["interstice", "mro"],
      featureOptions: { cutoff: 4, faceFilter: 0.05, clamp: true },
      host: null,
      trainedOn: ["a"],
      testedOn: ["b"],
      label: { strain: 0.04, threshold: 5, cutoff: 5 },
      params: { nEstimators: 40 },
      scores: { cvAuc: 0.8, cvAucStd: 0.01, testAuc: 0.75, testRecall: 0.7, transfer: { c: 0.7 } },
      command: "test",
      created: "2026-11-27",
    };
    const cardFile = path.join(tmp, "test-model.card.json");
    writeModelCard(cardFile, card);
    const back = readModelCard(cardFile);
    assert.equal(back.modelPath, modelFile);
    assert.deepEqual({ ...back, modelPath: undefined }, { ...card, modelPath: undefined });
    assert.match(fs.readFileSync(path.join(tmp, "test-model.md"), "utf8"), /\| test AUC \| 0\.750 \|/);
    const qs = QuenchInSoftness.fromCard(cardFile).compute(frame);
    assert.equal(qs.qs[0], model.predictProba(features)[0]);
  });

  it("qsoft predict writes id,type,qs sorted by id, and a dump with a qs column", async () => {
    const csv = path.join(tmp, "qs.csv");
    const code = await main(["predict", GLASS, "--types", "Cu,Zr", "--model", modelFile, "--out", csv]);
    assert.equal(code, 0);
    const t = readCsv(csv);
    assert.deepEqual(t.columns, ["id", "type", "qs"]);
    const ids = numericColumn(t, "id");
    for (let i = 1; i < ids.length; i++) assert.ok(ids[i] > ids[i - 1]);
    const qs = numericColumn(t, "qs");
    const direct = model.predictProba(features);
    for (let i = 0; i < qs.length; i++) assert.equal(qs[i], direct[i]);
    const dump = path.join(tmp, "qs.dump");
    assert.equal(await main(["predict", GLASS, "--types", "Cu,Zr", "--model", modelFile, "--out", dump]), 0);
    const back = readDumpSync(dump, { types: ["Cu", "Zr"], sort: true });
    const col = back.columns.get("qs");
    assert.ok(col);
    for (let i = 0; i < col.length; i++) assert.equal(col[i], direct[i]);
  });

  it("says which element has no radius", async () => {
    const err = console.error;
    let said = "";
    console.error = (s: string) => (said += s);
    try {
      assert.equal(
        await main(["predict", GLASS, "--types", "Cu,Xx", "--model", modelFile, "--out", path.join(tmp, "x.csv")]),
        1,
      );
    } finally {
      console.error = err;
    }
    assert.match(said, /Xx/);
    assert.ok(!fs.existsSync(path.join(tmp, "x.csv")));
  });
});
