/**
 * Speed and memory of the paper's 80 interstice SRO+MRO features (issue: <= 15 s wall on 2 cores for 345,600
 * atoms, <= 4 GB), from positions to the feature matrix (Voronoi with 2 threads, face filter, cutoff neighbors,
 * convex hulls, statistics, coarse-graining), against voro++'s Voronoi alone on the same points in the same run;
 * and, with --all, every registered feature set (--set all).
 *
 * Each configuration runs in a fresh child process (clean peak memory). Ratios measured in one run stay
 * meaningful on a loaded machine; absolute times do not.
 *
 * With --per-set, also the time of each set of --set all computed one after the other in one shared context
 * (what each adds to `--set all`: the tessellation and neighbor lists go to the first set that needs them), on
 * one thread.
 *
 * Run: npm run bench:features [-- --reps 7,6,6 --threads 2 --all --per-set]
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { computeFeatures, resolveFeaturize } from "../src/features/compute-features";
import { StructureContext } from "../src/features/context";
import { featureSets } from "../src/features/feature-sets";
import { option, replicatedGlass, runVoropp, writeVoroppInput } from "./reference-glass";

interface ChildResult {
  wall: number;
  cpu: number;
  maxRssMB: number;
  columns: number;
  nonFinite: number;
}

function child(): void {
  const reps = option("reps", "7,6,6").split(",").map(Number);
  const threads = Number(option("threads", "2"));
  const sets = option("sets", "interstice,mro").split(",");
  const frame = replicatedGlass(reps);
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const m = computeFeatures(frame, sets, { threads }).matrix;
  const wall = (performance.now() - w0) / 1000;
  const c1 = process.cpuUsage(c0);
  let nonFinite = 0;
  for (let k = 0; k < m.values.length; k++) if (!Number.isFinite(m.values[k])) nonFinite++;
  const result: ChildResult = {
    wall,
    cpu: (c1.user + c1.system) / 1e6,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    columns: m.labels.length,
    nonFinite,
  };
  process.stdout.write(JSON.stringify(result));
}

/** Child mode --per-set: each set of --set all in turn in one context, one thread; prints one JSON line. */
function perSetChild(): void {
  const frame = replicatedGlass(option("reps", "7,6,6").split(",").map(Number));
  const all = featureSets()
    .filter((s) => s.inAll)
    .map((s) => s.name);
  const resolved = resolveFeaturize(all, { threads: 1 });
  const ctx = new StructureContext(frame, resolved.options);
  const times: [string, number][] = [];
  resolved.featurizers.forEach((f) => {
    const c0 = process.cpuUsage();
    ctx.features(f);
    const c = process.cpuUsage(c0);
    times.push([f.name, (c.user + c.system) / 1e6]);
  });
  process.stdout.write(JSON.stringify(times));
}

function runChild(args: string[]): ChildResult {
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, "--child", ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

function main(): void {
  const reps = option("reps", "7,6,6");
  const threads = option("threads", "2");
  const frame = replicatedGlass(reps.split(",").map(Number));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-bench-features-"));
  try {
    const input = writeVoroppInput(frame, dir);
    const vp = runVoropp(frame, input, "%i %v %s %n %f %a");
    const fmt = (x: number | null, d = 2) => (x === null ? "n/a" : x.toFixed(d));
    console.log(
      `features on ${frame.natoms} atoms (fixture glass x ${reps}), ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
    );
    console.log(
      `voro++ -p (faces, reference)        wall ${fmt(vp.wall).padStart(7)} s   cpu ${fmt(vp.cpu).padStart(7)} s   peak RSS ${fmt(vp.maxRssMB, 0)} MB`,
    );
    const row = (name: string, r: ChildResult) =>
      console.log(
        `${name.padEnd(34)} wall ${fmt(r.wall).padStart(7)} s   cpu ${fmt(r.cpu).padStart(7)} s   wall/voro++ ${fmt(r.wall / vp.wall).padStart(6)}   cpu/voro++ ${vp.cpu ? fmt(r.cpu / vp.cpu).padStart(6) : "n/a"}   peak RSS ${fmt(r.maxRssMB, 0)} MB   ${r.columns} columns, ${r.nonFinite} non-finite values`,
      );
    const inter = runChild(["--reps", reps, "--threads", threads, "--sets", "interstice,mro"]);
    row(`interstice + mro (${threads} threads)`, inter);
    console.log(`goal: <= 15 s wall on 2 cores (${fmt(inter.wall)} s), <= 4 GB (${fmt(inter.maxRssMB / 1024)} GB)`);
    if (process.argv.includes("--all")) {
      const all = featureSets()
        .filter((s) => s.inAll)
        .map((s) => s.name);
      const every = runChild(["--reps", reps, "--threads", threads, "--sets", all.join(",")]);
      row(`--set all (${threads} threads)`, every);
      console.log(
        `--set all / interstice + mro: wall ${fmt(every.wall / inter.wall)} (goal <= 4; symmetry functions on worker threads), cpu ${fmt(every.cpu / inter.cpu)} (the work; on a loaded machine the wall ratio follows the load of two runs minutes apart)`,
      );
    }
    if (process.argv.includes("--per-set")) {
      const r = spawnSync(process.execPath, [...process.execArgv, __filename, "--per-set-child", "--reps", reps], {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      });
      if (r.status !== 0) throw new Error(`per-set child failed: ${r.stderr}`);
      const times = JSON.parse(r.stdout) as [string, number][];
      console.log(`each set of --set all in turn, one shared context, 1 thread (CPU seconds):`);
      console.log(`  ${times.map(([name, t]) => `${name} ${fmt(t, 1)}`).join(", ")}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--per-set-child")) perSetChild();
else if (process.argv.includes("--child")) child();
else main();
