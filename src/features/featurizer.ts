import type { DataFrame } from "danfojs-node";
import type { Frame } from "../structure/frame";
import type { Column, Table } from "../table/csv";
import { makeTable } from "../table/csv";
import { tableToDataFrame } from "../table/dataframe";
import { copyRowsToColumns, type FeatureMatrix } from "../table/feature-matrix";
import type { ContextFeaturizer, ContextOptions } from "./context";
import { StructureContext } from "./context";
import { positionColumns } from "./position-columns";

/** A bibliographic source of a feature set, returned by `citations()`. */
export interface Citation {
  /** Short key, e.g. "WangJain2019". */
  readonly key: string;
  /** Human-readable reference. */
  readonly text: string;
  readonly doi?: string;
}

/**
 * What the reach of a feature set is measured in: the longest Voronoi neighbor bond (faces before filtering)
 * and the context's cutoff radius, both in Angstrom.
 */
export interface ReachScale {
  readonly voronoi: number;
  readonly cutoff: number;
}

/**
 * How far the row of one atom looks (Angstrom), so that a frame can be featurized by spatial domains with halos
 * (domain-featurize.ts): the row of atom i reads the neighbor lists (and rows) of atoms within `rows` of i, and
 * no list it reads holds a bond longer than `bond`. A short-range set reads its own lists only (rows 0); an MRO
 * set adds its neighbors' reach to its base set's.
 */
export interface FeatureReach {
  readonly rows: number;
  readonly bond: number;
}

/** The reach of a short-range set reading its own lists only: rows 0, bonds up to the longest of `bonds`. */
export function ownReach(...bonds: number[]): FeatureReach {
  return { rows: 0, bond: Math.max(...bonds) };
}

/** The reach of a set that reads the rows of `base` over neighbors up to `hop` away (MRO, coarse-graining). */
export function shellReach(hop: number, base: FeatureReach | undefined): FeatureReach | undefined {
  return base === undefined ? undefined : { rows: hop + base.rows, bond: Math.max(hop, base.bond) };
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
  /** How far a row looks; a set without it (or returning undefined) cannot be computed by spatial domains. */
  reach?(scale: ReachScale): FeatureReach | undefined;
  /**
   * Starts the part of `compute(ctx)` that can run on worker threads while the other sets are computed on the
   * calling thread (computeResolvedFeatures calls it on every set first); `compute(ctx)` then finishes it. The
   * handle stops that work when the call fails before `compute` (a no-op afterwards).
   */
  start?(ctx: StructureContext): BackgroundWork | null;
}

/** Work started by Featurizer.start. */
export interface BackgroundWork {
  /** Stops the work's threads if `compute` has not finished it (idempotent). */
  cancel(): void;
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

/**
 * A Table with columns id, type, then the columns of `m` (rows in frame order); with `positions`, the atoms'
 * positions x, y, z (wrapped into the cell, as the frame stores them) right after id.
 */
export function featureTable(frame: Frame, m: FeatureMatrix, options: { positions?: boolean } = {}): Table {
  if (m.n !== frame.natoms) throw new Error(`feature matrix has ${m.n} rows, frame has ${frame.natoms} atoms`);
  const f = m.labels.length;
  const cols: [string, Column][] = [
    ["id", frame.ids],
    ...(options.positions ? positionColumns(frame, 0, frame.natoms) : []),
    ["type", frame.types],
  ];
  const out = m.labels.map(() => new Float64Array(m.n));
  copyRowsToColumns(m.values, f, 0, m.n, out);
  for (let k = 0; k < f; k++) cols.push([m.labels[k], out[k]]);
  return makeTable(cols);
}
