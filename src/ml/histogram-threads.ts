import * as path from "node:path";
import { WorkerThreads } from "../parallel/worker-pool";
import { BIN_STRIDE, buildHistogram, buildRootHistogram, scanHistogram } from "./histogram";

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
const OTHER = 10; // arena slot of a histogram to subtract the built one from, in place (-1: none)
const SCAN = 11; // bit 1: scan the built histogram for its best split, bit 2: the subtracted one
const CONTROL_WORDS = 12;

// Node statistics of a job's scans (Float64Array `stats`): count, sum and weight of the built histogram's node,
// then of the subtracted one's, then minSamplesLeaf.
const STATS_WORDS = 7;
// Per chunk, the best split of its features for the built and for the subtracted histogram: proxy, bin, feature.
const RESULT_WORDS = 6;

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
  /** Bins per feature (the scans'). */
  readonly nBins: Int32Array;
  readonly stats: Float64Array;
  readonly results: Float64Array;
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
  hist: Float64Array,
  f0: number,
  f1: number,
  node: number,
  weighted: boolean,
  at: number,
  best: Float64Array,
): void {
  const { stats, nBins, results } = input;
  const cnt = stats[3 * node];
  const sum = stats[3 * node + 1];
  const weight = stats[3 * node + 2];
  const minLeaf = stats[6];
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
 * the other histogram (the sibling by the subtraction trick), and scans either for its best split.
 */
function runChunk(input: HistogramWorkerInput, views: Map<number, Float64Array>, k: number, best: Float64Array): void {
  const { control: c, nFeatures: d } = input;
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
  if (root) buildRootHistogram(hist, codes, nSamples, d, gOrd, input.rootCounts, f0, f1);
  else buildHistogram(hist, codes, nSamples, d, order, start, end, gOrd, weighted ? wOrd : null, f0, f1);
  let sibling: Float64Array | null = null;
  if (other >= 0) {
    sibling = viewOf(input, views, other, weighted);
    const S = weighted ? 3 : 2;
    for (let p = f0 * BIN_STRIDE * S, e = f1 * BIN_STRIDE * S; p < e; p++) sibling[p] = sibling[p] - hist[p];
  }
  if ((scan & 1) !== 0) scanChunk(input, hist, f0, f1, 0, weighted, k * RESULT_WORDS, best);
  if ((scan & 2) !== 0 && sibling !== null) scanChunk(input, sibling, f0, f1, 1, weighted, k * RESULT_WORDS + 3, best);
}

/**
 * Claims and runs chunks of the current job until none is left (both the fitting thread and workers);
 * returns how many this thread ran.
 */
function work(input: HistogramWorkerInput, views: Map<number, Float64Array>, best: Float64Array): number {
  let built = 0;
  const c = input.control;
  const nChunks = Math.ceil(input.nFeatures / CHUNK_FEATURES);
  for (let k = Atomics.add(c, NEXT, 1); k < nChunks; k = Atomics.add(c, NEXT, 1)) {
    try {
      runChunk(input, views, k, best);
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
  const best = new Float64Array(2);
  let seen = 0;
  for (;;) {
    Atomics.wait(c, SEQ, seen);
    seen = Atomics.load(c, SEQ);
    if (Atomics.load(c, STOP) === 1) return;
    work(input, views, best);
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
  private readonly scratch = new Float64Array(2);
  /**
   * After `job`: the best split of the built histogram's node (feature, bin) and of the subtracted one's
   * (feature, bin); feature -1 when no split qualifies or the node was not scanned.
   */
  readonly best = new Int32Array(4);
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
    nBins: Int32Array,
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
      nBins: Int32Array.from(nBins),
      stats: shared((b) => new Float64Array(b), 8 * STATS_WORDS),
      results: shared((b) => new Float64Array(b), 8 * RESULT_WORDS * Math.ceil(nFeatures / CHUNK_FEATURES)),
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
    // Job first, then DONE = 0, then NEXT = 0 (a late worker can claim only once NEXT is reset, and then reads
    // this job), then wake the sleepers.
    Atomics.store(c, START, start);
    Atomics.store(c, END, end);
    Atomics.store(c, SLOT, slot);
    Atomics.store(c, WEIGHTED, weighted ? 1 : 0);
    Atomics.store(c, ROOT, root ? 1 : 0);
    Atomics.store(c, OTHER, otherSlot);
    Atomics.store(c, SCAN, (scanBuilt !== null ? 1 : 0) | (scanOther !== null && other !== null ? 2 : 0));
    if ((end - start) * d < MIN_PARALLEL_UPDATES || this.workers.size === 0) {
      // Here alone; NEXT stays exhausted, so no worker claims a chunk of this job.
      for (let k = 0; k < nChunks; k++) runChunk(input, this.views, k, this.scratch);
    } else {
      Atomics.store(c, DONE, 0);
      Atomics.store(c, NEXT, 0);
      Atomics.add(c, SEQ, 1);
      Atomics.notify(c, SEQ);
      this.stats.ownChunks += work(input, this.views, this.scratch);
      this.stats.chunks += nChunks;
      for (let done = Atomics.load(c, DONE); done < nChunks; done = Atomics.load(c, DONE)) Atomics.wait(c, DONE, done);
      if (Atomics.load(c, ERROR) === 1) throw new Error("a histogram worker thread failed");
    }
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
