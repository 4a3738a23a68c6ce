/**
 * `qsoft predict` end to end against `qsoft featurize` alone, and D2min on 1 and 2 threads (issue 15: predict on
 * 345,600 atoms within 1.5x of featurize alone; predict and d2min take --threads).
 *
 * On the fixture glass replicated 7 x 6 x 6 (345,744 atoms), written once as a dump (not timed), in one process
 * and one run:
 *   - featurize, features only: computeFeatures with the shipped model's sets and options (the reference);
 *   - `qsoft featurize DUMP --out f.csv` end to end (read, features, 80 columns of CSV);
 *   - `qsoft predict DUMP --out qs.csv` end to end (read, features, model, 3 columns of CSV), threads as given;
 *   - D2min (5 A cutoff) between the glass and a copy sheared by 4 % with non-affine noise, 1 then 2 threads,
 *     checked bitwise equal.
 * Ratios measured in one run stay meaningful on a loaded machine; absolute times do not.
 *
 * Run: npm run bench:predict [-- --reps 7,6,6 --threads 2 --model paper]   (default: qsoft predict's model)
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { featurizeCommand } from "../src/cli/featurize";
import { predictCommand } from "../src/cli/predict";
import { computeFeatures } from "../src/features/compute-features";
import { writeDump } from "../src/io/dump-writer";
import { D2min } from "../src/labels/d2min";
import { DEFAULT_MODEL, QuenchInSoftness } from "../src/softness/quench-in-softness";
import { Cell } from "../src/structure/cell";
import { option, replicatedGlass } from "./reference-glass";

/** Wall seconds of `run`. */
async function timed(run: () => unknown): Promise<number> {
  const t0 = performance.now();
  await run();
  return (performance.now() - t0) / 1000;
}

/** Runs a command with its stdout summary kept out of the bench's output; throws unless it exits 0. */
async function command(run: () => Promise<number>): Promise<void> {
  const log = console.log;
  console.log = () => undefined;
  try {
    const code = await run();
    if (code !== 0) throw new Error(`exit code ${code}`);
  } finally {
    console.log = log;
  }
}

async function main(): Promise<void> {
  const reps = option("reps", "7,6,6").split(",").map(Number);
  const threads = Number(option("threads", "2"));
  const glass = replicatedGlass(reps);
  const n = glass.natoms;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-bench-predict-"));
  try {
    const dump = path.join(dir, "glass.dump");
    writeDump(dump, glass);
    const model = option("model", DEFAULT_MODEL);
    const qs = QuenchInSoftness.shipped(model);
    console.log(
      `predict and d2min on ${n} atoms (fixture glass x ${reps}), model ${qs.card?.name ?? "?"} (${qs.sets.join(", ")}), ` +
        `${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
    );
    const row = (name: string, s: number, ref: number, refName: string) =>
      console.log(
        `${name.padEnd(44)} ${s.toFixed(2).padStart(7)} s   ${(s / ref).toFixed(2).padStart(5)} x ${refName}`,
      );

    const t = String(threads);
    const base = ["--types", "Cu,Zr", "--threads", t, "--quiet"];
    // Warm-up (not timed): every path once on the unreplicated glass, so no timing below pays the JIT's first pass.
    const small = path.join(dir, "small.dump");
    writeDump(small, replicatedGlass([1, 1, 1]));
    computeFeatures(replicatedGlass([1, 1, 1]), qs.sets, { ...qs.featureOptions, threads });
    await command(() =>
      featurizeCommand.run([small, ...base, "--set", qs.sets.join(","), "--out", path.join(dir, "w.csv")]),
    );
    await command(() => predictCommand.run([small, ...base, "--model", model, "--out", path.join(dir, "w.csv")]));
    new D2min({ cutoff: 5, threads: 2 }).compute(
      {
        ...glass,
        natoms: 2000,
        ids: glass.ids.subarray(0, 2000),
        positions: glass.positions.subarray(0, 6000),
        unwrapped: null,
        images: null,
      },
      {
        ...glass,
        natoms: 2000,
        ids: glass.ids.subarray(0, 2000),
        positions: glass.positions.subarray(0, 6000),
        unwrapped: null,
        images: null,
      },
    );
    const features = await timed(() => computeFeatures(glass, qs.sets, { ...qs.featureOptions, threads }));
    row(`featurize, features only (${threads} threads)`, features, features, "features only");
    const featurizeCsv = await timed(() =>
      command(() =>
        featurizeCommand.run([dump, ...base, "--set", qs.sets.join(","), "--out", path.join(dir, "f.csv")]),
      ),
    );
    row(`qsoft featurize -> CSV (${threads} threads)`, featurizeCsv, features, "features only");
    const predict = await timed(() =>
      command(() => predictCommand.run([dump, ...base, "--model", model, "--out", path.join(dir, "qs.csv")])),
    );
    row(`qsoft predict -> CSV (${threads} threads)`, predict, features, "features only");
    console.log(
      `goal: predict end to end <= 1.5 x featurize alone: ${(predict / features).toFixed(2)} x features only, ` +
        `${(predict / featurizeCsv).toFixed(2)} x qsoft featurize -> CSV`,
    );

    // A 4 % xy shear with non-affine noise (deterministic), unwrapped positions so displacements are exact.
    const shear = 0.04;
    const m = glass.cell.matrix;
    const deformedCell = new Cell(
      [m[0], m[1], m[2], m[3] + shear * m[4], m[4], m[5], m[6] + shear * m[7], m[7], m[8]],
      glass.cell.origin,
    );
    const moved = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) {
      const p = glass.positions;
      moved[3 * i] = p[3 * i] + shear * p[3 * i + 1] + 0.2 * Math.sin(1.7 * i);
      moved[3 * i + 1] = p[3 * i + 1] + 0.2 * Math.sin(2.3 * i + 1);
      moved[3 * i + 2] = p[3 * i + 2] + 0.2 * Math.sin(3.1 * i + 2);
    }
    const reference = { ...glass, unwrapped: glass.positions };
    const deformed = { ...glass, cell: deformedCell, positions: moved, unwrapped: moved };
    const one = new D2min({ cutoff: 5 });
    const two = new D2min({ cutoff: 5, threads: 2 });
    const d1 = await timed(() => one.compute(reference, deformed));
    const d2 = await timed(() => two.compute(reference, deformed));
    let differ = 0;
    for (let i = 0; i < n; i++) if (!Object.is(one.d2min[i], two.d2min[i])) differ++;
    row("D2min, 1 thread", d1, d1, "1 thread");
    row("D2min, 2 threads", d2, d1, "1 thread");
    console.log(`D2min speed-up on 2 threads: ${(d1 / d2).toFixed(2)}; atoms whose D2min differs: ${differ}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
