import type { Frame } from "../structure/frame";
import { RowSpill } from "../table/row-spill";
import type { FeaturizeOptionNames } from "./compute-features";
import { computeFeaturesByDomains, type DomainFeaturizeOptions, type DomainReport } from "./domain-featurize";
import type { Citation } from "./featurizer";
import { FEATURE_CHUNK_ROWS, FeatureRowsWriter } from "./feature-rows-writer";

/** Options of writeFeaturesByDomains: those of computeFeaturesByDomains, whose rows it keeps itself. */
export interface DomainWriteOptions extends Omit<DomainFeaturizeOptions, "keepMatrix"> {
  /** Told the rows written to the table so far, of how many, after each chunk. */
  readonly onWritten?: (done: number, total: number) => void;
  /** Write the atoms' positions x, y, z (wrapped, as the frame stores them) right after id (default false). */
  readonly positions?: boolean;
}

/** What writeFeaturesByDomains wrote. */
export interface DomainWriteResult {
  /** Rows written (the frame's atoms). */
  readonly rows: number;
  /** Feature columns, after id, type (and x, y, z with `positions`). */
  readonly labels: readonly string[];
  readonly citations: Citation[];
  readonly report: DomainReport;
  /** Rows with at least one NaN feature. */
  readonly nanRows: number;
  /** Rows with a degeneracy flag (see FeatureMatrix.flags). */
  readonly flagged: number;
}

/**
 * Featurizes `frame` by spatial domains (computeFeaturesByDomains) and writes the table `file` (Parquet or CSV
 * by its extension: id, [x, y, z,] type, then the feature columns, like featureTable) without holding the N x F matrix:
 * each domain's rows go to a scratch file beside `file` as the domain is done, and are then read back in frame
 * order (the whole-frame featurize's row order, by id for a frame read sorted) and written in chunks of 131,072
 * rows. Memory: one domain's work plus about 200 MB of buffers; disk: 8 bytes per value in the scratch file,
 * removed at the end. The output appears only once complete (an error or a signal leaves neither it nor the
 * scratch file).
 */
export function writeFeaturesByDomains(
  frame: Frame,
  sets: readonly string[],
  file: string,
  options: DomainWriteOptions = {},
  names: FeaturizeOptionNames & { readonly domains?: string } = {},
): DomainWriteResult {
  // Made at the first domain, when the columns are known.
  const held: { spill: RowSpill | null } = { spill: null };
  let nanRows = 0;
  let flagged = 0;
  try {
    const res = computeFeaturesByDomains(
      frame,
      sets,
      {
        ...options,
        keepMatrix: false,
        onRows: (atoms, values, labels, flags) => {
          const f = labels.length;
          held.spill ??= new RowSpill(file, frame.natoms, f);
          held.spill.add(atoms, values);
          for (let r = 0; r < atoms.length; r++) {
            for (let k = 0; k < f; k++) {
              if (Number.isNaN(values[r * f + k])) {
                nanRows++;
                break;
              }
            }
            if (flags && flags[r] !== 0) flagged++;
          }
          options.onRows?.(atoms, values, labels, flags);
        },
      },
      names,
    );
    const labels = res.matrix.labels;
    const f = labels.length;
    const writer = new FeatureRowsWriter(file, frame, labels, options);
    try {
      for (const { start, values } of held.spill?.chunks(FEATURE_CHUNK_ROWS) ?? []) {
        writer.write(start, values);
        options.onWritten?.(start + values.length / f, frame.natoms);
      }
      writer.close();
    } catch (e) {
      writer.abort();
      throw e;
    }
    return { rows: frame.natoms, labels, citations: res.citations, report: res.report, nanRows, flagged };
  } finally {
    held.spill?.dispose();
  }
}
