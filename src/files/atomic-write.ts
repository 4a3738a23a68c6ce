import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Temporary files of writes in progress. While there are any, SIGINT and SIGTERM remove them before the process
 * ends with that signal (the handlers are removed again once the writes are done, so Ctrl-C interrupts later
 * computations at once). SIGKILL cannot be caught: a killed run may leave a stale `.NAME.PID.TIME.tmp` beside
 * its output, which is safe to delete.
 */
const liveTemps = new Set<string>();
let signalsHooked = false;

function removeLiveTemps(): void {
  for (const t of liveTemps) fs.rmSync(t, { force: true });
  liveTemps.clear();
}

function removeTempsOn(signal: NodeJS.Signals): void {
  removeLiveTemps();
  // Only when no one else handles the signal (a tslab kernel turns SIGINT into an interrupt) does it end the process.
  if (process.listenerCount(signal) === 1) {
    unhook();
    process.kill(process.pid, signal);
  }
}

function unhook(): void {
  if (!signalsHooked) return;
  signalsHooked = false;
  process.removeListener("SIGINT", removeTempsOn);
  process.removeListener("SIGTERM", removeTempsOn);
  process.removeListener("exit", removeLiveTemps);
}

function trackTemp(tmp: string): void {
  liveTemps.add(tmp);
  if (signalsHooked) return;
  signalsHooked = true;
  process.on("SIGINT", removeTempsOn);
  process.on("SIGTERM", removeTempsOn);
  process.on("exit", removeLiveTemps);
}

/** Forgets a temporary file; the handlers go one event-loop turn later, after a signal that came meanwhile. */
function untrackTemp(tmp: string): void {
  liveTemps.delete(tmp);
  if (liveTemps.size === 0) setImmediate(() => liveTemps.size === 0 && unhook()).unref();
}

function tempPath(file: string): string {
  return path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Checks, before any work, that `file` can be written: a non-empty name, not an existing directory, in an
 * existing folder this process may write to. Throws an error naming the path and the problem.
 */
export function checkOutputPath(file: string, what = "output file"): void {
  if (file.trim() === "") throw new Error(`the ${what} name is empty`);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) throw new Error(`${file}: is a directory, expected the name of the ${what}`);
  const dir = path.dirname(path.resolve(file));
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch {
    throw new Error(`${file}: the folder ${dir} does not exist`);
  }
  if (!dirStat.isDirectory()) throw new Error(`${file}: ${dir} is not a folder`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new Error(`${file}: the folder ${dir} is not writable`);
  }
  if (stat !== undefined && !stat.isFile())
    throw new Error(`${file}: exists and is not a regular file, expected the name of the ${what}`);
}

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, which is then renamed over
 * the target, so a reader never sees a half-written output and a failed write leaves no partial file.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  checkOutputPath(file);
  const tmp = tempPath(file);
  trackTemp(tmp);
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    untrackTemp(tmp);
  }
}

/**
 * A scratch file beside `file` (a hidden `.NAME.PID.TIME.tmp`, in the output's folder so it is on the disk the
 * user chose), for intermediate data too large for memory. `remove()` deletes it; SIGINT, SIGTERM and exit do too,
 * like the temporary files of writes.
 */
export function scratchFile(file: string): { readonly path: string; remove(): void } {
  checkOutputPath(file);
  const tmp = tempPath(file).replace(/\.tmp$/, ".scratch.tmp");
  trackTemp(tmp);
  return {
    path: tmp,
    remove(): void {
      fs.rmSync(tmp, { force: true });
      untrackTemp(tmp);
    },
  };
}

/**
 * Streams text into a temporary file and renames it over `file` on `close()`; `abort()` removes it.
 * For large outputs written piece by piece.
 */
export class AtomicWriter {
  private readonly fd: number;
  private readonly tmp: string;
  private done = false;
  private fdOpen = true;

  constructor(readonly file: string) {
    checkOutputPath(file);
    this.tmp = tempPath(file);
    trackTemp(this.tmp);
    try {
      this.fd = fs.openSync(this.tmp, "w");
    } catch (e) {
      untrackTemp(this.tmp);
      throw e;
    }
  }

  write(text: string | Uint8Array): void {
    if (typeof text === "string") fs.writeSync(this.fd, text);
    else fs.writeSync(this.fd, text);
  }

  /** Renames the temporary file over the target; on failure the temporary file is removed and the error thrown. */
  close(): void {
    if (this.done) return;
    this.closeFd();
    try {
      fs.renameSync(this.tmp, this.file);
    } catch (e) {
      this.abort();
      throw e;
    }
    this.done = true;
    untrackTemp(this.tmp);
  }

  /** Removes the temporary file (no-op after a successful `close`). */
  abort(): void {
    if (this.done) return;
    this.done = true;
    this.closeFd();
    fs.rmSync(this.tmp, { force: true });
    untrackTemp(this.tmp);
  }

  private closeFd(): void {
    if (this.fdOpen) fs.closeSync(this.fd);
    this.fdOpen = false;
  }
}
