import { midpoint } from "./bin-mapper";
import { FeatureSampler } from "./feature-sampler";
import type { GrowerData } from "./grower-data";
import { HistogramThreads, MIN_PARALLEL_CELLS } from "./histogram-threads";
import {
  BIN_STRIDE,
  buildFeatureHistogram,
  buildHistogram,
  buildRootHistogram,
  histogramSlots,
  newHistogram,
  scanHistogram,
  subtractHistogram,
} from "./histogram";
import type { Random } from "./random";
import { type RegressionTree, TreeNodes } from "./regression-tree";

/** Stopping rules and leaf scaling of one tree (counts already resolved from fractions). */
export interface TreeGrowerOptions {
  /** Maximum number of edges from root to leaf; null = unlimited. */
  readonly maxDepth: number | null;
  /** A node with fewer samples is a leaf (>= 2). */
  readonly minSamplesSplit: number;
  /** Each child of a split keeps at least this many samples (>= 1). */
  readonly minSamplesLeaf: number;
  /** Features evaluated per node (1..nFeatures). */
  readonly maxFeatures: number;
  /** Leaf values are multiplied by this (the boosting learning rate; 1 for a plain tree). */
  readonly learningRate: number;
  /**
   * Threads building the histograms (hist mode with every feature per node, at least MIN_PARALLEL_CELLS
   * cells; otherwise 1). The trees do not depend on it. Default 1; call `close` after the last tree.
   */
  readonly nThreads?: number;
}

/** scikit-learn's EPSILON (sklearn/tree/_tree.pyx): a node whose impurity is at most this is a leaf. */
const EPSILON = 2.220446049250313e-16;

/**
 * Grows one regression tree on a gradient vector, the way scikit-learn's `DecisionTreeRegressor` grows the trees
 * of `GradientBoostingClassifier` (sklearn/tree/_splitter.pyx, _criterion.pyx, _tree.pyx):
 * - split criterion "friedman_mse" on the targets g (Friedman 2001, Eq. 35): the split maximises
 *   (n_R s_L - n_L s_R)^2 / (n_L n_R), i.e. the squared-error decrease n_L n_R (mean_L - mean_R)^2 / n; the first
 *   strictly best candidate wins (features in sampled order, thresholds increasing);
 * - a node is a leaf when depth = maxDepth, n < minSamplesSplit, n < 2 minSamplesLeaf, its impurity (variance
 *   of g) <= EPSILON, or no split leaves minSamplesLeaf samples on both sides;
 * - leaf value = learningRate * sum(g) / sum(h) over the leaf's samples (a Newton step; with h = 1 the mean), and
 *   0 when |sum(h)| < 1e-150 (sklearn/ensemble/_gb_losses.py, BinomialDeviance._update_terminal_region).
 * With sample weights w (DecisionTreeRegressor.fit(sample_weight=w)): every sum and count of the criterion, the
 * impurity and the leaf value is weighted (n -> sum w, g -> w g, h -> w h), while minSamplesSplit and
 * minSamplesLeaf still count samples (sklearn's min_samples_*; its min_weight_fraction_leaf is not offered); a
 * split needs a positive weight on both sides, and a node of zero weight is a leaf.
 *
 * The trainer is ours rather than ml-cart's `DecisionTreeRegression.train`: ml-cart re-scans the whole column
 * for every candidate threshold (O(n^2) per feature per node) and copies matrices at every node;
 * bench/gbdt.bench.ts measured 0.27-0.31 s for one depth-3 tree on 1,000 x 10 (30-50x our exact mode), i.e. days for
 * 300 trees on 20,000 x 80, where the hist mode here (O(n d) per tree level, sibling histograms by subtraction;
 * O(n maxFeatures) when features are sampled) takes seconds. The trees it produces are exported in ml-cart's JSON
 * (RegressionTree.toMlCart) and predict identically there.
 */
export class TreeGrower {
  private readonly n: number;
  private readonly d: number;
  private readonly order: Int32Array;
  /** After `grow`: the leaf (node index) of every in-bag sample of the grown tree; other entries are stale. */
  readonly sampleLeaf: Int32Array;
  private readonly scratch: Int32Array;
  private readonly gOrd: Float64Array;
  private readonly wOrd: Float64Array;
  /** Weighted gradients w g of the current tree (weighted fits only). */
  private readonly gw: Float64Array;
  /** Sample weights of the current tree, or null. */
  private w: Float64Array | null = null;
  private readonly goesLeft: Uint8Array;
  private readonly inBag: Uint8Array;
  private readonly sampler: FeatureSampler;
  private readonly histPool: Float64Array[] = [];
  /** Worker threads sharing the histogram building, or null (one thread). */
  private readonly threads: HistogramThreads | null = null;
  /**
   * hist mode with maxFeatures < nFeatures: each node builds the histograms of its sampled features only, into
   * this one buffer (a node's features are drawn without replacement, so each is built at most once per node).
   */
  private perFeature: Float64Array | null;
  private readonly perFeatureNeeded: boolean;
  /** hist mode, every feature per node: binCounts of the codes, the counts of an unweighted all-rows root. */
  private readonly rootCounts: Float64Array | null = null;
  /** The current tree is grown on every row, unweighted, in index order (its root uses rootCounts). */
  private allRows = false;
  private seg: Int32Array = new Int32Array(0);
  private segScratch: Int32Array = new Int32Array(0);

  // best split of the node being processed: [proxy, bin or threshold]
  private readonly best = new Float64Array(2);
  /** Splits found with the histograms on the threads (see buildHist). */
  private readonly found = new Int32Array(4);
  private bestFeature = -1;
  private bestBin = -1;
  private bestThreshold = 0;

  /**
   * The histogram threads (and shared memory) a grower of `nSamples` x `nFeatures` rows in `mode` will use, or
   * null when it builds no whole-node histograms (exact mode, or features sampled per node). Created before the
   * data are binned, so that the workers load meanwhile: bin into its `codes`, then pass it to the constructor.
   */
  static startThreads(
    nSamples: number,
    nFeatures: number,
    mode: GrowerData["mode"],
    options: TreeGrowerOptions,
  ): HistogramThreads | null {
    if (mode !== "hist" || options.maxFeatures < nFeatures) return null;
    // More threads than eight-feature chunks would idle; one thread (the WebAssembly kernels alone) below
    // MIN_PARALLEL_CELLS. Depth-first growth holds at most about depth + 2 histograms at once.
    const nThreads = Math.min(options.nThreads ?? 1, Math.ceil(nFeatures / 8));
    const slots = Math.min(32, (options.maxDepth ?? 29) + 3);
    return new HistogramThreads(nSamples, nFeatures, nSamples * nFeatures >= MIN_PARALLEL_CELLS ? nThreads : 1, slots);
  }

  /**
   * `threads`: from `startThreads` with the same sizes, mode and options (its `codes` are filled from `data` when
   * they are not already the same array); by default the grower starts its own. Call `close` after the last tree.
   */
  constructor(
    readonly data: GrowerData,
    readonly options: TreeGrowerOptions,
    threads?: HistogramThreads | null,
  ) {
    this.n = data.nSamples;
    this.d = data.nFeatures;
    this.perFeatureNeeded = data.mode === "hist" && options.maxFeatures < this.d;
    this.threads = threads === undefined ? TreeGrower.startThreads(this.n, this.d, data.mode, options) : threads;
    if (this.threads !== null) {
      const codes = data.codes as Uint8Array;
      if (this.threads.codes.length !== codes.length)
        throw new Error("TreeGrower: the histogram threads were started for another data size");
      if (this.threads.codes !== codes) this.threads.codes.set(codes);
      this.threads.load(data.nBins as Int32Array);
      this.rootCounts = this.threads.rootCounts;
    }
    this.order = this.threads?.order ?? new Int32Array(this.n);
    this.sampleLeaf = new Int32Array(this.n);
    this.scratch = new Int32Array(this.n);
    this.gOrd = this.threads?.gOrd ?? new Float64Array(this.n);
    this.wOrd = this.threads?.wOrd ?? new Float64Array(this.n);
    this.gw = new Float64Array(this.n);
    this.goesLeft = new Uint8Array(this.n);
    this.inBag = new Uint8Array(this.n);
    this.sampler = new FeatureSampler(this.d, options.maxFeatures);
    this.perFeature = null;
  }

  /** Stops the histogram worker threads, if any (idempotent; the grower still works, on one thread). */
  close(): void {
    this.threads?.close();
  }

  /**
   * Grows a tree on the samples `inBag` (increasing indices into the training rows) with targets `g`,
   * hessians `h` (null = all 1) and sample weights `w` (null = all 1; every weight finite and >= 0), drawing
   * feature subsets from `rng`. With weights, node covers are the summed weights of the node's samples.
   */
  grow(
    inBag: Int32Array,
    gIn: Float64Array,
    h: Float64Array | null,
    rng: Random,
    w: Float64Array | null = null,
  ): RegressionTree {
    const m = inBag.length;
    if (m === 0) throw new Error("TreeGrower.grow: no samples");
    const order = this.order;
    order.set(inBag);
    this.w = w;
    let identity = w === null && m === this.n && this.rootCounts !== null;
    for (let k = 0; identity && k < m; k++) identity = inBag[k] === k;
    this.allRows = identity;
    // The criterion sums g (unweighted) or w g; `gIn` times `g` gives the squared terms either way.
    let g = gIn;
    if (w !== null) {
      g = this.gw;
      for (let k = 0; k < m; k++) {
        const i = inBag[k];
        g[i] = w[i] * gIn[i];
      }
    }
    if (this.perFeatureNeeded && (this.perFeature === null || this.perFeature.length !== this.histLength()))
      this.perFeature = this.newHist();
    if (this.data.mode === "exact") this.prepareSegments(inBag);

    const nodes = new TreeNodes();

    // Pending nodes (depth-first, left child first).
    const stId: number[] = [];
    const stStart: number[] = [];
    const stEnd: number[] = [];
    const stDepth: number[] = [];
    const stSum: number[] = [];
    const stSum2: number[] = [];
    const stWeight: number[] = [];
    const stHist: (Float64Array | null)[] = [];
    // The node's best split when already found with its histogram on the threads (feature, bin), else -2.
    const stBestF: number[] = [];
    const stBestBin: number[] = [];

    const [s, s2, sw] = this.sums(0, m, g, gIn);
    const root = nodes.add(m, sw);
    let rootHist: Float64Array | null = null;
    this.found.fill(-2);
    if (this.data.mode === "hist" && !this.perFeatureNeeded && !this.isLeaf(m, sw, 0, s, s2))
      rootHist = this.buildHist(0, m, g, undefined, null, [m, s, sw], null);
    stId.push(root);
    stStart.push(0);
    stEnd.push(m);
    stDepth.push(0);
    stSum.push(s);
    stSum2.push(s2);
    stWeight.push(sw);
    stHist.push(rootHist);
    stBestF.push(this.found[0]);
    stBestBin.push(this.found[1]);

    while (stId.length > 0) {
      const id = stId.pop() as number;
      const start = stStart.pop() as number;
      const end = stEnd.pop() as number;
      const depth = stDepth.pop() as number;
      const sum = stSum.pop() as number;
      const sum2 = stSum2.pop() as number;
      const weight = stWeight.pop() as number;
      const hist = stHist.pop() as Float64Array | null;
      const knownF = stBestF.pop() as number;
      const knownBin = stBestBin.pop() as number;
      const cnt = end - start;

      let split = false;
      if (!this.isLeaf(cnt, weight, depth, sum, sum2)) {
        if (knownF !== -2) {
          this.bestFeature = knownF;
          this.bestBin = knownBin;
        } else if (this.data.mode === "hist") this.findHistSplit(hist, start, end, sum, weight, g, rng);
        else this.findExactSplit(start, end, sum, weight, g, rng);
        split = this.bestFeature >= 0;
      }
      if (!split) {
        let num = 0;
        let den = 0;
        for (let k = start; k < end; k++) {
          const i = order[k];
          num += g[i];
          den += w === null ? (h === null ? 1 : h[i]) : h === null ? w[i] : w[i] * h[i];
        }
        nodes.value[id] = Math.abs(den) < 1e-150 ? 0 : this.options.learningRate * (num / den);
        for (let k = start; k < end; k++) this.sampleLeaf[order[k]] = id;
        if (hist !== null) this.histPool.push(hist);
        continue;
      }

      // Partition order[start..end) stably: left samples first, both sides keep increasing index order.
      const f = this.bestFeature;
      const mid = this.partition(start, end, f);
      const [sL, s2L, wL] = this.sums(start, mid, g, gIn);
      const [sR, s2R, wR] = this.sums(mid, end, g, gIn);
      const nL = mid - start;
      const nR = end - mid;
      const errL = s2L - (sL * sL) / wL;
      const errR = s2R - (sR * sR) / wR;
      const errP = sum2 - (sum * sum) / weight;
      nodes.feature[id] = f;
      nodes.threshold[id] =
        this.data.mode === "hist" ? (this.data.thresholds as Float64Array[])[f][this.bestBin] : this.bestThreshold;
      nodes.childrenError[id] = errL + errR;
      nodes.impurityDecrease[id] = errP - errL - errR;
      const l = nodes.add(nL, wL);
      const r = nodes.add(nR, wR);
      nodes.left[id] = l;
      nodes.right[id] = r;

      let histL: Float64Array | null = null;
      let histR: Float64Array | null = null;
      // found = [small child's feature, bin, large child's feature, bin], -2 = not found yet
      const found = this.found;
      found.fill(-2);
      const smallIsLeft = nL <= nR;
      if (hist !== null) {
        const needL = !this.isLeaf(nL, wL, depth + 1, sL, s2L);
        const needR = !this.isLeaf(nR, wR, depth + 1, sR, s2R);
        const needSmall = smallIsLeft ? needL : needR;
        const needLarge = smallIsLeft ? needR : needL;
        const [ss, se] = smallIsLeft ? [start, mid] : [mid, end];
        const statsSmall: [number, number, number] = smallIsLeft ? [nL, sL, wL] : [nR, sR, wR];
        const statsLarge: [number, number, number] = smallIsLeft ? [nR, sR, wR] : [nL, sL, wL];
        let hs: Float64Array | null = null;
        let hl: Float64Array | null = null;
        if (needLarge) {
          hs = this.buildHist(ss, se, g, undefined, hist, needSmall ? statsSmall : null, statsLarge);
          hl = hist;
          if (!needSmall) {
            this.histPool.push(hs);
            hs = null;
          }
        } else if (needSmall) {
          hs = this.buildHist(ss, se, g, hist, null, statsSmall, null);
        } else {
          this.histPool.push(hist);
        }
        histL = smallIsLeft ? hs : hl;
        histR = smallIsLeft ? hl : hs;
      }
      stId.push(r, l);
      stStart.push(mid, start);
      stEnd.push(end, mid);
      stDepth.push(depth + 1, depth + 1);
      stSum.push(sR, sL);
      stSum2.push(s2R, s2L);
      stWeight.push(wR, wL);
      stHist.push(histR, histL);
      const [fS, bS, fB, bB] = found;
      if (smallIsLeft) {
        stBestF.push(fB, fS);
        stBestBin.push(bB, bS);
      } else {
        stBestF.push(fS, fB);
        stBestBin.push(bS, bB);
      }
    }

    return nodes.build();
  }

  /**
   * [sum of g, sum of g gIn, sum of w] over order[start..end): with weights g = w gIn, so these are the
   * weighted sum, the weighted sum of squares and the weight (sklearn's sum_total, sq_sum_total,
   * weighted_n_node_samples); unweighted, the weight is the count.
   */
  private sums(start: number, end: number, g: Float64Array, gIn: Float64Array): [number, number, number] {
    const { order, w } = this;
    let s = 0;
    let s2 = 0;
    if (w === null) {
      for (let k = start; k < end; k++) {
        const gi = g[order[k]];
        s += gi;
        s2 += gi * gi;
      }
      return [s, s2, end - start];
    }
    let sw = 0;
    for (let k = start; k < end; k++) {
      const i = order[k];
      s += g[i];
      s2 += g[i] * gIn[i];
      sw += w[i];
    }
    return [s, s2, sw];
  }

  private isLeaf(cnt: number, weight: number, depth: number, sum: number, sum2: number): boolean {
    const o = this.options;
    if (o.maxDepth !== null && depth >= o.maxDepth) return true;
    if (cnt < o.minSamplesSplit || cnt < 2 * o.minSamplesLeaf) return true;
    if (!(weight > 0)) return true;
    const mean = sum / weight;
    return sum2 / weight - mean * mean <= EPSILON;
  }

  private histLength(): number {
    return this.d * BIN_STRIDE * histogramSlots(this.w !== null);
  }

  private newHist(): Float64Array {
    return newHistogram(this.d, this.w !== null);
  }

  /** Gathers the node's (weighted) gradients and weights into gOrd and wOrd (wOrd only with weights). */
  private gather(start: number, end: number, g: Float64Array): Float64Array | null {
    const { order, gOrd, w } = this;
    for (let k = start; k < end; k++) gOrd[k - start] = g[order[k]];
    if (w === null) return null;
    const wOrd = this.wOrd;
    for (let k = start; k < end; k++) wOrd[k - start] = w[order[k]];
    return wOrd;
  }

  /**
   * Builds the histogram of order[start..end) (into `into`, else a pooled one) and, with `parent`, turns
   * `parent` into the sibling's histogram (parent - built). On the threads (arena histograms) it also finds
   * the best split of the built node (`scanBuilt` = [count, sum, weight]) and of the sibling (`scanParent`):
   * `found` = [built's feature, bin, sibling's feature, bin], -2 where not searched (then the split is found when
   * the node is processed, by findHistSplit, with the same result).
   */
  private buildHist(
    start: number,
    end: number,
    g: Float64Array,
    into?: Float64Array,
    parent: Float64Array | null = null,
    scanBuilt: readonly [number, number, number] | null = null,
    scanParent: readonly [number, number, number] | null = null,
  ): Float64Array {
    const weighted = this.w !== null;
    let hist = into ?? this.histPool.pop();
    if (hist !== undefined && hist.length !== this.histLength()) {
      this.threads?.release(hist);
      hist = undefined;
    }
    hist ??= this.threads?.acquire(weighted) ?? this.newHist();
    const wOrd = this.gather(start, end, g);
    // The root of an all-rows tree: order[0..n) is 0..n-1, so gOrd is g in index order.
    const root = this.allRows && start === 0 && end === this.n;
    const found = this.found;
    found.fill(-2);
    const threads = this.threads;
    if (threads?.running && threads.owns(hist) && (parent === null || threads.owns(parent))) {
      threads.job(hist, start, end, weighted, root, parent, scanBuilt, scanParent, this.options.minSamplesLeaf);
      if (scanBuilt !== null) found.set(threads.best.subarray(0, 2), 0);
      if (scanParent !== null && parent !== null) found.set(threads.best.subarray(2, 4), 2);
      return hist;
    }
    if (root)
      buildRootHistogram(
        hist,
        this.data.codes as Uint8Array,
        this.n,
        this.d,
        this.gOrd,
        this.rootCounts as Float64Array,
      );
    else buildHistogram(hist, this.data.codes as Uint8Array, this.n, this.d, this.order, start, end, this.gOrd, wOrd);
    if (parent !== null) subtractHistogram(parent, parent, hist);
    return hist;
  }

  /** Best split of the node order[start..end) from its histogram, or (hist null) from per-feature histograms. */
  private findHistSplit(
    nodeHist: Float64Array | null,
    start: number,
    end: number,
    sum: number,
    weight: number,
    g: Float64Array,
    rng: Random,
  ): void {
    const nBins = this.data.nBins as Int32Array;
    const cnt = end - start;
    const hist = nodeHist ?? (this.perFeature as Float64Array);
    const codes = this.data.codes as Uint8Array;
    const { order, gOrd, n } = this;
    const weighted = this.w !== null;
    const wOrd = nodeHist === null ? this.gather(start, end, g) : null;
    const msl = this.options.minSamplesLeaf;
    const best = this.best;
    best[0] = -Infinity;
    best[1] = -1;
    let bestFeature = -1;
    this.sampler.sample(rng, (f) => {
      if (nodeHist === null) buildFeatureHistogram(hist, codes, n, f, order, start, end, gOrd, wOrd);
      const before = best[0];
      const ok = scanHistogram(hist, f, nBins[f], cnt, sum, msl, best, weight, weighted);
      if (best[0] > before) bestFeature = f;
      return ok;
    });
    this.bestFeature = bestFeature;
    this.bestBin = best[1];
  }

  private prepareSegments(inBag: Int32Array): void {
    const { n, d } = this;
    const m = inBag.length;
    const pre = this.data.presorted as Int32Array;
    if (this.seg.length !== m * d) {
      this.seg = new Int32Array(m * d);
      this.segScratch = new Int32Array(m);
    }
    if (m === n) {
      this.seg.set(pre);
      return;
    }
    const bag = this.inBag;
    bag.fill(0);
    for (let k = 0; k < m; k++) bag[inBag[k]] = 1;
    for (let f = 0; f < d; f++) {
      let w = f * m;
      for (let k = f * n, e = f * n + n; k < e; k++) if (bag[pre[k]] === 1) this.seg[w++] = pre[k];
    }
  }

  private findExactSplit(start: number, end: number, sum: number, weight: number, g: Float64Array, rng: Random): void {
    const best = this.best;
    best[0] = -Infinity;
    best[1] = 0;
    let bestFeature = -1;
    const m = this.seg.length / this.d;
    this.sampler.sample(rng, (f) => {
      const before = best[0];
      const ok = scanSorted(
        this.data.X,
        this.d,
        f,
        this.seg,
        f * m,
        start,
        end,
        g,
        this.w,
        sum,
        weight,
        this.options.minSamplesLeaf,
        best,
      );
      if (best[0] > before) bestFeature = f;
      return ok;
    });
    this.bestFeature = bestFeature;
    this.bestThreshold = best[1];
  }

  /** Stable partition of order[start..end) (and, in exact mode, of every feature's segment); returns the split. */
  private partition(start: number, end: number, f: number): number {
    if (this.data.mode === "hist" && this.threads !== null) return this.threads.partition(start, end, f, this.bestBin);
    const { n, d, order, scratch } = this;
    let l = start;
    let r = 0;
    if (this.data.mode === "hist") {
      const codes = this.data.codes as Uint8Array;
      const base = f * n;
      const bin = this.bestBin;
      for (let k = start; k < end; k++) {
        const i = order[k];
        if (codes[base + i] <= bin) order[l++] = i;
        else scratch[r++] = i;
      }
    } else {
      const X = this.data.X;
      const t = this.bestThreshold;
      const gl = this.goesLeft;
      for (let k = start; k < end; k++) {
        const i = order[k];
        if (X[i * d + f] < t) {
          order[l++] = i;
          gl[i] = 1;
        } else {
          scratch[r++] = i;
          gl[i] = 0;
        }
      }
      const m = this.seg.length / d;
      const seg = this.seg;
      const tmp = this.segScratch;
      for (let ff = 0; ff < d; ff++) {
        const o = ff * m;
        let a = o + start;
        let b = 0;
        for (let k = o + start; k < o + end; k++) {
          const i = seg[k];
          if (gl[i] === 1) seg[a++] = i;
          else tmp[b++] = i;
        }
        seg.set(tmp.subarray(0, b), a);
      }
    }
    order.set(scratch.subarray(0, r), l);
    return l;
  }
}

/**
 * Exact split search on one feature: `seg[o + start .. o + end)` holds the node's samples sorted by feature `f`
 * (row-major `X` with `d` columns). Every position between two distinct values is a candidate, with threshold
 * their midpoint (scikit-learn's BestSplitter; ml-cart uses the same midpoints). `g` holds the (weighted)
 * targets, `w` the weights (null: all 1, `weight` is the count); proxy and rules as in scanHistogram. Updates
 * `best` = [proxy, threshold] when strictly better; returns false when the feature is constant in the node.
 */
function scanSorted(
  X: Float64Array,
  d: number,
  f: number,
  seg: Int32Array,
  o: number,
  start: number,
  end: number,
  g: Float64Array,
  w: Float64Array | null,
  sum: number,
  weight: number,
  minLeaf: number,
  best: Float64Array,
): boolean {
  if (X[seg[o + start] * d + f] === X[seg[o + end - 1] * d + f]) return false;
  const cnt = end - start;
  let sL = 0;
  let wL = 0;
  for (let p = start + 1; p < end; p++) {
    const ip = seg[o + p - 1];
    sL += g[ip];
    const nL = p - start;
    wL = w === null ? nL : wL + w[ip];
    if (nL < minLeaf) continue;
    const nR = cnt - nL;
    if (nR < minLeaf) break;
    const xa = X[ip * d + f];
    const xb = X[seg[o + p] * d + f];
    if (!(xb > xa)) continue;
    const wR = weight - wL;
    if (!(wL > 0 && wR > 0)) continue;
    const diff = wR * sL - wL * (sum - sL);
    const proxy = (diff * diff) / (wL * wR);
    if (proxy > best[0]) {
      best[0] = proxy;
      best[1] = midpoint(xa, xb);
    }
  }
  return true;
}
