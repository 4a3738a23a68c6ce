/**
 * End-to-end table output of `qsoft featurize` on the 345,744-atom reference glass (the fixture glass x 7,6,6,
 * the paper's sample size): dump in, 80 features out, as Parquet and as CSV, against the compute-only figure
 * (the same features from the frame in memory) measured in the same run. Goals (issue 15): Parquet <= 1.3x
 * compute-only, CSV <= 2x. Also prints the file sizes and the time to read each file back (readTable), and with
 * --big-dump N the time and peak memory of writeDump on an N-atom frame (the glass replicated further).
 *
 * Each run is a fresh child process (clean peak memory). Ratios measured in one run stay meaningful on a loaded
 * machine; absolute times do not.
 *
 * Run: npm run bench:table-io [-- --reps 7,6,6 --threads 2 --big-dump 10000000]
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { computeFeatures } from "../src/features/compute-features";
import { writeDump } from "../src/io/dump-writer";
import { readTable } from "../src/table/table-file";
import { option, replicatedGlass } from "./reference-glass";

interface Timing {
  wall: number;
  maxRssMB: number;
  rows?: number;
  columns?: number;
}

const cli = path.join(__dirname, "..", "src", "cli", "main.ts");

const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/**
 * Runs a child; its wall time is the JSON line it prints (our children) or the seconds `qsoft featurize` reports
 * from reading the dump to the file written (no process start-up or TypeScript compilation), else the process's.
 */
function spawnTimed(args: string[]): Timing & { process: number } {
  const w0 = performance.now();
  const argv = [...process.execArgv, ...args];
  const r = timeBin
    ? spawnSync(timeBin, ["-f", "%M", process.execPath, ...argv], { encoding: "utf8", maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, argv, { encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = (performance.now() - w0) / 1000;
  if (r.status !== 0) throw new Error(`child failed (${args.join(" ")}): ${r.stderr}`);
  const last = r.stdout.trim().split("\n").pop() ?? "";
  const parsed = last.startsWith("{") ? (JSON.parse(last) as Partial<Timing>) : {};
  const reported = / ([0-9.]+) s$/.exec(last);
  const rssKB = timeBin ? Number(r.stderr.trim().split("\n").pop()) : Number.NaN;
  return {
    wall: parsed.wall ?? (reported ? Number(reported[1]) : wall),
    maxRssMB: rssKB / 1024,
    rows: parsed.rows,
    columns: parsed.columns,
    process: wall,
  };
}

async function child(): Promise<void> {
  const what = option("what", "");
  const w0 = performance.now();
  let extra: Partial<Timing> = {};
  if (what === "compute") {
    const frame = replicatedGlass(option("reps", "7,6,6").split(",").map(Number));
    const t = performance.now();
    const m = computeFeatures(frame, ["interstice", "mro"], { threads: Number(option("threads", "2")) }).matrix;
    extra = { wall: (performance.now() - t) / 1000, rows: m.n, columns: m.labels.length };
  } else if (what === "read") {
    const t = await readTable(option("file", ""));
    extra = { rows: t.rows, columns: t.columns.length };
  } else if (what === "big-dump") {
    const n = Number(option("atoms", "10000000"));
    const base = replicatedGlass([1, 1, 1]);
    const k = Math.ceil(Math.cbrt(n / base.natoms));
    const frame = replicatedGlass([k, k, k]);
    const t = performance.now();
    writeDump(option("file", ""), frame);
    extra = { wall: (performance.now() - t) / 1000, rows: frame.natoms };
  }
  const out: Timing = {
    wall: (performance.now() - w0) / 1000,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    ...extra,
  };
  process.stdout.write(`\n${JSON.stringify(out)}\n`);
}

function main(): void {
  const reps = option("reps", "7,6,6");
  const threads = option("threads", "2");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-bench-table-io-"));
  try {
    const frame = replicatedGlass(reps.split(",").map(Number));
    const glass = path.join(dir, "glass.dump");
    writeDump(glass, frame);
    const mb = (f: string) => (fs.statSync(f).size / 2 ** 20).toFixed(1);
    console.log(
      `table I/O on ${frame.natoms} atoms (fixture glass x ${reps}), ${threads} threads, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}; dump ${mb(glass)} MiB`,
    );
    const fmt = (t: Timing) =>
      `wall ${t.wall.toFixed(2).padStart(7)} s   peak RSS ${t.maxRssMB.toFixed(0).padStart(5)} MB`;
    const compute = spawnTimed([__filename, "--child", "--what", "compute", "--reps", reps, "--threads", threads]);
    console.log(`compute only (frame in memory -> 80 features)    ${fmt(compute)}`);
    for (const ext of ["parquet", "csv"]) {
      const out = path.join(dir, `f.${ext}`);
      const run = spawnTimed([
        cli,
        "featurize",
        glass,
        "--types",
        "Cu,Zr",
        "--out",
        out,
        "--threads",
        threads,
        "--quiet",
      ]);
      const goal = ext === "parquet" ? 1.3 : 2;
      console.log(
        `qsoft featurize --out f.${ext.padEnd(7)} (dump -> file) ${fmt(run)}   ratio ${(run.wall / compute.wall).toFixed(2)} (goal <= ${goal})   file ${mb(out)} MiB   (whole process ${run.process.toFixed(1)} s)`,
      );
      const back = spawnTimed([__filename, "--child", "--what", "read", "--file", out]);
      console.log(
        `  read back f.${ext.padEnd(7)} (readTable)         ${fmt(back)}   ${back.rows} rows x ${back.columns} columns`,
      );
    }
    const big = process.argv.indexOf("--big-dump");
    if (big >= 0) {
      const file = path.join(dir, "big.dump");
      const r = spawnTimed([
        __filename,
        "--child",
        "--what",
        "big-dump",
        "--atoms",
        process.argv[big + 1],
        "--file",
        file,
      ]);
      console.log(`writeDump of ${r.rows} atoms                  ${fmt(r)}   file ${mb(file)} MiB`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--child")) void child();
else main();
