/**
 * Energy conservation check of the dataset's 2 fs timestep (issue 5: "check energy conservation yourself and say
 * what you chose"). For every potential of data/lammps/conditions.json, NVE runs with the plan's timestep and with
 * half of it (the paper's 1 fs), from the same starting state:
 * - liquid: a random solid solution of the potential's first 1e13 K/s composition melted by NPT at the melt
 *   temperature (the hottest, most demanding stage), then NVE;
 * - glass: that composition's committed quenched glass (sample 1) with fresh velocities at the glass temperature
 *   (the temperature of relaxation and deformation), then NVE.
 * The total energy is fitted by a straight line over the NVE run: drift = slope x duration, fluctuation = standard
 * deviation about the line. Writes data/lammps/timestep-check/{results.json, commands.sh, log.*.lammps}, which
 * data/report.ts turns into the "Timestep check" section of data/README.md.
 *
 *   npx tsx data/lammps/timestep-check.ts [--force]
 *
 * A run whose log is complete is not repeated (--force repeats all). LAMMPS runs on one core; about 2 minutes per
 * run for 4,000 atoms.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { readLammpsLog, thermoColumn } from "../../src/dataset/lammps-log";
import { rateTag } from "../../src/dataset/manifest";
import { readDump } from "../../src/io/dump-reader";
import { lammpsVersion, potentialPath, readPlan, sha256, type Condition } from "./plan";

const repo = path.resolve(__dirname, "..", "..");
const templates = path.join(repo, "data", "lammps", "templates");
const outDir = path.join(repo, "data", "lammps", "timestep-check");
const plan = readPlan(path.join(repo, "data", "lammps", "conditions.json"));

/** NVE duration, ps, and the NPT melt before the liquid runs, ps. */
const NVE_PS = 10;
const MELT_PS = 5;
/** Thermo output interval, ps (a multiple of both timesteps). */
const EVERY_PS = 0.01;
/** Seeds of the liquid's solid solution and of the velocities. */
const SEED = 20261127;
const VSEED = 4242;

export interface TimestepRun {
  composition: string;
  potential: string;
  state: "liquid" | "glass";
  /** Glass: the sample whose quenched structure starts the run. */
  source: string | null;
  temperatureK: number;
  timestepFs: number;
  atoms: number;
  durationPs: number;
  /** Mean temperature over the NVE run, K. */
  meanTemperatureK: number;
  /** Linear drift of the total energy over the run, eV (slope x duration). */
  driftEv: number;
  /** Standard deviation of the total energy about its linear fit, eV. */
  fluctuationEv: number;
  /** |drift| per atom per ps, meV. */
  driftMeVPerAtomPs: number;
  log: string;
}

interface Job {
  c: Condition;
  state: "liquid" | "glass";
  dtPs: number;
  vars: Record<string, string | number>;
  log: string;
  source: string | null;
  temperatureK: number;
}

async function jobs(): Promise<Job[]> {
  const list: Job[] = [];
  const seen = new Set<string>();
  for (const c of plan.conditions) {
    if (seen.has(c.potential)) continue;
    seen.add(c.potential);
    const pot = potentialPath(plan, repo, c.potential);
    const source = `${c.composition}_${rateTag(c.quenchRate)}_s1`;
    const dump = path.join(repo, "data", "samples", source, "quenched.dump.gz");
    for (const dtPs of [plan.timestepPs, plan.timestepPs / 2]) {
      const common = {
        pot,
        el1: c.elements[0],
        el2: c.elements[1],
        dt: dtPs,
        nsteps: Math.round(NVE_PS / dtPs),
        every: Math.round(EVERY_PS / dtPs),
        vseed: VSEED,
      };
      const tag = `${c.composition}.%s.${Math.round(dtPs * 1000)}fs`;
      list.push({
        c,
        state: "liquid",
        dtPs,
        source: null,
        temperatureK: plan.meltTemperatureK,
        log: path.join(outDir, `log.${tag.replace("%s", "liquid")}.lammps`),
        vars: {
          ...common,
          state: "liquid",
          lattice: c.lattice,
          a0: c.a0,
          nx: c.cells[0],
          ny: c.cells[1],
          nz: c.cells[2],
          fracB: c.fracB,
          seed: SEED,
          temp: plan.meltTemperatureK,
          meltsteps: Math.round(MELT_PS / plan.timestepPs),
        },
      });
      if (!fs.existsSync(dump)) {
        console.log(`${source}: no quenched glass committed yet, glass check skipped`);
        continue;
      }
      list.push({
        c,
        state: "glass",
        dtPs,
        source,
        temperatureK: plan.glassTemperatureK,
        log: path.join(outDir, `log.${tag.replace("%s", "glass")}.lammps`),
        vars: { ...common, state: "glass", dump, step: (await readDump(dump)).timestep, temp: plan.glassTemperatureK },
      });
    }
  }
  return list;
}

/** Paths in commands.sh relative to the repository (and ../ for the shared potentials). */
function relative(a: string): string {
  if (a.startsWith(repo + path.sep)) return a.slice(repo.length + 1);
  const up = path.dirname(repo) + path.sep;
  return a.startsWith(up) ? "../" + a.slice(up.length) : a;
}

function commandOf(job: Job): string[] {
  const args = ["-in", path.join(templates, "timestep-check.in"), "-log", job.log, "-screen", "none", "-nocite"];
  for (const [k, v] of Object.entries({ templates, ...job.vars })) args.push("-var", k, String(v));
  return args;
}

/** The NVE run of a complete log: the last thermo table, which has a Time column. */
function nveThermo(file: string): { time: Float64Array; temp: Float64Array; etotal: Float64Array; atoms: number } {
  const runs = readLammpsLog(file);
  const run = runs[runs.length - 1];
  if (!run?.columns.includes("Time"))
    throw new Error(`${relative(file)}: no NVE thermo table (columns Step Time Temp ... TotEng)`);
  if (!run.loop) throw new Error(`${relative(file)}: the NVE run did not finish (no "Loop time" line)`);
  const col = (name: string) => thermoColumn(run, name, relative(file));
  return { time: col("Time"), temp: col("Temp"), etotal: col("TotEng"), atoms: run.loop.atoms };
}

/** Least-squares line through (t, e): slope and the standard deviation of the residuals. */
export function linearDrift(t: ArrayLike<number>, e: ArrayLike<number>): { slope: number; residualStd: number } {
  const n = t.length;
  let mt = 0;
  let me = 0;
  for (let i = 0; i < n; i++) {
    mt += t[i] / n;
    me += e[i] / n;
  }
  let stt = 0;
  let ste = 0;
  for (let i = 0; i < n; i++) {
    stt += (t[i] - mt) ** 2;
    ste += (t[i] - mt) * (e[i] - me);
  }
  const slope = ste / stt;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (e[i] - me - slope * (t[i] - mt)) ** 2;
  return { slope, residualStd: Math.sqrt(ss / (n - 2)) };
}

async function main(): Promise<void> {
  const force = process.argv.includes("--force");
  fs.mkdirSync(outDir, { recursive: true });
  const results: TimestepRun[] = [];
  const commands: string[] = [];
  for (const job of await jobs()) {
    const args = commandOf(job);
    commands.push(["lmp", ...args.map(relative)].join(" "));
    const done = fs.existsSync(job.log) && /Total wall time/.test(fs.readFileSync(job.log, "utf8"));
    if (force || !done) {
      const t0 = Date.now();
      process.stdout.write(`${job.c.composition} ${job.state} at ${job.temperatureK} K, dt ${job.dtPs * 1000} fs ... `);
      const r = spawnSync("lmp", args, { encoding: "utf8", env: { ...process.env, OMP_NUM_THREADS: "1" } });
      if (r.status !== 0)
        throw new Error(`lmp failed (exit ${r.status}) for ${relative(job.log)}:\n${r.stderr}${r.stdout.slice(-2000)}`);
      console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    const th = nveThermo(job.log);
    const duration = th.time[th.time.length - 1] - th.time[0];
    const fit = linearDrift(th.time, th.etotal);
    results.push({
      composition: job.c.composition,
      potential: job.c.potential,
      state: job.state,
      source: job.source,
      temperatureK: job.temperatureK,
      timestepFs: job.dtPs * 1000,
      atoms: th.atoms,
      durationPs: duration,
      meanTemperatureK: th.temp.reduce((a, b) => a + b, 0) / th.temp.length,
      driftEv: fit.slope * duration,
      fluctuationEv: fit.residualStd,
      driftMeVPerAtomPs: (1000 * Math.abs(fit.slope)) / th.atoms,
      log: relative(job.log),
    });
  }
  const potentials = Object.fromEntries(
    [...new Set(results.map((r) => r.potential))].map((p) => [p, sha256(potentialPath(plan, repo, p))]),
  );
  const json = {
    lammps: lammpsVersion(),
    nvePs: NVE_PS,
    meltPs: MELT_PS,
    seed: SEED,
    vseed: VSEED,
    potentials,
    runs: results,
  };
  const tmp = path.join(outDir, "results.json.tmp");
  fs.writeFileSync(tmp, JSON.stringify(json, null, 2) + "\n");
  fs.renameSync(tmp, path.join(outDir, "results.json"));
  fs.writeFileSync(
    path.join(outDir, "commands.sh"),
    `#!/bin/sh\n# written by data/lammps/timestep-check.ts; run from the repository root\n${commands.join("\n")}\n`,
  );
  for (const r of results) {
    console.log(
      `${r.composition.padEnd(9)} ${r.state.padEnd(6)} ${String(r.temperatureK).padStart(4)} K  dt ${r.timestepFs} fs: ` +
        `drift ${r.driftEv.toFixed(4)} eV over ${r.durationPs.toFixed(0)} ps (${r.driftMeVPerAtomPs.toExponential(2)} meV/atom/ps), fluctuation ${r.fluctuationEv.toFixed(4)} eV`,
    );
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
