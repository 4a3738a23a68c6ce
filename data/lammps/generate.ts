/**
 * Generates qsoft's glass dataset with LAMMPS: melt, quench, relax and deform every sample of
 * data/lammps/conditions.json that is not finished yet. Resumable: each stage writes LAMMPS restart files
 * every 5,000 steps into data/work/<sample>/ (not committed), and a finished sample (data/samples/<id>/sample.json)
 * is never recomputed.
 *
 *   npm run data:generate [-- --only Cu65Zr35@1e13[,Fe80P20@1e13|sample-id]] [--jobs 2] [--commit] [--detach]
 *
 * --only LIST comma-separated conditions (Cu65Zr35@1e13), compositions or sample ids; also the run order
 * --jobs N    run N samples at once, one LAMMPS process (one core) each
 * --commit    git-commit each finished sample (its folder and data/manifest.json) as it lands
 * --detach    go on in the background; progress goes to data/work/generate.log
 * --list      print the plan (samples, done or not, estimated steps) and exit
 * --checkpoint pack the latest restart of every unfinished sample into data/checkpoints/<id>.tar.gz (with --commit:
 *             commit them) and exit; a fresh clone resumes from there (checkpoint.ts). Run it before a session ends.
 * --plan NAME|FILE  another plan: "paper" (conditions.paper.json, the paper's own protocol), "paper-smoke" (a
 *             small version of it that runs in a minute) or a file; --data DIR (required with another plan unless
 *             --slurm): its output folder, the dataset root (QSOFT_DATA, loadSample's dataDir)
 * --templates DIR  the LAMMPS inputs (default data/lammps/templates)
 * --mpi N     run every stage but the serial build as `mpirun -np N lmp` (OpenMPI; as root the run-as-root
 *             variables are set); --launcher "CMD" replaces `mpirun -np {n}` ({n} = N), e.g. "srun --mpi=pmix"
 * --slurm DIR write a Slurm job array (one task per sample, resubmittable; data/lammps/slurm.ts) into DIR and exit;
 *             with --ntasks N (MPI ranks per task, default 32), --time T (default 24:00:00), --partition P,
 *             --account A, --max-parallel K, --launcher CMD. docs/hpc.md.
 *
 * On SIGTERM (Slurm's time limit, scancel) the LAMMPS runs stop and each unfinished sample is packed into
 * <data>/checkpoints/<id>.tar.gz (checkpoint.ts); the next run resumes from it or from the newest restart.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { conditionOf, rateTag } from "../../src/dataset/manifest";
import { readDump } from "../../src/io/dump-reader";
import { dropCheckpoint, packCheckpoint, restoreCheckpoint, stageDone, type RestartStage } from "./checkpoint";
import { launcherWords, mpiEnv } from "./mpi";
import {
  atomsOf,
  lammpsVersion,
  planFile,
  potentialPath as planPotentialPath,
  quenchStepsOf,
  readPlan,
  sha256,
  type Condition,
  type Plan,
} from "./plan";
import { writeSlurmJob } from "./slurm";
import { stageProgress } from "./stage-progress";

const repo = path.resolve(__dirname, "..", "..");
const lammpsDir = path.join(repo, "data", "lammps");
const argOf = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const templates = path.resolve(argOf("--templates") ?? path.join(lammpsDir, "templates"));
const planPath = planFile(argOf("--plan") ?? "default", lammpsDir);
const slurmDir = argOf("--slurm");
const defaultPlan = planPath === path.join(lammpsDir, "conditions.json");
const dataDir = path.resolve(argOf("--data") ?? (slurmDir ? path.join(slurmDir, "data") : path.join(repo, "data")));
const mpiRanks = argOf("--mpi") === undefined ? 0 : Number(argOf("--mpi"));
if (!Number.isInteger(mpiRanks) || mpiRanks < 0) throw new Error(`--mpi ${argOf("--mpi")}: expected a rank count`);
/** The words before `lmp` of every parallel stage: [] (serial) or e.g. ["mpirun", "-np", "2"]. */
const launcher = mpiRanks > 0 ? launcherWords(argOf("--launcher"), mpiRanks) : [];

interface Sample {
  id: string;
  condition: Condition;
  index: number;
  seed: number;
  atoms: number;
  maxStrain: number;
  dumpStrain: number;
  quenchSteps: number;
  work: string;
  out: string;
}

const plan: Plan = readPlan(planPath);
const potentialPath = (name: string): string => planPotentialPath(plan, repo, name);

function samples(): Sample[] {
  const list: Sample[] = [];
  for (const c of plan.conditions) {
    const atoms = atomsOf(c);
    // Quench 2000 K -> 50 K at a constant rate: steps = dT / rate / dt.
    const quenchSteps = quenchStepsOf(plan, c);
    c.seeds.forEach((seed, k) => {
      const index = k + 1;
      const id = `${c.composition}_${rateTag(c.quenchRate)}${c.variant ? `_${c.variant}` : ""}_s${index}`;
      const ext = c.extendedSample === index;
      list.push({
        id,
        condition: c,
        index,
        seed,
        atoms,
        maxStrain: ext ? plan.extended.maxStrain : plan.maxStrain,
        dumpStrain: ext ? plan.extended.dumpStrain : plan.dumpStrain,
        quenchSteps,
        work: path.join(dataDir, "work", id),
        out: path.join(dataDir, "samples", id),
      });
    });
  }
  return list;
}

function latestRestart(work: string, stage: string): { file: string; step: number } | null {
  if (!fs.existsSync(work)) return null;
  let best: { file: string; step: number } | null = null;
  for (const f of fs.readdirSync(work)) {
    const m = new RegExp(`^${stage}\\.(\\d+)\\.restart$`).exec(f);
    if (m && (!best || Number(m[1]) > best.step)) best = { file: path.join(work, f), step: Number(m[1]) };
  }
  return best;
}

interface StageRun {
  stage: string;
  vars: Record<string, string | number>;
  firstStep: number;
  lastStep: number;
  /** Run as a single process even under --mpi (the build: set type/ratio draws its subset per rank). */
  serial?: boolean;
}

/** LAMMPS processes running now, stopped on SIGTERM. */
const running = new Set<ReturnType<typeof spawn>>();
/** Samples being generated now, packed into checkpoints on SIGTERM. */
const inFlight = new Set<Sample>();

/**
 * Deletes all but the two newest mid-stage restarts of `stage` (the newest may be half-written when a job is
 * killed; LAMMPS writes restart files in place), so a long stage keeps at most two restart files on disk.
 */
function pruneRestarts(work: string, stage: string): void {
  if (!fs.existsSync(work)) return;
  const steps = fs
    .readdirSync(work)
    .map((f) => new RegExp(`^${stage}\\.(\\d+)\\.restart$`).exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => b - a);
  for (const step of steps.slice(2)) fs.rmSync(path.join(work, `${stage}.${step}.restart`), { force: true });
}

function log(msg: string): void {
  const t = new Date().toISOString().replace("T", " ").slice(0, 19);
  process.stdout.write(`${t} ${msg}\n`);
}

/**
 * Copies the stage's input and the files it includes into <work>/inputs/<stage>/ and returns that folder. LAMMPS
 * reads its input lazily, line by line, while it runs: a template edited during a run changed the commands a
 * running quench read (it exited 1 after its last step). Each run reads its own frozen copy; the copies are
 * collected with the sample (inputs/<stage>/), so its provenance holds the exact inputs that ran.
 */
function freezeInputs(work: string, stage: string): string {
  const dir = path.join(work, "inputs", stage);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of [`${stage}.in`, "common.in"]) fs.copyFileSync(path.join(templates, f), path.join(dir, f));
  return dir;
}

function runLammps(s: Sample, run: StageRun, commands: string[]): Promise<void> {
  const logFile = path.join(s.work, `log.${run.stage}.${run.firstStep}.lammps`);
  const inputs = freezeInputs(s.work, run.stage);
  const args = ["-in", path.join(inputs, `${run.stage}.in`), "-log", logFile, "-screen", "none", "-nocite"];
  const prefix = run.serial ? [] : launcher;
  for (const [k, v] of Object.entries({ templates: inputs, work: s.work, ...run.vars }))
    args.push("-var", k, String(v));
  const relative = (a: string) =>
    a.startsWith(repo + path.sep)
      ? a.slice(repo.length + 1)
      : a.startsWith(path.dirname(repo) + path.sep)
        ? "../" + a.slice(path.dirname(repo).length + 1)
        : a;
  commands.push([...prefix, "lmp", ...args.map(relative)].join(" "));
  // Recorded before the run, so a checkpoint taken mid-stage keeps the command that started it.
  fs.writeFileSync(path.join(s.work, "commands.sh"), commands.join("\n") + "\n");
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const env = { ...process.env, OMP_NUM_THREADS: "1" };
    const child =
      prefix.length === 0
        ? spawn("lmp", args, { stdio: ["ignore", "ignore", "pipe"], env })
        : spawn(prefix[0], [...prefix.slice(1), "lmp", ...args], {
            stdio: ["ignore", "ignore", "pipe"],
            env: mpiEnv(env),
          });
    running.add(child);
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (e) => (stderr += `\n${e.message}`));
    // One line a minute: LAMMPS logs thermo every 1,000 steps (a minute or more at 32,000 atoms on one core).
    const timer = setInterval(() => {
      pruneRestarts(s.work, run.stage);
      const step = lastLoggedStep(logFile);
      if (step === null) return;
      log(`[${s.id}] ${stageProgress(run, step, (Date.now() - t0) / 1000)}`);
    }, 60000);
    child.on("close", (code) => {
      clearInterval(timer);
      running.delete(child);
      pruneRestarts(s.work, run.stage);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `[${s.id}] ${prefix.length ? `${prefix.join(" ")} ` : ""}lmp ${run.stage} exited with ${code}; see ${logFile}\n${stderr.slice(-2000)}`,
          ),
        );
    });
  });
}

function lastLoggedStep(logFile: string): number | null {
  if (!fs.existsSync(logFile)) return null;
  const text = fs.readFileSync(logFile, "utf8");
  const lines = text.trimEnd().split("\n");
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 50; i--) {
    const m = /^\s*(\d+)\s+-?[0-9.]/.exec(lines[i]);
    if (m) return Number(m[1]);
  }
  return null;
}

async function generate(s: Sample, version: string): Promise<void> {
  const restored = restoreCheckpoint(dataDir, s.id, s.work);
  if (restored) log(`[${s.id}] restored the committed checkpoint ${restored.restart} (${restored.created})`);
  fs.mkdirSync(s.work, { recursive: true });
  const c = s.condition;
  const pot = potentialPath(c.potential);
  const common: Record<string, string | number> = {
    pot,
    el1: c.elements[0],
    el2: c.elements[1],
    dt: plan.timestepPs,
    ...(plan.restartEvery ? { restartEvery: plan.restartEvery } : {}),
    ...(plan.thermoEvery ? { thermoEvery: plan.thermoEvery } : {}),
  };
  const lattice = {
    lattice: c.lattice,
    a0: c.a0,
    nx: c.cells[0],
    ny: c.cells[1],
    nz: c.cells[2],
    fracB: c.fracB,
    seed: s.seed,
  };
  const surfaces = { surfaces: c.surfaces ?? "none" };
  const commands: string[] = [];
  const commandsFile = path.join(s.work, "commands.sh");
  if (fs.existsSync(commandsFile))
    commands.push(
      ...fs
        .readFileSync(commandsFile, "utf8")
        .trim()
        .split("\n")
        .filter((l) => l.startsWith("lmp ")),
    );
  const t0 = Date.now();
  const meltEnd = plan.meltSteps;
  const quenchEnd = meltEnd + s.quenchSteps;
  const relaxEnd = quenchEnd + plan.relaxSteps;
  const stages: { stage: RestartStage; start: number; end: number; prev: RestartStage | null }[] = [
    { stage: "melt", start: 0, end: meltEnd, prev: null },
    { stage: "quench", start: meltEnd, end: quenchEnd, prev: "melt" },
    { stage: "relax", start: quenchEnd, end: relaxEnd, prev: "quench" },
  ];
  // The solid solution is built by one serial LAMMPS process (templates/build.in), so that the glass does not
  // depend on the number of MPI ranks; the melt then draws the velocities (velocity create loops over atom ids).
  const build = path.join(s.work, "build.restart");
  if (!stageDone(s.work, "melt") && !latestRestart(s.work, "melt") && !fs.existsSync(build)) {
    log(`[${s.id}] build: ${s.atoms} atoms`);
    await runLammps(
      s,
      { stage: "build", vars: { ...common, ...lattice }, firstStep: 0, lastStep: 0, serial: true },
      commands,
    );
  }
  for (const st of stages) {
    if (stageDone(s.work, st.stage)) continue;
    const mid = latestRestart(s.work, st.stage);
    const resume = mid ? mid.file : st.prev ? path.join(s.work, `${st.prev}.final.restart`) : build;
    const firstStep = mid ? mid.step : st.start;
    if (firstStep > st.start) log(`[${s.id}] ${st.stage}: resuming from step ${firstStep}`);
    const vars: Record<string, string | number> = { ...common, resume, start: st.start, nsteps: st.end };
    if (st.stage === "melt") Object.assign(vars, { fresh: 0, velocities: mid ? 0 : 1, ...lattice, vseed: s.seed + 7 });
    if (st.stage === "relax") Object.assign(vars, surfaces);
    log(`[${s.id}] ${st.stage}: steps ${firstStep} -> ${st.end}`);
    await runLammps(s, { stage: st.stage, vars, firstStep, lastStep: st.end }, commands);
    fs.writeFileSync(commandsFile, commands.join("\n") + "\n");
    for (const f of fs.readdirSync(s.work))
      if (new RegExp(`^${st.stage}\\.\\d+\\.restart$`).test(f)) fs.unlinkSync(path.join(s.work, f));
    if (st.stage === "melt") fs.rmSync(build, { force: true });
  }
  // Deformation restarts from the relaxed glass when interrupted (fix deform's reference box is the box at its start).
  const erate = -(plan.strainRatePerS * 1e-12); // 1/ps, negative: compression
  const stepsPerStrain = 1 / (Math.abs(erate) * plan.timestepPs);
  const nsteps = Math.round(s.maxStrain * stepsPerStrain);
  const dumpEvery = Math.round(s.dumpStrain * stepsPerStrain);
  for (const f of fs.readdirSync(s.work)) if (/^deform\.\d+\.dump\.gz$/.test(f)) fs.unlinkSync(path.join(s.work, f));
  log(`[${s.id}] deform: ${nsteps} steps to ${(100 * s.maxStrain).toFixed(1)} % strain`);
  await runLammps(
    s,
    {
      stage: "deform",
      vars: { ...common, ...surfaces, resume: path.join(s.work, "relax.final.restart"), erate, nsteps, dumpEvery },
      firstStep: 0,
      lastStep: nsteps,
    },
    commands,
  );
  fs.writeFileSync(commandsFile, commands.join("\n") + "\n");
  await collect(s, version, commands, pot, (Date.now() - t0) / 1000, stepsPerStrain);
}

/**
 * The dataset's selection of a slab (plan.selection): ids of the atoms at least `margin` Angstrom from both free x
 * surfaces of the quenched glass, the surfaces being its outermost atoms. Returns the kept x range and ids.
 */
async function surfaceSelection(
  quenched: string,
  margin: number,
): Promise<{ xRange: [number, number]; ids: Int32Array | number[] }> {
  const frame = await readDump(quenched, { sort: true });
  const n = frame.natoms;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = frame.positions[3 * i];
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const xRange: [number, number] = [lo + margin, hi - margin];
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = frame.positions[3 * i];
    if (x >= xRange[0] && x <= xRange[1]) ids.push(frame.ids[i]);
  }
  return { xRange, ids };
}

/** Copies the finished sample's outputs into data/samples/<id>/ and writes its sample.json (the done marker) last. */
async function collect(
  s: Sample,
  version: string,
  commands: string[],
  pot: string,
  wallSeconds: number,
  stepsPerStrain: number,
): Promise<void> {
  const tmp = s.out + ".partial";
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.join(tmp, "deform"), { recursive: true });
  const files: Record<string, string> = {};
  const byStrain: Record<string, string> = {};
  fs.copyFileSync(path.join(s.work, "quenched.dump.gz"), path.join(tmp, "quenched.dump.gz"));
  files["quenched.dump.gz"] = "";
  // In strain order, so that the manifest lists the snapshots the same way whatever the directory order.
  const step = (f: string) => Number(/^deform\.(\d+)\.dump\.gz$/.exec(f)?.[1] ?? -1);
  for (const f of fs.readdirSync(s.work).sort((x, y) => step(x) - step(y))) {
    const m = /^deform\.(\d+)\.dump\.gz$/.exec(f);
    if (!m) continue;
    const strain = Number(m[1]) / stepsPerStrain;
    const name = `deform/strain_${strain.toFixed(5)}.dump.gz`;
    fs.copyFileSync(path.join(s.work, f), path.join(tmp, name));
    files[name] = "";
    byStrain[strain.toFixed(5)] = name;
  }
  // The frozen inputs each stage ran (see freezeInputs); samples made before freezing have none.
  const frozen = path.join(s.work, "inputs");
  if (fs.existsSync(frozen))
    for (const stage of fs.readdirSync(frozen).sort())
      for (const f of fs.readdirSync(path.join(frozen, stage)).sort()) {
        const name = `inputs/${stage}/${f}`;
        fs.mkdirSync(path.join(tmp, "inputs", stage), { recursive: true });
        fs.copyFileSync(path.join(frozen, stage, f), path.join(tmp, name));
        files[name] = "";
      }
  const logs: string[] = [];
  for (const f of fs.readdirSync(s.work).sort()) {
    if (!/^log\..*\.lammps$/.test(f)) continue;
    fs.copyFileSync(path.join(s.work, f), path.join(tmp, f));
    files[f] = "";
    logs.push(f);
  }
  fs.writeFileSync(
    path.join(tmp, "commands.sh"),
    "#!/bin/sh\n# Run from the repository root; paths as recorded by data/lammps/generate.ts\n" +
      `# Each stage read a copy of data/lammps/templates taken when it started, data/work/${s.id}/inputs/<stage>/,\n` +
      "# stored in this folder as inputs/<stage>/ (samples made before 2026-12-03 read the templates directly).\n" +
      commands.join("\n") +
      "\n",
  );
  files["commands.sh"] = "";
  const c = s.condition;
  const margin = plan.selection?.surfaceMarginA;
  let selection: Record<string, unknown> | undefined;
  if (c.surfaces === "x" && margin !== undefined) {
    const { xRange, ids } = await surfaceSelection(path.join(tmp, "quenched.dump.gz"), margin);
    fs.writeFileSync(
      path.join(tmp, "selection.ids"),
      `# ids of the atoms at least ${margin} A from both free x surfaces of quenched.dump.gz (x in [${xRange[0]}, ${xRange[1]}])\n` +
        ids.join("\n") +
        "\n",
    );
    files["selection.ids"] = "";
    selection = { surfaces: "x", surfaceMarginA: margin, xRange, atoms: ids.length, source: plan.selection?.source };
  }
  for (const f of Object.keys(files)) files[f] = sha256(path.join(tmp, f));
  const meta = {
    id: s.id,
    composition: c.composition,
    ...(c.variant ? { variant: c.variant } : {}),
    elements: c.elements,
    typeMap: { "1": c.elements[0], "2": c.elements[1] },
    quenchRate: c.quenchRate,
    sample: s.index,
    seed: s.seed,
    velocitySeed: s.seed + 7,
    atoms: s.atoms,
    lattice: { style: c.lattice, a0: c.a0, cells: c.cells, fractionType2: c.fracB },
    timestepPs: plan.timestepPs,
    protocol: {
      meltPs: plan.meltSteps * plan.timestepPs,
      meltTemperatureK: plan.meltTemperatureK,
      quenchPs: s.quenchSteps * plan.timestepPs,
      relaxPs: plan.relaxSteps * plan.timestepPs,
      glassTemperatureK: plan.glassTemperatureK,
      ensemble:
        c.surfaces === "x"
          ? "NPT (Nose-Hoover, Tdamp 0.1 ps, Pdamp 1 ps, zero pressure); relaxation with free x surfaces: barostat on y and z"
          : "NPT (Nose-Hoover, Tdamp 0.1 ps, Pdamp 1 ps, zero pressure)",
      deformation:
        c.surfaces === "x"
          ? "uniaxial compression along z by fix deform erate, y stress-free (NPT), free surfaces along x (opened at the start of the relaxation), periodic in y and z"
          : "uniaxial compression along z by fix deform erate, x and y stress-free (NPT), all periodic",
    },
    boundary: c.surfaces === "x" ? ["ss", "pp", "pp"] : ["pp", "pp", "pp"],
    ...(selection ? { selection } : {}),
    mpiRanks: Math.max(1, mpiRanks),
    strainRate: plan.strainRatePerS,
    maxStrain: s.maxStrain,
    dumpStrain: s.dumpStrain,
    files: {
      quenched: "quenched.dump.gz",
      byStrain,
      logs,
      commands: "commands.sh",
      ...(selection ? { selection: "selection.ids" } : {}),
    },
    sha256: files,
    lmp: {
      version,
      commands,
      inputs: Object.keys(files).some((f) => f.startsWith("inputs/"))
        ? Object.keys(files).filter((f) => f.startsWith("inputs/"))
        : ["common", "build", "melt", "quench", "relax", "deform"].map((n) => `data/lammps/templates/${n}.in`),
    },
    potential: { file: c.potential, sha256: sha256(pot), source: plan.potentials[c.potential].source },
    wallSeconds: Math.round(wallSeconds),
    finished: new Date().toISOString(),
  };
  fs.writeFileSync(path.join(tmp, "sample.json"), JSON.stringify(meta, null, 2) + "\n");
  fs.rmSync(s.out, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(s.out), { recursive: true });
  fs.renameSync(tmp, s.out);
}

/**
 * Runs `f` holding <data>/manifest.lock (a folder: mkdir is atomic, also on NFS), so that the array tasks of a
 * Slurm job finishing together do not write the manifest over each other; a lock older than a minute is stale.
 */
function withManifestLock(f: () => void): void {
  const lock = path.join(dataDir, "manifest.lock");
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; ; attempt++) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60000 || attempt > 600) fs.rmSync(lock, { recursive: true, force: true });
      Atomics.wait(pause, 0, 0, 100);
    }
  }
  try {
    f();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** data/manifest.json: every finished sample, in generation order, with paths relative to data/. */
function writeManifest(all: Sample[]): void {
  fs.mkdirSync(dataDir, { recursive: true });
  withManifestLock(() => writeManifestUnlocked(all));
}

function writeManifestUnlocked(all: Sample[]): void {
  const entries = [];
  for (const s of all) {
    const f = path.join(s.out, "sample.json");
    if (!fs.existsSync(f)) continue;
    const meta = JSON.parse(fs.readFileSync(f, "utf8"));
    const rel = path.relative(dataDir, s.out);
    const prefix = (p: string) => `${rel}/${p}`;
    entries.push({
      ...meta,
      dir: rel,
      files: {
        quenched: prefix(meta.files.quenched),
        byStrain: Object.fromEntries(
          Object.entries(meta.files.byStrain as Record<string, string>).map(([k, v]) => [k, prefix(v)]),
        ),
        logs: (meta.files.logs as string[]).map(prefix),
        commands: prefix(meta.files.commands),
        ...(meta.files.selection ? { selection: prefix(meta.files.selection) } : {}),
        meta: prefix("sample.json"),
      },
      sha256: Object.fromEntries(Object.entries(meta.sha256 as Record<string, string>).map(([k, v]) => [prefix(k), v])),
    });
  }
  const manifest = {
    description: `qsoft LAMMPS dataset; made by data/lammps/generate.ts from ${defaultPlan ? "data/lammps/conditions.json" : path.basename(planPath)}`,
    samples: entries,
  };
  const tmp = path.join(dataDir, `manifest.json.${process.pid}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(manifest, null, 2) + "\n");
  fs.renameSync(tmp, path.join(dataDir, "manifest.json"));
}

/** The committed checkpoint files of `s` (removed from disk once it finished), so its commit removes them too. */
function trackedCheckpoint(s: Sample): string[] {
  const ck = path.relative(repo, path.join(dataDir, "checkpoints"));
  const r = spawnSync("git", ["ls-files", "--", `${ck}/${s.id}.tar.gz`, `${ck}/${s.id}.json`], {
    cwd: repo,
    encoding: "utf8",
  });
  return (r.stdout ?? "").split("\n").filter((l) => l !== "");
}

/** --checkpoint: pack every unfinished sample that has a work folder; with --commit, commit the archives. */
function checkpointAll(todo: Sample[], commit: boolean): void {
  const written: string[] = [];
  for (const s of todo) {
    if (fs.existsSync(path.join(s.out, "sample.json"))) continue;
    const info = packCheckpoint(dataDir, s.id, s.work);
    if (!info) continue;
    log(`[${s.id}] checkpoint: ${info.restart} and ${info.files.length - 1} other files`);
    written.push(
      path.relative(repo, path.join(dataDir, "checkpoints", `${s.id}.tar.gz`)),
      path.relative(repo, path.join(dataDir, "checkpoints", `${s.id}.json`)),
    );
  }
  if (!commit || written.length === 0) return;
  const add = spawnSync("git", ["add", "--", ...written], { cwd: repo, encoding: "utf8" });
  const msg = `data: checkpoints of unfinished samples (${written.length / 2}), resumable on a fresh clone`;
  const r =
    add.status === 0
      ? spawnSync("git", ["commit", "-q", "-m", msg, "--", ...written], { cwd: repo, encoding: "utf8" })
      : add;
  if (r.status !== 0) throw new Error(`could not commit the checkpoints: ${r.stderr}`);
  log(`checkpoints committed: ${written.filter((f) => f.endsWith(".gz")).join(", ")}`);
}

let commitChain: Promise<void> = Promise.resolve();
function commitSample(s: Sample): Promise<void> {
  commitChain = commitChain.then(async () => {
    const rel = [path.relative(repo, s.out), "data/manifest.json", ...trackedCheckpoint(s)];
    for (let attempt = 0; attempt < 20; attempt++) {
      const add = spawnSync("git", ["add", "--", ...rel], { cwd: repo, encoding: "utf8" });
      const msg = `data: add LAMMPS sample ${s.id} (${s.atoms} atoms, ${s.condition.quenchRate} K/s, seed ${s.seed})`;
      const commit =
        add.status === 0
          ? spawnSync("git", ["commit", "-q", "-m", msg, "--", ...rel], { cwd: repo, encoding: "utf8" })
          : add;
      if (commit.status === 0) {
        log(`[${s.id}] committed`);
        return;
      }
      await new Promise((r) => setTimeout(r, 3000));
    }
    log(`[${s.id}] could not commit (git busy?); commit ${rel.join(" ")} by hand`);
  });
  return commitChain;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (!defaultPlan && !argOf("--data") && !slurmDir)
    throw new Error(`--plan ${argOf("--plan")}: give --data DIR (the dataset root it writes) or --slurm DIR`);
  if (argv.includes("--detach")) {
    fs.mkdirSync(path.join(dataDir, "work"), { recursive: true });
    const out = fs.openSync(path.join(dataDir, "work", "generate.log"), "a");
    const child = spawn(process.execPath, [...process.execArgv, __filename, ...argv.filter((a) => a !== "--detach")], {
      detached: true,
      stdio: ["ignore", out, out],
      cwd: repo,
    });
    child.unref();
    console.log(`data:generate running in the background (pid ${child.pid}); progress: tail -f data/work/generate.log`);
    return;
  }
  const only = opt("--only")?.split(",");
  const jobs = Number(opt("--jobs") ?? "1");
  const all = samples();
  // --only also sets the order: samples run in the order of the first token that names them
  const rank = (s: Sample): number => {
    if (!only) return 0;
    const cond = conditionOf(s.condition);
    return only.findIndex((t) => t === cond || t === s.id || t === s.condition.composition);
  };
  const todo = all.filter((s) => rank(s) >= 0).sort((a, b) => rank(a) - rank(b));
  const stepsOf = (s: Sample): number =>
    plan.meltSteps +
    s.quenchSteps +
    plan.relaxSteps +
    Math.round(s.maxStrain / (plan.strainRatePerS * 1e-12 * plan.timestepPs));
  if (argv.includes("--list")) {
    let atomSteps = 0;
    for (const s of todo) {
      const done = fs.existsSync(path.join(s.out, "sample.json"));
      atomSteps += s.atoms * stepsOf(s);
      console.log(
        `${done ? "done   " : "missing"} ${s.id.padEnd(22)} ${String(s.atoms).padStart(7)} atoms  ${stepsOf(s)} steps`,
      );
    }
    console.log(`${todo.length} samples, ${atomSteps.toExponential(3)} atom-steps in all`);
    return;
  }
  if (slurmDir) {
    const job = writeSlurmJob({
      dir: slurmDir,
      repo,
      plan: planPath,
      templates,
      tasks: todo.map((s) => ({ id: s.id, atoms: s.atoms, steps: stepsOf(s) })),
      ntasks: Number(opt("--ntasks") ?? "32"),
      time: opt("--time") ?? "24:00:00",
      launcher: opt("--launcher"),
      maxParallel: opt("--max-parallel") === undefined ? undefined : Number(opt("--max-parallel")),
      partition: opt("--partition"),
      account: opt("--account"),
    });
    for (const name of new Set(todo.map((s) => s.condition.potential))) {
      try {
        potentialPath(name);
      } catch (e) {
        console.log(`note: ${(e as Error).message} (needed where the job runs)`);
      }
    }
    console.log(`${todo.length} array tasks: sbatch ${job.script}`);
    console.log(`samples by task: ${job.samples}; dataset root (QSOFT_DATA): ${job.dataDir}`);
    return;
  }
  if (argv.includes("--checkpoint")) {
    checkpointAll(todo, argv.includes("--commit"));
    return;
  }
  const version = lammpsVersion();
  const queue = todo.filter((s) => !fs.existsSync(path.join(s.out, "sample.json")));
  log(`data:generate: ${queue.length} of ${todo.length} samples to make, ${jobs} at a time (LAMMPS ${version})`);
  let failed = 0;
  process.once("SIGTERM", () => stop(15));
  process.once("SIGINT", () => stop(2));
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      inFlight.add(s);
      try {
        await generate(s, version);
        writeManifest(all);
        dropCheckpoint(dataDir, s.id);
        log(`[${s.id}] done`);
        if (argv.includes("--commit")) await commitSample(s);
      } catch (e) {
        if (stopping) return;
        failed++;
        log(`[${s.id}] FAILED: ${(e as Error).message}`);
      } finally {
        inFlight.delete(s);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  writeManifest(all);
  log(`data:generate: finished, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
}

let stopping = false;
/**
 * SIGTERM (Slurm's time limit, scancel) or SIGINT: stops the LAMMPS runs, packs each unfinished sample's newest
 * restart into <data>/checkpoints/<id>.tar.gz and exits 128 + signal; the next run resumes (checkpoint.ts).
 */
function stop(signal: number): void {
  stopping = true;
  for (const child of running) child.kill("SIGTERM");
  for (const s of inFlight) {
    try {
      const info = packCheckpoint(dataDir, s.id, s.work);
      log(
        `[${s.id}] stopped by signal ${signal}; ${info ? `checkpoint at ${info.restart}` : "no restart yet"}; rerun to resume`,
      );
    } catch (e) {
      log(`[${s.id}] stopped by signal ${signal}; could not pack a checkpoint: ${(e as Error).message}`);
    }
  }
  process.exit(128 + signal);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
