import * as path from "node:path";
import { WorkerThreads } from "../parallel/worker-pool";
import { BIN_STRIDE, binCounts, buildHistogram, buildRootHistogram, scanHistogram } from "./histogram";
import { lossAndGradientRange } from "./binomial-loss";
import {
  type HistogramKernels,
  histogramKernels,
  histogramKernelsModule,
  KernelMemory,
  MAX_KERNEL_MEMORY_BYTES,
  type WasmMemory,
  type WasmModule,
} from "./histogram-kernels";

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
const DONE = 2; // chunks finished in the current job
const START = 3; // the job: order[START..END), histogram SLOT of the arena, WEIGHTED (0/1)
const END = 4;
const SLOT = 5;
const WEIGHTED = 6;
const ERROR = 7; // 1: a worker failed (its message is not kept: the fitting thread redoes nothing and throws)
const ROOT = 8; // 1: the job is a root over every row in index order (buildRootHistogram with rootCounts)
const OTHER = 9; // arena slot of a histogram to subtract the built one from, in place (-1: none)
const SCAN = 10; // bit 1: scan the built histogram for its best split, bit 2: the subtracted one
const KIND = 11; // the job's kind: HISTOGRAM (chunks of eight features) or LOSS (blocks of LOSS_BLOCK rows)
const NEXT_BASE = 12; // control[NEXT_BASE + t]: the next chunk of thread t's home range to claim (Atomics.add)
// control[NEXT_BASE + nThreads + t]: the end of thread t's home range in the current job (see `run`).
const HISTOGRAM = 0;
const LOSS = 1;

/**
 * Rows per block of a loss job. Fixed, so that the deviance is the same sum of block sums whatever the number of
 * threads (and bitwise the same trees and scores for any nThreads).
 */
const LOSS_BLOCK = 1024;
/** A loss job is shared out from this many rows on (fewer: the fitting thread alone, same blocks). */
const MIN_PARALLEL_LOSS_ROWS = 8192;
/**
 * The value of every chunk counter between jobs, above any chunk index: a claim made between two jobs (a worker
 * still looping over the counters of the last one) gets no chunk of either.
 */
const EXHAUSTED = 1 << 24;

// Node statistics of a job's scans (Float64Array `stats`): count, sum and weight of the built histogram's node,
// then of the subtracted one's, then minSamplesLeaf.
const STATS_WORDS = 7;
// Per chunk, the best split of its features for the built and for the subtracted histogram: proxy, bin, feature.
const RESULT_WORDS = 6;

/**
 * What each worker thread receives (typed arrays on shared memory: shared, not copied). `codes`, `order`,
 * `gOrd`, `wOrd`, `arena` and `rootCounts` are views of `memory`, the WebAssembly memory of the kernels (null
 * when the fit is too large for it: then the JavaScript loops of histogram.ts build every histogram).
 */
export interface HistogramWorkerInput {
  readonly memory: WasmMemory | null;
  readonly module: WasmModule | null;
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
  /** Bins per feature (the scans'). */
  readonly nBins: Int32Array;
  readonly stats: Float64Array;
  readonly results: Float64Array;
  /** This thread's index (0: the fitting thread) and the number of threads. */
  readonly thread: number;
  readonly nThreads: number;
  /** The boosting vectors of the loss jobs: labels, raw predictions, gradients, hessians, sample weights. */
  readonly y: Uint8Array;
  readonly raw: Float64Array;
  readonly g: Float64Array;
  readonly h: Float64Array;
  readonly w: Float64Array;
  /** Per loss block: the sums of w (y F - log(1 + e^F)) and of w (lossAndGradientRange). */
  readonly lossParts: Float64Array;
}

/**
 * Chunks [first, end) of thread t's home range: the chunks cut into nThreads contiguous ranges. A thread
 * claims its own range first, so it keeps building the same features (whose codes then stay in its own cache:
 * measured here, dynamic claiming over all chunks made each thread about 1.3x slower per chunk), and then
 * helps with the others' ranges.
 */
function homeRange(t: number, nThreads: number, nChunks: number): [number, number] {
  return [Math.floor((t * nChunks) / nThreads), Math.floor(((t + 1) * nChunks) / nThreads)];
}

function shared<T>(make: (buffer: SharedArrayBuffer) => T, bytes: number): T {
  return make(new SharedArrayBuffer(bytes));
}

/** What one thread keeps between jobs: its histogram views, its kernels (null: none), a scan buffer. */
interface ThreadState {
  readonly views: Map<number, Float64Array>;
  readonly kernels: HistogramKernels | null;
  readonly best: Float64Array;
}

function threadState(input: HistogramWorkerInput): ThreadState {
  const kernels = input.memory !== null && input.module !== null ? histogramKernels(input.memory, input.module) : null;
  return { views: new Map(), kernels, best: new Float64Array(2) };
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

/** The histogram view of `slot` for this thread (views cached by slot and layout). */
function viewOf(input: HistogramWorkerInput, views: Map<number, Float64Array>, slot: number, weighted: boolean) {
  const key = 2 * slot + (weighted ? 1 : 0);
  let hist = views.get(key);
  if (hist === undefined) {
    hist = slotView(input.arena, input.nFeatures, slot, weighted);
    views.set(key, hist);
  }
  return hist;
}

/**
 * Best split over features [f0, f1) of `hist` for a node of `cnt` samples, gradient sum `sum` and weight
 * `weight` (scanHistogram feature after feature, the first strictly best kept); writes proxy, bin and feature
 * (-1 when none) at results[at..at + 3).
 */
function scanChunk(
  input: HistogramWorkerInput,
  state: ThreadState,
  hist: Float64Array,
  f0: number,
  f1: number,
  node: number,
  weighted: boolean,
  at: number,
): void {
  const { stats, nBins, results } = input;
  const cnt = stats[3 * node];
  const sum = stats[3 * node + 1];
  const weight = stats[3 * node + 2];
  const minLeaf = stats[6];
  if (state.kernels !== null && !weighted) {
    state.kernels.scan(hist.byteOffset, f0, f1, nBins.byteOffset, cnt, sum, minLeaf, results.byteOffset + 8 * at);
    return;
  }
  const best = state.best;
  best[0] = -Infinity;
  best[1] = -1;
  let feature = -1;
  for (let f = f0; f < f1; f++) {
    const before = best[0];
    scanHistogram(hist, f, nBins[f], cnt, sum, minLeaf, best, weight, weighted);
    if (best[0] > before) feature = f;
  }
  results[at] = best[0];
  results[at + 1] = best[1];
  results[at + 2] = feature;
}

/**
 * Chunk `k` (features 8k .. 8k + 7) of the current job: builds it into the job's histogram, subtracts it from
 * the other histogram (the sibling by the subtraction trick), and scans either for its best split. Unweighted
 * histograms are built by the WebAssembly kernels when the thread has them.
 */
function runHistogramChunk(input: HistogramWorkerInput, state: ThreadState, k: number): void {
  const { control: c, nFeatures: d } = input;
  const { views, kernels } = state;
  // Read after the claim: the job this chunk belongs to (see HistogramThreads.job).
  const start = Atomics.load(c, START);
  const end = Atomics.load(c, END);
  const weighted = Atomics.load(c, WEIGHTED) === 1;
  const root = Atomics.load(c, ROOT) === 1;
  const other = Atomics.load(c, OTHER);
  const scan = Atomics.load(c, SCAN);
  const hist = viewOf(input, views, Atomics.load(c, SLOT), weighted);
  const f0 = k * CHUNK_FEATURES;
  const f1 = Math.min(d, f0 + CHUNK_FEATURES);
  const { codes, nSamples, order, gOrd, wOrd } = input;
  if (kernels !== null && !weighted) {
    if (root)
      kernels.root(hist.byteOffset, codes.byteOffset, nSamples, gOrd.byteOffset, input.rootCounts.byteOffset, f0, f1);
    else
      kernels.node(hist.byteOffset, codes.byteOffset, nSamples, order.byteOffset, start, end, gOrd.byteOffset, f0, f1);
  } else if (root) buildRootHistogram(hist, codes, nSamples, d, gOrd, input.rootCounts, f0, f1);
  else buildHistogram(hist, codes, nSamples, d, order, start, end, gOrd, weighted ? wOrd : null, f0, f1);
  let sibling: Float64Array | null = null;
  if (other >= 0) {
    sibling = viewOf(input, views, other, weighted);
    const S = weighted ? 3 : 2;
    const p0 = f0 * BIN_STRIDE * S;
    const p1 = f1 * BIN_STRIDE * S;
    if (kernels !== null)
      kernels.subtract(sibling.byteOffset + 8 * p0, sibling.byteOffset + 8 * p0, hist.byteOffset + 8 * p0, p1 - p0);
    else for (let p = p0; p < p1; p++) sibling[p] = sibling[p] - hist[p];
  }
  if ((scan & 1) !== 0) scanChunk(input, state, hist, f0, f1, 0, weighted, k * RESULT_WORDS);
  if ((scan & 2) !== 0 && sibling !== null) scanChunk(input, state, sibling, f0, f1, 1, weighted, k * RESULT_WORDS + 3);
}

/**
 * Block `k` of a loss job: the gradients, hessians and loss sums of rows [k LOSS_BLOCK, (k + 1) LOSS_BLOCK)
 * (binomial deviance; lossAndGradientRange).
 */
function runLossBlock(input: HistogramWorkerInput, k: number): void {
  const weighted = Atomics.load(input.control, WEIGHTED) === 1;
  const from = k * LOSS_BLOCK;
  const to = Math.min(input.nSamples, from + LOSS_BLOCK);
  const { y, raw, g, h, w, lossParts } = input;
  lossAndGradientRange(y, raw, g, h, weighted ? w : null, from, to, lossParts, 2 * k);
}

/** Chunk `k` of the current job, of whichever kind. */
function runChunk(input: HistogramWorkerInput, state: ThreadState, k: number): void {
  if (Atomics.load(input.control, KIND) === LOSS) runLossBlock(input, k);
  else runHistogramChunk(input, state, k);
}

/**
 * Claims and runs chunks of the current job until none is left, its own home range first, then the other
 * threads' (both the fitting thread and workers); returns how many this thread ran.
 */
function work(input: HistogramWorkerInput, state: ThreadState): number {
  let built = 0;
  const c = input.control;
  const T = input.nThreads;
  for (let u = 0; u < T; u++) {
    const owner = (input.thread + u) % T;
    const next = NEXT_BASE + owner;
    const end = NEXT_BASE + T + owner;
    // The end is read after each claim: a claimed chunk belongs to the job whose counters were reset last, and
    // its end was stored before them.
    for (let k = Atomics.add(c, next, 1); k < Atomics.load(c, end); k = Atomics.add(c, next, 1)) {
      try {
        runChunk(input, state, k);
      } catch {
        Atomics.store(c, ERROR, 1);
      }
      built++;
      Atomics.add(c, DONE, 1);
      Atomics.notify(c, DONE);
    }
  }
  return built;
}

/**
 * Worker-thread handler (run through parallel/worker-pool): sleeps until the fitting thread posts a job, helps
 * build its chunks, and returns when told to stop.
 */
export function histogramWorker(input: HistogramWorkerInput): void {
  const c = input.control;
  const state = threadState(input);
  let seen = 0;
  for (;;) {
    Atomics.wait(c, SEQ, seen);
    seen = Atomics.load(c, SEQ);
    if (Atomics.load(c, STOP) === 1) return;
    work(input, state);
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
  /** The feature-major bin codes of the fit (filled by the caller, see the constructor). */
  readonly codes: Uint8Array;
  /** binCounts of the codes (`load`): the count slots of every unweighted all-rows root. */
  readonly rootCounts: Float64Array;
  readonly order: Int32Array;
  /** Room for a node's rows (partition). */
  readonly scratch: Int32Array;
  readonly gOrd: Float64Array;
  readonly wOrd: Float64Array;
  private readonly input: HistogramWorkerInput;
  private readonly workers: WorkerThreads;
  private readonly free: number[] = [];
  private readonly slotOf = new Map<Float64Array, number>();
  /** The fitting thread's views and kernels (its views are also the arena histograms handed out by acquire). */
  private readonly state: ThreadState;
  private closed = false;
  /**
   * After `job`: the best split of the built histogram's node (feature, bin) and of the subtracted one's
   * (feature, bin); feature -1 when no split qualifies or the node was not scanned.
   */
  readonly best = new Int32Array(4);
  /** Chunks of eight features built in shared jobs, and how many of them by the fitting thread itself. */
  readonly stats = { chunks: 0, ownChunks: 0 };

  /**
   * Allocates the shared memory of a fit of `nSamples` x `nFeatures` and starts the workers at once, so that
   * they load while the fitting thread bins the data: fill `codes` (feature-major bin codes), then call `load`
   * before the first job. `arenaSlots`: how many histograms may live in shared memory at once (more are built on
   * the fitting thread alone).
   */
  constructor(nSamples: number, nFeatures: number, nThreads: number, arenaSlots: number) {
    // Every array the kernels touch goes into one shared WebAssembly memory when it fits there.
    const arenaDoubles = arenaSlots * slotDoubles(nFeatures);
    const resultDoubles = RESULT_WORDS * Math.ceil(nFeatures / CHUNK_FEATURES);
    const bytes = KernelMemory.sizeOf([
      nSamples * nFeatures,
      8 * nFeatures * BIN_STRIDE,
      4 * nSamples,
      4 * nSamples,
      8 * nSamples,
      8 * nSamples,
      8 * arenaDoubles,
      4 * nFeatures,
      8 * resultDoubles,
      nSamples,
      8 * nSamples,
      8 * nSamples,
      8 * nSamples,
      8 * nSamples,
      16 * Math.ceil(nSamples / LOSS_BLOCK),
    ]);
    const mem = bytes <= MAX_KERNEL_MEMORY_BYTES ? new KernelMemory(bytes) : null;
    const make = <T>(Kind: new (b: ArrayBufferLike, at: number, length: number) => T, length: number, per: number) =>
      mem !== null ? mem.take(Kind, length, per) : new Kind(new SharedArrayBuffer(length * per), 0, length);
    this.codes = make(Uint8Array, nSamples * nFeatures, 1);
    this.rootCounts = make(Float64Array, nFeatures * BIN_STRIDE, 8);
    this.order = make(Int32Array, nSamples, 4);
    this.scratch = make(Int32Array, nSamples, 4);
    this.gOrd = make(Float64Array, nSamples, 8);
    this.wOrd = make(Float64Array, nSamples, 8);
    const arena = make(Float64Array, arenaDoubles, 8);
    const sharedBins = make(Int32Array, nFeatures, 4);
    const control = shared((b) => new Int32Array(b), 4 * (NEXT_BASE + 2 * nThreads));
    control.fill(EXHAUSTED, NEXT_BASE, NEXT_BASE + nThreads);
    for (let k = arenaSlots - 1; k >= 0; k--) this.free.push(k);
    this.input = {
      memory: mem?.memory ?? null,
      module: mem !== null ? histogramKernelsModule() : null,
      codes: this.codes,
      nSamples,
      nFeatures,
      order: this.order,
      gOrd: this.gOrd,
      wOrd: this.wOrd,
      arena,
      control,
      rootCounts: this.rootCounts,
      nBins: sharedBins,
      stats: shared((b) => new Float64Array(b), 8 * STATS_WORDS),
      results: make(Float64Array, resultDoubles, 8),
      thread: 0,
      nThreads,
      y: make(Uint8Array, nSamples, 1),
      raw: make(Float64Array, nSamples, 8),
      g: make(Float64Array, nSamples, 8),
      h: make(Float64Array, nSamples, 8),
      w: make(Float64Array, nSamples, 8),
      lossParts: make(Float64Array, 2 * Math.ceil(nSamples / LOSS_BLOCK), 8),
    };
    this.workers = WorkerThreads.start(
      { module: path.join(__dirname, "histogram-threads"), handler: "histogramWorker" },
      Array.from({ length: nThreads - 1 }, (_, t) => ({ ...this.input, thread: t + 1 })),
      "qsoft histograms",
    );
    this.state = threadState(this.input);
  }

  /**
   * After `codes` is filled: sets the bins per feature (the scans') and the counts of every all-rows root
   * (binCounts of the codes).
   */
  load(nBins: Int32Array): void {
    this.input.nBins.set(nBins);
    this.rootCounts.set(binCounts(this.codes, this.input.nSamples, this.input.nFeatures));
  }

  /** A histogram in shared memory (2- or 3-slot layout, contents undefined), or null when the arena is full. */
  acquire(weighted: boolean): Float64Array | null {
    const slot = this.free.pop();
    if (slot === undefined) return null;
    const key = 2 * slot + (weighted ? 1 : 0);
    let view = this.state.views.get(key);
    if (view === undefined) {
      view = slotView(this.input.arena, this.input.nFeatures, slot, weighted);
      this.state.views.set(key, view);
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
    this.job(hist, start, end, weighted, root, null, null, null, 0);
  }

  /**
   * `build`, then (when `other` is given, an arena histogram of the parent node) `other -= hist`, which turns
   * it into the sibling's histogram, and a search for the best split of the built node (`scanBuilt` = its
   * [count, sum, weight], as TreeGrower's findHistSplit with every feature) and of the sibling (`scanOther`),
   * with `minLeaf` samples per side; the splits land in `best`. Each chunk of eight features is built,
   * subtracted and scanned by the thread that claimed it; the chunks' best splits are merged in feature order
   * keeping the first strictly best, so the split is the one the scan over all features finds.
   */
  job(
    hist: Float64Array,
    start: number,
    end: number,
    weighted: boolean,
    root: boolean,
    other: Float64Array | null,
    scanBuilt: readonly [number, number, number] | null,
    scanOther: readonly [number, number, number] | null,
    minLeaf: number,
  ): void {
    const { input } = this;
    const d = input.nFeatures;
    const slot = this.slotOf.get(hist);
    if (slot === undefined) throw new Error("HistogramThreads.job: the histogram is not from the arena");
    const otherSlot = other === null ? -1 : this.slotOf.get(other);
    if (otherSlot === undefined) throw new Error("HistogramThreads.job: the other histogram is not from the arena");
    const c = input.control;
    const st = input.stats;
    if (scanBuilt !== null) st.set(scanBuilt, 0);
    if (scanOther !== null) st.set(scanOther, 3);
    st[6] = minLeaf;
    const nChunks = Math.ceil(d / CHUNK_FEATURES);
    Atomics.store(c, START, start);
    Atomics.store(c, END, end);
    Atomics.store(c, SLOT, slot);
    Atomics.store(c, WEIGHTED, weighted ? 1 : 0);
    Atomics.store(c, ROOT, root ? 1 : 0);
    Atomics.store(c, OTHER, otherSlot);
    Atomics.store(c, SCAN, (scanBuilt !== null ? 1 : 0) | (scanOther !== null && other !== null ? 2 : 0));
    Atomics.store(c, KIND, HISTOGRAM);
    this.run(nChunks, (end - start) * d >= MIN_PARALLEL_UPDATES);
    const r = input.results;
    for (let t = 0; t < 2; t++) {
      let proxy = -Infinity;
      let feature = -1;
      let bin = -1;
      if (t === 0 ? scanBuilt !== null : scanOther !== null && other !== null)
        for (let k = 0; k < nChunks; k++) {
          const at = k * RESULT_WORDS + 3 * t;
          if (r[at + 2] >= 0 && r[at] > proxy) {
            proxy = r[at];
            bin = r[at + 1];
            feature = r[at + 2];
          }
        }
      this.best[2 * t] = feature;
      this.best[2 * t + 1] = bin;
    }
  }

  /**
   * Stable partition of order[start..end) by feature `f`: rows with code <= `bin` first (both sides keep their
   * order); returns the split position (TreeGrower.partition, on the fitting thread).
   */
  partition(start: number, end: number, f: number, bin: number): number {
    const { order, scratch, input } = this;
    const { codes, nSamples: n } = input;
    const kernels = this.state.kernels;
    if (kernels !== null)
      return kernels.partition(order.byteOffset, scratch.byteOffset, start, end, codes.byteOffset + f * n, bin);
    const base = f * n;
    let l = start;
    let r = 0;
    for (let k = start; k < end; k++) {
      const i = order[k];
      if (codes[base + i] <= bin) order[l++] = i;
      else scratch[r++] = i;
    }
    order.set(scratch.subarray(0, r), l);
    return l;
  }

  /**
   * Runs the `nChunks` chunks of the job described in the control words: shared with the workers when
   * `parallel` (and there are workers), else here alone (the chunk counters stay exhausted, so no worker claims a
   * chunk of this job).
   */
  private run(nChunks: number, parallel: boolean): void {
    const { input } = this;
    const c = input.control;
    if (!parallel || this.workers.size === 0) {
      for (let k = 0; k < nChunks; k++) runChunk(input, this.state, k);
      return;
    }
    // Job first, then the home ranges' ends, then DONE = 0, then the chunk counters (a worker can claim a chunk
    // only once they are reset, and then reads this job), then wake the sleepers.
    const T = input.nThreads;
    for (let t = 0; t < T; t++) Atomics.store(c, NEXT_BASE + T + t, homeRange(t, T, nChunks)[1]);
    Atomics.store(c, DONE, 0);
    for (let t = 0; t < T; t++) Atomics.store(c, NEXT_BASE + t, homeRange(t, T, nChunks)[0]);
    Atomics.add(c, SEQ, 1);
    Atomics.notify(c, SEQ);
    this.stats.ownChunks += work(input, this.state);
    this.stats.chunks += nChunks;
    for (let done = Atomics.load(c, DONE); done < nChunks; done = Atomics.load(c, DONE)) Atomics.wait(c, DONE, done);
    // Every chunk is done: exhaust the counters before anything of the next job is written.
    for (let t = 0; t < T; t++) Atomics.store(c, NEXT_BASE + t, EXHAUSTED);
    if (Atomics.load(c, ERROR) === 1) throw new Error("a histogram worker thread failed");
  }

  /** Labels (0/1) of the fit's rows, raw predictions, gradients, hessians and weights, for `lossAndGradient`. */
  get y(): Uint8Array {
    return this.input.y;
  }
  get raw(): Float64Array {
    return this.input.raw;
  }
  get g(): Float64Array {
    return this.input.g;
  }
  get h(): Float64Array {
    return this.input.h;
  }
  get w(): Float64Array {
    return this.input.w;
  }

  /**
   * devianceAndGradient(y, raw, g, h, weighted ? w : null) on the arrays above, in blocks of LOSS_BLOCK rows
   * shared with the workers: fills g and h, returns the (weighted) binomial deviance. The block sums are added in
   * block order, so the result does not depend on the number of threads.
   */
  lossAndGradient(weighted: boolean): number {
    const { input } = this;
    const c = input.control;
    const nBlocks = Math.ceil(input.nSamples / LOSS_BLOCK);
    Atomics.store(c, KIND, LOSS);
    Atomics.store(c, WEIGHTED, weighted ? 1 : 0);
    this.run(nBlocks, input.nSamples >= MIN_PARALLEL_LOSS_ROWS);
    let s = 0;
    let n = 0;
    const parts = input.lossParts;
    for (let k = 0; k < nBlocks; k++) {
      s += parts[2 * k];
      n += parts[2 * k + 1];
    }
    return (-2 * s) / n;
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
