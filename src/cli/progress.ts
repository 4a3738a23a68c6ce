import type { ProgressCallback } from "../parallel/progress";

/** Where progress goes: process.stderr, or anything with `write` (and `isTTY` for a terminal). */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ProgressRendererOptions {
  /** What runs, printed first on every line (e.g. "featurize"). */
  readonly label: string;
  /** Default process.stderr. */
  readonly stream?: ProgressStream;
  /** Print nothing at all (`--quiet`). */
  readonly quiet?: boolean;
  /** Milliseconds between lines when the stream is not a terminal (logs, pipes). Default 5000. */
  readonly intervalMs?: number;
  /** The clock, in milliseconds (default performance.now); tests inject their own. */
  readonly now?: () => number;
}

/** Milliseconds between two lines of a log (a stream that is not a terminal). */
export const PROGRESS_LOG_INTERVAL_MS = 5000;
/** Milliseconds between two redraws of the bar on a terminal. */
const TTY_REDRAW_MS = 100;
const BAR_WIDTH = 24;

/** "12.3 s", "4 min 05 s", "1 h 02 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.max(0, seconds);
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(Math.floor(s % 60)).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** A rate in units per second: "812/s", "52.3k/s", "1.20M/s". */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return "?/s";
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toPrecision(3)}M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toPrecision(3)}k/s`;
  return `${perSecond.toPrecision(3)}/s`;
}

/**
 * Draws the progress a library call reports (its `onProgress`) on stderr: on a terminal, one bar rewritten in
 * place with the stage, percentage, rate and estimated time left; otherwise (a log file, a pipe) one line every
 * `intervalMs` while a stage runs, and a closing line for a stage that lasted at least that long; nothing at all
 * when `quiet`. Short jobs print nothing to a log. Rate and ETA are those of the current stage since it started.
 */
export class ProgressRenderer {
  private readonly stream: ProgressStream;
  private readonly tty: boolean;
  private readonly interval: number;
  private readonly now: () => number;
  private stage: string | null = null;
  private stageStart = 0;
  private lastWrite = 0;
  private lastDone = 0;
  private lastTotal = 0;
  private barOpen = false;
  private printed = false;

  constructor(private readonly options: ProgressRendererOptions) {
    this.stream = options.stream ?? process.stderr;
    this.tty = this.stream.isTTY === true;
    this.interval = options.intervalMs ?? PROGRESS_LOG_INTERVAL_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** The callback to hand the library call (undefined with `quiet`, so the library does not even count). */
  get onProgress(): ProgressCallback | undefined {
    return this.options.quiet ? undefined : (done, total, stage) => this.report(done, total, stage);
  }

  /** Ends an open bar line (call before printing anything else, e.g. the command's summary). */
  finish(): void {
    if (this.barOpen) this.stream.write("\n");
    this.barOpen = false;
  }

  private report(done: number, total: number, stage: string): void {
    const t = this.now();
    if (stage !== this.stage) {
      this.finish();
      this.stage = stage;
      this.stageStart = t;
      this.lastWrite = t;
      this.printed = false;
    }
    this.lastDone = done;
    this.lastTotal = total;
    const end = done >= total;
    if (this.tty) {
      if (end || t - this.lastWrite >= TTY_REDRAW_MS || !this.barOpen) {
        this.stream.write(`\r${this.line(t)}\x1b[K`);
        this.barOpen = true;
        this.lastWrite = t;
        if (end) this.finish();
      }
      return;
    }
    if (end ? t - this.stageStart >= this.interval || this.printed : t - this.lastWrite >= this.interval) {
      this.stream.write(`${this.line(t)}\n`);
      this.lastWrite = t;
      this.printed = true;
    }
  }

  private line(t: number): string {
    const done = this.lastDone;
    const total = this.lastTotal;
    const seconds = (t - this.stageStart) / 1000;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const percent = `${(100 * fraction).toFixed(0).padStart(3)} %`;
    const head = `${this.options.label}: ${this.stage} ${done}/${total}`;
    const rate = seconds > 0 ? done / seconds : Number.NaN;
    const tail =
      done >= total
        ? `done in ${formatDuration(seconds)}`
        : `${formatRate(rate)}, ETA ${done > 0 ? formatDuration((total - done) / rate) : "?"}`;
    if (!this.tty) return `${head} (${percent.trim()}), ${tail}`;
    const filled = Math.round(fraction * BAR_WIDTH);
    return `${head} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${percent} ${tail}`;
  }
}
