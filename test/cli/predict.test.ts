import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { computeFeatures } from "../../src/features/compute-features";
import { readDumpSync } from "../../src/io/dump-reader";
import { AveragingClassifier } from "../../src/ml/averaging-classifier";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";
import { writeClassifier } from "../../src/ml/model-io";
import { numericColumn, readCsv } from "../../src/table/csv";

const GLASS = path.join(__dirname, "..", "fixtures", "voronoi", "glass.dump.gz");

/** Column indices of a row of contributions by decreasing |value| (ties: lower index first), written plainly. */
function ranked(row: ArrayLike<number>): number[] {
  return Array.from({ length: row.length }, (_, k) => k).sort((a, b) => Math.abs(row[b]) - Math.abs(row[a]) || a - b);
}

describe("cli/predict --explain: the features that make each atom's QS", function () {
  this.timeout(120000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-predict-"));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const frame = readDumpSync(GLASS, { types: ["Cu", "Zr"], sort: true });
  const features = computeFeatures(frame, ["interstice", "mro"]).matrix;
  const k = features.labels.indexOf("vol_voro_mean");
  const d = features.labels.length;
  const col = Float64Array.from({ length: features.n }, (_, i) => features.values[i * d + k]);
  const median = Float64Array.from(col).sort()[Math.floor(col.length / 2)];
  const y = Uint8Array.from(col, (v) => (v > median ? 1 : 0));
  const members = [1, 2].map((s) =>
    new GradientBoostingClassifier({ nEstimators: 30, maxDepth: 2, maxFeatures: "sqrt", randomState: s }).fit(
      features,
      y,
    ),
  );
  const model = new AveragingClassifier(members, "cv-folds");
  const modelFile = path.join(tmp, "model.json");
  writeClassifier(modelFile, model);
  const truth = model.explain(features);
  const log = console.log;
  let printed = "";
  beforeEach(() => {
    printed = "";
    console.log = (...a: unknown[]) => (printed += a.join(" ") + "\n");
  });
  afterEach(() => {
    console.log = log;
  });

  it("CSV: explain_j_name / _contribution / _feature_value are each atom's K largest |contributions|, in order, with the atom's feature values", async () => {
    const csv = path.join(tmp, "qs.csv");
    assert.equal(
      await main(["predict", GLASS, "--types", "Cu,Zr", "--model", modelFile, "--out", csv, "--explain", "3"]),
      0,
    );
    const t = readCsv(csv);
    assert.deepEqual(t.columns, [
      "id",
      "type",
      "qs",
      "explain_1_name",
      "explain_1_contribution",
      "explain_1_feature_value",
      "explain_2_name",
      "explain_2_contribution",
      "explain_2_feature_value",
      "explain_3_name",
      "explain_3_contribution",
      "explain_3_feature_value",
    ]);
    assert.equal(t.rows, frame.natoms);
    for (let j = 1; j <= 3; j++) {
      const names = t.data.get(`explain_${j}_name`) as string[];
      const contributions = numericColumn(t, `explain_${j}_contribution`);
      const values = numericColumn(t, `explain_${j}_feature_value`);
      for (let i = 0; i < t.rows; i++) {
        const row = truth.values.subarray(i * d, i * d + d);
        const f = ranked(row)[j - 1];
        assert.equal(names[i], features.labels[f], `atom ${i} rank ${j}`);
        assert.equal(contributions[i], row[f]);
        assert.equal(values[i], features.values[i * d + f]);
      }
    }
    assert.match(
      printed,
      /explained log-odds \(the mean of the 2 member models' log-odds; QS averages their probabilities\): expected value -?\d\.\d{3}/,
    );
  });

  it("dump: explain_j_feature indexes the model's features (printed), with the contribution and the feature value", async () => {
    const dump = path.join(tmp, "qs.dump");
    assert.equal(
      await main(["predict", GLASS, "--types", "Cu,Zr", "--model", modelFile, "--out", dump, "--explain", "2"]),
      0,
    );
    const back = readDumpSync(dump, { types: ["Cu", "Zr"], sort: true });
    const feature = back.columns.get("explain_1_feature");
    const contribution = back.columns.get("explain_1_contribution");
    const value = back.columns.get("explain_1_feature_value");
    assert.ok(feature && contribution && value && back.columns.get("explain_2_contribution"));
    for (let i = 0; i < back.natoms; i++) {
      const row = truth.values.subarray(i * d, i * d + d);
      assert.equal(feature[i], ranked(row)[0]);
      assert.equal(contribution[i], row[feature[i]]);
      assert.equal(value[i], features.values[i * d + feature[i]]);
    }
    assert.match(printed, new RegExp(`explain_j_feature: .*${feature[0]} = ${features.labels[feature[0]]}`));
  });

  it("from a features CSV: K above the number of features is capped; --explain 0 is a usage error", async () => {
    const fcsv = path.join(tmp, "features.csv");
    const rows = Array.from({ length: 300 }, (_, i) => [(i % 7) - 3, ((i * 13) % 11) - 5]);
    fs.writeFileSync(fcsv, ["id,a,b", ...rows.map((r, i) => [i + 1, ...r].join(","))].join("\n") + "\n");
    const yS = Uint8Array.from(rows, (r) => (r[0] + 0.3 * r[1] > 0 ? 1 : 0));
    const small = new GradientBoostingClassifier({ nEstimators: 10, maxDepth: 2 }).fit(
      { X: Float64Array.from(rows.flat()), nFeatures: 2, featureLabels: ["a", "b"] },
      yS,
    );
    const smallFile = path.join(tmp, "small.json");
    writeClassifier(smallFile, small);
    const out = path.join(tmp, "qs-f.csv");
    assert.equal(await main(["predict", "--features", fcsv, "--model", smallFile, "--out", out, "--explain", "5"]), 0);
    const t = readCsv(out);
    assert.deepEqual(t.columns, [
      "id",
      "qs",
      "explain_1_name",
      "explain_1_contribution",
      "explain_1_feature_value",
      "explain_2_name",
      "explain_2_contribution",
      "explain_2_feature_value",
    ]);
    // With every feature shown, each row's two contributions plus the expected value are its log-odds.
    const expected = small.explain({ X: Float64Array.from([0, 0]), nFeatures: 2 }).expectedValue;
    const raw = small.decisionFunction({ X: Float64Array.from(rows.flat()), nFeatures: 2 });
    const v1 = numericColumn(t, "explain_1_contribution");
    const v2 = numericColumn(t, "explain_2_contribution");
    for (let i = 0; i < t.rows; i++) assert.ok(Math.abs(expected + v1[i] + v2[i] - raw[i]) < 1e-9, `row ${i}`);
    // Each shown feature's value is the input cell of that row and column.
    const n1 = t.data.get("explain_1_name") as string[];
    const f1 = numericColumn(t, "explain_1_feature_value");
    for (let i = 0; i < t.rows; i++) assert.equal(f1[i], rows[i][n1[i] === "a" ? 0 : 1], `row ${i}`);
    const err = console.error;
    console.error = () => {};
    try {
      assert.equal(
        await main(["predict", "--features", fcsv, "--model", smallFile, "--out", out, "--explain", "0"]),
        2,
      );
    } finally {
      console.error = err;
    }
  });
});
