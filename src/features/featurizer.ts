import type { DataFrame } from "danfojs-node";
import type { Frame } from "../structure/frame";
import type { Column, Table } from "../table/csv";
import { makeTable } from "../table/csv";
import { tableToDataFrame } from "../table/dataframe";
import type { FeatureMatrix } from "../table/feature-matrix";
import type { ContextFeaturizer, ContextOptions } from "./context";
import { StructureContext } from "./context";

/** A bibliographic source of a feature set, returned by `citations()`. */
export interface Citation {
  /** Short key, e.g. "WangJain2019". */
  readonly key: string;
  /** Human-readable reference. */
  readonly text: string;
  readonly doi?: string;
}

/**
 * A per-atom feature set computed on a whole frame (matminer's featurizer contract, freud's compute pattern):
 * parameters go to the constructor, the frame's shared geometry comes in through a StructureContext, and the
 * result is a FeatureMatrix whose columns are exactly `featureLabels()`, in that order, whatever the parameters.
 */
export interface Featurizer extends ContextFeaturizer {
  /** Short name of the set, e.g. "interstice". */
  readonly name: string;
  /**
   * Identifies the featurizer together with every parameter that changes its output: two featurizers with the
   * same key compute the same matrix, so StructureContext.features() computes it once per frame and shares it
   * (this is how MRO reuses the SRO matrix computed by the same `featurize` call).
   */
  readonly key: string;
  /** Column names, in output order (length F). */
  featureLabels(): string[];
  citations(): Citation[];
  /** Features of every atom of `ctx.frame`, rows in frame order (N x F). */
  compute(ctx: StructureContext): FeatureMatrix;
  /** Convenience: builds a context for `frame` and returns a danfojs DataFrame (columns id, type, then features). */
  featurize(frame: Frame, options?: ContextOptions): DataFrame;
}

/** Shared plumbing of featurizers: subclasses implement name, key, featureLabels, citations and compute. */
export abstract class BaseFeaturizer implements Featurizer {
  abstract readonly name: string;
  abstract readonly key: string;
  abstract featureLabels(): string[];
  abstract citations(): Citation[];
  abstract compute(ctx: StructureContext): FeatureMatrix;

  /** Features of `frame` (a fresh context with `options`), rows in frame order. */
  computeFrame(frame: Frame, options: ContextOptions = {}): FeatureMatrix {
    return new StructureContext(frame, options).features(this);
  }

  /** A Table with columns id, type, then the features, rows in frame order. */
  featurizeTable(frame: Frame, options: ContextOptions = {}): Table {
    return featureTable(frame, this.computeFrame(frame, options));
  }

  featurize(frame: Frame, options: ContextOptions = {}): DataFrame {
    return tableToDataFrame(this.featurizeTable(frame, options));
  }
}

/** A Table with columns id, type, then the columns of `m` (rows in frame order). */
export function featureTable(frame: Frame, m: FeatureMatrix): Table {
  if (m.n !== frame.natoms) throw new Error(`feature matrix has ${m.n} rows, frame has ${frame.natoms} atoms`);
  const f = m.labels.length;
  const cols: [string, Column][] = [
    ["id", frame.ids],
    ["type", frame.types],
  ];
  for (let k = 0; k < f; k++) {
    const c = new Float64Array(m.n);
    for (let i = 0; i < m.n; i++) c[i] = m.values[i * f + k];
    cols.push([m.labels[k], c]);
  }
  return makeTable(cols);
}
