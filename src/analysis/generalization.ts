import type { BinaryClassifier } from "../ml/classifier";
import type { GradientBoostingParams } from "../ml/gbdt-params";
import { toBinaryLabels } from "../ml/binary-labels";
import { rocAucScore } from "../ml/metrics/roc-auc";
import { paperProtocol, type LabeledSample } from "../ml/paper-protocol";

/**
 * The 5 generalization scenarios of the paper (Figure 4): a model trained on one condition is applied to the
 * unseen glass of another.
 */
export type GeneralizationScenario = 1 | 2 | 3 | 4 | 5;

/** Display name of each generalization scenario (Figure 4), by scenario number. */
export const SCENARIO_NAMES: Readonly<Record<GeneralizationScenario, string>> = Object.freeze({
  1: "i) same composition, same quench rate (unseen glass)",
  2: "ii) same composition, other quench rate",
  3: "iii) other composition, same quench rate",
  4: "iv) other composition, other quench rate",
  5: "v) other system",
});

/** What a condition is: its chemical system (e.g. "Cu-Zr"), composition and quench rate (K/s). */
export interface ConditionKey {
  readonly condition: string;
  readonly system: string;
  readonly composition: string;
  readonly quenchRate: number;
}

/** A condition's data: training glasses and the unseen glass (the training glass itself when `single`). */
export interface GeneralizationCondition extends ConditionKey {
  readonly train: readonly LabeledSample[];
  readonly test: LabeledSample;
  readonly single: boolean;
}

/** Scenario of applying a model of `source` to `target` (paper, Results, "Generalization to new compositions"). */
export function generalizationScenario(source: ConditionKey, target: ConditionKey): GeneralizationScenario {
  if (source.system !== target.system) return 5;
  const sameC = source.composition === target.composition;
  const sameQ = source.quenchRate === target.quenchRate;
  if (sameC && sameQ) return 1;
  if (sameC) return 2;
  return sameQ ? 3 : 4;
}

/** One condition's own model, fitted with the paper's protocol. */
export interface FittedCondition extends ConditionKey {
  /** The mean of the 5 CV fold models (quench-in softness). */
  readonly model: BinaryClassifier;
  readonly cvAuc: number;
  readonly cvAucStd: number;
  /** AUC on the condition's unseen glass; null when the condition has a single glass. */
  readonly testAuc: number | null;
  /**
   * The "fitted" score of the unseen glass: CV AUC of the paper's protocol trained on that glass alone (a model
   * "trained specifically on a target glass", paper, Figure 4). Equals `cvAuc` for a single-glass condition.
   */
  readonly fittedAuc: number;
  /**
   * Block-CV AUC of the protocol on the training glasses (`cv: "group"` over the glasses' `groups`, e.g. spatial
   * blocks), or null when the glasses carry no groups. Unlike the shuffled CV, it is not raised by neighbors
   * shared across folds, and it is the reference of a single-glass target.
   */
  readonly blockCvAuc: number | null;
  readonly trainGlasses: string[];
  readonly testGlass: string;
}

export interface GeneralizationOptions {
  /** GBDT parameters over the paper's (PAPER_GBDT_PARAMS). */
  readonly params?: Partial<GradientBoostingParams>;
  /** Seed of the undersampling and CV splits (default 0). */
  readonly randomState?: number;
  /** CV of the protocol: "stratified" (the paper) or "group" (the samples' groups, e.g. spatial blocks). */
  readonly cv?: "stratified" | "group";
}

/** Fits every condition's own model with the paper's protocol (undersampling, 5-fold CV, fold models averaged). */
export function fitConditions(
  conditions: readonly GeneralizationCondition[],
  options: GeneralizationOptions = {},
): FittedCondition[] {
  return conditions.map((c) => {
    const randomState = options.randomState ?? 0;
    const common = { params: options.params, randomState, cv: options.cv };
    const r = paperProtocol({ train: c.train, test: c.test, ...common });
    const fitted = c.single ? r : paperProtocol({ train: [c.test], test: c.test, ...common });
    const grouped = c.train.every((g) => g.groups !== undefined);
    const block = !grouped
      ? null
      : options.cv === "group"
        ? r
        : paperProtocol({ train: c.train, test: c.test, ...common, cv: "group" });
    return {
      condition: c.condition,
      system: c.system,
      composition: c.composition,
      quenchRate: c.quenchRate,
      model: r.model,
      cvAuc: r.cv.mean.auc,
      cvAucStd: r.cv.std.auc,
      testAuc: c.single ? null : r.test.auc,
      fittedAuc: fitted.cv.mean.auc,
      blockCvAuc: block ? block.cv.mean.auc : null,
      trainGlasses: c.train.map((g, k) => g.name ?? `train[${k}]`),
      testGlass: c.test.name ?? "test",
    };
  });
}

/**
 * The score a transfer is compared with. The paper (Figure 4) takes "the difference between the AUC of a model
 * trained specifically on a target glass with the generalized AUC achieved by applying a ML model trained for
 * another glass to the target glass". Three readings:
 * - "test" (default): the target condition's own model's AUC on the target's unseen glass. Every score of a
 *   target is then an AUC on the same unseen atoms, and the drop compares models only; scenario i is 0 by
 *   construction (the reference line). A target with a single glass has no unseen glass of its own: its block-CV
 *   AUC when its glasses carry spatial groups, else its "fitted" score.
 * - "fitted": CV AUC of the protocol trained on the target's unseen glass itself;
 * - "cv": CV AUC of the target condition's own model on its training glasses.
 * The two CV scores are measured on atoms of the glasses the model is fitted on: a test-fold atom's neighbors
 * sit in the training folds, and with MRO features (averages over neighbors) and D2min both smooth in space,
 * they score higher than the same model on an unseen glass (notebooks/04-generalization measures by how much).
 */
export type TransferReference = "fitted" | "cv" | "test";

/** One transfer: the source condition's model scored on the target's unseen glass, against the target's own score. */
export interface TransferPair {
  readonly source: string;
  readonly target: string;
  readonly scenario: GeneralizationScenario;
  /** AUC of the source's model on the target's unseen glass. */
  readonly auc: number;
  /** The target's own score (see TransferReference). */
  readonly reference: number;
  /** reference - auc: the AUC lost by not training on the target (positive = worse). */
  readonly drop: number;
}

export interface TransferOptions {
  /** Systems whose models are transferred (default ["Cu-Zr"], the paper's 81 + 27 pairs). */
  readonly sourceSystems?: readonly string[];
  readonly reference?: TransferReference;
}

/**
 * Every (source, target) pair with the source in `sourceSystems`: the source's model predicts the target's
 * unseen glass (all atoms for Cu-Zr, host atoms for the other systems, as the rows of the target's data).
 * For a target with a single glass, that glass was never seen by any other condition's model, so the transfer
 * is still a test on unseen data; only the target's own test score is missing (see TransferReference).
 */
export function transferPairs(
  conditions: readonly GeneralizationCondition[],
  fitted: readonly FittedCondition[],
  options: TransferOptions = {},
): TransferPair[] {
  const sources = new Set(options.sourceSystems ?? ["Cu-Zr"]);
  const byName = fittedByName(fitted);
  const out: TransferPair[] = [];
  for (const s of fitted) {
    if (!sources.has(s.system)) continue;
    for (const t of conditions) {
      const own = byName(t.condition);
      const scenario = generalizationScenario(s, t);
      // Scenario i needs an unseen glass of the source's own condition.
      if (scenario === 1 && t.single) continue;
      const auc = rocAucScore(
        toBinaryLabels(t.test.y, t.test.y.length, `${t.condition} test labels`),
        s.model.predictProba(t.test.X),
      );
      const ref = referenceScore(own, options.reference ?? "test");
      out.push({ source: s.condition, target: t.condition, scenario, auc, reference: ref, drop: ref - auc });
    }
  }
  return out;
}

/**
 * The same pairs measured against another reference: only `reference` and `drop` change, so the transferred
 * models need not predict again (each prediction runs 5 fold models over a whole glass).
 */
export function withReference(
  pairs: readonly TransferPair[],
  fitted: readonly FittedCondition[],
  reference: TransferReference,
): TransferPair[] {
  const byName = fittedByName(fitted);
  return pairs.map((p) => {
    const ref = referenceScore(byName(p.target), reference);
    return { ...p, reference: ref, drop: ref - p.auc };
  });
}

/** A target's own score under `reference` (see TransferReference). */
function referenceScore(own: FittedCondition, reference: TransferReference): number {
  if (reference === "cv") return own.cvAuc;
  if (reference === "fitted") return own.fittedAuc;
  return own.testAuc ?? own.blockCvAuc ?? own.fittedAuc;
}

function fittedByName(fitted: readonly FittedCondition[]): (condition: string) => FittedCondition {
  const map = new Map(fitted.map((f) => [f.condition, f]));
  return (condition) => {
    const f = map.get(condition);
    if (!f) throw new Error(`transferPairs: condition ${condition} has no fitted model`);
    return f;
  };
}

/** Per scenario: number of pairs and the mean, median, min and max AUC drop. */
export interface ScenarioSummary {
  readonly scenario: GeneralizationScenario;
  readonly name: string;
  readonly pairs: number;
  readonly meanDrop: number;
  readonly medianDrop: number;
  readonly minDrop: number;
  readonly maxDrop: number;
}

/** Per scenario (1-5): the number of transfer pairs and their mean, median, min and max AUC drop (Figure 4). */
export function summarizeScenarios(pairs: readonly TransferPair[]): ScenarioSummary[] {
  const out: ScenarioSummary[] = [];
  for (const scenario of [1, 2, 3, 4, 5] as GeneralizationScenario[]) {
    const d = pairs
      .filter((p) => p.scenario === scenario)
      .map((p) => p.drop)
      .sort((a, b) => a - b);
    if (d.length === 0) continue;
    const mid = d.length >> 1;
    out.push({
      scenario,
      name: SCENARIO_NAMES[scenario],
      pairs: d.length,
      meanDrop: d.reduce((a, b) => a + b, 0) / d.length,
      medianDrop: d.length % 2 === 1 ? d[mid] : (d[mid - 1] + d[mid]) / 2,
      minDrop: d[0],
      maxDrop: d[d.length - 1],
    });
  }
  return out;
}

/** One violin of Figure 4: the drops of one scenario (scenario v: of one target system). */
export interface ScenarioGroup {
  readonly scenario: GeneralizationScenario;
  /** The scenario spelled out; scenario v names its target, e.g. "v) other system → Ni62Nb38". */
  readonly category: string;
  /** Target composition of a scenario v group, otherwise null. */
  readonly target: string | null;
  readonly drops: number[];
}

/**
 * The pairs of a transfer study grouped as Figure 4 draws them, with scenario v split by target system (the paper
 * reads Ni-Nb and Al-Sm apart from Fe-P): scenarios i-iv in order, then one group per target composition of
 * scenario v. `compositionOf` maps a condition to its composition (default: the part before "@").
 */
export function scenarioGroups(
  pairs: readonly TransferPair[],
  compositionOf: (condition: string) => string = (c) => c.split("@")[0],
): ScenarioGroup[] {
  const out: ScenarioGroup[] = [];
  for (const scenario of [1, 2, 3, 4] as GeneralizationScenario[]) {
    const drops = pairs.filter((p) => p.scenario === scenario).map((p) => p.drop);
    if (drops.length > 0) out.push({ scenario, category: SCENARIO_NAMES[scenario], target: null, drops });
  }
  const v = pairs.filter((p) => p.scenario === 5);
  const targets = [...new Set(v.map((p) => compositionOf(p.target)))];
  for (const target of targets) {
    out.push({
      scenario: 5,
      category: `${SCENARIO_NAMES[5]} → ${target}`,
      target,
      drops: v.filter((p) => compositionOf(p.target) === target).map((p) => p.drop),
    });
  }
  return out;
}
