import { AveragingClassifier } from "../averaging-classifier";
import type { AveragingJSON } from "../averaging-classifier";
import { toBinaryLabels, requireBothClasses } from "../binary-labels";
import type { BinaryClassifier, LabelInput } from "../classifier";
import { NotFittedError } from "../classifier";
import type { MatrixInput } from "../design-matrix";
import { takeRows, toDesignMatrix } from "../design-matrix";
import { Random } from "../random";
import { randomUndersample } from "./undersample";

/** Options of EasyEnsembleClassifier. */
export interface EasyEnsembleParams {
  /** Number of balanced subsets (one member model each); imbalanced-learn's default is 10. */
  nSubsets: number;
  /** Seed of the subset draws. */
  randomState: number;
}

/**
 * EasyEnsemble (Liu, Wu & Zhou, IEEE Trans. SMC B 39, 539, 2009): `nSubsets` independent random equal
 * undersamplings of the majority class, one clone of `base` fitted on each, probabilities averaged. Unlike
 * imbalanced-learn's EasyEnsembleClassifier (AdaBoost members), the member is any BinaryClassifier — here
 * normally the paper's GBDT. Saved as an AveragingClassifier (kind "easy-ensemble").
 */
export class EasyEnsembleClassifier implements BinaryClassifier {
  readonly params: EasyEnsembleParams;
  private ensemble: AveragingClassifier | null = null;

  constructor(
    readonly base: BinaryClassifier,
    params: Partial<EasyEnsembleParams> = {},
  ) {
    this.params = { nSubsets: 10, randomState: 0, ...params };
    const { nSubsets, randomState } = this.params;
    if (!Number.isInteger(nSubsets) || nSubsets < 1) throw new Error(`nSubsets=${nSubsets} must be an integer >= 1`);
    if (!Number.isSafeInteger(randomState) || randomState < 0)
      throw new Error(`randomState=${randomState} must be a non-negative integer`);
  }

  fit(X: MatrixInput, y: LabelInput): this {
    const m = toDesignMatrix(X);
    const labels = toBinaryLabels(y, m.nSamples);
    requireBothClasses(labels);
    const rng = new Random(this.params.randomState);
    const members: BinaryClassifier[] = [];
    for (let k = 0; k < this.params.nSubsets; k++) {
      const keep = randomUndersample(labels, rng);
      members.push(
        this.base.clone().fit(
          takeRows(m, keep),
          Uint8Array.from(keep, (i) => labels[i]),
        ),
      );
    }
    this.ensemble = new AveragingClassifier(members, "easy-ensemble");
    return this;
  }

  get members(): readonly BinaryClassifier[] {
    if (this.ensemble === null) throw new NotFittedError("EasyEnsembleClassifier");
    return this.ensemble.members;
  }

  predictProba(X: MatrixInput): Float64Array {
    if (this.ensemble === null) throw new NotFittedError("EasyEnsembleClassifier");
    return this.ensemble.predictProba(X);
  }

  featureImportances(): Float64Array {
    if (this.ensemble === null) throw new NotFittedError("EasyEnsembleClassifier");
    return this.ensemble.featureImportances();
  }

  clone(): EasyEnsembleClassifier {
    return new EasyEnsembleClassifier(this.base.clone(), { ...this.params });
  }

  toJSON(): AveragingJSON {
    if (this.ensemble === null) throw new NotFittedError("EasyEnsembleClassifier");
    return this.ensemble.toJSON();
  }
}
