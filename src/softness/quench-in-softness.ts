import * as fs from "node:fs";
import * as path from "node:path";
import {
  computeFeatures,
  type FeatureResult,
  type FeaturizeOptions,
  type ResolvedFeaturize,
  resolveFeaturize,
} from "../features/compute-features";
import type { Frame } from "../structure/frame";
import { type ProgressCallback, progressReporter } from "../parallel/progress";
import type { BinaryClassifier } from "../ml/classifier";
import { type Explanation, isExplainable } from "../ml/inspection/tree-shap";
import { modelFeatureLabels, readClassifier } from "../ml/model-io";
import { readModelCard, type ModelCard } from "./model-card";
import { checkDomain, type DomainCheck } from "./training-domain";

/** The folder of the models shipped with qsoft (`models/` at the package root). */
export const MODELS_DIR = path.resolve(__dirname, "..", "..", "models");

/** The paper's model: interstice SRO+MRO features, trained on two Cu65Zr35 glasses with the paper's protocol. */
export const PAPER_MODEL = "cu65zr35-interstice";

/** The general Cu-Zr model: the same features, trained on every Cu-Zr glass at 1e13 K/s and slower. */
export const GENERAL_MODEL = "cu-zr-general";

/** The default shipped model (`qsoft predict` without --model, `QuenchInSoftness.shipped()`). */
export const DEFAULT_MODEL = GENERAL_MODEL;

/** Short names of shipped models: "paper" and "general". */
export const MODEL_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  paper: PAPER_MODEL,
  general: GENERAL_MODEL,
});

/** Names of the shipped models (cards in models/). */
export function shippedModels(): string[] {
  if (!fs.existsSync(MODELS_DIR)) return [];
  return fs
    .readdirSync(MODELS_DIR)
    .filter((f) => f.endsWith(".card.json"))
    .map((f) => f.slice(0, -".card.json".length))
    .sort();
}

/** Rows the model predicts at a time (a progress step of `QuenchInSoftness.compute`). */
const PREDICT_BLOCK = 16384;

/** Per-atom quench-in softness of a frame. */
export interface SoftnessResult {
  ids: Int32Array;
  types: Int32Array;
  /** QS = P(plastic) from the model; NaN for atoms whose features are not finite (see `flags`). */
  qs: Float64Array;
  /** 1 where the atom's features were not finite (degenerate geometry), so QS is NaN. */
  flags: Uint8Array;
  /** The features and the shared context (Voronoi, neighbors), for further analysis. */
  features: FeatureResult;
  /**
   * With `compute(frame, { explain: true })`: every atom's feature contributions to the model's log-odds
   * (TreeSHAP, rows in frame order, columns the model's features; NaN rows where `flags` is 1).
   */
  explanation?: Explanation;
  /**
   * Whether the frame lies in the model's training domain (elements with a training role, share of atoms with a
   * feature outside the training range), when the model's card records its domain. The library does not print it.
   */
  domain?: DomainCheck;
}

/**
 * Quench-in softness (the paper's QS): the GBDT's plastic probability for each atom of an undeformed glass.
 * Configure once with a model and the feature sets it reads, then `compute(frame)`:
 *
 *   const qs = QuenchInSoftness.shipped().compute(await readDump("glass.dump", { types: ["Cu", "Zr"] }));
 */
export class QuenchInSoftness {
  readonly model: BinaryClassifier;
  readonly sets: readonly string[];
  readonly featureOptions: FeaturizeOptions;
  readonly card: (ModelCard & { modelPath: string }) | null;
  /** The feature options, checked with the sets when the model is loaded (before any frame is read). */
  private readonly resolvedOptions: ResolvedFeaturize["options"];

  constructor(options: {
    model: BinaryClassifier;
    sets: readonly string[];
    featureOptions?: FeaturizeOptions;
    card?: ModelCard & { modelPath: string };
  }) {
    this.model = options.model;
    this.sets = options.sets;
    this.featureOptions = options.featureOptions ?? {};
    this.card = options.card ?? null;
    this.resolvedOptions = resolveFeaturize(this.sets, this.featureOptions).options;
  }

  /** A model from its card file (`models/<name>.card.json` or a user's). */
  static fromCard(cardPath: string): QuenchInSoftness {
    const card = readModelCard(cardPath);
    return new QuenchInSoftness({
      model: readClassifier(card.modelPath),
      sets: card.sets,
      featureOptions: card.featureOptions,
      card,
    });
  }

  /** A shipped model by name or alias (default: `cu-zr-general`; "paper" is `cu65zr35-interstice`). */
  static shipped(nameOrAlias: string = DEFAULT_MODEL): QuenchInSoftness {
    const name = MODEL_ALIASES[nameOrAlias] ?? nameOrAlias;
    const card = path.join(MODELS_DIR, `${name}.card.json`);
    if (!fs.existsSync(card)) {
      const have = shippedModels();
      throw new Error(
        `no shipped model "${name}" in ${MODELS_DIR}${have.length ? ` (have: ${have.join(", ")})` : " (none yet: run `npx tsx scripts/train-models.ts`)"}`,
      );
    }
    return QuenchInSoftness.fromCard(card);
  }

  /**
   * QS of every atom; with `explain`, also each atom's feature contributions (see SoftnessResult.explanation).
   * `threads` overrides the feature options' threads (the Voronoi tessellation; the result is the same).
   * `onProgress` is told how far the features are (stages "voronoi", "features") and then the atoms predicted
   * (stage "predict").
   */
  compute(
    frame: Frame,
    options: { explain?: boolean; threads?: number; onProgress?: ProgressCallback } = {},
  ): SoftnessResult {
    if (options.explain && !isExplainable(this.model))
      throw new Error(
        "the model cannot explain its predictions (explain needs a GradientBoostingClassifier or an AveragingClassifier of them)",
      );
    // Fresh featurizers per frame (some learn their labels from the frame); the options pass unchecked.
    const { threads, onProgress } = options;
    const features = computeFeatures(
      frame,
      this.sets,
      threads !== undefined || onProgress ? { ...this.resolvedOptions, threads, onProgress } : this.resolvedOptions,
    );
    const m = features.matrix;
    // The model's columns are taken by name, in the model's order: the sets may produce more, in any order.
    const want = modelFeatureLabels(this.model);
    if (want === null) {
      throw new Error(
        "the model carries no feature names, so its columns cannot be matched to the features by name " +
          "(a different --set order would silently change QS); fit it on named features (qsoft train stores them)",
      );
    }
    const missing = want.filter((l) => !m.labels.includes(l));
    if (missing.length > 0)
      throw new Error(
        `the model needs feature(s) ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? " ..." : ""} that sets [${this.sets.join(", ")}] do not produce`,
      );
    const source = want.map((l) => m.labels.indexOf(l));
    const nf = want.length;
    const stride = m.labels.length;
    const flags = new Uint8Array(m.n);
    const rows: number[] = [];
    for (let i = 0; i < m.n; i++) {
      let ok = true;
      for (let k = 0; k < nf && ok; k++) ok = Number.isFinite(m.values[i * stride + source[k]]);
      if (ok) rows.push(i);
      else flags[i] = 1;
    }
    const X = new Float64Array(rows.length * nf);
    rows.forEach((i, r) => {
      for (let k = 0; k < nf; k++) X[r * nf + k] = m.values[i * stride + source[k]];
    });
    // Rows are predicted independently: in blocks, so that progress can be told.
    const p = new Float64Array(rows.length);
    const report = progressReporter(onProgress, rows.length, "predict");
    for (let a = 0; a < rows.length; a += PREDICT_BLOCK) {
      const b = Math.min(rows.length, a + PREDICT_BLOCK);
      p.set(this.model.predictProba({ X: X.subarray(a * nf, b * nf), nFeatures: nf, featureLabels: want }), a);
      report(b);
    }
    report(rows.length);
    const qs = new Float64Array(m.n).fill(NaN);
    rows.forEach((i, r) => (qs[i] = p[r]));
    const domain = this.card?.domain
      ? checkDomain(
          this.card.domain,
          frame.elements ?? [],
          alignToDomain(this.card.domain.features, want, X, rows.length),
        )
      : undefined;
    if (!options.explain || !isExplainable(this.model))
      return { ids: frame.ids, types: frame.types, qs, flags, features, ...(domain ? { domain } : {}) };
    const values = new Float64Array(m.n * nf).fill(Number.NaN);
    let expectedValue = Number.NaN;
    if (rows.length > 0) {
      const e = this.model.explain({ X, nFeatures: nf, featureLabels: want });
      rows.forEach((i, r) => values.set(e.values.subarray(r * nf, r * nf + nf), i * nf));
      expectedValue = e.expectedValue;
    }
    const explanation: Explanation = {
      values,
      nSamples: m.n,
      nFeatures: nf,
      featureLabels: want.slice(),
      expectedValue,
    };
    return { ids: frame.ids, types: frame.types, qs, flags, features, explanation, ...(domain ? { domain } : {}) };
  }
}

/** Rows `X` (columns `labels`) with their columns in the domain's feature order. */
function alignToDomain(
  domainFeatures: readonly string[],
  labels: readonly string[],
  X: Float64Array,
  n: number,
): { values: Float64Array; nSamples: number } {
  if (domainFeatures.length === labels.length && domainFeatures.every((f, k) => f === labels[k]))
    return { values: X, nSamples: n };
  const source = domainFeatures.map((f) => {
    const k = labels.indexOf(f);
    if (k < 0) throw new Error(`the model card's domain names feature ${f}, which the model does not read`);
    return k;
  });
  const d = labels.length;
  const values = new Float64Array(n * source.length);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < source.length; k++) values[i * source.length + k] = X[i * d + source[k]];
  return { values, nSamples: n };
}
