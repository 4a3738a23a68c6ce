import { summarizeScenarios, withReference, type TransferPair, type TransferReference } from "../generalization";
import { f3, mean, notGeneratedYet, type Claim, type Outcome } from "./claim";
import type { LedgerContext, Representation } from "./context";

/**
 * Figure 4's two references (src/analysis/generalization.ts, TransferReference):
 * - the paper's: "the AUC of a model trained specifically on a target glass" = the CV AUC of the protocol trained
 *   on the target's unseen glass itself ("fitted"); scenario i (same condition, unseen glass) is a test like the others;
 * - ours: the target condition's own model on the target's unseen glass ("test"); scenario i is 0 by construction.
 */
export const FIGURE_4_REFERENCES: readonly { reference: TransferReference; label: string }[] = Object.freeze([
  { reference: "fitted", label: "paper's reference: a model fitted on the target glass (CV AUC)" },
  { reference: "test", label: "our reference: the target's own model on its unseen glass" },
]);

const SHORT: Record<TransferReference, string> = {
  fitted: "paper's reference",
  test: "our reference",
  cv: "CV reference",
};

/** The transfer pairs of a representation under a reference. */
async function pairsOf(ctx: LedgerContext, rep: Representation, reference: TransferReference): Promise<TransferPair[]> {
  const t = await ctx.transferStudy(rep);
  return reference === "test" ? t.pairs : withReference(t.pairs, t.fitted, reference);
}

const scenarioMean = (pairs: readonly TransferPair[], s: number): number | null => {
  const x = summarizeScenarios(pairs).find((v) => v.scenario === s);
  return x ? x.meanDrop : null;
};

const toSystem = (pairs: readonly TransferPair[], prefix: string): number | null => {
  const d = pairs.filter((p) => p.scenario === 5 && p.target.startsWith(prefix)).map((p) => p.drop);
  return d.length ? mean(d) : null;
};

const ROMAN = ["", "i", "ii", "iii", "iv", "v"];
const missingCuZr = notGeneratedYet("the 9 Cu-Zr conditions");
const missingOthers = notGeneratedYet("Ni62Nb38, Al90Sm10 and Fe80P20 glasses");

function withinCuZr(reference: TransferReference): Claim {
  const scenarios = reference === "test" ? [2, 3, 4] : [1, 2, 3, 4];
  return {
    where: "Fig. 4, Supp. Table 9",
    claim: `interstice models within Cu-Zr lose < 0.015 AUC in scenarios ${ROMAN[scenarios[0]]}-${ROMAN[scenarios[scenarios.length - 1]]} (${SHORT[reference]})`,
    paper: "< 0.015",
    criterion: { kind: "checks", what: "mean drop < 0.015 in each scenario" },
    compute: async (ctx) => {
      const p = await pairsOf(ctx, "interstice", reference);
      const m = scenarios.map((s) => scenarioMean(p, s));
      if (m.some((x) => x === null)) return missingCuZr;
      const t = await ctx.transferStudy("interstice");
      const cuZr = t.fitted.filter((f) => f.system === "Cu-Zr" && f.testAuc !== null);
      const optimism = mean(cuZr.map((f) => f.fittedAuc - (f.testAuc as number)));
      return {
        checks: m.map((x) => (x as number) < 0.015),
        ours: scenarios.map((s, k) => `${ROMAN[s]}) ${f3(m[k] as number)}`).join("; "),
        why:
          reference === "fitted"
            ? `every drop carries the fitted score's CV optimism (fitted - own unseen-glass AUC: ${f3(optimism)} on average): MRO features and D2min are smooth in space, so shuffled folds leak (notebook 04)`
            : "same atoms for every score of a target: the drop compares models only; scenario i is 0 by construction",
      };
    },
  };
}

function sfSubstantial(reference: TransferReference): Claim {
  return {
    where: "Fig. 4, Results",
    claim: `symmetry-function models lose substantially more than interstice models across compositions (iii, iv) (${SHORT[reference]})`,
    paper: "substantial for iii-iv",
    criterion: {
      kind: "checks",
      what: "symmetry-function mean drop exceeds the interstice one by >= 0.01 in iii and in iv",
    },
    compute: async (ctx) => {
      const sf = await pairsOf(ctx, "symmetry", reference);
      const it = await pairsOf(ctx, "interstice", reference);
      const d = [3, 4].map((s) => [scenarioMean(sf, s), scenarioMean(it, s)]);
      if (d.some(([a, b]) => a === null || b === null)) return missingCuZr;
      return {
        checks: d.map(([a, b]) => (a as number) - (b as number) >= 0.01),
        ours: d.map(([a, b], k) => `${ROMAN[k + 3]}) ${f3(a as number)} vs ${f3(b as number)}`).join("; "),
        why: "mean drops, symmetry functions vs interstice",
      };
    },
  };
}

function toOtherSystems(reference: TransferReference): Claim {
  return {
    where: "Fig. 4, Results",
    claim: `Cu-Zr interstice models transfer to Ni-Nb and Al-Sm with minor loss, to Fe-P with 0.07-0.10 (${SHORT[reference]})`,
    paper: "minor; minor; 0.07-0.10",
    criterion: { kind: "checks", what: "mean drop to Ni62Nb38 and to Al90Sm10 < 0.03; to Fe80P20 within 0.06-0.11" },
    compute: async (ctx) => {
      const p = await pairsOf(ctx, "interstice", reference);
      const [ni, al, fe] = ["Ni62Nb38", "Al90Sm10", "Fe80P20"].map((s) => toSystem(p, s));
      if (ni === null || al === null || fe === null) return missingOthers;
      return {
        checks: [ni < 0.03, al < 0.03, fe >= 0.06 && fe <= 0.11],
        ours: `Ni-Nb ${f3(ni)}; Al-Sm ${f3(al)}; Fe-P ${f3(fe)}`,
        why:
          "mean over the 9 Cu-Zr models; host atoms of the unseen glass" +
          (reference === "fitted" ? "; the fitted reference adds each target's CV optimism" : ""),
      };
    },
  };
}

function sfWorseExceptNiNb(reference: TransferReference): Claim {
  return {
    where: "Fig. 4, Results",
    claim: `symmetry-function models transfer worse than interstice models to other systems, except Ni-Nb (${SHORT[reference]})`,
    paper: "worse for Al-Sm, Fe-P",
    criterion: {
      kind: "checks",
      what: "symmetry-function mean drop above the interstice one for Al90Sm10 and Fe80P20",
    },
    compute: async (ctx) => {
      const sf = await pairsOf(ctx, "symmetry", reference);
      const it = await pairsOf(ctx, "interstice", reference);
      const d = ["Al90Sm10", "Fe80P20"].map((s) => [toSystem(sf, s), toSystem(it, s)]);
      if (d.some(([a, b]) => a === null || b === null)) return missingOthers;
      return {
        checks: d.map(([a, b]) => (a as number) > (b as number)),
        ours: `Al-Sm ${f3(d[0][0] as number)} vs ${f3(d[0][1] as number)}; Fe-P ${f3(d[1][0] as number)} vs ${f3(d[1][1] as number)}`,
        why: "mean drops, symmetry functions vs interstice",
      };
    },
  };
}

/** Mean drop of a scenario or a target system, for the own-score rows below. */
async function ownScores(ctx: LedgerContext, rep: Representation): Promise<Map<string, number>> {
  const t = await ctx.transferStudy(rep);
  return new Map(t.fitted.map((f) => [f.condition, f.testAuc ?? f.blockCvAuc ?? f.fittedAuc]));
}

/** Figure 4 and Supplementary Table 8: generalization across quench rates, compositions and systems. */
export const GENERALIZATION_CLAIMS: readonly Claim[] = [
  {
    where: "Fig. 4, Results",
    claim: "tests per scenario: 9, 18, 18, 36 within the 9 Cu-Zr glasses, 27 to the 3 other systems",
    paper: "9 / 18 / 18 / 36 / 27",
    criterion: { kind: "checks", what: "the same number of tests in each scenario" },
    compute: async (ctx) => {
      const p = await pairsOf(ctx, "interstice", "fitted");
      const n = [1, 2, 3, 4, 5].map((s) => p.filter((x) => x.scenario === s).length);
      const want = [9, 18, 18, 36, 27];
      return {
        checks: n.map((x, k) => x === want[k]),
        ours: n.join(" / "),
        why: "Cu-Zr at 1e13, 1e14, 1e15 K/s stand for the paper's 5e10, 5e11, 5e12",
      };
    },
  },
  withinCuZr("fitted"),
  withinCuZr("test"),
  {
    where: "Fig. 4, Results",
    claim:
      "interstice models: transfers across compositions (iii, iv) slightly worse than across rates (i, ii) (paper's reference)",
    paper: "iii-iv slightly worse",
    criterion: { kind: "checks", what: "mean drop of iii and iv above that of i and ii" },
    compute: async (ctx) => {
      const p = await pairsOf(ctx, "interstice", "fitted");
      const d = p.filter((x) => x.scenario <= 4);
      if (d.length === 0) return missingCuZr;
      const a = mean(d.filter((x) => x.scenario >= 3).map((x) => x.drop));
      const b = mean(d.filter((x) => x.scenario <= 2).map((x) => x.drop));
      return {
        checks: [a > b],
        ours: `${f3(a)} vs ${f3(b)}`,
        why: "mean drops over the pairs of each pair of scenarios",
      };
    },
  },
  {
    where: "Fig. 4, Results",
    claim:
      "symmetry-function models lose little in scenarios i and ii, comparable to the interstice models (paper's reference)",
    paper: "minor",
    criterion: { kind: "checks", what: "symmetry-function mean drop < 0.03 in i and in ii" },
    compute: async (ctx) => {
      const p = await pairsOf(ctx, "symmetry", "fitted");
      const m = [1, 2].map((s) => scenarioMean(p, s));
      if (m.some((x) => x === null)) return missingCuZr;
      return {
        checks: m.map((x) => (x as number) < 0.03),
        ours: `i) ${f3(m[0] as number)}; ii) ${f3(m[1] as number)}`,
        why: "symmetry functions carry almost no CV optimism (radial densities do not average over neighbors)",
      };
    },
  },
  sfSubstantial("fitted"),
  sfSubstantial("test"),
  toOtherSystems("fitted"),
  toOtherSystems("test"),
  sfWorseExceptNiNb("fitted"),
  sfWorseExceptNiNb("test"),
  {
    where: "Fig. 4, Results",
    claim: "the Ni-Nb exception: symmetry-function models transfer to Ni-Nb better than to Al-Sm and Fe-P",
    paper: "Ni-Nb exception",
    criterion: {
      kind: "checks",
      what: "symmetry-function mean drop to Ni62Nb38 below those to Al90Sm10 and to Fe80P20 (our reference)",
    },
    compute: async (ctx) => {
      const p = await pairsOf(ctx, "symmetry", "test");
      const [ni, al, fe] = ["Ni62Nb38", "Al90Sm10", "Fe80P20"].map((s) => toSystem(p, s));
      if (ni === null || al === null || fe === null) return missingOthers;
      return {
        checks: [ni < al, ni < fe],
        ours: `Ni-Nb ${f3(ni)}; Al-Sm ${f3(al)}; Fe-P ${f3(fe)}`,
        why: "Ni and Cu atoms are close in size, so radial densities on Cu's length scale carry over",
      };
    },
  },
  {
    where: "Fig. 4, Results",
    claim: "symmetry-function models degrade even more across systems (v) than across compositions (iii, iv)",
    paper: "v worse than iii-iv",
    criterion: { kind: "checks", what: "symmetry-function mean drop of v above those of iii and iv (our reference)" },
    compute: async (ctx) => {
      const p = await pairsOf(ctx, "symmetry", "test");
      const m = [3, 4, 5].map((s) => scenarioMean(p, s));
      if (m.some((x) => x === null)) return missingOthers;
      const [iii, iv, v] = m as number[];
      return { checks: [v > iii, v > iv], ours: `v) ${f3(v)} vs iii) ${f3(iii)}, iv) ${f3(iv)}`, why: "mean drops" };
    },
  },
  {
    where: "Supp. Table 8, Results",
    claim: "interstice models trained directly on Ni62Nb38, Al90Sm10, Fe80P20 reach AUC 0.737-0.775",
    paper: "0.737-0.775",
    criterion: { kind: "checks", what: "each system's own unseen-glass AUC within 0.737-0.775" },
    compute: async (ctx): Promise<Outcome> => {
      const own = await ownScores(ctx, "interstice");
      const v = ["Ni62Nb38@1e13", "Al90Sm10@1e13", "Fe80P20@1e13"]
        .filter((c) => own.has(c))
        .map((c) => [c, own.get(c) as number] as const);
      if (v.length === 0) return missingOthers;
      return {
        checks: v.map(([, a]) => a >= 0.737 && a <= 0.775),
        ours: v.map(([c, a]) => `${c.split("@")[0]} ${f3(a)}`).join("; "),
        why: "host atoms of the unseen glass; see Fig. 2's AUC: smaller, faster-quenched glasses (notebooks/07-what-limits-auc)",
      };
    },
  },
  {
    where: "Results, Supp. Tables 3 and 8",
    claim: "symmetry functions trained directly on a glass score ~0.01-0.02 below the interstice features",
    paper: "0.01-0.02 lower",
    criterion: {
      kind: "checks",
      what: "symmetry-function own AUC below the interstice one, per system (Cu65Zr35, Ni62Nb38, Al90Sm10, Fe80P20)",
    },
    compute: async (ctx) => {
      const it = await ownScores(ctx, "interstice");
      const sf = await ownScores(ctx, "symmetry");
      const cs = ["Cu65Zr35@1e13", "Ni62Nb38@1e13", "Al90Sm10@1e13", "Fe80P20@1e13"].filter(
        (c) => it.has(c) && sf.has(c),
      );
      if (cs.length === 0) return missingOthers;
      const d = cs.map((c) => (it.get(c) as number) - (sf.get(c) as number));
      const gap = async (rep: Representation) => {
        const f = (await ctx.transferStudy(rep)).fitted.filter((x) => x.system !== "Cu-Zr" && x.testAuc !== null);
        return mean(f.map((x) => x.cvAuc - (x.testAuc as number)));
      };
      return {
        checks: d.map((x) => x > 0),
        ours: cs.map((c) => `${c.split("@")[0]} ${f3(sf.get(c) as number)} vs ${f3(it.get(c) as number)}`).join("; "),
        why: `unseen-glass AUCs, symmetry functions vs interstice. On the small host-atom sets the interstice model's CV overstates its unseen-glass AUC by ${f3(await gap("interstice"))} on average, the symmetry functions' by ${f3(await gap("symmetry"))}: the 80 MRO-heavy features fit neighborhoods, not structure`,
      };
    },
  },
];
