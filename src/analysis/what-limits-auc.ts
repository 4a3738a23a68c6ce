import { PAPER_FEATURE_OPTIONS } from "../features/compute-features";
import { aucGapClaims, aucGapTable, type AucGapClaim, type AucGapTable } from "./auc-gap";
import { compositionGlassGroups } from "./auc-limit-glasses";
import {
  cellSizeStudy,
  labelStudy,
  quenchRateStudy,
  splitStudy,
  trainingDataStudy,
  type CellSizeStudy,
  type LabelStudy,
  type QuenchRateStudy,
  type SplitStudy,
  type StudyOptions,
  type TrainingDataStudy,
} from "./auc-limits";

/** Options of `whatLimitsAuc`: data folder, headline condition, model parameters. */
export interface WhatLimitsAucOptions extends StudyOptions {
  /** Data folder (default: the shipped data/). */
  readonly dataDir?: string;
  /** Composition and headline condition (default Cu65Zr35, 1e13 K/s, 8,000 atoms: our 0.657). */
  readonly composition?: string;
  readonly quenchRate?: number;
  readonly atoms?: number;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

/** Result of `whatLimitsAuc`: the five studies, the closing table and its ledger rows. */
export interface WhatLimitsAuc {
  readonly trainingData: TrainingDataStudy;
  readonly quenchRate: QuenchRateStudy;
  readonly label: LabelStudy;
  readonly cellSize: CellSizeStudy;
  readonly split: SplitStudy;
  readonly gap: AucGapTable;
  /** The closing table as ledger rows (where, claim, paper, ours, why). */
  readonly claims: AucGapClaim[];
}

/**
 * Notebook 07 in one call, for the ledger: loads the composition's glasses (the paper's 80 interstice features,
 * from the feature cache), runs the five studies on them and returns the closing table and its ledger rows. About
 * 50 protocol fits; a minute on an idle 2-core machine once the features are cached.
 */
export async function whatLimitsAuc(options: WhatLimitsAucOptions = {}): Promise<WhatLimitsAuc> {
  const log = options.log ?? (() => undefined);
  const composition = options.composition ?? "Cu65Zr35";
  const reference = { quenchRate: options.quenchRate ?? 1e13, atoms: options.atoms ?? 8000 };
  const fit: StudyOptions = { params: options.params, randomState: options.randomState };
  const groups = await compositionGlassGroups(composition, {
    sets: ["interstice", "mro"],
    featureOptions: PAPER_FEATURE_OPTIONS,
    dataDir: options.dataDir,
  });
  log(`what limits the AUC: ${groups.map((g) => `${g.key} (${g.glasses.length})`).join(", ")}`);
  const trainingData = trainingDataStudy(groups, { ...fit, ...reference });
  log("  training data done");
  const quenchRate = quenchRateStudy(groups, { ...fit, ourRate: reference.quenchRate });
  log("  quench rate done");
  const label = labelStudy(groups, { ...fit, ...reference });
  log("  label done");
  const cellSize = cellSizeStudy(groups, { ...fit, quenchRate: reference.quenchRate, composition });
  const split = splitStudy(groups, { ...fit, ...reference });
  const gap = aucGapTable({ trainingData, quenchRate, label, cellSize, split });
  return { trainingData, quenchRate, label, cellSize, split, gap, claims: aucGapClaims(gap) };
}
