import type { Claim, LedgerRow } from "./ledger/claim";
import { FEATURE_SET_CLAIMS } from "./ledger/claims-feature-sets";
import { GENERALIZATION_CLAIMS } from "./ledger/claims-generalization";
import { PREDICTION_CLAIMS } from "./ledger/claims-prediction";
import { SOFTNESS_CLAIMS } from "./ledger/claims-softness";
import { STRUCTURE_CLAIMS } from "./ledger/claims-structure";
import { LedgerContext, type LedgerOptions } from "./ledger/context";
import { describeCriterion, judge, VERDICT_RULES, VERDICTS, type Verdict } from "./ledger/verdict";

export type { Claim, LedgerRow, Outcome } from "./ledger/claim";
export { bccInterstices } from "./ledger/claims-structure";
export { FIGURE_4_REFERENCES } from "./ledger/claims-generalization";
export { qsCrossover } from "./ledger/claims-softness";
export {
  FIGURE_4_CONDITIONS,
  FIGURE_5_SYSTEMS,
  LedgerContext,
  MAIN_CONDITION,
  type LedgerOptions,
  type Representation,
} from "./ledger/context";
export {
  describeCriterion,
  judge,
  VERDICT_RULES,
  VERDICTS,
  type Criterion,
  type Measurement,
  type Verdict,
} from "./ledger/verdict";

/**
 * The reproduction ledger (REPRODUCTION.md): every quantitative or qualitative claim of Wang & Jain 2019's Results,
 * figure captions and Methods (and the Supplementary Tables the text quotes), in the paper's order, each a
 * declarative entry (where, claim, paper's value, criterion, compute function; src/analysis/ledger/).
 */
export const PAPER_CLAIMS: readonly Claim[] = Object.freeze([
  ...STRUCTURE_CLAIMS,
  ...PREDICTION_CLAIMS,
  ...SOFTNESS_CLAIMS,
  ...GENERALIZATION_CLAIMS,
  ...FEATURE_SET_CLAIMS,
]);

/** Options of `reproduceClaims`: the data folder, a progress log, which figures, and computations to share. */
export interface ReproduceOptions extends LedgerOptions {
  /**
   * Only the claims made in these figures or sections, e.g. ["Fig. 4", "Supp. Table 8"]: a claim is kept when one of
   * the comma-separated parts of its `where` starts with one of them. All claims by default.
   */
  readonly where?: readonly string[];
  /** Computations to share with other calls (default: a new context on `dataDir`). */
  readonly context?: LedgerContext;
}

/** Whether a claim's `where` ("Fig. 4, Supp. Table 9") is one of the asked figures or sections. */
function madeIn(claim: Claim, where: readonly string[] | undefined): boolean {
  if (where === undefined) return true;
  const parts = claim.where.split(",").map((s) => s.trim());
  return parts.some((p) => where.some((w) => p.startsWith(w)));
}

/**
 * Computes the claims from the shipped data (data/manifest.json) and judges each by its criterion: the rows of
 * REPRODUCTION.md, numbered in ledger order (a filtered call keeps the full ledger's numbers). Claims whose glasses
 * are not generated yet are "not testable here" and say what they need.
 */
export async function reproduceClaims(options: ReproduceOptions = {}): Promise<LedgerRow[]> {
  const ctx = options.context ?? new LedgerContext(options);
  const rows: LedgerRow[] = [];
  for (let k = 0; k < PAPER_CLAIMS.length; k++) {
    const c = PAPER_CLAIMS[k];
    if (!madeIn(c, options.where)) continue;
    const o = await c.compute(ctx);
    rows.push({
      n: k + 1,
      where: c.where,
      claim: c.claim,
      paper: c.paper,
      ours: o.ours,
      criterion: describeCriterion(c.criterion, c.format),
      verdict: judge(c.criterion, o),
      why: o.why,
    });
  }
  return rows;
}

/** Number of rows per verdict, in VERDICTS order. */
export function verdictCounts(rows: readonly LedgerRow[]): Record<Verdict, number> {
  const out = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of rows) out[r.verdict]++;
  return out;
}

/** The rows as a Markdown table. */
export function claimsMarkdown(rows: readonly LedgerRow[]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    "| # | where | claim | paper | qsoft | criterion | verdict | why |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.n} | ${esc(r.where)} | ${esc(r.claim)} | ${esc(r.paper)} | ${esc(r.ours)} | ${esc(r.criterion)} | **${r.verdict}** | ${esc(r.why)} |`,
    ),
  ].join("\n");
}

/** The rules that decide the verdicts, and the verdict counts, as the head of REPRODUCTION.md. */
export function ledgerPreamble(rows: readonly LedgerRow[]): string {
  const n = verdictCounts(rows);
  return [...VERDICT_RULES, "", `**${rows.length} claims: ${VERDICTS.map((v) => `${n[v]} ${v}`).join(", ")}.**`].join(
    "\n",
  );
}
