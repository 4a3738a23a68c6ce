import type { LedgerContext } from "./context";
import type { Criterion, Measurement, Verdict } from "./verdict";

/** What a claim's compute function returns: the measurement the verdict is judged on, shown as `ours`, and why. */
export interface Outcome extends Measurement {
  /** Our number(s), as shown in the ledger. */
  readonly ours: string;
  /** One line: what was measured on which glasses, or, for a failure, the reason we believe. */
  readonly why: string;
}

/** One claim of the paper: where it is made, what it says, the paper's value, how it is judged and how we measure it. */
export interface Claim {
  /** Figure or section, e.g. "Fig. 3b", "Methods", "Supp. Table 8". */
  readonly where: string;
  readonly claim: string;
  /** The paper's value or statement. */
  readonly paper: string;
  readonly criterion: Criterion;
  /** Formats the criterion's numbers (default String). */
  readonly format?: (x: number) => string;
  readonly compute: (ctx: LedgerContext) => Promise<Outcome>;
}

/** A judged claim: a row of REPRODUCTION.md. */
export interface LedgerRow {
  /** 1-based, in ledger order. */
  readonly n: number;
  readonly where: string;
  readonly claim: string;
  readonly paper: string;
  readonly ours: string;
  /** The criterion in words. */
  readonly criterion: string;
  readonly verdict: Verdict;
  readonly why: string;
}

/** The outcome of a claim whose glasses are not generated yet. */
export function notGeneratedYet(what: string): Outcome {
  return {
    ours: "not generated yet",
    missing: what,
    why: `needs ${what}, not generated yet (data/README.md, data/manifest.json)`,
  };
}

export const f3 = (x: number): string => x.toFixed(3);
export const pct = (x: number, digits = 1): string => `${(100 * x).toFixed(digits)} %`;
export const signed = (x: number): string => `${x >= 0 ? "+" : ""}${x.toFixed(3)}`;

export function mean(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
}

export function median(v: ArrayLike<number>): number {
  const s = Float64Array.from(v).sort();
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Values of column `label` of a row-major feature matrix at the rows where `mask` is set (all rows without mask). */
export function columnValues(
  X: { n: number; labels: readonly string[]; values: Float64Array },
  label: string,
  mask?: Uint8Array,
): number[] {
  const k = X.labels.indexOf(label);
  if (k < 0) throw new Error(`ledger: no feature column ${label}`);
  const d = X.labels.length;
  const out: number[] = [];
  for (let i = 0; i < X.n; i++) if (!mask || mask[i]) out.push(X.values[i * d + k]);
  return out;
}
