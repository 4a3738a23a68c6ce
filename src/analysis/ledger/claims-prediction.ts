import { linearRegression } from "simple-statistics";
import { rocAucScore } from "../../ml/metrics/roc-auc";
import { Random } from "../../ml/random";
import { fractionPredictedByValue, logEdges } from "../softness-statistics";
import { f3, notGeneratedYet, pct, signed, type Claim } from "./claim";
import { FIGURE_4_CONDITIONS, MAIN_CONDITION, type LedgerContext } from "./context";

const main = (ctx: LedgerContext) => ctx.conditionModel(MAIN_CONDITION);
const mainMissing = notGeneratedYet(`two ${MAIN_CONDITION} glasses`);

/** Test AUC gain of a Supplementary Table 5 / 7 group over interstice + MRO on Cu65Zr35 (Figure 5's comparison run). */
async function augmentedGain(
  ctx: LedgerContext,
  group: string,
): Promise<{ gain: number; cvGain: number; features: number } | null> {
  const run = await ctx.featureSetComparison("Cu65Zr35");
  if (run === null) return null;
  const s = run.comparison.scores;
  const base = s.find((x) => x.name === "interstice+mro");
  const aug = s.find((x) => x.name === group);
  if (!base || !aug || base.testAuc === null || aug.testAuc === null)
    throw new Error(`ledger: no scores of ${group} on Cu65Zr35`);
  return { gain: aug.testAuc - base.testAuc, cvGain: aug.cvAuc - base.cvAuc, features: aug.nFeatures };
}

/** Methods and Figure 2: the data and the prediction of plastic atoms on the unseen glass. */
export const PREDICTION_CLAIMS: readonly Claim[] = [
  {
    where: "Methods",
    claim: "fraction of plastic atoms at 4 % strain (D2min > 5 A^2)",
    paper: "3.5 % to 6.0 %",
    criterion: { kind: "checks", what: "each condition's mean fraction within 3.5-6.0 %" },
    compute: async (ctx) => {
      const parts: string[] = [];
      const checks: boolean[] = [];
      for (const c of FIGURE_4_CONDITIONS) {
        const f = await ctx.plasticFractions(c);
        if (f.length === 0) continue;
        const m = f.reduce((a, b) => a + b, 0) / f.length;
        checks.push(m >= 0.035 && m <= 0.06);
        parts.push(`${c} ${pct(m)}`);
      }
      if (checks.length === 0) return notGeneratedYet("any glass");
      return {
        checks,
        ours: parts.join("; "),
        why: "our glasses are smaller and quenched and deformed much faster than the paper's (data/README.md), so more atoms pass 5 A^2",
      };
    },
  },
  {
    where: "Fig. 2, Results",
    claim: "test AUC-ROC of the interstice model on the unseen Cu65Zr35 glass",
    paper: "0.771",
    criterion: { kind: "tolerance", paper: 0.771, tolerance: 0.02, partly: 0.05 },
    format: f3,
    compute: async (ctx) => {
      const m = await main(ctx);
      if (!m) return mainMissing;
      return {
        value: m.auc,
        ours: f3(m.auc),
        why: `${m.setup}; notebooks/07-what-limits-auc measures what the gap costs`,
      };
    },
  },
  {
    where: "Fig. 2, Results",
    claim: "recall (QS > 0.5) on the unseen glass",
    paper: "74.2 %",
    criterion: { kind: "tolerance", paper: 0.742, tolerance: 0.03, partly: 0.08 },
    format: pct,
    compute: async (ctx) => {
      const m = await main(ctx);
      if (!m) return mainMissing;
      return { value: m.recall, ours: pct(m.recall), why: "follows the lower AUC" };
    },
  },
  {
    where: "Results",
    claim: "baselines: random ~0.50, most-frequent and minority predictors exactly 0.50",
    paper: "~0.50 / 0.50 / 0.50",
    criterion: { kind: "checks", what: "|random - 0.5| < 0.03, both constant predictors = 0.5" },
    compute: async (ctx) => {
      const m = await main(ctx);
      if (!m) return mainMissing;
      const y = m.data.test.y;
      const rng = new Random(0);
      const r = rocAucScore(
        y,
        Float64Array.from(y, () => rng.nextFloat()),
      );
      const mf = rocAucScore(y, new Float64Array(y.length));
      const mi = rocAucScore(y, new Float64Array(y.length).fill(1));
      return {
        checks: [Math.abs(r - 0.5) < 0.03, mf === 0.5, mi === 0.5],
        ours: `${f3(r)} / ${f3(mf)} / ${f3(mi)}`,
        why: "constant predictors tie every atom",
      };
    },
  },
  {
    where: "Fig. 2b",
    claim: "the fraction of atoms predicted plastic (QS > 0.5) rises with their D2min",
    paper: "increases",
    criterion: {
      kind: "checks",
      what: "slope of the fraction against log D2min > 0, and the top D2min bin above the bottom one",
    },
    compute: async (ctx) => {
      const m = await main(ctx);
      if (!m) return mainMissing;
      const d = m.data.test.d2min;
      const lo = Math.max(1e-3, Math.min(...Array.from(d).filter((x) => x > 0)));
      const hi = Math.max(...d);
      const b = fractionPredictedByValue(d, m.qs, logEdges(lo, hi * (1 + 1e-12), 12));
      const pts: [number, number][] = [];
      b.centers.forEach((c, k) => {
        if (b.counts[k] >= 20) pts.push([Math.log10(c), b.fraction[k]]);
      });
      const slope = linearRegression(pts).m;
      const first = pts[0][1];
      const last = pts[pts.length - 1][1];
      return {
        checks: [slope > 0, last > first],
        ours: `${pct(first, 0)} at the lowest D2min bin -> ${pct(last, 0)} at the highest; slope ${f3(slope)} per decade`,
        why: "12 log-spaced D2min bins, those with >= 20 atoms",
      };
    },
  },
  {
    where: "Supp. Table 3, Results",
    claim: "test AUC with the 166 symmetry functions, same glasses and protocol",
    paper: "0.751",
    criterion: { kind: "tolerance", paper: 0.751, tolerance: 0.02, partly: 0.05 },
    format: f3,
    compute: async (ctx) => {
      const m = await ctx.conditionModel(MAIN_CONDITION, "symmetry");
      if (!m) return mainMissing;
      return { value: m.auc, ours: f3(m.auc), why: m.setup };
    },
  },
  {
    where: "Results",
    claim: "symmetry functions: slightly lower than the interstice features, but comparable (Cu65Zr35)",
    paper: "0.751 vs 0.771",
    criterion: { kind: "checks", what: "symmetry functions below interstice, by at most 0.03" },
    compute: async (ctx) => {
      const a = await main(ctx);
      const s = await ctx.conditionModel(MAIN_CONDITION, "symmetry");
      if (!a || !s) return mainMissing;
      const d = a.auc - s.auc;
      return {
        checks: [d > 0, d <= 0.03],
        ours: `${f3(s.auc)} vs ${f3(a.auc)} (${signed(-d)})`,
        why: "unseen-glass AUCs of the two models",
      };
    },
  },
  {
    where: "Supp. Table 5, Results",
    claim: "adding the 49 literature SRO features to the interstice model does not raise the AUC",
    paper: "no increase",
    criterion: { kind: "atMost", bound: 0.005, partly: 0.015 },
    format: signed,
    compute: async (ctx) => {
      const g = await augmentedGain(ctx, "interstice+mro+literature");
      if (!g) return notGeneratedYet("three Cu65Zr35@1e13 glasses");
      return {
        value: g.gain,
        ours: `test ${signed(g.gain)} (CV ${signed(g.cvGain)})`,
        why: `${g.features} features; Cu65Zr35@1e13, same rows and folds (Figure 5 run)`,
      };
    },
  },
  {
    where: "Supp. Table 7, Results",
    claim: "adding also their MRO versions raises the AUC only negligibly",
    paper: "~ +0.002",
    criterion: { kind: "tolerance", paper: 0.002, tolerance: 0.005, partly: 0.015 },
    format: signed,
    compute: async (ctx) => {
      const g = await augmentedGain(ctx, "interstice+mro+literature+mro");
      if (!g) return notGeneratedYet("three Cu65Zr35@1e13 glasses");
      return {
        value: g.gain,
        ours: `test ${signed(g.gain)} (CV ${signed(g.cvGain)})`,
        why: `${g.features} features; the shuffled CV gains more than the unseen glass (neighbors leak across folds, notebook 04)`,
      };
    },
  },
  {
    where: "Results, Supp. Table 2",
    claim: "recursive feature elimination reduces the 80 features to 15 without loss",
    paper: "15 features",
    criterion: { kind: "untestable", what: "the ledger does not run RFE" },
    compute: async () => ({
      ours: "not run",
      why: "RFE exists (src/ml/selection/recursive-feature-elimination.ts) but takes ~80 refits; the shipped model and every row here use all 80 features",
    }),
  },
];
