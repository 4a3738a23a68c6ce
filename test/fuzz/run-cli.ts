import { fork, type ChildProcess } from "node:child_process";
import * as path from "node:path";

/** What one `qsoft` command did. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** True when the command ran past its bound and the runner process was killed. */
  killed: boolean;
}

interface Reply {
  id: number;
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `qsoft` commands in one long-lived child process (sources compiled once), with a kill bound per command:
 * a command that has not answered after `boundMs` gets its process killed (SIGKILL) and reports `killed`;
 * the next command starts a fresh process.
 */
export class CliRunner {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;

  constructor(private readonly cwd: string) {}

  private start(): Promise<void> {
    const child = fork(path.join(__dirname, "cli-runner.ts"), [], {
      cwd: this.cwd,
      execArgv: ["--require", "tsx/cjs"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.child = child;
    this.ready = new Promise((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`fuzz runner exited with ${code} before it was ready`)));
    });
    return this.ready;
  }

  async run(argv: string[], boundMs = 20000): Promise<CliResult> {
    if (this.child === null) await this.start();
    else await this.ready;
    const child = this.child as ChildProcess;
    const id = this.nextId++;
    return new Promise<CliResult>((resolve) => {
      const done = (result: CliResult) => {
        clearTimeout(timer);
        child.removeListener("message", onMessage);
        child.removeListener("exit", onExit);
        resolve(result);
      };
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        this.child = null;
        done({ code: -1, stdout: "", stderr: `killed after ${boundMs} ms`, killed: true });
      }, boundMs);
      const onMessage = (m: Reply) => {
        if (m.id === id) done({ code: m.code, stdout: m.stdout, stderr: m.stderr, killed: false });
      };
      // A command that ends the process itself (process.exit, a crash) is reported, not waited for.
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        this.child = null;
        done({
          code: code ?? -1,
          stdout: "",
          stderr: `the runner process ended (code ${code}, signal ${signal}) during the command`,
          killed: false,
        });
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send({ id, argv });
    });
  }

  stop(): void {
    this.child?.kill();
    this.child = null;
  }
}
