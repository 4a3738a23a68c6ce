/**
 * The Slurm job array of a generation plan (`data:generate -- --plan paper --slurm DIR`): one array task per sample,
 * each running data/lammps/generate.ts for that sample alone under MPI. A task resumes from the newest LAMMPS restart
 * of its sample (or from its packed checkpoint, checkpoint.ts) and a finished sample is never recomputed, so the
 * same script is resubmitted until every task has finished (docs/hpc.md).
 *
 * DIR receives: conditions.json (the plan, copied), templates/ (the LAMMPS inputs, copied, so a job runs the inputs
 * it was written with), samples.tsv (task -> sample), generate.sbatch (the job array), logs/ and data/ (the dataset
 * root: point QSOFT_DATA at it).
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** One task of the array. */
export interface SlurmTask {
  id: string;
  atoms: number;
  /** MD steps of every stage together. */
  steps: number;
}

export interface SlurmJobOptions {
  /** The folder the job lives in (created). */
  dir: string;
  /** The repository root (where node_modules/.bin/tsx and data/lammps/generate.ts are). */
  repo: string;
  /** The plan file, copied to DIR/conditions.json. */
  plan: string;
  /** The LAMMPS input templates folder, copied to DIR/templates. */
  templates: string;
  tasks: SlurmTask[];
  /** MPI ranks per task (sbatch --ntasks); each stage runs `mpirun -np $SLURM_NTASKS lmp` unless `launcher`. */
  ntasks: number;
  /** sbatch --time of one task, e.g. "24:00:00"; a task that runs out is resubmitted and resumes. */
  time: string;
  /** The MPI launcher of generate.ts --launcher (e.g. "srun --mpi=pmix"); default mpirun -np $SLURM_NTASKS. */
  launcher?: string;
  /** At most this many tasks at once (sbatch --array=0-N%K). */
  maxParallel?: number;
  partition?: string;
  account?: string;
  /** sbatch --job-name (default qsoft-<plan name>: qsoft-paper for conditions.paper.json). */
  jobName?: string;
}

export interface SlurmJob {
  script: string;
  samples: string;
  dataDir: string;
  logs: string;
}

/** Quotes `s` for bash when it holds anything but safe characters. */
function sh(s: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Writes the job folder and returns its paths; throws on an empty task list or a bad option. */
export function writeSlurmJob(o: SlurmJobOptions): SlurmJob {
  if (o.tasks.length === 0)
    throw new Error("--slurm: the plan has no sample to run (all finished, or --only matched none)");
  if (!Number.isInteger(o.ntasks) || o.ntasks < 1)
    throw new Error(`--ntasks must be a positive integer, got ${o.ntasks}`);
  if (!/^(\d+-)?\d+(:\d\d){0,2}$/.test(o.time))
    throw new Error(`--time "${o.time}" is not a Slurm time (minutes, MM:SS, HH:MM:SS or D-HH:MM:SS)`);
  const dir = path.resolve(o.dir);
  const logs = path.join(dir, "logs");
  const dataDir = path.join(dir, "data");
  const templates = path.join(dir, "templates");
  fs.mkdirSync(logs, { recursive: true });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(templates, { recursive: true });
  fs.copyFileSync(o.plan, path.join(dir, "conditions.json"));
  for (const f of fs.readdirSync(o.templates))
    if (f.endsWith(".in")) fs.copyFileSync(path.join(o.templates, f), path.join(templates, f));
  const samples = path.join(dir, "samples.tsv");
  fs.writeFileSync(
    samples,
    ["task\tid\tatoms\tsteps", ...o.tasks.map((t, k) => `${k}\t${t.id}\t${t.atoms}\t${t.steps}`)].join("\n") + "\n",
  );
  const name =
    o.jobName ??
    `qsoft-${path
      .basename(o.plan)
      .replace(/\.json$/, "")
      .replace(/^conditions\./, "")}`;
  const last = o.tasks.length - 1;
  const directives = [
    `--job-name=${name}`,
    `--array=0-${last}${o.maxParallel ? `%${o.maxParallel}` : ""}`,
    `--ntasks=${o.ntasks}`,
    `--time=${o.time}`,
    `--output=${path.join(logs, "%x_%A_%a.out")}`,
    "--open-mode=append",
    ...(o.partition ? [`--partition=${o.partition}`] : []),
    ...(o.account ? [`--account=${o.account}`] : []),
  ];
  const launcher = o.launcher ? ` --launcher ${sh(o.launcher)}` : "";
  const script = [
    "#!/bin/bash",
    `# Made by \`npm run data:generate -- --slurm ${dir}\` (data/lammps/slurm.ts): one task per sample of`,
    `# ${path.join(dir, "conditions.json")}; task k runs the sample on line k+2 of samples.tsv. Resubmit this`,
    "# script until every task succeeds: finished samples are skipped, unfinished ones resume from their newest",
    "# LAMMPS restart (every restartEvery steps of the plan) or their packed checkpoint.",
    ...directives.map((d) => `#SBATCH ${d}`),
    "set -euo pipefail",
    `ids=(${o.tasks.map((t) => sh(t.id)).join(" ")})`,
    `id="\${ids[$SLURM_ARRAY_TASK_ID]}"`,
    `cd ${sh(o.repo)}`,
    `exec ./node_modules/.bin/tsx data/lammps/generate.ts --plan ${sh(path.join(dir, "conditions.json"))} \\`,
    `  --templates ${sh(templates)} --data ${sh(dataDir)} --only "$id" --mpi "\${SLURM_NTASKS:-${o.ntasks}}"${launcher}`,
    "",
  ].join("\n");
  const file = path.join(dir, "generate.sbatch");
  fs.writeFileSync(file, script, { mode: 0o755 });
  return { script: file, samples, dataDir, logs };
}
