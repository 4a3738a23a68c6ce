/** A `qsoft` subcommand: `qsoft <name> ...args`. Each lives in its own file under src/cli/. */
export interface Command {
  readonly name: string;
  /** One line for `qsoft --help`. */
  readonly summary: string;
  /** Full usage text for `qsoft <name> --help`. */
  readonly usage: string;
  /** Runs the command with the arguments after its name; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** A command-line mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** Runs a resolver given the command line's option names: an error it throws becomes a UsageError. */
export function asUsage<T>(resolve: () => T): T {
  try {
    return resolve();
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError((e as Error).message);
  }
}
