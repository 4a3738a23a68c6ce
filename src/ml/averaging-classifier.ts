import type { BinaryClassifier, FitOptions, LabelInput } from "./classifier";
import { NotFittedError } from "./classifier";
import type { MatrixInput } from "./design-matrix";
import { toDesignMatrix } from "./design-matrix";
import type { Explanation } from "./inspection/tree-shap";

export const AVERAGING_FORMAT = "qsoft.AveragingClassifier";
export const AVERAGING_VERSION = 1;

/** JSON of an AveragingClassifier: the members' own JSON, in order. */
export interface AveragingJSON {
  format: typeof AVERAGING_FORMAT;
  version: number;
  /** Where the members come from, e.g. "cv-folds" or "easy-ensemble". */
  kind: string;
  members: object[];
}

/**
 * A soft-voting ensemble of already fitted binary classifiers: P(y = 1) is the mean of the members'
 * probabilities. Used for the fold models of the paper's protocol and for EasyEnsemble.
 */
export class AveragingClassifier implements BinaryClassifier {
  constructor(
    readonly members: BinaryClassifier[],
    readonly kind = "ensemble",
  ) {}

  /**
   * The members are fitted already; fitting an AveragingClassifier is refused (with or without sample weights:
   * fit the members with `fit(X, y, { sampleWeight })`, or use EasyEnsembleClassifier).
   */
  fit(_X: MatrixInput, _y: LabelInput, _options?: FitOptions): this {
    throw new Error("AveragingClassifier holds fitted members; fit them (or use EasyEnsembleClassifier) instead");
  }

  predictProba(X: MatrixInput): Float64Array {
    if (this.members.length === 0) throw new NotFittedError("AveragingClassifier (no members)");
    const m = toDesignMatrix(X);
    const out = new Float64Array(m.nSamples);
    for (const c of this.members) {
      const p = c.predictProba(m);
      for (let i = 0; i < out.length; i++) out[i] += p[i];
    }
    for (let i = 0; i < out.length; i++) out[i] /= this.members.length;
    return out;
  }

  /** Mean of the members' importances (members must provide featureImportances). */
  featureImportances(): Float64Array {
    let sum: Float64Array | null = null;
    for (const c of this.members) {
      const f = (c as { featureImportances?: () => Float64Array }).featureImportances;
      if (typeof f !== "function") throw new Error("AveragingClassifier: a member has no featureImportances()");
      const imp = f.call(c);
      if (sum === null) sum = new Float64Array(imp.length);
      for (let k = 0; k < imp.length; k++) sum[k] += imp[k] / this.members.length;
    }
    if (sum === null) throw new NotFittedError("AveragingClassifier (no members)");
    return sum;
  }

  /**
   * Mean of the members' explanations (members must provide explain, e.g. GradientBoostingClassifier): each row
   * plus `expectedValue` equals the mean of the members' log-odds, which is close to, but not, the log-odds of
   * the averaged probability that predictProba returns.
   */
  explain(X: MatrixInput): Explanation {
    if (this.members.length === 0) throw new NotFittedError("AveragingClassifier (no members)");
    const m = toDesignMatrix(X);
    let out: { values: Float64Array; expectedValue: number; featureLabels: string[] | null; nFeatures: number } | null =
      null;
    for (const c of this.members) {
      const f = (c as { explain?: (X: MatrixInput) => Explanation }).explain;
      if (typeof f !== "function") throw new Error("AveragingClassifier: a member has no explain()");
      const e = f.call(c, m);
      if (out === null)
        out = {
          values: new Float64Array(e.values.length),
          expectedValue: 0,
          featureLabels: e.featureLabels,
          nFeatures: e.nFeatures,
        };
      if (
        e.nFeatures !== out.nFeatures ||
        (e.featureLabels ?? []).join("\u0000") !== (out.featureLabels ?? []).join("\u0000")
      ) {
        throw new Error("AveragingClassifier: members were fitted on different feature columns");
      }
      for (let k = 0; k < e.values.length; k++) out.values[k] += e.values[k] / this.members.length;
      out.expectedValue += e.expectedValue / this.members.length;
    }
    const r = out as NonNullable<typeof out>;
    return {
      values: r.values,
      nSamples: m.nSamples,
      nFeatures: r.nFeatures,
      featureLabels: r.featureLabels,
      expectedValue: r.expectedValue,
    };
  }

  clone(): AveragingClassifier {
    return new AveragingClassifier(
      this.members.map((m) => m.clone()),
      this.kind,
    );
  }

  toJSON(): AveragingJSON {
    return {
      format: AVERAGING_FORMAT,
      version: AVERAGING_VERSION,
      kind: this.kind,
      members: this.members.map((m) => m.toJSON()),
    };
  }

  /** Rebuilds from JSON; `loadMember` turns each member's JSON back into a classifier. */
  static fromJSON(json: AveragingJSON, loadMember: (member: object) => BinaryClassifier): AveragingClassifier {
    if (json === null || typeof json !== "object" || json.format !== AVERAGING_FORMAT) {
      throw new Error(`not a ${AVERAGING_FORMAT} model (format ${String((json as { format?: unknown })?.format)})`);
    }
    if (json.version !== AVERAGING_VERSION)
      throw new Error(`${AVERAGING_FORMAT} version ${json.version} is not supported`);
    if (!Array.isArray(json.members) || json.members.length === 0) throw new Error(`${AVERAGING_FORMAT}: no members`);
    return new AveragingClassifier(json.members.map(loadMember), String(json.kind ?? "ensemble"));
  }
}
