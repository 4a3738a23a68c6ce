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
