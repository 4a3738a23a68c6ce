import type { DataFrame } from "danfojs-node";
import type { Frame } from "../io/frame";
import type { Column, Table } from "../table/csv";
import { makeTable } from "../table/csv";
import { tableToDataFrame } from "../table/dataframe";
import type { ContextOptions } from "./context";
import { StructureContext } from "./context";

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
  /**
   * Optional per-atom quality flags (length n): 0 = regular; a non-zero value marks a row computed from
   * degenerate geometry (bit meanings are documented by each featurizer, e.g. INTERSTICE_FLAGS).
   */
  readonly flags?: Uint8Array;
}

/**
 * A per-atom feature set computed on a whole frame (matminer's featurizer contract, freud's compute pattern):
 * parameters go to the constructor, the frame's shared geometry comes in through a StructureContext, and the
 * result is a FeatureMatrix whose columns are exactly `featureLabels()`, in that order, whatever the parameters.
 */
export interface Featurizer {
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

/** A zero-filled N x F matrix with the given labels. */
export function emptyFeatureMatrix(n: number, labels: string[]): FeatureMatrix {
  return { n, labels: labels.slice(), values: new Float64Array(n * labels.length) };
}

/** Column `label` of a matrix as a new Float64Array; throws naming the label when it is absent. */
export function featureColumn(m: FeatureMatrix, label: string): Float64Array {
  const k = m.labels.indexOf(label);
  if (k < 0) throw new Error(`no feature "${label}" (features: ${m.labels.join(", ")})`);
  const f = m.labels.length;
  const out = new Float64Array(m.n);
  for (let i = 0; i < m.n; i++) out[i] = m.values[i * f + k];
  return out;
}

/** Concatenates matrices column-wise (all with the same n; flags are OR-ed); duplicate labels are refused. */
export function concatFeatureMatrices(parts: readonly FeatureMatrix[]): FeatureMatrix {
  if (parts.length === 0) return { n: 0, labels: [], values: new Float64Array(0) };
  const n = parts[0].n;
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    if (p.n !== n) throw new Error(`cannot concatenate feature matrices of ${n} and ${p.n} rows`);
    for (const l of p.labels) {
      if (seen.has(l)) throw new Error(`duplicate feature column "${l}"`);
      seen.add(l);
      labels.push(l);
    }
  }
  const f = labels.length;
  const values = new Float64Array(n * f);
  let flags: Uint8Array | undefined;
  for (const p of parts) {
    if (!p.flags) continue;
    flags ??= new Uint8Array(n);
    for (let i = 0; i < n; i++) flags[i] |= p.flags[i];
  }
  let col = 0;
  for (const p of parts) {
    const pf = p.labels.length;
    for (let i = 0; i < n; i++) {
      const src = i * pf;
      const dst = i * f + col;
      for (let k = 0; k < pf; k++) values[dst + k] = p.values[src + k];
    }
    col += pf;
  }
  return flags ? { n, labels, values, flags } : { n, labels, values };
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
