/**
 * TreeSHAP benchmark (npm run bench:tree-shap): qsoft's exact path-dependent TreeSHAP (GradientBoostingClassifier
 * .explain) against XGBoost's C++ TreeSHAP (predict(pred_contribs=True), Debian python3-xgboost, one thread) on
 * the same rows, with models of the same shape: the paper's 300 trees of depth 2 on 8,000 x 80 synthetic rows
 * (the size of one shipped glass). Prints both times, the ratio, each one's ratio to its own plain prediction,
 * and the worst additivity error (row sum + expected value against the log-odds). The machine's 2 cores are
 * shared with the project's LAMMPS runs: absolute times are inflated, ratios in the same run remain meaningful.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { GradientBoostingClassifier } from "../src/ml/gradient-boosting-classifier";
import { PAPER_GBDT_PARAMS } from "../src/ml/gbdt-params";
import { Random } from "../src/ml/random";

const N = 8000;
const D = 80;
const TREES = 300;
const DEPTH = 2;

const rng = new Random(3);
const X = Float64Array.from({ length: N * D }, () => rng.normal());
const y = Uint8Array.from({ length: N }, (_, i) =>
  X[i * D] + 0.5 * X[i * D + 1] * X[i * D + 2] + 0.8 * rng.normal() > 0 ? 1 : 0,
);
const model = new GradientBoostingClassifier({ ...PAPER_GBDT_PARAMS, nEstimators: TREES, maxDepth: DEPTH }).fit(
  { X, nFeatures: D },
  y,
);

let t = performance.now();
const raw = model.decisionFunction({ X, nFeatures: D });
const predictS = (performance.now() - t) / 1000;
t = performance.now();
const e = model.explain({ X, nFeatures: D });
const shapS = (performance.now() - t) / 1000;
let worst = 0;
for (let i = 0; i < N; i++) {
  let s = e.expectedValue;
  for (let k = 0; k < D; k++) s += e.values[i * D + k];
  worst = Math.max(worst, Math.abs(s - raw[i]));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-tree-shap-bench-"));
try {
  fs.writeFileSync(path.join(dir, "X.bin"), Buffer.from(X.buffer));
  fs.writeFileSync(path.join(dir, "y.bin"), Buffer.from(y.buffer));
  const py = spawnSync(
    "/usr/bin/python3",
    [path.join(__dirname, "tree_shap_xgboost.py"), dir, String(D), String(TREES), String(DEPTH)],
    {
      encoding: "utf8",
      env: { ...process.env, OMP_NUM_THREADS: "1" },
    },
  );
  if (py.status !== 0) throw new Error(`tree_shap_xgboost.py failed: ${py.stderr}`);
  const ref = JSON.parse(py.stdout.trim().split("\n").pop() as string) as {
    xgboost: string;
    shapSeconds: number;
    predictSeconds: number;
    additivity: number;
  };
  console.log(`TreeSHAP on ${N} x ${D}, ${TREES} trees of depth ${DEPTH} (one thread each)`);
  console.log(
    `  qsoft explain      ${shapS.toFixed(3)} s  (${(shapS / predictS).toFixed(0)}x its decisionFunction, ${predictS.toFixed(3)} s); worst additivity error ${worst.toExponential(1)}`,
  );
  console.log(
    `  XGBoost ${ref.xgboost} SHAP ${ref.shapSeconds.toFixed(3)} s  (${(ref.shapSeconds / ref.predictSeconds).toFixed(0)}x its prediction, ${ref.predictSeconds.toFixed(3)} s); worst additivity error ${ref.additivity.toExponential(1)} (float32)`,
  );
  console.log(`  ratio qsoft / XGBoost: ${(shapS / ref.shapSeconds).toFixed(2)}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
