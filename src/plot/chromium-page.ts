import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Readable, Writable } from "node:stream";
import { ChromiumMissingError, chromiumFlags, findChromium } from "./chromium";

/**
 * A page in headless Chromium driven over the DevTools protocol (CDP) on a pipe (--remote-debugging-pipe: commands
 * as NUL-terminated JSON on fd 3, replies and events on fd 4, the transport Puppeteer uses). `evaluateInPage` loads
 * a URL, waits for its load event, evaluates a JavaScript expression (awaiting it if it is a promise) and resolves
 * to its JSON value. Unlike --dump-dom with a virtual-time budget, the wait is in wall-clock time: a page that waits
 * on the GPU process, an image decode or a socket is not cut short when it looks idle, and a page that never
 * finishes fails after `timeoutMs` with the value of `diagnose` evaluated in it.
 */

export interface EvaluateOptions {
  /** Chromium's profile folder (created; the caller removes it). */
  userDataDir: string;
  /** Wall-clock limit for the whole run, in ms (default 120000). */
  timeoutMs?: number;
  /** An expression evaluated in the page when the timeout strikes; its value is quoted in the error. */
  diagnose?: string;
}

interface CdpMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

interface RemoteResult {
  result?: { value?: unknown; description?: string };
  exceptionDetails?: { text?: string; exception?: { description?: string } };
}

/** The CDP client of one Chromium process: commands by id, events to listeners. */
class CdpPipe {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: Record<string, unknown>): void; reject(e: Error): void }>();
  private readonly listeners: ((m: CdpMessage) => void)[] = [];
  private buffer = "";

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.setEncoding("utf8");
    output.on("data", (chunk: string) => {
      this.buffer += chunk;
      let end = this.buffer.indexOf("\0");
      while (end >= 0) {
        const message = JSON.parse(this.buffer.slice(0, end)) as CdpMessage;
        this.buffer = this.buffer.slice(end + 1);
        this.dispatch(message);
        end = this.buffer.indexOf("\0");
      }
    });
  }

  private dispatch(m: CdpMessage): void {
    if (m.id !== undefined) {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error) p?.reject(new Error(m.error.message));
      else p?.resolve(m.result ?? {});
    } else for (const l of this.listeners) l(m);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve,
        reject: (e) => reject(new Error(`${method}: ${e.message}`)),
      });
      this.input.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  /** Resolves with the first event named `method` (of `sessionId`). */
  event(method: string, sessionId: string): Promise<CdpMessage> {
    return new Promise((resolve) => {
      const l = (m: CdpMessage): void => {
        if (m.method === method && m.sessionId === sessionId) {
          this.listeners.splice(this.listeners.indexOf(l), 1);
          resolve(m);
        }
      };
      this.listeners.push(l);
    });
  }

  /** Fails every command still waiting (the browser has gone). */
  failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

/** The value of a Runtime.evaluate reply, or an error carrying the page's exception. */
function remoteValue(r: RemoteResult): unknown {
  if (r.exceptionDetails)
    throw new Error(
      `the page threw: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text ?? "an exception"}`,
    );
  return r.result?.value;
}

/** `url` as Chromium takes it: http(s) as given, anything else a local file. */
function pageUrl(url: string): string {
  return /^(https?|file|data):/.test(url) ? url : `file://${path.resolve(url)}`;
}

/** Loads `url` in headless Chromium, evaluates `expression` there and resolves to its value (see the file comment). */
export async function evaluateInPage(url: string, expression: string, opts: EvaluateOptions): Promise<unknown> {
  const exe = findChromium();
  if (exe === null) throw new ChromiumMissingError();
  const timeoutMs = opts.timeoutMs ?? 120000;
  const args = [
    ...chromiumFlags(opts.userDataDir),
    // Offline: every host name but the local machine fails at once.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    // SwiftShader on a loaded machine can hold the GPU thread for many seconds (3-D scatter plots): no watchdog kill.
    "--disable-gpu-watchdog",
    "--remote-debugging-pipe",
    "about:blank",
  ];
  const child: ChildProcess = spawn(exe, args, { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (s: string) => {
    stderr = (stderr + s).slice(-20000);
  });
  const cdp = new CdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const stderrTail = (): string =>
    stderr
      .split("\n")
      .filter((l) => /ERROR|FATAL|crash/i.test(l) && !/dbus|Failed to connect to the bus|GL Driver Message/.test(l))
      .slice(-6)
      .join("\n");
  const exited = new Promise<never>((_, reject) => {
    child.once("error", (e: NodeJS.ErrnoException) => reject(e.code === "ENOENT" ? new ChromiumMissingError() : e));
    child.once("exit", (code, signal) => {
      const e = new Error(
        `${exe} exited (status ${code}${signal ? `, signal ${signal}` : ""}) before the page finished\n${stderrTail()}`,
      );
      cdp.failAll(e);
      reject(e);
    });
  });
  let sessionId = "";
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(async () => {
      let state = "";
      if (opts.diagnose && sessionId) {
        const probe = cdp
          .send("Runtime.evaluate", { expression: opts.diagnose, returnByValue: true }, sessionId)
          .then((r) => JSON.stringify(remoteValue(r as RemoteResult)))
          .catch((e: Error) => e.message);
        state = await Promise.race([probe, new Promise<string>((r) => setTimeout(() => r("no answer"), 5000))]);
      }
      reject(
        new Error(
          `headless Chromium did not finish ${url} within ${timeoutMs / 1000} s${state ? ` (page state: ${state})` : ""}\n${stderrTail()}`.trimEnd(),
        ),
      );
    }, timeoutMs);
  });
  const run = async (): Promise<unknown> => {
    const { targetId } = (await cdp.send("Target.createTarget", { url: "about:blank" })) as { targetId: string };
    sessionId = ((await cdp.send("Target.attachToTarget", { targetId, flatten: true })) as { sessionId: string })
      .sessionId;
    await cdp.send("Page.enable", {}, sessionId);
    const loaded = cdp.event("Page.loadEventFired", sessionId);
    const nav = (await cdp.send("Page.navigate", { url: pageUrl(url) }, sessionId)) as { errorText?: string };
    if (nav.errorText) throw new Error(`headless Chromium could not load ${url}: ${nav.errorText}`);
    await loaded;
    const r = await cdp.send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true }, sessionId);
    return remoteValue(r as RemoteResult);
  };
  try {
    return await Promise.race([run(), exited, timedOut]);
  } finally {
    clearTimeout(timer);
    exited.catch(() => undefined);
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once("exit", r));
      cdp.send("Browser.close").catch(() => undefined);
      const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
      await gone;
      clearTimeout(kill);
    }
  }
}

/**
 * evaluateInPage for synchronous callers (figure rendering in notebooks and scripts): runs it in a child Node
 * process (src/plot/chromium-page-main.ts) and blocks until it ends. The value must be JSON.
 */
export function evaluateInPageSync(url: string, expression: string, opts: EvaluateOptions): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-cdp-"));
  try {
    const request = path.join(dir, "request.json");
    const reply = path.join(dir, "reply.json");
    fs.writeFileSync(request, JSON.stringify({ url, expression, opts }));
    const main = path.join(__dirname, `chromium-page-main${path.extname(__filename)}`);
    // From the sources (tests, tsx scripts) the child needs tsx's require hook; from dist/ it is plain JS.
    const hook = path.extname(__filename) === ".ts" ? ["--require", require.resolve("tsx/cjs")] : [];
    const r = spawnSync(process.execPath, [...hook, main, request, reply], {
      encoding: "utf8",
      stdio: ["ignore", "ignore", "pipe"],
      timeout: (opts.timeoutMs ?? 120000) + 30000,
    });
    if (r.error) throw r.error;
    if (r.status !== 0 || !fs.existsSync(reply))
      throw new Error(`${main} exited with status ${r.status}: ${r.stderr.trim().split("\n").slice(-10).join("\n")}`);
    const answer = JSON.parse(fs.readFileSync(reply, "utf8")) as { value?: unknown; error?: string };
    if (answer.error !== undefined) throw new Error(answer.error);
    return answer.value;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
