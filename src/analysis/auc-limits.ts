import { rateTag } from "../dataset/manifest";
import { plasticFraction, PLASTIC_THRESHOLD, plasticLabels, thresholdForFraction } from "../labels/plastic";
import type { BinaryClassifier } from "../ml/classifier";
import type { GradientBoostingParams } from "../ml/gbdt-params";
import { rocAucScore } from "../ml/metrics/roc-auc";
import { paperProtocol } from "../ml/paper-protocol";
import { glassGroupKey, octantPart, relabelGlass, type GlassGroup, type LimitGlass } from "./auc-limit-glasses";
import { fitLogTrend, logTrendAt, logTrendChange, type LogTrend, type TrendEstimate } from "./log-trend";
import { studentTQuantile } from "./student-t";

/**
 * What limits our unseen-glass AUC (0.657 for Cu65Zr35 at 1e13 K/s) against the paper's 0.771: one study per
 * candidate cause (training data, quench rate, label, cell size, split), each on the glasses of one composition
 * grouped by `compositionGlassGroups`. Every model is the paper's protocol (`paperProtocol`: undersampling,
 * 5-fold CV, fold models averaged) scored on an unseen glass.
 */

/** The paper's training atoms: 2 samples of 345,600 atoms each (Methods, "Liquid Quenching and Deformation"). */
export const PAPER_TRAINING_ATOMS = 2 * 345_600;
/** The paper's quench rate for its headline Cu65Zr35 model (Results: 5e10 K/s). */
export const PAPER_QUENCH_RATE = 5e10;
/** The paper's unseen-glass AUC of Cu65Zr35 at 5e10 K/s (Results, "Mapping plastic atoms"). */
export const PAPER_TEST_AUC = 0.771;
/** The paper's plastic fraction at 4 % strain: "approximately 3.5 % - 6.0 %" (Methods, "Machine Learning"). */
export const PAPER_PLASTIC_FRACTION: readonly [number, number] = Object.freeze([0.035, 0.06]) as readonly [
  number,
  number,
];
/** The paper's std(QS) of Cu65Zr35 (Results, "Spectrum of QS"; Figure 3f). */
export const PAPER_STD_QS = 0.23;

/** Options shared by the studies. */
export interface StudyOptions {
  /** GBDT parameters over the paper's. */
  readonly params?: Partial<GradientBoostingParams>;
  /** Seed of the undersampling and the CV folds (default 0). */
  readonly randomState?: number;
}

/** One model of the protocol and its score on an unseen glass. */
interface Scored {
  auc: number;
  cvAuc: number;
  cvAucStd: number;
  qs: Float64Array;
  trainAtoms: number;
  model: BinaryClassifier;
}

function fitAndScore(
  train: readonly LimitGlass[],
  test: LimitGlass,
  options: StudyOptions,
  cv: "stratified" | "group" = "stratified",
): Scored {
  const r = paperProtocol({ train, test, params: options.params, randomState: options.randomState ?? 0, cv });
  return {
    auc: r.test.auc,
    cvAuc: r.cv.mean.auc,
    cvAucStd: r.cv.std.auc,
    qs: r.testProba,
    trainAtoms: train.reduce((s, g) => s + g.X.n, 0),
    model: r.model,
  };
}

function findGroup(groups: readonly GlassGroup[], quenchRate: number, atoms: number): GlassGroup {
  const g = groups.find((x) => x.quenchRate === quenchRate && x.atoms === atoms);
  if (!g) {
    const have = groups.map((x) => `${x.key} (${x.glasses.length} glasses)`).join("; ");
    throw new Error(`no glasses at ${rateTag(quenchRate)} K/s with ${atoms} atoms (have: ${have || "none"})`);
  }
  if (g.glasses.length < 2)
    throw new Error(`${g.key}: needs at least 2 glasses (training + unseen), has ${g.glasses.length}`);
  return g;
}

function mean(v: readonly number[]): number {
  return v.reduce((a, b) => a + b, 0) / v.length;
}

function std(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m += v[i] / v.length;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] - m) ** 2;
  return Math.sqrt(s / v.length);
}

function concatD2min(glasses: readonly LimitGlass[]): Float64Array {
  const out = new Float64Array(glasses.reduce((s, g) => s + g.d2min.length, 0));
  let off = 0;
  for (const g of glasses) {
    out.set(g.d2min, off);
    off += g.d2min.length;
  }
  return out;
}

// ---------------------------------------------------------------- 1. training data

/** How a training set of the training-data study was made. */
export type TrainingSetKind =
  | "part of each glass"
  | "one glass"
  | "glasses of the condition"
  | "pooled with other rates";

/** One model of the training-data study: its training set and its AUC on the unseen glass. */
export interface TrainingSizePoint {
  readonly label: string;
  readonly kind: TrainingSetKind;
  /** Rows the model is trained on (before undersampling). */
  readonly trainAtoms: number;
  readonly glasses: string[];
  /** AUC on the unseen glass. */
  readonly auc: number;
  /** Part of the trend fit (same quench rate as the unseen glass). */
  readonly inTrend: boolean;
}

/** Options of `trainingDataStudy`: the condition, the parts of glasses, the pooled set. */
export interface TrainingDataOptions extends StudyOptions {
  /** The condition: its unseen glass is the last glass of the (rate, atoms) group, e.g. 1e13 and 8000. */
  readonly quenchRate: number;
  readonly atoms: number;
  /** Octants taken from each training glass for the smaller training sets (default [1, 2, 4]). */
  readonly parts?: readonly number[];
  /** Disjoint draws of each part (default 2). */
  readonly draws?: number;
  /** Also train on the condition's training glasses pooled with every glass of the composition's other rates (default true). */
  readonly pooled?: boolean;
}

/** Result of `trainingDataStudy`: the models, the log-linear trend and its extrapolation to the paper's atoms. */
export interface TrainingDataStudy {
  readonly target: string;
  readonly points: TrainingSizePoint[];
  /** AUC = a + b log10(training atoms), fitted on the points `inTrend`. */
  readonly trend: LogTrend;
  /** Training atoms of our headline model (the condition's training glasses) and of the paper. */
  readonly ourTrainAtoms: number;
  readonly paperTrainAtoms: number;
  readonly atOurs: TrendEstimate;
  readonly atPaper: TrendEstimate;
  /** trend(paper) - trend(ours): the AUC the paper's amount of training data would add, by the trend. */
  readonly gain: { change: number; se: number; lower: number; upper: number };
}

/**
 * Unseen-glass AUC against the number of training atoms (Wang & Jain train on 2 x 345,600 atoms; we on 2 x 8,000).
 * The unseen glass is fixed (the condition's last glass); the training sets grow from contiguous parts of the
 * training glasses (1, 2, 4 octants of each: a smaller cell's worth of glass, not a random thinning, which would
 * keep every region), to one glass, to all glasses of the condition (every cell size); finally the condition's
 * training glasses pooled with the composition's other quench rates (off the trend). A log-linear trend is fitted to the same-rate points and extrapolated.
 */
export function trainingDataStudy(groups: readonly GlassGroup[], options: TrainingDataOptions): TrainingDataStudy {
  const group = findGroup(groups, options.quenchRate, options.atoms);
  const test = group.glasses[group.glasses.length - 1];
  const base = group.glasses.slice(0, -1);
  const sameRate = groups
    .filter((g) => g.quenchRate === options.quenchRate)
    .flatMap((g) => g.glasses)
    .filter((g) => g !== test);
  const points: TrainingSizePoint[] = [];
  const add = (label: string, kind: TrainingSetKind, train: LimitGlass[], inTrend: boolean) => {
    const r = fitAndScore(train, test, options);
    points.push({ label, kind, trainAtoms: r.trainAtoms, glasses: train.map((g) => g.name), auc: r.auc, inTrend });
  };
  for (const count of options.parts ?? [1, 2, 4]) {
    for (let d = 0; d < (options.draws ?? 2); d++) {
      add(
        `${count}/8 of each training glass, draw ${d + 1}`,
        "part of each glass",
        base.map((g) => octantPart(g, count, d)),
        true,
      );
    }
  }
  for (const g of sameRate) add(`${g.name} alone`, "one glass", [g], true);
  add(`${base.length} glasses (${base.map((g) => g.name).join(" + ")})`, "glasses of the condition", base, true);
  if (sameRate.length > base.length)
    add(
      `all ${sameRate.length} glasses at ${rateTag(options.quenchRate)} K/s`,
      "glasses of the condition",
      sameRate,
      true,
    );
  const others = groups.filter((g) => g.quenchRate !== options.quenchRate).flatMap((g) => g.glasses);
  if ((options.pooled ?? true) && others.length > 0) {
    const rates = [...new Set(others.map((g) => rateTag(g.quenchRate)))].join(", ");
    add(`pooled: + ${others.length} glasses at ${rates} K/s`, "pooled with other rates", [...base, ...others], false);
  }
  const fit = points.filter((p) => p.inTrend);
  const trend = fitLogTrend(
    fit.map((p) => p.trainAtoms),
    fit.map((p) => p.auc),
  );
  const ourTrainAtoms = base.reduce((s, g) => s + g.X.n, 0);
  return {
    target: test.name,
    points,
    trend,
    ourTrainAtoms,
    paperTrainAtoms: PAPER_TRAINING_ATOMS,
    atOurs: logTrendAt(trend, ourTrainAtoms),
    atPaper: logTrendAt(trend, PAPER_TRAINING_ATOMS),
    gain: logTrendChange(trend, ourTrainAtoms, PAPER_TRAINING_ATOMS),
  };
}

// ---------------------------------------------------------------- 2. quench rate

/** One quench rate of `quenchRateStudy`: own-model AUCs per rotation, transferred AUC, plastic fraction, std(QS). */
export interface QuenchRateRow {
  readonly key: string;
  readonly quenchRate: number;
  readonly glasses: number;
  /** Training atoms of every model of this row (matched across rates). */
  readonly trainAtoms: number;
  /** Unseen-glass AUC of each rotation (each glass unseen once, the others train), labels D2min > 5 A^2. */
  readonly ownAuc: number[];
  /** The same with labels at the threshold that makes `fraction` of the training atoms plastic. */
  readonly ownAucAtFraction: number[];
  readonly thresholdAtFraction: number[];
  /** Mean AUC of the other rates' models (5 A^2, last glass unseen) on this rate's last glass, and each. */
  readonly transferredAuc: number | null;
  readonly transferredFrom: { quenchRate: number; auc: number }[];
  /** Mean plastic fraction of the glasses at 5 A^2. */
  readonly plasticFraction: number;
  /** std of QS of this rate's own model (5 A^2, last glass unseen) on its unseen glass. */
  readonly stdQs: number;
}

/** Options of `quenchRateStudy`: cell size, fixed plastic fraction, our and the paper's rate. */
export interface QuenchRateOptions extends StudyOptions {
  /** Cell size of the glasses compared (default: the smallest size of each rate). */
  readonly atoms?: number;
  /** Plastic fraction of the fixed-fraction labels (default 0.05, inside the paper's 3.5-6 %). */
  readonly fraction?: number;
  /** Our headline rate (default 1e13) and the paper's (default 5e10). */
  readonly ourRate?: number;
  readonly paperRate?: number;
}

/** Result of `quenchRateStudy`: one row per rate with 3 glasses, the rate trends and their extrapolation. */
export interface QuenchRateStudy {
  readonly rows: QuenchRateRow[];
  /** Rates left out: fewer than 3 glasses of the size so far. */
  readonly waiting: { key: string; glasses: number }[];
  readonly fraction: number;
  /** Own-model AUC = a + b log10(rate) over every rotation, at 5 A^2 and at the fixed fraction (null: < 2 rates). */
  readonly trend: LogTrend | null;
  readonly trendAtFraction: LogTrend | null;
  readonly ourRate: number;
  readonly paperRate: number;
  /** trend(paper rate) - trend(our rate) at the fixed fraction: the structural part of the rate effect. */
  readonly gainAtFraction: { change: number; se: number; lower: number; upper: number } | null;
  /** The same at 5 A^2 (includes the change of the plastic fraction with rate, i.e. part of the label effect). */
  readonly gain: { change: number; se: number; lower: number; upper: number } | null;
}

/**
 * Own-model AUC, transferred AUC, plastic fraction and std(QS) against quench rate. Training atoms are matched
 * across rates (contiguous halves of the larger cells), so the rate effect is not a training-size effect; each
 * glass is the unseen one in turn (3 rotations per rate), which gives the trend fit its scatter. Rates with
 * fewer than 3 glasses wait.
 */
export function quenchRateStudy(groups: readonly GlassGroup[], options: QuenchRateOptions = {}): QuenchRateStudy {
  const fraction = options.fraction ?? 0.05;
  const rates = [...new Set(groups.map((g) => g.quenchRate))].sort((a, b) => b - a);
  const chosen: GlassGroup[] = [];
  const waiting: { key: string; glasses: number }[] = [];
  for (const rate of rates) {
    const sizes = groups.filter(
      (g) => g.quenchRate === rate && (options.atoms === undefined || g.atoms === options.atoms),
    );
    if (sizes.length === 0) continue;
    const g = sizes[0];
    if (g.glasses.length >= 3) chosen.push(g);
    else waiting.push({ key: g.key, glasses: g.glasses.length });
  }
  const perGlass = chosen.length ? Math.min(...chosen.map((g) => g.atoms)) : 0;
  const canonical = new Map<number, { model: BinaryClassifier; qs: Float64Array }>();
  const partial = chosen.map((g) => {
    const count = Math.round((8 * perGlass) / g.atoms);
    const ownAuc: number[] = [];
    const ownAucAtFraction: number[] = [];
    const thresholdAtFraction: number[] = [];
    let trainAtoms = 0;
    g.glasses.forEach((test, j) => {
      const train = g.glasses
        .filter((_, k) => k !== j)
        .slice(0, 2)
        .map((x) => octantPart(x, count));
      const r = fitAndScore(train, test, options);
      ownAuc.push(r.auc);
      trainAtoms = r.trainAtoms;
      const thr = thresholdForFraction(concatD2min(train), fraction);
      thresholdAtFraction.push(thr);
      ownAucAtFraction.push(
        fitAndScore(
          train.map((x) => relabelGlass(x, thr)),
          relabelGlass(test, thr),
          options,
        ).auc,
      );
      if (j === g.glasses.length - 1) canonical.set(g.quenchRate, { model: r.model, qs: r.qs });
    });
    const plastic = mean(g.glasses.map((x) => plasticFraction(x.d2min, PLASTIC_THRESHOLD)));
    return { g, ownAuc, ownAucAtFraction, thresholdAtFraction, trainAtoms, plastic };
  });
  const rows: QuenchRateRow[] = partial.map((p) => {
    const test = p.g.glasses[p.g.glasses.length - 1];
    const y = plasticLabels(test.d2min, PLASTIC_THRESHOLD);
    const transferredFrom = partial
      .filter((o) => o.g !== p.g)
      .map((o) => ({
        quenchRate: o.g.quenchRate,
        auc: rocAucScore(y, (canonical.get(o.g.quenchRate) as { model: BinaryClassifier }).model.predictProba(test.X)),
      }));
    return {
      key: p.g.key,
      quenchRate: p.g.quenchRate,
      glasses: p.g.glasses.length,
      trainAtoms: p.trainAtoms,
      ownAuc: p.ownAuc,
      ownAucAtFraction: p.ownAucAtFraction,
      thresholdAtFraction: p.thresholdAtFraction,
      transferredAuc: transferredFrom.length ? mean(transferredFrom.map((t) => t.auc)) : null,
      transferredFrom,
      plasticFraction: p.plastic,
      stdQs: std((canonical.get(p.g.quenchRate) as { qs: Float64Array }).qs),
    };
  });
  const ourRate = options.ourRate ?? 1e13;
  const paperRate = options.paperRate ?? PAPER_QUENCH_RATE;
  const trendOf = (pick: (r: QuenchRateRow) => number[]): LogTrend | null => {
    if (rows.length < 2) return null;
    const x = rows.flatMap((r) => pick(r).map(() => r.quenchRate));
    return x.length >= 3 ? fitLogTrend(x, rows.flatMap(pick)) : null;
  };
  const trend = trendOf((r) => r.ownAuc);
  const trendAtFraction = trendOf((r) => r.ownAucAtFraction);
  return {
    rows,
    waiting,
    fraction,
    trend,
    trendAtFraction,
    ourRate,
    paperRate,
    gain: trend ? logTrendChange(trend, ourRate, paperRate) : null,
    gainAtFraction: trendAtFraction ? logTrendChange(trendAtFraction, ourRate, paperRate) : null,
  };
}

// ---------------------------------------------------------------- 3. label

/** One label threshold of `labelStudy` with its plastic fractions and AUC. */
export interface LabelPoint {
  /** D2min threshold (A^2). */
  readonly threshold: number;
  /** Plastic fraction of the training glasses and of the unseen glass at this threshold. */
  readonly trainFraction: number;
  readonly testFraction: number;
  readonly auc: number;
  /** True for the paper's 5 A^2. */
  readonly paperThreshold: boolean;
}

/** Options of `labelStudy`: the condition and the plastic fractions to label. */
export interface LabelStudyOptions extends StudyOptions {
  readonly quenchRate: number;
  readonly atoms: number;
  /** Target plastic fractions of the training glasses; each gives a threshold (default 3.5, 5, 6, 10, 20, 30 %). */
  readonly fractions?: readonly number[];
  /** The fraction compared with 5 A^2 over the rotations (default 0.05, inside the paper's 3.5-6 %). */
  readonly fraction?: number;
}

/** Result of `labelStudy`: AUC against the D2min threshold, and 5 % vs 5 A^2 over the rotations. */
export interface LabelStudy {
  readonly target: string;
  /** Ascending threshold; includes 5 A^2. */
  readonly points: LabelPoint[];
  /** AUC at 5 A^2 and at the threshold giving 5 % of the training atoms (null when 0.05 is not among the fractions). */
  readonly aucAtPaperThreshold: number;
  readonly aucAtFivePercent: number | null;
  /**
   * Each glass unseen in turn (the others train): AUC at 5 A^2 and at the threshold giving `fraction` of that
   * rotation's training atoms; the last rotation is the 2 + 1 split of `points`.
   */
  readonly rotations: { test: string; threshold: number; aucAtPaperThreshold: number; aucAtFraction: number }[];
  readonly fraction: number;
  /** Mean over rotations of AUC(fraction) - AUC(5 A^2), with a t confidence interval (level 0.95, df = rotations - 1). */
  readonly gain: { change: number; se: number; lower: number; upper: number };
}

/**
 * Unseen-glass AUC against the label: the D2min threshold (5 A^2 in the paper) and the plastic fraction it gives.
 * Thresholds come from the training glasses' D2min (`thresholdForFraction`) and are applied unchanged to the
 * unseen glass, so the unseen glass's fraction is measured, not imposed. Training data: the condition's
 * training glasses, whole (the paper's 2 + 1 split).
 */
export function labelStudy(groups: readonly GlassGroup[], options: LabelStudyOptions): LabelStudy {
  const group = findGroup(groups, options.quenchRate, options.atoms);
  const test = group.glasses[group.glasses.length - 1];
  const train = group.glasses.slice(0, -1);
  const d = concatD2min(train);
  const fractions = options.fractions ?? [0.035, 0.05, 0.06, 0.1, 0.2, 0.3];
  const thresholds = [...fractions.map((f) => thresholdForFraction(d, f)), PLASTIC_THRESHOLD];
  const points: LabelPoint[] = thresholds.map((thr, k) => ({
    threshold: thr,
    trainFraction: plasticFraction(d, thr),
    testFraction: plasticFraction(test.d2min, thr),
    auc: fitAndScore(
      train.map((g) => relabelGlass(g, thr)),
      relabelGlass(test, thr),
      options,
    ).auc,
    paperThreshold: k === fractions.length,
  }));
  const five = fractions.indexOf(0.05);
  const atPaper = points[points.length - 1].auc;
  const atFive = five >= 0 ? points[five].auc : null;
  const fraction = options.fraction ?? 0.05;
  const known = fractions.indexOf(fraction);
  const rotations = group.glasses.map((t, j) => {
    const tr = group.glasses.filter((_, k) => k !== j);
    const thr = thresholdForFraction(concatD2min(tr), fraction);
    const last = j === group.glasses.length - 1;
    return {
      test: t.name,
      threshold: thr,
      aucAtPaperThreshold: last ? atPaper : fitAndScore(tr, t, options).auc,
      aucAtFraction:
        last && known >= 0
          ? points[known].auc
          : fitAndScore(
              tr.map((g) => relabelGlass(g, thr)),
              relabelGlass(t, thr),
              options,
            ).auc,
    };
  });
  const diffs = rotations.map((r) => r.aucAtFraction - r.aucAtPaperThreshold);
  return {
    target: test.name,
    points: [...points].sort((a, b) => a.threshold - b.threshold),
    aucAtPaperThreshold: atPaper,
    aucAtFivePercent: atFive,
    rotations,
    fraction,
    gain: meanWithInterval(diffs),
  };
}

/** Mean of paired differences with its standard error and 95 % t interval (df = n - 1; NaN interval for n = 1). */
function meanWithInterval(v: readonly number[]): { change: number; se: number; lower: number; upper: number } {
  const m = mean(v);
  if (v.length < 2) return { change: m, se: NaN, lower: NaN, upper: NaN };
  const sd = Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
  const se = sd / Math.sqrt(v.length);
  const t = studentTQuantile(0.975, v.length - 1);
  return { change: m, se, lower: m - t * se, upper: m + t * se };
}

// ---------------------------------------------------------------- 4. cell size

/** Two cell sizes at one rate compared at equal training atoms (`cellSizeStudy`). */
export interface CellSizeComparison {
  readonly small: string;
  readonly large: string;
  /** Training atoms of both models (the large cell's training glasses cut to match). */
  readonly trainAtoms: number;
  /** Own model on its own unseen glass, for each size. */
  readonly smallAuc: number;
  readonly largeAuc: number;
  /** The small-cell model on the large unseen glass, and the reverse. */
  readonly smallOnLarge: number;
  readonly largeOnSmall: number;
  readonly smallPlasticFraction: number;
  readonly largePlasticFraction: number;
}

/** Result of `cellSizeStudy`: the sizes present and, once two exist, their comparison. */
export interface CellSizeStudy {
  readonly quenchRate: number;
  /** Every cell size of the composition at this rate, with its number of glasses. */
  readonly sizes: { atoms: number; glasses: number; key: string }[];
  /** null until two sizes have at least 2 glasses each. */
  readonly comparison: CellSizeComparison | null;
  /** What is missing, in words, when `comparison` is null. */
  readonly waitingFor: string | null;
}

/**
 * The same quench rate at two cell sizes (8,000 vs 32,000 atoms): each size's own model on its own unseen glass
 * with the same number of training atoms (contiguous parts of the large cell's training glasses), and each model
 * on the other size's unseen glass.
 */
export function cellSizeStudy(
  groups: readonly GlassGroup[],
  options: StudyOptions & { quenchRate: number; composition?: string },
): CellSizeStudy {
  const at = groups.filter((g) => g.quenchRate === options.quenchRate).sort((a, b) => a.atoms - b.atoms);
  const sizes = at.map((g) => ({ atoms: g.atoms, glasses: g.glasses.length, key: g.key }));
  const usable = at.filter((g) => g.glasses.length >= 2);
  if (usable.length < 2) {
    const composition = options.composition ?? groups[0]?.composition ?? "?";
    const have = sizes.map((s) => `${s.glasses} x ${s.atoms} atoms`).join(", ") || "none";
    return {
      quenchRate: options.quenchRate,
      sizes,
      comparison: null,
      waitingFor: `two cell sizes with at least 2 glasses each at ${rateTag(options.quenchRate)} K/s (${glassGroupKey(composition, options.quenchRate, 0).split(",")[0]} has ${have})`,
    };
  }
  const small = usable[0];
  const large = usable[usable.length - 1];
  const sTest = small.glasses[small.glasses.length - 1];
  const lTest = large.glasses[large.glasses.length - 1];
  const sTrain = small.glasses.slice(0, -1);
  const sAtoms = sTrain.reduce((s, g) => s + g.X.n, 0);
  const lTrainAll = large.glasses.slice(0, -1);
  const count = Math.max(1, Math.min(8, Math.round((8 * sAtoms) / (lTrainAll.length * large.atoms))));
  const lTrain = lTrainAll.map((g) => octantPart(g, count));
  const s = fitAndScore(sTrain, sTest, options);
  const l = fitAndScore(lTrain, lTest, options);
  return {
    quenchRate: options.quenchRate,
    sizes,
    comparison: {
      small: small.key,
      large: large.key,
      trainAtoms: s.trainAtoms,
      smallAuc: s.auc,
      largeAuc: l.auc,
      smallOnLarge: rocAucScore(lTest.y, s.model.predictProba(lTest.X)),
      largeOnSmall: rocAucScore(sTest.y, l.model.predictProba(sTest.X)),
      smallPlasticFraction: mean(small.glasses.map((g) => plasticFraction(g.d2min))),
      largePlasticFraction: mean(large.glasses.map((g) => plasticFraction(g.d2min))),
    },
    waitingFor: null,
  };
}

// ---------------------------------------------------------------- 5. split

/** Result of `splitStudy`: shuffled CV, block CV and unseen-glass AUC of one model. */
export interface SplitStudy {
  readonly target: string;
  /** CV AUC on the training glasses with shuffled atoms (the paper's CV) and with whole spatial blocks as folds. */
  readonly shuffledCv: number;
  readonly shuffledCvStd: number;
  readonly blockCv: number;
  readonly blockCvStd: number;
  /** AUC of the shuffled-CV model on the unseen glass (the paper's headline score). */
  readonly unseen: number;
}

/** Shuffled CV vs block CV vs unseen glass, for the condition's 2 + 1 split (blocks: the glasses' `groups`). */
export function splitStudy(
  groups: readonly GlassGroup[],
  options: StudyOptions & { quenchRate: number; atoms: number },
): SplitStudy {
  const group = findGroup(groups, options.quenchRate, options.atoms);
  const test = group.glasses[group.glasses.length - 1];
  const train = group.glasses.slice(0, -1);
  const shuffled = fitAndScore(train, test, options, "stratified");
  const block = fitAndScore(train, test, options, "group");
  return {
    target: test.name,
    shuffledCv: shuffled.cvAuc,
    shuffledCvStd: shuffled.cvAucStd,
    blockCv: block.cvAuc,
    blockCvStd: block.cvAucStd,
    unseen: shuffled.auc,
  };
}
