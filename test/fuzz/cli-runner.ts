/**
 * A child process that runs `qsoft` commands in-process, one per message from its parent (see run-cli.ts):
 * { argv } in, { code, stdout, stderr } out. One process serves the whole fuzz suite, so the TypeScript
 * sources are compiled once; the parent kills it when a command runs longer than its bound.
 */
import { main } from "../../src/cli/main";

interface Request {
  id: number;
  argv: string[];
}

process.on("message", async (req: Request) => {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { log: console.log, error: console.error, warn: console.warn };
  console.log = (...a: unknown[]) => void out.push(a.join(" "));
  console.error = (...a: unknown[]) => void err.push(a.join(" "));
  console.warn = console.error;
  let code: number;
  try {
    code = await main(req.argv);
  } catch (e) {
    err.push(`uncaught: ${(e as Error).stack}`);
    code = -1;
  } finally {
    Object.assign(console, saved);
  }
  process.send?.({ id: req.id, code, stdout: out.join("\n"), stderr: err.join("\n") });
});
process.send?.({ id: 0, code: 0, stdout: "ready", stderr: "" });
