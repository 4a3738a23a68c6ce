/** Shared by the LAMMPS tests: running data/lammps/generate.ts and reading what it wrote. */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export const repo = path.resolve(__dirname, "..", "..");

/** Why LAMMPS-under-MPI tests cannot run here (lmp or mpirun missing), or null. */
export function lammpsMissing(): string | null {
  for (const tool of ["lmp", "mpirun"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0)
      return `${tool} not on PATH (Debian: apt-get install -y lammps lammps-data openmpi-bin)`;
  }
  if (!fs.existsSync("/usr/share/lammps/potentials/CuZr_mm.eam.fs"))
    return "Debian's lammps-data potentials are missing (apt-get install -y lammps-data)";
  return null;
}

/**
 * Environment of a test run: OpenMPI ranks yield the core while they wait (the tests share a 2-core machine with
 * other work; OpenMPI's mpi_yield_when_idle MCA parameter).
 */
export function testEnv(): NodeJS.ProcessEnv {
  return { ...process.env, OMPI_MCA_mpi_yield_when_idle: "1" };
}

/** Runs `tsx data/lammps/generate.ts ...args`; resolves with its output, rejects with it on a non-zero exit. */
export function runGenerate(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repo, "node_modules", ".bin", "tsx"), ["data/lammps/generate.ts", ...args], {
      cwd: repo,
      env: testEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`generate.ts ${args.join(" ")} exited ${code}:\n${out}`)),
    );
  });
}

/** The thermo row of `step` in a LAMMPS log as its whitespace-separated fields, with the header's names. */
export function thermoRow(logFile: string, step: number): Record<string, string> {
  const lines = fs.readFileSync(logFile, "utf8").split("\n");
  const h = lines.findIndex((l) => /^\s*Step\s/.test(l));
  if (h < 0) throw new Error(`${logFile}: no thermo header`);
  const names = lines[h].trim().split(/\s+/);
  for (const l of lines.slice(h + 1)) {
    const f = l.trim().split(/\s+/);
    if (f.length === names.length && Number(f[0]) === step) return Object.fromEntries(names.map((n, k) => [n, f[k]]));
  }
  throw new Error(`${logFile}: no thermo row at step ${step}`);
}

/** The steps of every thermo row of a log, and the header: the shape of the run, whatever the numbers. */
export function thermoShape(logFile: string): { columns: string; steps: number[] } {
  const lines = fs.readFileSync(logFile, "utf8").split("\n");
  const h = lines.findIndex((l) => /^\s*Step\s/.test(l));
  const columns = lines[h].trim();
  const n = columns.split(/\s+/).length;
  const steps: number[] = [];
  for (const l of lines.slice(h + 1)) {
    if (l.startsWith("Loop time")) break;
    const f = l.trim().split(/\s+/);
    if (f.length === n && /^\d+$/.test(f[0])) steps.push(Number(f[0]));
  }
  return { columns, steps };
}

/** "Loop time of T on P procs ..." of a log: the number of MPI ranks of each run in it. */
export function procsOf(logFile: string): number[] {
  return [...fs.readFileSync(logFile, "utf8").matchAll(/^Loop time of \S+ on (\d+) procs/gm)].map((m) => Number(m[1]));
}
