import { displayBundle, inKernel } from "./kernel-display";
import { tableHtml } from "./table-html";
import type { TableLike } from "./table-like";
import type { TableDisplayOptions } from "./table-layout";
import { tableText } from "./table-text";

/** Displays a table in a tslab notebook cell like a pandas DataFrame (text/html + text/plain); scripts: tableText. */
export function show(x: TableLike, options: TableDisplayOptions = {}): void {
  displayBundle({ "text/html": tableHtml(x, options), "text/plain": tableText(x, options) });
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** Drops the "\n" that console.log writes right after a value whose inspection returned "" (this tick only). */
function dropNextNewline(): void {
  const out = process.stdout;
  const write = out.write;
  const once = function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
    out.write = write;
    if (chunk === "\n") return true;
    return (write as (...a: unknown[]) => boolean).call(out, chunk, ...rest);
  };
  out.write = once as typeof out.write;
  process.nextTick(() => {
    if (out.write === (once as unknown)) out.write = write;
  });
}

/**
 * util.inspect of a danfojs frame or series in a tslab kernel. tslab shows a cell's last expression with
 * console.log (tslab dist/executor.js), which calls this: at the top level it displays the table as show() does
 * and returns "" (the newline console.log adds is dropped, so the cell has one output); nested in another value it
 * returns the text table.
 */
function inspectFrame(this: TableLike, depth: number | null, options: { depth?: number | null }): string {
  const topLevel = depth === (options.depth ?? null) || depth === null;
  if (topLevel && inKernel()) {
    show(this);
    dropNextNewline();
    return "";
  }
  return tableText(this);
}

interface DanfoClasses {
  DataFrame: { prototype: object };
  Series: { prototype: object };
}

/**
 * Makes danfojs frames and series display as tables when they are a notebook cell's last expression (see
 * inspectFrame). Done by qsoft itself inside a tslab kernel, when it loads danfojs or finds it loaded.
 */
export function displayFramesInKernel(danfo: DanfoClasses): void {
  if (!inKernel()) return;
  // danfojs-node's classes extend danfojs' own, whose methods (head, loc, column) return the base classes: hook the
  // whole prototype chain below Object.
  for (const cls of [danfo.DataFrame, danfo.Series]) {
    for (
      let p: object | null = cls.prototype;
      p !== null && p !== Object.prototype;
      p = Object.getPrototypeOf(p) as object | null
    ) {
      if (!Object.hasOwn(p, INSPECT))
        Object.defineProperty(p, INSPECT, { value: inspectFrame, configurable: true, writable: true });
    }
  }
}
