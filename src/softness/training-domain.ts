import type { FeatureMatrix } from "../table/feature-matrix";

/**
 * The domain a model was trained on: its elements (with their roles, A the host/majority element first) and the
 * range of every feature over the training atoms. A glass outside it gets a model's extrapolation, not its
 * tested accuracy.
 */
export interface TrainingDomain {
  elements: string[];
  /** Role of each element in the features ("A" the first, host element; "B" the second). */
  roles: string[];
  /** Feature names, in the model's order, with their training minimum and maximum. */
  features: string[];
  min: number[];
  max: number[];
  /** Share of a glass's atoms with at least one feature outside [min, max] above which the glass is flagged. */
  outsideShareThreshold: number;
}

/** What `checkDomain` finds for one glass. */
export interface DomainCheck {
  /** The glass's elements that have no role in the training data. */
  readonly unknownElements: string[];
  /** Share of the atoms (with finite features) that have at least one feature outside the training range. */
  readonly outsideShare: number;
  /** The features most often outside the range, with the share of atoms outside (at most 5, largest first). */
  readonly outsideFeatures: { feature: string; share: number }[];
  /** False when an element is unknown or `outsideShare` exceeds the domain's threshold. */
  readonly inDomain: boolean;
  /** One sentence for the user when not in the domain, else null. */
  readonly message: string | null;
}

/** Default share of out-of-range atoms that flags a glass (5 %). */
export const OUTSIDE_SHARE_THRESHOLD = 0.05;

/** The training domain of rows `X` (features in the model's order) of glasses made of `elements`. */
export function trainingDomain(
  X: Pick<FeatureMatrix, "n" | "labels" | "values">,
  elements: readonly string[],
  outsideShareThreshold = OUTSIDE_SHARE_THRESHOLD,
): TrainingDomain {
  const d = X.labels.length;
  const min = new Array<number>(d).fill(Number.POSITIVE_INFINITY);
  const max = new Array<number>(d).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < X.n; i++) {
    for (let k = 0; k < d; k++) {
      const v = X.values[i * d + k];
      if (v < min[k]) min[k] = v;
      if (v > max[k]) max[k] = v;
    }
  }
  if (X.n === 0) throw new Error("trainingDomain: no training rows");
  return {
    elements: elements.slice(),
    roles: elements.map((_, k) => String.fromCharCode(65 + k)),
    features: X.labels.slice(),
    min,
    max,
    outsideShareThreshold,
  };
}

/**
 * Whether a glass lies in a model's training domain: every element has a training role, and at most
 * `outsideShareThreshold` of its atoms have a feature outside the training range. `X` holds the glass's rows
 * with finite features, columns in the domain's feature order.
 */
export function checkDomain(
  domain: TrainingDomain,
  elements: readonly string[],
  X: { values: ArrayLike<number>; nSamples: number },
): DomainCheck {
  const unknownElements = elements.filter((e) => !domain.elements.includes(e));
  const d = domain.features.length;
  const perFeature = new Int32Array(d);
  let outside = 0;
  for (let i = 0; i < X.nSamples; i++) {
    let any = false;
    for (let k = 0; k < d; k++) {
      const v = X.values[i * d + k];
      if (v < domain.min[k] || v > domain.max[k]) {
        perFeature[k]++;
        any = true;
      }
    }
    if (any) outside++;
  }
  const n = Math.max(1, X.nSamples);
  const outsideShare = outside / n;
  const outsideFeatures = Array.from(perFeature, (c, k) => ({ feature: domain.features[k], share: c / n }))
    .filter((f) => f.share > 0)
    .sort((a, b) => b.share - a.share)
    .slice(0, 5);
  const tooMany = outsideShare > domain.outsideShareThreshold;
  const inDomain = unknownElements.length === 0 && !tooMany;
  const parts: string[] = [];
  if (unknownElements.length > 0)
    parts.push(
      `element(s) ${unknownElements.join(", ")} had no role in training (trained on ${domain.elements.join(", ")})`,
    );
  if (tooMany)
    parts.push(
      `${(100 * outsideShare).toFixed(1)} % of the atoms have a feature outside the training range (threshold ${(100 * domain.outsideShareThreshold).toFixed(0)} %; most often ${outsideFeatures
        .slice(0, 3)
        .map((f) => `${f.feature} ${(100 * f.share).toFixed(1)} %`)
        .join(", ")})`,
    );
  return {
    unknownElements,
    outsideShare,
    outsideFeatures,
    inDomain,
    message: inDomain ? null : `the glass lies outside the model's training domain: ${parts.join("; ")}`,
  };
}
