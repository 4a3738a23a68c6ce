import * as fs from "node:fs";
import * as path from "node:path";
import { writeFileAtomic } from "../files/atomic-write";
import type { TrainingDomain } from "./training-domain";

/**
 * What a shipped quench-in-softness model is: its features, what it was trained and tested on, its scores and
 * the command that made it. Stored as `models/<name>.card.json` next to `models/<name>.json` (the GBDT), and
 * rendered as `models/<name>.md` for people.
 */
export interface ModelCard {
  name: string;
  /** The GBDT file, relative to the card. */
  model: string;
  description: string;
  /** Feature sets (registry names) the model reads, in column order. */
  sets: string[];
  /** Context options the features were computed with (cutoff, face filter, clamp). */
  featureOptions: { cutoff: number; faceFilter: number; clamp: boolean };
  /** Element the model was fitted on when only host atoms were used (Ni-Nb, Al-Sm, Fe-P), else null. */
  host: string | null;
  /** Sample ids (data/manifest.json) of the training and test glasses. */
  trainedOn: string[];
  testedOn: string[];
  /** Plastic label: D2min at this strain above this threshold (Angstrom^2). */
  label: { strain: number; threshold: number; cutoff: number };
  params: Record<string, unknown>;
  scores: {
    cvAuc: number;
    cvAucStd: number;
    testAuc: number;
    testRecall: number;
    /** AUC of this model on other conditions' glasses, by sample id. */
    transfer: Record<string, number>;
  };
  /** For a model trained on many glasses: leave-one-glass-out CV AUC by glass and by condition (mean of its glasses). */
  glassCv?: {
    balance: string;
    perGlass: Record<string, number>;
    perCondition: Record<string, number>;
    mean: number;
  };
  /** Transfer AUC by condition (mean over its glasses; host atoms for systems other than Cu-Zr). */
  transferByCondition?: Record<string, number>;
  /** How the hyper-parameters were chosen, when a search chose them. */
  search?: { strategy: string; scoredBy: string; candidates: number; bestAuc: number };
  /** What the model was trained on, for the domain warning of QuenchInSoftness (see training-domain.ts). */
  domain?: TrainingDomain;
  /** The command that made the model, from the repository root. */
  command: string;
  created: string;
}

/** Reads a card; the model path is returned resolved against the card's folder. */
export function readModelCard(file: string): ModelCard & { modelPath: string } {
  let card: ModelCard;
  try {
    card = JSON.parse(fs.readFileSync(file, "utf8")) as ModelCard;
  } catch (e) {
    throw new Error(`${file}: not a readable model card (${(e as Error).message})`);
  }
  for (const k of ["name", "model", "sets", "featureOptions"] as const) {
    if (card[k] === undefined) throw new Error(`${file}: model card has no "${k}"`);
  }
  return { ...card, modelPath: path.resolve(path.dirname(file), card.model) };
}

/** Writes the card as JSON and as a Markdown page (`<name>.md`) beside it. */
export function writeModelCard(file: string, card: ModelCard): void {
  writeFileAtomic(file, JSON.stringify(card, null, 2) + "\n");
  writeFileAtomic(path.join(path.dirname(file), `${card.name}.md`), modelCardMarkdown(card));
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "n/a");

/** A model card as Markdown. */
export function modelCardMarkdown(card: ModelCard): string {
  const transfer = Object.entries(card.scores.transfer);
  const g = card.glassCv;
  const rows = g
    ? [
        `| trained on | ${card.trainedOn.join(", ")} (${g.balance === "weight" ? "class weights n / (2 n_c), every atom" : g.balance}) |`,
        `| leave-one-glass-out AUC | ${fmt(g.mean)} (mean over the ${Object.keys(g.perGlass).length} glasses; each scored by a model trained on the others) |`,
      ]
    : [
        `| trained on | ${card.trainedOn.join(", ")} (equal undersampling, 5-fold CV) |`,
        `| tested on | ${card.testedOn.join(", ")} (unseen glass, no undersampling) |`,
        `| CV AUC | ${fmt(card.scores.cvAuc)} +- ${fmt(card.scores.cvAucStd)} |`,
        `| test AUC | ${fmt(card.scores.testAuc)} |`,
        `| test recall (QS > 0.5) | ${fmt(card.scores.testRecall)} |`,
      ];
  const table = (title: string, entries: [string, number][], key: string) =>
    `${title}\n\n| ${key} | AUC |\n|---|---|\n` + entries.map(([k, v]) => `| ${k} | ${fmt(v)} |`).join("\n");
  const d = card.domain;
  return [
    `# Model card: ${card.name}`,
    "",
    card.description,
    "",
    "| | |",
    "|---|---|",
    `| features | ${card.sets.join(", ")} (cutoff ${card.featureOptions.cutoff} A, face filter ${card.featureOptions.faceFilter}, clamp ${card.featureOptions.clamp}) |`,
    `| atoms | ${card.host ? `${card.host} (host) atoms only` : "all atoms"} |`,
    `| label | D2min at ${(100 * card.label.strain).toFixed(1)} % strain > ${card.label.threshold} A^2 (neighbors within ${card.label.cutoff} A) |`,
    ...rows,
    `| GBDT | ${Object.entries(card.params)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(", ")} |`,
    ...(card.search
      ? [
          `| chosen by | ${card.search.strategy} search over ${card.search.candidates} candidates scored by ${card.search.scoredBy} (AUC ${fmt(card.search.bestAuc)}) |`,
        ]
      : []),
    ...(d
      ? [
          `| domain | elements ${d.elements.map((e, k) => `${e} (role ${d.roles[k]})`).join(", ")}; ${d.features.length} feature ranges; a glass with another element, or more than ${(100 * d.outsideShareThreshold).toFixed(0)} % of atoms with a feature outside the training range, is flagged |`,
        ]
      : []),
    "",
    ...(g
      ? [
          table(
            "Leave-one-glass-out AUC by condition (mean of its glasses):",
            Object.entries(g.perCondition),
            "condition",
          ),
          "",
          table("Leave-one-glass-out AUC by glass:", Object.entries(g.perGlass), "glass"),
          "",
        ]
      : []),
    ...(card.transferByCondition
      ? [
          table(
            "Transfer AUC by condition (mean of its glasses):",
            Object.entries(card.transferByCondition),
            "condition",
          ),
          "",
        ]
      : []),
    transfer.length > 0 ? table("Transfer AUC on other glasses:", transfer, "sample") : "No transfer tests yet.",
    "",
    `Made by \`${card.command}\` on ${card.created}.`,
    "",
  ].join("\n");
}
