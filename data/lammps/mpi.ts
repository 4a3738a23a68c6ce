/**
 * Running LAMMPS under MPI (`data:generate -- --mpi N`). Debian's lmp is built with OpenMPI 4.1, whose mpirun
 * refuses to start as root unless OMPI_ALLOW_RUN_AS_ROOT=1 and OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 are set (OpenMPI
 * FAQ, "running as root"); containers and CI machines run as root.
 */

/** The default launcher; {n} is the number of ranks. */
export const DEFAULT_LAUNCHER = "mpirun -np {n}";

/** The words before `lmp`: the launcher template (default {@link DEFAULT_LAUNCHER}) split on spaces, {n} -> n. */
export function launcherWords(template: string | undefined, n: number): string[] {
  const words = (template ?? DEFAULT_LAUNCHER)
    .trim()
    .split(/\s+/)
    .filter((w) => w !== "");
  if (words.length === 0) throw new Error("--launcher: empty command");
  return words.map((w) => w.replace(/\{n\}/g, String(n)));
}

/** The environment of an MPI run: `env` plus OpenMPI's run-as-root consent when this process is root. */
export function mpiEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  return root ? { ...env, OMPI_ALLOW_RUN_AS_ROOT: "1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM: "1" } : env;
}
