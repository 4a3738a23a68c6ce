import { rateTag } from "../dataset/manifest";
import type { CellSizeStudy, LabelStudy, QuenchRateStudy, SplitStudy, TrainingDataStudy } from "./auc-limits";
import { PAPER_TEST_AUC, PAPER_TRAINING_ATOMS } from "./auc-limits";

/** How much we trust a share of the AUC gap (rule in `shareConfidence`). */
export type ShareConfidence = "high" | "medium" | "low" | "none by construction" | "not measured";

/** One candidate cause of the gap between the paper's unseen-glass AUC and ours. */
export interface AucGapRow {
  readonly factor: string;
  /** How the share was estimated, in one line. */
  readonly estimate: string;
  /** AUC the factor would add if ours matched the paper's (null: not measured yet), with its 95 % interval. */
  readonly share: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** share / gap (null when not measured). */
  readonly fractionOfGap: number | null;
  readonly confidence: ShareConfidence;
  readonly note: string;
}

/** The closing table of notebook 07: the gap, one row per factor, and what the shares leave unexplained. */
export interface AucGapTable {
  readonly paperAuc: number;
  /** Our unseen-glass AUC (the split study's, the paper's 2 + 1 protocol). */
  readonly ourAuc: number;
  readonly gap: number;
  readonly rows: AucGapRow[];
  /** Sum of the measured shares, and gap - sum (shares overlap and need not add; see the notes). */
  readonly explained: number;
  readonly unexplained: number;
}

/**
 * The rule behind `confidence`: "low" when the share is extrapolated more than one decade beyond the data it is
 * fitted on or its 95 % interval contains 0; "medium" when the interval's half-width exceeds half the share;
 * "high" otherwise.
 */
export function shareConfidence(
  share: number,
  lower: number,
  upper: number,
  decadesExtrapolated: number,
): ShareConfidence {
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) return "low";
  if (decadesExtrapolated > 1 || (lower <= 0 && upper >= 0)) return "low";
  return (upper - lower) / 2 > Math.abs(share) / 2 ? "medium" : "high";
}

const f3 = (x: number): string => x.toFixed(3);
const signed = (x: number): string => (x >= 0 ? "+" : "") + x.toFixed(3);
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

/**
 * How much of the gap between the paper's AUC (0.771, Cu65Zr35 at 5e10 K/s, 2 x 345,600 training atoms, about 5 %
 * plastic) and ours each candidate cause explains, from the five studies of `auc-limits.ts`. Shares are changes of
 * our AUC when one factor is moved to the paper's value, the others held: training atoms (the log-linear trend
 * from our training atoms to the paper's), label (D2min > 5 A^2 vs the threshold giving 5 % plastic atoms, at our
 * rate), quench rate (the rate trend at fixed 5 % plastic fraction, from our rate to 5e10), cell size (measured
 * once both sizes exist), split (none: both scores are on an unseen glass). They overlap and need not add up.
 */
export function aucGapTable(studies: {
  trainingData: TrainingDataStudy;
  quenchRate: QuenchRateStudy;
  label: LabelStudy;
  cellSize: CellSizeStudy;
  split: SplitStudy;
  paperAuc?: number;
}): AucGapTable {
  const { trainingData: td, quenchRate: qr, label, cellSize, split } = studies;
  const paperAuc = studies.paperAuc ?? PAPER_TEST_AUC;
  const ourAuc = split.unseen;
  const gap = paperAuc - ourAuc;
  const rows: AucGapRow[] = [];
  const push = (r: Omit<AucGapRow, "fractionOfGap">) =>
    rows.push({ ...r, fractionOfGap: r.share === null ? null : r.share / gap });

  const tdOut = Math.log10(PAPER_TRAINING_ATOMS / td.trend.xMax);
  push({
    factor: "training data",
    estimate: `trend AUC = a + b log10(atoms) over ${td.trend.n} models (${td.trend.xMin}-${td.trend.xMax} atoms), from ${td.ourTrainAtoms} to ${PAPER_TRAINING_ATOMS} atoms`,
    share: td.gain.change,
    lower: td.gain.lower,
    upper: td.gain.upper,
    confidence: shareConfidence(td.gain.change, td.gain.lower, td.gain.upper, tdOut),
    note: `slope ${signed(td.trend.slope)} ± ${f3(td.trend.slopeSe)} per decade; extrapolated ${tdOut.toFixed(1)} decades beyond the largest training set`,
  });

  const lg = label.gain;
  push({
    factor: "label",
    estimate: `AUC at D2min threshold giving ${pct(label.fraction)} plastic minus AUC at 5 A^2, mean of ${label.rotations.length} rotations (each glass unseen once), our rate`,
    share: lg.change,
    lower: lg.lower,
    upper: lg.upper,
    confidence: shareConfidence(lg.change, lg.lower, lg.upper, 0),
    note: `thresholds ${label.rotations.map((r) => r.threshold.toFixed(1)).join(", ")} A^2; overlaps with quench rate (slower glasses have fewer atoms above 5 A^2)`,
  });

  const qg = qr.gainAtFraction;
  const qt = qr.trendAtFraction;
  if (qg && qt) {
    const qOut = Math.log10(qt.xMin / qr.paperRate);
    push({
      factor: "quench rate",
      estimate: `trend AUC = a + b log10(rate) at fixed ${pct(qr.fraction)} plastic, ${qt.n} models at ${qr.rows.map((r) => rateTag(r.quenchRate)).join(", ")} K/s (matched training atoms), from ${rateTag(qr.ourRate)} to ${rateTag(qr.paperRate)}`,
      share: qg.change,
      lower: qg.lower,
      upper: qg.upper,
      confidence: shareConfidence(qg.change, qg.lower, qg.upper, qOut),
      note: `at 5 A^2 the same trend gives ${qr.gain ? signed(qr.gain.change) : "n/a"} (rate and label together); extrapolated ${qOut.toFixed(1)} decades below the slowest rate`,
    });
  } else {
    push({
      factor: "quench rate",
      estimate: "needs 3 glasses at 2 or more rates",
      share: null,
      lower: null,
      upper: null,
      confidence: "not measured",
      note: "",
    });
  }

  const c = cellSize.comparison;
  if (c) {
    push({
      factor: "cell size",
      estimate: `own-model AUC of the ${c.large} cell minus the ${c.small} cell, ${c.trainAtoms} training atoms each (one split)`,
      share: c.largeAuc - c.smallAuc,
      lower: null,
      upper: null,
      confidence: "low",
      note: `one pair of unseen glasses, no interval; the paper's cells are 345,600 atoms, ours at most ${Math.max(...cellSize.sizes.map((s) => s.atoms))}`,
    });
  } else {
    push({
      factor: "cell size",
      estimate: "8,000 vs 32,000 atoms at the same rate",
      share: null,
      lower: null,
      upper: null,
      confidence: "not measured",
      note: `waiting for ${cellSize.waitingFor}`,
    });
  }

  push({
    factor: "split",
    estimate: "the paper's 0.771 and our AUC are both scored on an unseen glass",
    share: 0,
    lower: 0,
    upper: 0,
    confidence: "none by construction",
    note: `shuffled CV would read ${f3(split.shuffledCv)} (${signed(split.shuffledCv - split.unseen)}), block CV ${f3(split.blockCv)}, unseen glass ${f3(split.unseen)}`,
  });

  const explained = rows.reduce((s, r) => s + (r.share ?? 0), 0);
  return { paperAuc, ourAuc, gap, rows, explained, unexplained: gap - explained };
}

/** One headline row of the closing table for the ledger (REPRODUCTION.md): where, claim, paper, ours, why. */
export interface AucGapClaim {
  readonly where: string;
  readonly claim: string;
  readonly paper: string;
  readonly ours: string;
  readonly why: string;
}

/**
 * The closing table of notebook 07 as ledger rows: the gap itself, then one row per factor with its share and
 * confidence, and what is left unexplained.
 */
export function aucGapClaims(table: AucGapTable): AucGapClaim[] {
  const where = "Results, Cu65Zr35 (notebook 07)";
  const out: AucGapClaim[] = [
    {
      where,
      claim: "unseen-glass AUC of the interstice model, Cu65Zr35",
      paper: f3(table.paperAuc),
      ours: f3(table.ourAuc),
      why: `gap ${f3(table.gap)}: measured shares add to ${signed(table.explained)}, ${signed(table.unexplained)} unexplained`,
    },
  ];
  for (const r of table.rows) {
    const ours =
      r.share === null
        ? "not measured"
        : r.lower === null || r.upper === null || r.lower === r.upper
          ? signed(r.share)
          : `${signed(r.share)} [${signed(r.lower)}, ${signed(r.upper)}]`;
    out.push({
      where,
      claim: `share of the AUC gap due to ${r.factor}`,
      paper: "-",
      ours: `${ours} (confidence: ${r.confidence})`,
      why: `${r.estimate}; ${r.note}`,
    });
  }
  return out;
}
