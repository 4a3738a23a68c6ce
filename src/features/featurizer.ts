/** A bibliographic source of a feature set, returned by `citations()`. */
export interface Citation {
  /** Short key, e.g. "WangJain2019". */
  readonly key: string;
  /** Human-readable reference. */
  readonly text: string;
  readonly doi?: string;
}

/** Per-atom features as a row-major matrix: values[i * labels.length + k] is feature labels[k] of atom i. */
export interface FeatureMatrix {
  readonly n: number;
  readonly labels: string[];
  readonly values: Float64Array;
}
