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
 * --plan FILE, --data DIR   another plan and output folder (smoke tests)
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { conditionOf, rateTag } from "../../src/dataset/manifest";
import { dropCheckpoint, packCheckpoint, restoreCheckpoint, stageDone, type RestartStage } from "./checkpoint";
import { lammpsVersion, potentialPath as planPotentialPath, readPlan, sha256, type Condition, type Plan } from "./plan";

const repo = path.resolve(__dirname, "..", "..");
const templates = path.join(repo, "data", "lammps", "templates");
// --plan FILE and --data DIR exist for smoke tests of this script on a tiny plan.
const argOf = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const dataDir = path.resolve(argOf("--data") ?? path.join(repo, "data"));

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

const plan: Plan = readPlan(argOf("--plan") ?? path.join(repo, "data", "lammps", "conditions.json"));
const potentialPath = (name: string): string => planPotentialPath(plan, repo, name);

function samples(): Sample[] {
  const list: Sample[] = [];
  for (const c of plan.conditions) {
    const perCell = c.lattice === "bcc" ? 2 : 4;
    const atoms = perCell * c.cells[0] * c.cells[1] * c.cells[2];
    // Quench 2000 K -> 50 K at a constant rate: steps = dT / rate / dt.
    const quenchPs = ((plan.meltTemperatureK - plan.glassTemperatureK) / c.quenchRate) * 1e12;
    const quenchSteps = Math.round(quenchPs / plan.timestepPs);
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
}

function log(msg: string): void {
  const t = new Date().toISOString().replace("T", " ").slice(0, 19);
  process.stdout.write(`${t} ${msg}\n`);
}

function runLammps(s: Sample, run: StageRun, commands: string[]): Promise<void> {
  const logFile = path.join(s.work, `log.${run.stage}.${run.firstStep}.lammps`);
  const args = ["-in", path.join(templates, `${run.stage}.in`), "-log", logFile, "-screen", "none", "-nocite"];
  for (const [k, v] of Object.entries({ templates, work: s.work, ...run.vars })) args.push("-var", k, String(v));
  const relative = (a: string) =>
    a.startsWith(repo + path.sep)
      ? a.slice(repo.length + 1)
      : a.startsWith(path.dirname(repo) + path.sep)
        ? "../" + a.slice(path.dirname(repo).length + 1)
        : a;
  commands.push(["lmp", ...args.map(relative)].join(" "));
  // Recorded before the run, so a checkpoint taken mid-stage keeps the command that started it.
  fs.writeFileSync(path.join(s.work, "commands.sh"), commands.join("\n") + "\n");
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn("lmp", args, {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, OMP_NUM_THREADS: "1" },
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setInterval(() => {
      const step = lastLoggedStep(logFile);
      if (step === null) return;
      const frac = (step - run.firstStep) / Math.max(1, run.lastStep - run.firstStep);
      const mins = (Date.now() - t0) / 60000;
      log(`[${s.id}] ${run.stage} ${(100 * frac).toFixed(0)}% (step ${step}/${run.lastStep}, ${mins.toFixed(1)} min)`);
    }, 60000);
    child.on("close", (code) => {
      clearInterval(timer);
      if (code === 0) resolve();
      else reject(new Error(`[${s.id}] lmp ${run.stage} exited with ${code}; see ${logFile}\n${stderr.slice(-2000)}`));
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
  const common = { pot, el1: c.elements[0], el2: c.elements[1] };
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
  for (const st of stages) {
    if (stageDone(s.work, st.stage)) continue;
    const mid = latestRestart(s.work, st.stage);
    const resume = mid ? mid.file : st.prev ? path.join(s.work, `${st.prev}.final.restart`) : "NONE";
    const firstStep = mid ? mid.step : st.start;
    if (firstStep > st.start) log(`[${s.id}] ${st.stage}: resuming from step ${firstStep}`);
    const vars: Record<string, string | number> = { ...common, resume, start: st.start, nsteps: st.end };
    if (st.stage === "melt") {
      Object.assign(vars, {
        fresh: resume === "NONE" ? 1 : 0,
        lattice: c.lattice,
        a0: c.a0,
        nx: c.cells[0],
        ny: c.cells[1],
        nz: c.cells[2],
        fracB: c.fracB,
        seed: s.seed,
        vseed: s.seed + 7,
      });
    }
    log(`[${s.id}] ${st.stage}: steps ${firstStep} -> ${st.end}`);
    await runLammps(s, { stage: st.stage, vars, firstStep, lastStep: st.end }, commands);
    fs.writeFileSync(commandsFile, commands.join("\n") + "\n");
    for (const f of fs.readdirSync(s.work))
      if (new RegExp(`^${st.stage}\\.\\d+\\.restart$`).test(f)) fs.unlinkSync(path.join(s.work, f));
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
      vars: { ...common, resume: path.join(s.work, "relax.final.restart"), erate, nsteps, dumpEvery },
      firstStep: 0,
      lastStep: nsteps,
    },
    commands,
  );
  fs.writeFileSync(commandsFile, commands.join("\n") + "\n");
  collect(s, version, commands, pot, (Date.now() - t0) / 1000, stepsPerStrain);
}

/** Copies the finished sample's outputs into data/samples/<id>/ and writes its sample.json (the done marker) last. */
function collect(
  s: Sample,
  version: string,
  commands: string[],
  pot: string,
  wallSeconds: number,
  stepsPerStrain: number,
): void {
  const tmp = s.out + ".partial";
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.join(tmp, "deform"), { recursive: true });
  const files: Record<string, string> = {};
  const byStrain: Record<string, string> = {};
  fs.copyFileSync(path.join(s.work, "quenched.dump.gz"), path.join(tmp, "quenched.dump.gz"));
  files["quenched.dump.gz"] = "";
  for (const f of fs.readdirSync(s.work)) {
    const m = /^deform\.(\d+)\.dump\.gz$/.exec(f);
    if (!m) continue;
    const strain = Number(m[1]) / stepsPerStrain;
    const name = `deform/strain_${strain.toFixed(5)}.dump.gz`;
    fs.copyFileSync(path.join(s.work, f), path.join(tmp, name));
    files[name] = "";
    byStrain[strain.toFixed(5)] = name;
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
      commands.join("\n") +
      "\n",
  );
  files["commands.sh"] = "";
  for (const f of Object.keys(files)) files[f] = sha256(path.join(tmp, f));
  const c = s.condition;
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
      ensemble: "NPT (Nose-Hoover, Tdamp 0.1 ps, Pdamp 1 ps, zero pressure)",
      deformation: "uniaxial compression along z by fix deform erate, x and y stress-free (NPT), all periodic",
    },
    strainRate: plan.strainRatePerS,
    maxStrain: s.maxStrain,
    dumpStrain: s.dumpStrain,
    files: { quenched: "quenched.dump.gz", byStrain, logs, commands: "commands.sh" },
    sha256: files,
    lmp: {
      version,
      commands,
      inputs: ["common", "melt", "quench", "relax", "deform"].map((n) => `data/lammps/templates/${n}.in`),
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

/** data/manifest.json: every finished sample, in generation order, with paths relative to data/. */
function writeManifest(all: Sample[]): void {
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
        meta: prefix("sample.json"),
      },
      sha256: Object.fromEntries(Object.entries(meta.sha256 as Record<string, string>).map(([k, v]) => [prefix(k), v])),
    });
  }
  const manifest = {
    description: "qsoft LAMMPS dataset; made by data/lammps/generate.ts from data/lammps/conditions.json",
    samples: entries,
  };
  const tmp = path.join(dataDir, "manifest.json.tmp");
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
  if (argv.includes("--list")) {
    for (const s of todo) {
      const done = fs.existsSync(path.join(s.out, "sample.json"));
      const steps =
        plan.meltSteps +
        s.quenchSteps +
        plan.relaxSteps +
        Math.round(s.maxStrain / (plan.strainRatePerS * 1e-12 * plan.timestepPs));
      console.log(
        `${done ? "done   " : "missing"} ${s.id.padEnd(22)} ${String(s.atoms).padStart(5)} atoms  ${steps} steps`,
      );
    }
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
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      try {
        await generate(s, version);
        writeManifest(all);
        dropCheckpoint(dataDir, s.id);
        log(`[${s.id}] done`);
        if (argv.includes("--commit")) await commitSample(s);
      } catch (e) {
        failed++;
        log(`[${s.id}] FAILED: ${(e as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  writeManifest(all);
  log(`data:generate: finished, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
