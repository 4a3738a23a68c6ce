import * as path from "node:path";
import { WorkerThreads } from "../parallel/worker-pool";
import { BIN_STRIDE, buildHistogram, buildRootHistogram } from "./histogram";

/**
 * Fits smaller than this many cells (rows x features) build their histograms on the calling thread alone:
 * starting a worker thread (about 0.1-0.5 s of CPU under tsx) would cost more than it saves.
 */
export const MIN_PARALLEL_CELLS = 500_000;

/** A node histogram is shared out only when it has at least this many (sample, feature) updates. */
const MIN_PARALLEL_UPDATES = 40_000;

/** Features per work chunk: one pass of buildHistogram's eight-feature inner loop. */
const CHUNK_FEATURES = 8;

// Control words (Int32Array on a SharedArrayBuffer) shared by the fitting thread and the workers.
const SEQ = 0; // incremented for every job (and at stop); workers sleep on it
const STOP = 1; // 1: workers return
const NEXT = 2; // next chunk to claim (Atomics.add)
const DONE = 3; // chunks finished in the current job
const START = 4; // the job: order[START..END), histogram SLOT of the arena, WEIGHTED (0/1)
const END = 5;
const SLOT = 6;
const WEIGHTED = 7;
const ERROR = 8; // 1: a worker failed (its message is not kept: the fitting thread redoes nothing and throws)
const ROOT = 9; // 1: the job is a root over every row in index order (buildRootHistogram with rootCounts)
const CONTROL_WORDS = 10;

/** What each worker thread receives (typed arrays on SharedArrayBuffers: shared, not copied). */
export interface HistogramWorkerInput {
  readonly codes: Uint8Array;
  readonly nSamples: number;
  readonly nFeatures: number;
  readonly order: Int32Array;
  readonly gOrd: Float64Array;
  readonly wOrd: Float64Array;
  readonly arena: Float64Array;
  readonly control: Int32Array;
  /** binCounts of the codes (the count slots of every unweighted all-rows root). */
  readonly rootCounts: Float64Array;
}

function shared<T>(make: (buffer: SharedArrayBuffer) => T, bytes: number): T {
  return make(new SharedArrayBuffer(bytes));
}

/** Doubles of one arena slot: a histogram of the widest (weighted, 3-slot) layout. */
function slotDoubles(nFeatures: number): number {
  return nFeatures * BIN_STRIDE * 3;
}

/** The histogram view of arena slot `slot` for the 2- or 3-slot layout. */
function slotView(arena: Float64Array, nFeatures: number, slot: number, weighted: boolean): Float64Array {
  const per = slotDoubles(nFeatures);
  return new Float64Array(arena.buffer, arena.byteOffset + slot * per * 8, nFeatures * BIN_STRIDE * (weighted ? 3 : 2));
}

/**
 * Claims and builds chunks of the current job until none is left (both the fitting thread and workers);
 * returns how many this thread built.
 */
function work(input: HistogramWorkerInput, views: Map<number, Float64Array>): number {
  let built = 0;
  const { control: c, nFeatures: d } = input;
  const nChunks = Math.ceil(d / CHUNK_FEATURES);
  for (let k = Atomics.add(c, NEXT, 1); k < nChunks; k = Atomics.add(c, NEXT, 1)) {
    // Read after the claim: the job this chunk belongs to (see HistogramThreads.build).
    const start = Atomics.load(c, START);
    const end = Atomics.load(c, END);
    const slot = Atomics.load(c, SLOT);
    const weighted = Atomics.load(c, WEIGHTED) === 1;
    const root = Atomics.load(c, ROOT) === 1;
    const key = 2 * slot + (weighted ? 1 : 0);
    let hist = views.get(key);
    if (hist === undefined) {
      hist = slotView(input.arena, d, slot, weighted);
      views.set(key, hist);
    }
    const f0 = k * CHUNK_FEATURES;
    const f1 = Math.min(d, f0 + CHUNK_FEATURES);
    try {
      const { codes, nSamples, order, gOrd, wOrd } = input;
      if (root) buildRootHistogram(hist, codes, nSamples, d, gOrd, input.rootCounts, f0, f1);
      else buildHistogram(hist, codes, nSamples, d, order, start, end, gOrd, weighted ? wOrd : null, f0, f1);
    } catch {
      Atomics.store(c, ERROR, 1);
    }
    built++;
    Atomics.add(c, DONE, 1);
    Atomics.notify(c, DONE);
  }
  return built;
}

/**
 * Worker-thread handler (run through parallel/worker-pool): sleeps until the fitting thread posts a job, helps
 * build its chunks, and returns when told to stop.
 */
export function histogramWorker(input: HistogramWorkerInput): void {
  const c = input.control;
  const views = new Map<number, Float64Array>();
  let seen = 0;
  for (;;) {
    Atomics.wait(c, SEQ, seen);
    seen = Atomics.load(c, SEQ);
    if (Atomics.load(c, STOP) === 1) return;
    work(input, views);
  }
}

/**
 * Histogram building shared by the fitting thread and `nThreads - 1` worker threads for one fit (LightGBM's and
 * scikit-learn's feature-parallel histograms): the binned matrix, the node's sample order and gathered gradients
 * and weights, and a small arena of histograms live on SharedArrayBuffers; a job is cut into chunks of eight
 * features that the threads claim with Atomics.add, the fitting thread included (so a slow or still-starting
 * worker only does less). Each feature's bins are summed over the node's samples in the same order by whichever
 * thread claims it, so the histograms, hence the trees, are bitwise the same for any number of threads. Workers
 * are unref'd and terminated by `close` (call it when the fit ends, also on error).
 */
export class HistogramThreads {
  readonly order: Int32Array;
  readonly gOrd: Float64Array;
  readonly wOrd: Float64Array;
  private readonly input: HistogramWorkerInput;
  private readonly workers: WorkerThreads;
  private readonly free: number[] = [];
  private readonly slotOf = new Map<Float64Array, number>();
  private readonly views = new Map<number, Float64Array>();
  private closed = false;
  /** Chunks of eight features built in shared jobs, and how many of them by the fitting thread itself. */
  readonly stats = { chunks: 0, ownChunks: 0 };

  /**
   * `codes`: the feature-major bin codes (copied once onto shared memory); `arenaSlots`: how many histograms
   * may live in shared memory at once (more are built on the fitting thread alone).
   */
  constructor(
    codes: Uint8Array,
    nSamples: number,
    nFeatures: number,
    nThreads: number,
    arenaSlots: number,
    rootCounts: Float64Array,
  ) {
    const sharedCodes = shared((b) => new Uint8Array(b), codes.length);
    sharedCodes.set(codes);
    const sharedCounts = shared((b) => new Float64Array(b), 8 * rootCounts.length);
    sharedCounts.set(rootCounts);
    this.order = shared((b) => new Int32Array(b), 4 * nSamples);
    this.gOrd = shared((b) => new Float64Array(b), 8 * nSamples);
    this.wOrd = shared((b) => new Float64Array(b), 8 * nSamples);
    const arena = shared((b) => new Float64Array(b), 8 * arenaSlots * slotDoubles(nFeatures));
    const control = shared((b) => new Int32Array(b), 4 * CONTROL_WORDS);
    for (let k = arenaSlots - 1; k >= 0; k--) this.free.push(k);
    this.input = {
      codes: sharedCodes,
      nSamples,
      nFeatures,
      order: this.order,
      gOrd: this.gOrd,
      wOrd: this.wOrd,
      arena,
      control,
      rootCounts: sharedCounts,
    };
    this.workers = WorkerThreads.start(
      { module: path.join(__dirname, "histogram-threads"), handler: "histogramWorker" },
      Array.from({ length: nThreads - 1 }, () => this.input),
      "qsoft histograms",
    );
  }

  /** A histogram in shared memory (2- or 3-slot layout, contents undefined), or null when the arena is full. */
  acquire(weighted: boolean): Float64Array | null {
    const slot = this.free.pop();
    if (slot === undefined) return null;
    const key = 2 * slot + (weighted ? 1 : 0);
    let view = this.views.get(key);
    if (view === undefined) {
      view = slotView(this.input.arena, this.input.nFeatures, slot, weighted);
      this.views.set(key, view);
      this.slotOf.set(view, slot);
    }
    return view;
  }

  /** Returns an acquired histogram to the arena (histograms not from the arena are ignored). */
  release(hist: Float64Array): void {
    const slot = this.slotOf.get(hist);
    if (slot !== undefined) this.free.push(slot);
  }

  /** Whether `hist` lives in the arena (only those can be built by several threads). */
  owns(hist: Float64Array): boolean {
    return this.slotOf.has(hist);
  }

  /**
   * Fills the arena histogram `hist` from the samples `order[start..end)`, whose gradients (and weights when
   * `weighted`) are already gathered into `gOrd` (`wOrd`) from index 0. Small nodes are built here alone.
   * `root`: the samples are every row in index order, unweighted (buildRootHistogram).
   */
  build(hist: Float64Array, start: number, end: number, weighted: boolean, root = false): void {
    const { input } = this;
    const d = input.nFeatures;
    const slot = this.slotOf.get(hist);
    if (slot === undefined) throw new Error("HistogramThreads.build: the histogram is not from the arena");
    if ((end - start) * d < MIN_PARALLEL_UPDATES || this.workers.size === 0) {
      if (root) {
        buildRootHistogram(hist, input.codes, input.nSamples, d, this.gOrd, input.rootCounts);
        return;
      }
      buildHistogram(
        hist,
        input.codes,
        input.nSamples,
        d,
        this.order,
        start,
        end,
        this.gOrd,
        weighted ? this.wOrd : null,
      );
      return;
    }
    const c = input.control;
    // Job first, then DONE = 0, then NEXT = 0 (a late worker can claim only once NEXT is reset, and then reads
    // this job), then wake the sleepers.
    Atomics.store(c, START, start);
    Atomics.store(c, END, end);
    Atomics.store(c, SLOT, slot);
    Atomics.store(c, WEIGHTED, weighted ? 1 : 0);
    Atomics.store(c, ROOT, root ? 1 : 0);
    Atomics.store(c, DONE, 0);
    Atomics.store(c, NEXT, 0);
    Atomics.add(c, SEQ, 1);
    Atomics.notify(c, SEQ);
    const nChunks = Math.ceil(d / CHUNK_FEATURES);
    this.stats.ownChunks += work(input, this.views);
    this.stats.chunks += nChunks;
    for (let done = Atomics.load(c, DONE); done < nChunks; done = Atomics.load(c, DONE)) Atomics.wait(c, DONE, done);
    if (Atomics.load(c, ERROR) === 1) throw new Error("a histogram worker thread failed");
  }

  /** False after `close` (arena histograms are then built on the fitting thread alone). */
  get running(): boolean {
    return !this.closed;
  }

  /** Stops and terminates the workers (idempotent). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const c = this.input.control;
    Atomics.store(c, STOP, 1);
    Atomics.add(c, SEQ, 1);
    Atomics.notify(c, SEQ);
    this.workers.terminate();
  }
}
