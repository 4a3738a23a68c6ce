/*
 * Verdicts of the reproduction ledger (REPRODUCTION.md, issue 12) and the criteria that decide them. A claim
 * declares its criterion; the verdict is computed from the numbers it measured, never typed by hand.
 */

/** A ledger row's verdict, decided by `judge` from the row's criterion and measurement. */
export type Verdict = "reproduced" | "partly" | "not reproduced" | "not testable here";

/** The four verdicts, in the order the ledger counts them. */
export const VERDICTS: readonly Verdict[] = Object.freeze([
  "reproduced",
  "partly",
  "not reproduced",
  "not testable here",
]);

/**
 * How a claim is judged (the rules of the ledger, written at the top of REPRODUCTION.md as VERDICT_RULES).
 * - "tolerance": one number against the paper's, |ours - paper| <= tolerance -> reproduced, <= partly -> partly;
 * - "range": one number against the paper's interval [lo, hi], inside -> reproduced, within `partly` of it -> partly;
 * - "atMost" / "atLeast": one number on the right side of the paper's bound -> reproduced, within `partly` of it -> partly;
 * - "checks": a list of yes/no statements (an ordering that holds, a trend with the same sign, one per system...):
 *   all hold -> reproduced, some -> partly, none -> not reproduced;
 * - "untestable": the paper's setting has no counterpart in our data (reason in the row).
 * A claim whose data are not generated yet is "not testable here", whatever its criterion.
 */
export type Criterion =
  | { readonly kind: "tolerance"; readonly paper: number; readonly tolerance: number; readonly partly: number }
  | { readonly kind: "range"; readonly lo: number; readonly hi: number; readonly partly: number }
  | { readonly kind: "atMost"; readonly bound: number; readonly partly: number }
  | { readonly kind: "atLeast"; readonly bound: number; readonly partly: number }
  | { readonly kind: "checks"; readonly what: string }
  | { readonly kind: "untestable"; readonly what: string };

/** What a claim's compute function measured: a number, a list of yes/no checks, or the data it still lacks. */
export interface Measurement {
  readonly value?: number;
  readonly checks?: readonly boolean[];
  /** Set when the data are not generated yet (e.g. "Cu65Zr35@5e12 glasses"). */
  readonly missing?: string;
}

/** The verdict of a measurement under a criterion (rules in `Criterion`). */
export function judge(criterion: Criterion, m: Measurement): Verdict {
  if (m.missing !== undefined || criterion.kind === "untestable") return "not testable here";
  if (criterion.kind === "checks") {
    const c = m.checks ?? [];
    if (c.length === 0) throw new Error(`judge: a "checks" criterion (${criterion.what}) got no checks`);
    const n = c.filter(Boolean).length;
    return n === c.length ? "reproduced" : n > 0 ? "partly" : "not reproduced";
  }
  const v = m.value;
  // Infinity is a legal measurement ("never happened within the series"): it is as far as can be from any bound.
  if (v === undefined || Number.isNaN(v)) throw new Error(`judge: a "${criterion.kind}" criterion got no value (${v})`);
  let distance: number;
  let partly: number;
  if (criterion.kind === "tolerance") {
    // Distances beyond the tolerance: "partly" allows |ours - paper| up to criterion.partly.
    distance = Math.max(0, Math.abs(v - criterion.paper) - criterion.tolerance);
    partly = criterion.partly - criterion.tolerance;
  } else if (criterion.kind === "range") {
    distance = v < criterion.lo ? criterion.lo - v : v > criterion.hi ? v - criterion.hi : 0;
    partly = criterion.partly;
  } else if (criterion.kind === "atMost") {
    distance = Math.max(0, v - criterion.bound);
    partly = criterion.partly;
  } else {
    distance = Math.max(0, criterion.bound - v);
    partly = criterion.partly;
  }
  // A relative slack of 1e-12 keeps a value printed equal to the bound (0.791 vs 0.771 +- 0.02) on the bound's side.
  const slack = Number.isFinite(v) ? 1e-12 * Math.max(1, Math.abs(v)) : 0;
  if (distance <= slack) return "reproduced";
  return distance <= partly + slack ? "partly" : "not reproduced";
}

/** The criterion in a few words, for the ledger's "criterion" column. */
export function describeCriterion(c: Criterion, format: (x: number) => string = (x) => String(x)): string {
  switch (c.kind) {
    case "tolerance":
      return `within ${format(c.tolerance)} of ${format(c.paper)} (partly: ${format(c.partly)})`;
    case "range":
      return `in [${format(c.lo)}, ${format(c.hi)}] (partly: within ${format(c.partly)})`;
    case "atMost":
      return `<= ${format(c.bound)} (partly: within ${format(c.partly)})`;
    case "atLeast":
      return `>= ${format(c.bound)} (partly: within ${format(c.partly)})`;
    case "checks":
      return `holds: ${c.what}`;
    case "untestable":
      return `not testable: ${c.what}`;
  }
}

/** The rules above as the Markdown list written at the top of REPRODUCTION.md. */
export const VERDICT_RULES: readonly string[] = Object.freeze([
  "Each row's verdict is computed by `judge` (src/analysis/ledger/verdict.ts) from the number(s) measured in this run and the row's criterion:",
  "",
  '- **a number with a tolerance** ("within t of p (partly: u)"): |ours - paper| <= t is *reproduced*, <= u *partly*, else *not reproduced*;',
  '- **a number in a range** ("in [lo, hi]") or **beyond a bound** ("<= b", ">= b"): inside is *reproduced*, within the stated distance outside *partly*, else *not reproduced*;',
  '- **statements that hold or not** ("holds: ...": an ordering, a trend with the paper\'s sign, one check per system or scenario): all hold is *reproduced*, some *partly*, none *not reproduced*;',
  "- **not testable here**: the paper's setting has no counterpart in our data, or the glasses a row needs are not generated yet (the row says which).",
  "",
  'Tolerances are set per claim from what the paper\'s wording allows ("~", "<", "roughly") and from the scatter of our own numbers between glasses (a test glass of 4,000-8,000 atoms moves an AUC by a few hundredths).',
]);
