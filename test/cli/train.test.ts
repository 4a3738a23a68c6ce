import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { UsageError } from "../../src/cli/command";
import { predictFeaturesCsv } from "../../src/cli/predict-features";
import { parseGbdtParams, trainCommand } from "../../src/cli/train";
import { readClassifier } from "../../src/ml/model-io";
import { Random } from "../../src/ml/random";
import { readCsv } from "../../src/table/csv";

/** Writes features.csv (id, type, f0..f3) and d2.csv (id, d2min; shuffled, one extra id) into `dir`. */
function writeInputs(dir: string, n = 800, seed = 5): void {
  const rng = new Random(seed);
  const f: string[] = ["id,type,f0,f1,f2,f3"];
  const l: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = [rng.normal(), rng.normal(), rng.normal(), rng.normal()];
    const d2 = Math.exp(1 + 0.8 * x[0] - 0.5 * x[1] + 0.3 * rng.normal());
    f.push([i + 1, 1 + (i % 2), ...x.map((v) => v.toFixed(5))].join(","));
    l.push(`${i + 1},${d2.toFixed(5)}`);
  }
  new Random(seed + 1).shuffle(l as unknown as number[]);
  l.push(`${n + 100},1.0`);
  fs.writeFileSync(path.join(dir, "features.csv"), f.join("\n") + "\n");
  fs.writeFileSync(path.join(dir, "d2.csv"), ["id,d2min", ...l].join("\n") + "\n");
}

describe("qsoft train / predictFeaturesCsv", () => {
  let dir = "";
  const log = console.log;
  let printed: string[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-train-"));
    writeInputs(dir);
    printed = [];
    console.log = (...a: unknown[]) => printed.push(a.join(" "));
  });
  afterEach(() => {
    console.log = log;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("trains on features joined to labels by id, prints CV AUC, writes a model that predicts id,qs", async () => {
    const f = (n: string) => path.join(dir, n);
    const code = await trainCommand.run([
      "--features",
      f("features.csv"),
      "--labels",
      f("d2.csv"),
      "--threshold",
      "5",
      "--params",
      "nEstimators=40,maxDepth=2",
      "--undersample",
      "--out",
      f("model.json"),
    ]);
    assert.equal(code, 0);
    const text = printed.join("\n");
    assert.match(text, /800 atoms with labels \(0 without\)/);
    const auc = Number(/5-fold CV AUC ([0-9.]+)/.exec(text)?.[1]);
    assert.ok(auc > 0.8 && auc <= 1, text);
    const model = readClassifier(f("model.json"));
    assert.ok(model.predictProba);
    const n = await predictFeaturesCsv(f("model.json"), f("features.csv"), f("qs.csv"));
    assert.equal(n, 800);
    const qs = readCsv(f("qs.csv"));
    assert.deepEqual(qs.columns, ["id", "qs"]);
    assert.equal(qs.rows, 800);
    assert.equal((qs.data.get("id") as Float64Array)[0], 1);
    assert.ok((qs.data.get("qs") as Float64Array).every((p) => p > 0 && p < 1));
  });

  it("--fold-models saves the average of the fold models", async () => {
    const f = (n: string) => path.join(dir, n);
    await trainCommand.run([
      "--features",
      f("features.csv"),
      "--labels",
      f("d2.csv"),
      "--params",
      "nEstimators=5",
      "--folds",
      "3",
      "--fold-models",
      "--out",
      f("m.json"),
    ]);
    const json = JSON.parse(fs.readFileSync(f("m.json"), "utf8")) as { format: string; members: unknown[] };
    assert.equal(json.format, "qsoft.AveragingClassifier");
    assert.equal(json.members.length, 3);
    assert.equal(await predictFeaturesCsv(f("m.json"), f("features.csv"), f("qs.csv")), 800);
  });

  it("usage errors and data errors name the problem", async () => {
    const f = (n: string) => path.join(dir, n);
    await assert.rejects(trainCommand.run(["--labels", f("d2.csv"), "--out", f("m.json")]), UsageError);
    await assert.rejects(
      trainCommand.run([
        "--features",
        f("features.csv"),
        "--labels",
        f("d2.csv"),
        "--out",
        f("m.json"),
        "--params",
        "depth=3",
      ]),
      /unknown parameter "depth"/,
    );
    await assert.rejects(
      trainCommand.run([
        "--features",
        f("features.csv"),
        "--labels",
        f("d2.csv"),
        "--out",
        f("m.json"),
        "--params",
        "maxDepth=0",
      ]),
      /maxDepth=0/,
    );
    await assert.rejects(
      trainCommand.run([
        "--features",
        f("features.csv"),
        "--labels",
        f("d2.csv"),
        "--out",
        f("m.json"),
        "--label-column",
        "d2",
      ]),
      /no column "d2"/,
    );
    await assert.rejects(
      trainCommand.run(["--features", f("nope.csv"), "--labels", f("d2.csv"), "--out", f("m.json")]),
      /nope.csv: no such file/,
    );
    fs.writeFileSync(f("few.csv"), "id,f0,f1\n1,0.5,0.2\n");
    await trainCommand.run([
      "--features",
      f("features.csv"),
      "--labels",
      f("d2.csv"),
      "--params",
      "nEstimators=3",
      "--folds",
      "2",
      "--out",
      f("m.json"),
    ]);
    await assert.rejects(
      predictFeaturesCsv(f("m.json"), f("few.csv"), f("qs.csv")),
      /missing feature column\(s\) "f2", "f3"/,
    );
    assert.deepEqual(parseGbdtParams("maxDepth=null,maxFeatures=sqrt,learningRate=0.05"), {
      maxDepth: null,
      maxFeatures: "sqrt",
      learningRate: 0.05,
    });
  });

  it("refuses bad parameters before any work, in the command line's words (issue 14 case 12)", async () => {
    const f = (n: string) => path.join(dir, n);
    const run = (...extra: string[]) =>
      trainCommand.run(["--features", f("features.csv"), "--labels", f("d2.csv"), "--out", f("m.json"), ...extra]);
    // Refused up front with the allowed range, not after cross-validation as "toJSON: fit.trainScore[0] is Infinity".
    await assert.rejects(
      run("--params", "learningRate=1e308"),
      (e: Error) => e instanceof UsageError && /^--params: learningRate=1e\+308 must be in \(0, 1\]$/.test(e.message),
    );
    assert.equal(printed.length, 0, "nothing was trained");
    // --folds is named as the user typed it, never as the splitter's nSplits.
    await assert.rejects(
      run("--params", "nEstimators=2", "--folds", "100000"),
      (e: Error) =>
        /^--folds 100000 is more than the \d+ plastic training atoms/.test(e.message) && !/nSplits/.test(e.message),
    );
    await assert.rejects(run("--folds", "1"), /--folds must be >= 2, got 1/);
    assert.ok(!fs.existsSync(f("m.json")));
  });
  it("prints the progress of the CV folds and the refit on stderr (a bar on a terminal), nothing with --quiet", async () => {
    const f = (n: string) => path.join(dir, n);
    const argv = ["--features", f("features.csv"), "--labels", f("d2.csv"), "--params", "nEstimators=5"];
    const write = process.stderr.write;
    const tty = Object.getOwnPropertyDescriptor(process.stderr, "isTTY");
    const capture = async (extra: string[], isTTY: boolean): Promise<string> => {
      let err = "";
      Object.defineProperty(process.stderr, "isTTY", { value: isTTY, configurable: true });
      process.stderr.write = ((t: string) => {
        err += t;
        return true;
      }) as typeof process.stderr.write;
      try {
        assert.equal(await trainCommand.run([...argv, ...extra, "--out", f("m.json")]), 0);
      } finally {
        process.stderr.write = write;
        if (tty) Object.defineProperty(process.stderr, "isTTY", tty);
        else delete (process.stderr as { isTTY?: boolean }).isTTY;
      }
      return err;
    };
    const bar = await capture(["--folds", "3"], true);
    assert.match(bar, /\rtrain: cv 3\/3 \[#{24}\] 100 % done in [0-9.]+ s/);
    assert.match(bar, /\rtrain: refit 1\/1 \[#{24}\] 100 % done in/);
    assert.ok(bar.endsWith("\n"), "the bar line is ended");
    assert.doesNotMatch(printed.join("\n"), /train: cv/, "progress stays off stdout");
    assert.match(printed.join("\n"), /3-fold CV AUC/);
    assert.equal(await capture(["--folds", "3", "--quiet"], true), "");
    // A log (not a terminal) gets nothing for stages shorter than the 5 s interval.
    assert.equal(await capture(["--folds", "3"], false), "");
  });

  it("trains on several glasses (ids per glass), leave-one-glass-out by default, and --glasses JSON", async () => {
    const f = (n: string) => path.join(dir, n);
    // Three glasses with the same ids 1..n: a join across glasses would mix their labels.
    for (const k of [1, 2, 3]) {
      fs.mkdirSync(f(`g${k}`));
      writeInputs(f(`g${k}`), 300 + 50 * k, 10 * k);
    }
    const glassArgs = [1, 2, 3].flatMap((k) => [
      "--glass",
      `${f(`g${k}`)}/features.csv,${f(`g${k}`)}/d2.csv,glass${k}`,
    ]);
    await trainCommand.run([...glassArgs, "--params", "nEstimators=20", "--balance", "weight", "--out", f("m.json")]);
    const text = printed.join("\n");
    assert.match(text, /glass1: 350 atoms with labels \(0 without\)/);
    assert.match(text, /glass3: 450 atoms with labels/);
    assert.match(text, /training on 1200 atoms of 3 glass\(es\)/);
    const loo = /leave-one-glass-out CV AUC ([0-9.]+) .*\(glass1 ([0-9.]+), glass2 ([0-9.]+), glass3 ([0-9.]+)\)/.exec(
      text,
    );
    assert.ok(loo, text);
    assert.ok(Number(loo[1]) > 0.75, text);
    assert.doesNotMatch(text, /optimistic/);
    assert.equal(readClassifier(f("m.json")).predictProba({ X: [0, 0, 0, 0], nFeatures: 4 }).length, 1);

    fs.writeFileSync(
      f("glasses.json"),
      JSON.stringify([1, 2].map((k) => ({ features: `g${k}/features.csv`, labels: `g${k}/d2.csv`, name: `n${k}` }))),
    );
    printed = [];
    await trainCommand.run(["--glasses", f("glasses.json"), "--params", "nEstimators=5", "--out", f("m2.json")]);
    assert.match(printed.join("\n"), /leave-one-glass-out CV AUC .*\(n1 [0-9.]+, n2 [0-9.]+\)/);
  });

  it("--cv shuffled prints the optimism note; --cv blocks needs x, y, z; --search picks by held-out glasses", async () => {
    const f = (n: string) => path.join(dir, n);
    await trainCommand.run([
      "--features",
      f("features.csv"),
      "--labels",
      f("d2.csv"),
      "--params",
      "nEstimators=5",
      "--out",
      f("m.json"),
    ]);
    assert.match(printed.join("\n"), /note: shuffled CV over atoms is optimistic/);
    await assert.rejects(
      trainCommand.run([
        "--features",
        f("features.csv"),
        "--labels",
        f("d2.csv"),
        "--cv",
        "blocks",
        "--out",
        f("m.json"),
      ]),
      /--cv blocks needs atom positions: x, y, z columns/,
    );
    await assert.rejects(
      trainCommand.run([
        "--features",
        f("features.csv"),
        "--labels",
        f("d2.csv"),
        "--cv",
        "glass",
        "--out",
        f("m.json"),
      ]),
      /--cv glass needs at least 2 glasses/,
    );
    await assert.rejects(
      trainCommand.run([
        "--features",
        f("features.csv"),
        "--labels",
        f("d2.csv"),
        "--balance",
        "weight",
        "--undersample",
        "--out",
        f("m.json"),
      ]),
      /--undersample contradicts --balance weight/,
    );
    await assert.rejects(
      trainCommand.run(["--glass", f("features.csv"), "--out", f("m.json")]),
      /--glass: expected FEATURES.csv,LABELS.csv\[,NAME\]/,
    );
    // Positions: x, y, z columns give spatial blocks (the default CV of one glass with positions); never features.
    const t = readCsv(f("features.csv"));
    const lines = ["id,type,f0,f1,f2,f3,x,y,z"];
    const col = (c: string) => t.data.get(c) as Float64Array;
    for (let r = 0; r < t.rows; r++) {
      lines.push(
        [
          col("id")[r],
          col("type")[r],
          col("f0")[r],
          col("f1")[r],
          col("f2")[r],
          col("f3")[r],
          r % 10,
          Math.floor(r / 10) % 10,
          Math.floor(r / 100),
        ].join(","),
      );
    }
    fs.writeFileSync(f("fpos.csv"), lines.join("\n") + "\n");
    printed = [];
    await trainCommand.run([
      "--features",
      f("fpos.csv"),
      "--labels",
      f("d2.csv"),
      "--params",
      "nEstimators=5",
      "--folds",
      "3",
      "--out",
      f("m.json"),
    ]);
    assert.match(printed.join("\n"), /3-fold spatial-block CV AUC/);
    assert.match(printed.join("\n"), /, 4 features/);
    // Search over three glasses, scored on held-out glasses.
    for (const k of [1, 2, 3]) {
      fs.mkdirSync(f(`s${k}`));
      writeInputs(f(`s${k}`), 240, 20 + k);
    }
    printed = [];
    await trainCommand.run([
      ...[1, 2, 3].flatMap((k) => ["--glass", `${f(`s${k}`)}/features.csv,${f(`s${k}`)}/d2.csv,s${k}`]),
      "--search",
      "random:2",
      "--params",
      "nEstimators=20",
      "--out",
      f("m.json"),
    ]);
    const text = printed.join("\n");
    assert.match(text, /candidate 2\/2 /);
    assert.match(text, /search chose maxDepth=\d+, .*nEstimators=\d+ \(AUC [0-9.]+\)/);
  });
});
