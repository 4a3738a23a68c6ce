import { conditionOf, type ManifestEntry } from "../../dataset/manifest";
import { loadSample } from "../../dataset/sample";
import { PAPER_FEATURE_OPTIONS } from "../../features/compute-features";
import type { BinaryClassifier } from "../../ml/classifier";
import { scoreProba } from "../../ml/model-selection/cross-validate";
import { paperProtocol } from "../../ml/paper-protocol";
import { conditionGlasses, manifestConditions, type ConditionGlasses } from "../../softness/condition-glasses";
import { labeledGlass, type LabeledGlass } from "../../softness/training-set";
import { AUGMENTED_GROUPS, FIGURE_5A_GROUPS } from "../feature-set-comparison";
import { compareOnSamples, type SampleComparison } from "../feature-set-comparison-samples";
import { fitConditions, transferPairs, type FittedCondition, type TransferPair } from "../generalization";

/** The paper's two representations: interstice SRO + MRO (80 features) and the 166 symmetry functions. */
export type Representation = "interstice" | "symmetry";

export const REPRESENTATION_SETS: Readonly<Record<Representation, readonly string[]>> = Object.freeze({
  interstice: ["interstice", "mro"],
  symmetry: ["symmetry_functions"],
});

/** The main glass of the paper (Figure 2, 3) at our slowest generated rate. */
export const MAIN_CONDITION = "Cu65Zr35@1e13";

/**
 * Figure 4's conditions in our data set: the 9 Cu-Zr conditions (3 compositions x 3 rates, as the paper's 9) and
 * the 3 other systems. Further conditions (e.g. Cu65Zr35@5e12) are left out so the scenario counts stay the paper's.
 */
export const FIGURE_4_CONDITIONS: readonly string[] = Object.freeze([
  "Cu50Zr50@1e13",
  "Cu50Zr50@1e14",
  "Cu50Zr50@1e15",
  "Cu65Zr35@1e13",
  "Cu65Zr35@1e14",
  "Cu65Zr35@1e15",
  "Cu80Zr20@1e13",
  "Cu80Zr20@1e14",
  "Cu80Zr20@1e15",
  "Ni62Nb38@1e13",
  "Al90Sm10@1e13",
  "Fe80P20@1e13",
]);

/** Figure 5a's systems, at our slowest rate (the paper: 5e10 K/s). */
export const FIGURE_5_SYSTEMS: readonly string[] = Object.freeze([
  "Cu65Zr35",
  "Cu50Zr50",
  "Cu80Zr20",
  "Ni62Nb38",
  "Al90Sm10",
  "Fe80P20",
]);

/** A condition's own model with the paper's protocol: trained on all glasses but the last, tested on the last. */
export interface ConditionModel {
  readonly condition: string;
  readonly data: ConditionGlasses;
  /** The fold models averaged (the quench-in softness model). */
  readonly model: BinaryClassifier;
  /** Quench-in softness of the unseen glass's atoms, and its AUC and recall (QS > 0.5). */
  readonly qs: Float64Array;
  readonly auc: number;
  readonly recall: number;
  /** "trained on 2 glasses, tested on the 3rd" or the like. */
  readonly setup: string;
}

/** Figure 4's data for one representation: the conditions, their own models, every Cu-Zr transfer (reference "test"). */
export interface TransferStudy {
  readonly data: ConditionGlasses[];
  readonly fitted: FittedCondition[];
  readonly pairs: TransferPair[];
}

/** The atoms that become plastic for the first time at each strain of a long deformation (Figure 3e). */
export interface StrainSeries {
  readonly sample: string;
  /** True when the sample is the unseen glass of the condition's model (QS not fitted on it). */
  readonly unseen: boolean;
  readonly strains: number[];
  /** QS of every atom of the glass (the model's rows). */
  readonly qs: Float64Array;
  /** Per atom: index into `strains` of the first strain at which it is plastic (D2min > 5 A^2 against the quenched glass), -1 if never. */
  readonly firstPlastic: Int32Array;
}

export interface LedgerOptions {
  /** Data folder (default: the shipped data/). */
  readonly dataDir?: string;
  /** Receives progress lines. */
  readonly log?: (line: string) => void;
}

/**
 * The computations the ledger's claims share, each run once on first use and kept (a claim asks for what it needs;
 * rows of one figure never pay for another's). Everything is computed from data/manifest.json in this run.
 */
export class LedgerContext {
  readonly dataDir: string | undefined;
  readonly log: (line: string) => void;
  private readonly memo = new Map<string, Promise<unknown>>();
  private conditionMap: Map<string, ManifestEntry[]> | null = null;

  constructor(options: LedgerOptions = {}) {
    this.dataDir = options.dataDir;
    this.log = options.log ?? (() => undefined);
  }

  /** The value of `compute` under `key`, computed on the first call. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (p === undefined) {
      p = compute();
      this.memo.set(key, p);
    }
    return p;
  }

  /** The manifest's conditions ("Cu65Zr35@1e13" -> entries sorted by sample number). */
  conditions(): Map<string, ManifestEntry[]> {
    if (this.conditionMap === null) this.conditionMap = manifestConditions(this.dataDir);
    return this.conditionMap;
  }

  /** Glasses of a condition in the manifest (0 when it is not generated yet). */
  glassCount(condition: string): number {
    return this.conditions().get(condition)?.length ?? 0;
  }

  /** A condition's glasses with a representation's features, the paper's labels and host atoms. */
  conditionData(condition: string, rep: Representation): Promise<ConditionGlasses> {
    return this.once(`data:${condition}:${rep}`, () =>
      conditionGlasses(condition, {
        sets: REPRESENTATION_SETS[rep],
        featureOptions: PAPER_FEATURE_OPTIONS,
        dataDir: this.dataDir,
      }),
    );
  }

  /** The condition's own model (paper protocol, seed 0); null with fewer than 2 glasses. */
  conditionModel(condition: string, rep: Representation = "interstice"): Promise<ConditionModel | null> {
    return this.once(`model:${condition}:${rep}`, async () => {
      const n = this.glassCount(condition);
      if (n < 2) return null;
      const setup = (data: ConditionGlasses) =>
        n >= 3
          ? `trained on ${n - 1} glasses, tested on the unseen ${data.test.name}`
          : `only 2 glasses: trained on 1, tested on ${data.test.name}`;
      if (FIGURE_4_CONDITIONS.includes(condition)) {
        // The same fit as Figure 4's (same glasses, protocol and seed): reuse it.
        const study = await this.transferStudy(rep);
        const k = study.data.findIndex((d) => d.condition === condition);
        const data = study.data[k];
        const model = study.fitted[k].model;
        const qs = model.predictProba(data.test.X);
        const s = scoreProba(data.test.y, qs);
        return { condition, data, model, qs, auc: s.auc, recall: s.recall, setup: setup(data) };
      }
      this.log(`${condition}: ${rep} model (paper protocol)`);
      const data = await this.conditionData(condition, rep);
      const r = paperProtocol({ train: data.train, test: data.test, randomState: 0 });
      return {
        condition,
        data,
        model: r.model,
        qs: r.testProba,
        auc: r.test.auc,
        recall: r.test.recall,
        setup: setup(data),
      };
    });
  }

  /** Plastic fraction (D2min(4 %) > 5 A^2, all atoms) of every glass of a condition. */
  plasticFractions(condition: string): Promise<number[]> {
    return this.once(`fractions:${condition}`, async () => {
      const out: number[] = [];
      for (const e of this.conditions().get(condition) ?? [])
        out.push((await (await loadSample(e, { dataDir: this.dataDir })).labels()).plasticFraction);
      return out;
    });
  }

  /** Figure 4: every present condition of FIGURE_4_CONDITIONS fitted, and every Cu-Zr model on every unseen glass. */
  transferStudy(rep: Representation): Promise<TransferStudy> {
    return this.once(`figure4:${rep}`, async () => {
      const present = FIGURE_4_CONDITIONS.filter((c) => this.glassCount(c) > 0);
      this.log(`Figure 4: ${rep} models of ${present.length} conditions`);
      const data: ConditionGlasses[] = [];
      for (const c of present) {
        data.push(
          await conditionGlasses(c, {
            sets: REPRESENTATION_SETS[rep],
            featureOptions: PAPER_FEATURE_OPTIONS,
            dataDir: this.dataDir,
            blocks: [3, 3, 3],
          }),
        );
      }
      const fitted = fitConditions(data, { randomState: 0 });
      return { data, fitted, pairs: transferPairs(data, fitted, { reference: "test" }) };
    });
  }

  /**
   * Uses a Figure 4 study computed elsewhere (notebook 04 fits the same conditions with the same options) instead of
   * fitting it again; it must be `transferStudy`'s: FIGURE_4_CONDITIONS present, 3 x 3 x 3 blocks, seed 0, reference "test".
   */
  useTransferStudy(rep: Representation, study: TransferStudy): void {
    if (
      study.pairs.some(
        (p) => p.reference !== (study.fitted.find((f) => f.condition === p.target)?.testAuc ?? p.reference),
      )
    ) {
      throw new Error('useTransferStudy: the pairs must be measured against the reference "test"');
    }
    this.memo.set(`figure4:${rep}`, Promise.resolve(study));
  }

  /**
   * Figure 5a: every feature group of the paper on a system at 1e13 K/s (train on glasses 1-2, test on 3), with the
   * augmented groups of Supplementary Tables 5 and 7 on Cu65Zr35; null when the system has fewer than 3 glasses.
   */
  featureSetComparison(composition: string): Promise<SampleComparison | null> {
    return this.once(`figure5:${composition}`, async () => {
      const entries = this.conditions().get(`${composition}@1e13`) ?? [];
      if (entries.length < 3) return null;
      this.log(`Figure 5a: feature sets on ${composition}@1e13`);
      const groups = composition === "Cu65Zr35" ? [...FIGURE_5A_GROUPS, ...AUGMENTED_GROUPS] : FIGURE_5A_GROUPS;
      const samples = [];
      for (const e of entries.slice(0, 3)) samples.push(await loadSample(e, { dataDir: this.dataDir }));
      // One thread: worker threads load the library's modules from disk again, which a rebuild can change mid-run.
      return compareOnSamples({ train: samples.slice(0, 2), test: samples[2], groups, threads: 1 });
    });
  }

  /**
   * Uses a Figure 5a comparison computed elsewhere (notebook 05 runs the same one) instead of running it again; it
   * must be `featureSetComparison`'s: the condition's first three glasses at 1e13 K/s (train on 1-2, test on 3), the
   * same groups, seed and features.
   */
  useFeatureSetComparison(composition: string, run: SampleComparison): void {
    const ids = (this.conditions().get(`${composition}@1e13`) ?? []).slice(0, 3).map((e) => e.id);
    const got = [...run.train.map((g) => g.name), run.test?.name ?? "none"];
    if (ids.length < 3 || got.join(",") !== ids.join(","))
      throw new Error(`useFeatureSetComparison(${composition}): glasses ${got.join(", ")}, expected ${ids.join(", ")}`);
    this.memo.set(`figure5:${composition}`, Promise.resolve(run));
  }

  /**
   * Figure 3e: the condition's sample deformed with the finest snapshots (the paper: to 10 % every 0.125 %); null
   * when the condition has no sample with more than 20 snapshots or no model.
   */
  strainSeries(condition: string): Promise<StrainSeries | null> {
    return this.once(`figure3e:${condition}`, async () => {
      const entries = this.conditions().get(condition) ?? [];
      const long = entries.filter((e) => Object.keys(e.files.byStrain).length > 20);
      const model = await this.conditionModel(condition);
      if (long.length === 0 || model === null) return null;
      const entry = long[long.length - 1];
      const sample = await loadSample(entry, { dataDir: this.dataDir });
      this.log(`Figure 3e: ${sample.strains.length} snapshots of ${entry.id}`);
      const unseen = entry.id === model.data.test.name;
      const glass: LabeledGlass = unseen
        ? model.data.test
        : await labeledGlass(sample, {
            sets: REPRESENTATION_SETS.interstice,
            featureOptions: PAPER_FEATURE_OPTIONS,
            host: model.data.host,
          });
      const qs = unseen ? model.qs : model.model.predictProba(glass.X);
      const strains = sample.strains.filter((e) => e > 0);
      const firstPlastic = new Int32Array(glass.rows.length).fill(-1);
      for (let s = 0; s < strains.length; s++) {
        const lab = await sample.labels(strains[s]);
        glass.rows.forEach((row, k) => {
          if (lab.plastic[row] && firstPlastic[k] < 0) firstPlastic[k] = s;
        });
      }
      return { sample: entry.id, unseen, strains, qs: Float64Array.from(qs), firstPlastic };
    });
  }
}

/** "Cu65Zr35@1e13" of a manifest entry (re-exported for claims that group entries). */
export { conditionOf };
