import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, which is then renamed over
 * the target, so a reader never sees a half-written output and a failed write leaves no partial file.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Streams text into a temporary file and renames it over `file` on `close()`; `abort()` removes it.
 * For large outputs written piece by piece.
 */
export class AtomicWriter {
  private readonly fd: number;
  private readonly tmp: string;
  private done = false;

  constructor(readonly file: string) {
    const dir = path.dirname(path.resolve(file));
    this.tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    this.fd = fs.openSync(this.tmp, "w");
  }

  write(text: string | Uint8Array): void {
    if (typeof text === "string") fs.writeSync(this.fd, text);
    else fs.writeSync(this.fd, text);
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    fs.closeSync(this.fd);
    fs.renameSync(this.tmp, this.file);
  }

  abort(): void {
    if (this.done) return;
    this.done = true;
    fs.closeSync(this.fd);
    fs.rmSync(this.tmp, { force: true });
  }
}
