import { linearRegression, sampleSkewness } from "simple-statistics";
import { loadSample } from "../../dataset/sample";
import { rocAucScore } from "../../ml/metrics/roc-auc";
import { fractalDimension, logRadii, massDistribution } from "../mass-scaling";
import { PairCorrelation } from "../pair-correlation";
import { conditionalProbability, softnessGroups, type SoftnessGroups } from "../softness-statistics";
import { columnValues, f3, mean, median, notGeneratedYet, pct, type Claim, type Outcome } from "./claim";
import { MAIN_CONDITION, type ConditionModel, type LedgerContext, type StrainSeries } from "./context";

const mainMissing = notGeneratedYet(`two ${MAIN_CONDITION} glasses`);

interface MainSoftness {
  readonly m: ConditionModel;
  readonly qs: Float64Array;
  readonly g: SoftnessGroups;
}

const mainSoftness = (ctx: LedgerContext): Promise<MainSoftness | null> =>
  ctx.once("fig3:main", async () => {
    const m = await ctx.conditionModel(MAIN_CONDITION);
    return m === null ? null : { m, qs: m.qs, g: softnessGroups(m.qs) };
  });

/** Figure 3c: fractal dimension of M(r) and g(r) first peaks of the hardest and softest atoms of the unseen glass. */
const spatial = (ctx: LedgerContext) =>
  ctx.once("fig3c", async () => {
    const s = await mainSoftness(ctx);
    if (s === null) return null;
    const test = s.m.data.test;
    const frame = (await loadSample(test.name, { dataDir: ctx.dataDir })).quenched;
    const maskOf = (g: Uint8Array) => {
      const out = new Uint8Array(frame.natoms);
      test.rows.forEach((row, k) => {
        if (g[k]) out[row] = 1;
      });
      return out;
    };
    const radii = logRadii(2, 20, 40);
    const rdf = new PairCorrelation({ rMax: 10, bins: 100 });
    const group = (g: Uint8Array) => {
      const mask = maskOf(g);
      const md = massDistribution(frame, { radii, centers: { mask } });
      const gr = rdf.compute(frame, { mask }, { mask });
      let peak = 0;
      for (let b = 0; b < gr.g.length; b++) if (gr.g[b] > gr.g[peak]) peak = b;
      return {
        short: fractalDimension(md.r, md.M, 3, 10).D,
        long: fractalDimension(md.r, md.M, 10, 20).D,
        peak: gr.g[peak],
        atoms: md.nCenters,
      };
    };
    return { hard: group(s.g.hard), soft: group(s.g.soft) };
  });

/** QS of the atoms first plastic at strain indices [from, to). */
export function freshQs(series: StrainSeries, from: number, to: number): number[] {
  const out: number[] = [];
  series.firstPlastic.forEach((s, k) => {
    if (s >= from && s < to) out.push(series.qs[k]);
  });
  return out;
}

/**
 * Figure 3e's crossover: the first strain from which the QS of the newly plastic atoms no longer separates them from
 * the atoms still elastic: the AUC of QS (atoms first plastic within `window` of strain from there, against atoms not
 * plastic by the window's end) is <= `level` there and at every later window with at least 10 atoms of each class;
 * null when the last window is still above `level`.
 */
export function qsCrossover(
  series: StrainSeries,
  window = 0.005,
  level = 0.55,
): { strain: number | null; auc: number[] } {
  const { strains, qs, firstPlastic } = series;
  const auc: number[] = [];
  for (let k = 0; k < strains.length; k++) {
    let end = k;
    while (end < strains.length && strains[end] < strains[k] + window - 1e-9) end++;
    const y: number[] = [];
    const score: number[] = [];
    firstPlastic.forEach((s, i) => {
      if (s >= k && s < end) {
        y.push(1);
        score.push(qs[i]);
      } else if (s < 0 || s >= end) {
        y.push(0);
        score.push(qs[i]);
      }
    });
    const pos = y.reduce((a, b) => a + b, 0);
    auc.push(pos < 10 || y.length - pos < 10 ? NaN : rocAucScore(y, score));
  }
  let strain: number | null = null;
  for (let k = auc.length - 1; k >= 0; k--) {
    if (Number.isNaN(auc[k])) continue;
    if (auc[k] <= level) strain = strains[k];
    else break;
  }
  return { strain, auc };
}

const series = (ctx: LedgerContext, condition: string) =>
  ctx.once(`fig3e:${condition}:crossover`, async () => {
    const s = await ctx.strainSeries(condition);
    return s === null ? null : { s, crossover: qsCrossover(s) };
  });

function crossoverClaim(condition: string, rateNote: string): Claim {
  return {
    where: "Fig. 3e, Results",
    claim: `shear banding disrupts the QS sequence at a crossover strain (${condition}${rateNote})`,
    paper: "~6.5 %",
    criterion: { kind: "tolerance", paper: 0.065, tolerance: 0.01, partly: 0.02 },
    format: (x) => pct(x, 1),
    compute: async (ctx) => {
      const r = await series(ctx, condition);
      if (r === null) return notGeneratedYet(`a ${condition} glass deformed to 10 % in 0.125 % steps`);
      const { s, crossover } = r;
      const last = s.strains[s.strains.length - 1];
      const rule =
        "first strain from which the AUC of QS (atoms newly plastic within 0.5 % strain vs atoms still elastic) stays <= 0.55";
      if (crossover.strain === null) {
        const seen = crossover.auc.filter((x) => !Number.isNaN(x));
        return {
          value: Infinity,
          ours: `none up to ${pct(last, 1)} (window AUC ${f3(Math.min(...seen))} at lowest, ${f3(seen[seen.length - 1])} in the last window)`,
          why: `${rule}; on ${s.sample}: QS still ranks the newly plastic atoms above the elastic ones at every strain`,
        };
      }
      return {
        value: crossover.strain,
        ours: pct(crossover.strain, 2),
        why: `${rule}; ${s.sample}${s.unseen ? " (unseen glass)" : " (a training glass of the model)"}`,
      };
    },
  };
}

function stdClaim(composition: string, paper: number): Claim {
  const condition = `${composition}@1e13`;
  return {
    where: "Fig. 3f, Results",
    claim: `std(QS), ${composition} (its own model, unseen glass)`,
    paper: paper.toFixed(3),
    criterion: { kind: "tolerance", paper, tolerance: 0.02, partly: 0.05 },
    format: f3,
    compute: async (ctx) => {
      const m = await ctx.conditionModel(condition);
      if (!m) return notGeneratedYet(`two ${condition} glasses`);
      const std = softnessGroups(m.qs).std;
      return {
        value: std,
        ours: f3(std),
        why: `${condition} vs the paper's 5e10 K/s: a weaker model (test AUC ${f3(m.auc)}) compresses QS toward 0.5`,
      };
    },
  };
}

/** QS statistics of every Cu-Zr condition with a model, by composition and rate. */
const byCondition = (ctx: LedgerContext) =>
  ctx.once("fig3f", async () => {
    const out = new Map<string, SoftnessGroups>();
    for (const comp of ["Cu50Zr50", "Cu65Zr35", "Cu80Zr20"]) {
      for (const rate of ["5e12", "1e13", "1e14", "1e15"]) {
        const m = await ctx.conditionModel(`${comp}@${rate}`);
        if (m) out.set(`${comp}@${rate}`, softnessGroups(m.qs));
      }
    }
    return out;
  });

/** Per composition, a check per pair of adjacent generated rates: `stat` decreases with faster quench. */
async function quenchTrend(
  ctx: LedgerContext,
  stat: (g: SoftnessGroups) => number,
  fmt: (x: number) => string,
): Promise<Outcome> {
  const q = await byCondition(ctx);
  const checks: boolean[] = [];
  const parts: string[] = [];
  for (const comp of ["Cu50Zr50", "Cu65Zr35", "Cu80Zr20"]) {
    const rates = ["5e12", "1e13", "1e14", "1e15"].filter((r) => q.has(`${comp}@${r}`));
    for (let k = 1; k < rates.length; k++)
      checks.push(stat(q.get(`${comp}@${rates[k]}`)!) < stat(q.get(`${comp}@${rates[k - 1]}`)!));
    parts.push(`${comp} ${rates.map((r) => `${r}: ${fmt(stat(q.get(`${comp}@${r}`)!))}`).join(", ")}`);
  }
  if (checks.length === 0) return notGeneratedYet("Cu-Zr glasses at two quench rates");
  return {
    checks,
    ours: parts.join("; "),
    why: `${checks.filter(Boolean).length} of ${checks.length} steps to a faster rate go the paper's way; each condition's own model`,
  };
}

/** Figure 3: the spectrum of QS on the unseen Cu65Zr35 glass, its spatial and structural traits, strain and history. */
export const SOFTNESS_CLAIMS: readonly Claim[] = [
  {
    where: "Fig. 3a",
    claim: "the QS distribution has a long tail at the soft (high-QS) end",
    paper: "long soft tail",
    criterion: { kind: "checks", what: "sample skewness of QS > 0" },
    compute: async (ctx) => {
      const s = await mainSoftness(ctx);
      if (!s) return mainMissing;
      const k = sampleSkewness(Array.from(s.qs));
      return { checks: [k > 0], ours: `skewness ${f3(k)}`, why: "QS of the unseen glass" };
    },
  },
  {
    where: "Fig. 3b",
    claim: "P(plastic | QS) rises by several orders of magnitude from the hardest to the softest atoms",
    paper: ">= 100x",
    criterion: { kind: "atLeast", bound: 100, partly: 90 },
    format: (x) => `${x.toFixed(0)}x`,
    compute: async (ctx) => {
      const s = await mainSoftness(ctx);
      if (!s) return mainMissing;
      const cp = conditionalProbability(s.qs, s.m.data.test.y, { bins: 20 });
      const p = Array.from(cp.probability).filter((x, b) => cp.counts[b] >= 50 && x > 0);
      const r = Math.max(...p) / Math.min(...p);
      return {
        value: r,
        ours: `${r.toFixed(1)}x`,
        why: "max/min of P(plastic|QS) over 0.05-wide QS bins with >= 50 atoms; a weaker model spreads QS less (Fig. 2 AUC)",
      };
    },
  },
  {
    where: "Fig. 3b, Results",
    claim: "P(plastic | QS) / P(plastic) is close to 1 at QS = 0.5",
    paper: "~1.0",
    criterion: { kind: "tolerance", paper: 1, tolerance: 0.25, partly: 0.5 },
    format: (x) => x.toFixed(2),
    compute: async (ctx) => {
      const s = await mainSoftness(ctx);
      if (!s) return mainMissing;
      const y = s.m.data.test.y;
      let n = 0;
      let pos = 0;
      s.qs.forEach((q, i) => {
        if (q >= 0.45 && q < 0.55) {
          n++;
          pos += y[i];
        }
      });
      const r = pos / n / mean(y);
      return { value: r, ours: r.toFixed(2), why: `${n} atoms with 0.45 <= QS < 0.55` };
    },
  },
  {
    where: "Fig. 3b, Results",
    claim: "below QS ~ 0.1 the curve bends: atoms at least ~10x less likely to be plastic than average",
    paper: "ratio <= 0.1",
    criterion: { kind: "atMost", bound: 0.1, partly: 0.1 },
    format: (x) => x.toFixed(2),
    compute: async (ctx) => {
      const s = await mainSoftness(ctx);
      if (!s) return mainMissing;
      const y = s.m.data.test.y;
      let n = 0;
      let pos = 0;
      s.qs.forEach((q, i) => {
        if (q < 0.1) {
          n++;
          pos += y[i];
        }
      });
      if (n === 0) return { value: Infinity, ours: "no atom with QS < 0.1", why: "a weaker model gives no extreme QS" };
      const r = pos / n / mean(y);
      return {
        value: r,
        ours: `${r.toFixed(2)} (${(1 / Math.max(r, 1e-9)).toFixed(1)}x less likely; ${pos} of ${n} atoms plastic)`,
        why: "few hardest atoms: the ratio is uncertain by about 1/sqrt(plastic count)",
      };
    },
  },
  {
    where: "Fig. 3, Results",
    claim: "the hardest atoms (QS < 0.1) are ~13 % of all atoms",
    paper: "~13 %",
    criterion: { kind: "tolerance", paper: 0.13, tolerance: 0.03, partly: 0.06 },
    format: (x) => pct(x, 0),
    compute: async (ctx) => {
      const s = await mainSoftness(ctx);
      if (!s) return mainMissing;
      return {
        value: s.g.hardFraction,
        ours: pct(s.g.hardFraction),
        why: `QS spread: std ${f3(s.g.std)} against the paper's 0.230; a weaker model (AUC ${f3(s.m.auc)}) gives fewer extreme QS`,
      };
    },
  },
  {
    where: "Fig. 3, Results",
    claim: "the softest atoms (QS > 0.7) are ~11 % of all atoms",
    paper: "~11 %",
    criterion: { kind: "tolerance", paper: 0.11, tolerance: 0.03, partly: 0.06 },
    format: (x) => pct(x, 0),
    compute: async (ctx) => {
      const s = await mainSoftness(ctx);
      if (!s) return mainMissing;
      return { value: s.g.softFraction, ours: pct(s.g.softFraction), why: "see the hardest fraction" };
    },
  },
  {
    where: "Fig. 3, Results",
    claim: "mean D2min of the hardest atoms: mostly elastic",
    paper: "~0.55 A^2",
    criterion: { kind: "tolerance", paper: 0.55, tolerance: 0.2, partly: 0.5 },
    format: (x) => `${x.toFixed(2)} A^2`,
    compute: async (ctx) => {
      const s = await mainSoftness(ctx);
      if (!s) return mainMissing;
      const d = s.m.data.test.d2min;
      const v = mean(Array.from(d).filter((_, i) => s.g.hard[i]));
      return {
        value: v,
        ours: `${v.toFixed(2)} A^2 (all atoms ${mean(d).toFixed(2)})`,
        why: "our faster-quenched glass deforms less elastically, and the weaker model admits atoms that do move",
      };
    },
  },
  {
    where: "Fig. 3c, Results",
    claim: "hardest and softest atoms both pack fractal-like below 10 A (D < 3)",
    paper: "D < 3",
    criterion: { kind: "checks", what: "D(3-10 A) < 3 for both groups" },
    compute: async (ctx) => {
      const sp = await spatial(ctx);
      if (!sp) return mainMissing;
      return {
        checks: [sp.hard.short < 3, sp.soft.short < 3],
        ours: `hardest ${sp.hard.short.toFixed(2)}, softest ${sp.soft.short.toFixed(2)}`,
        why: `M(r) around ${sp.hard.atoms} hardest and ${sp.soft.atoms} softest atoms`,
      };
    },
  },
  {
    where: "Fig. 3c, Results",
    claim: "the fractal-like packing is much stronger for the hardest atoms",
    paper: "D hardest < D softest",
    criterion: { kind: "checks", what: "D(3-10 A) of the hardest below the softest's" },
    compute: async (ctx) => {
      const sp = await spatial(ctx);
      if (!sp) return mainMissing;
      return {
        checks: [sp.hard.short < sp.soft.short],
        ours: `${sp.hard.short.toFixed(2)} < ${sp.soft.short.toFixed(2)}`,
        why: "a smaller group is sparser: part of the contrast is the groups' sizes",
      };
    },
  },
  {
    where: "Fig. 3c, Results",
    claim: "beyond 10 A the packing becomes space-filling (D close to 3)",
    paper: "D ~ 3",
    criterion: { kind: "checks", what: "|D(10-20 A) - 3| <= 0.2 for both groups" },
    compute: async (ctx) => {
      const sp = await spatial(ctx);
      if (!sp) return mainMissing;
      return {
        checks: [Math.abs(sp.hard.long - 3) <= 0.2, Math.abs(sp.soft.long - 3) <= 0.2],
        ours: `hardest ${sp.hard.long.toFixed(2)}, softest ${sp.soft.long.toFixed(2)}`,
        why: "fitted only up to 20 A, half our box's smallest width",
      };
    },
  },
  {
    where: "Fig. 3c inset",
    claim: "the first g(r) peak of the hardest atoms is higher than that of the softest",
    paper: "higher",
    criterion: { kind: "checks", what: "first-peak height hardest > softest (each group's own density)" },
    compute: async (ctx) => {
      const sp = await spatial(ctx);
      if (!sp) return mainMissing;
      return {
        checks: [sp.hard.peak > sp.soft.peak],
        ours: `${sp.hard.peak.toFixed(1)} vs ${sp.soft.peak.toFixed(1)}`,
        why: "g(r) of each group with itself, normalised by its own density",
      };
    },
  },
  {
    where: "Fig. 3d, Results",
    claim:
      "the softest atoms have more anisotropic environments: higher spread of distance, area and volume interstices",
    paper: "higher std",
    criterion: { kind: "checks", what: "median of dist/area/vol_voro_std: softest > hardest (3 checks)" },
    compute: async (ctx) => {
      const s = await mainSoftness(ctx);
      if (!s) return mainMissing;
      const X = s.m.data.test.X;
      const cols = ["dist_voro_std", "area_voro_std", "vol_voro_std"];
      const pairs = cols.map((c) => [median(columnValues(X, c, s.g.soft)), median(columnValues(X, c, s.g.hard))]);
      return {
        checks: pairs.map(([so, h]) => so > h),
        ours: cols.map((c, k) => `${c} ${pairs[k][0].toFixed(3)} vs ${pairs[k][1].toFixed(3)}`).join("; "),
        why: "medians, softest vs hardest",
      };
    },
  },
  {
    where: "Fig. 3d, Results",
    claim: "soft atoms have a lower minimum and a larger maximum bond (distance) interstice",
    paper: "min lower, max larger",
    criterion: {
      kind: "checks",
      what: "median dist_voro_min softest < hardest; median dist_voro_max softest > hardest",
    },
    compute: async (ctx) => {
      const s = await mainSoftness(ctx);
      if (!s) return mainMissing;
      const X = s.m.data.test.X;
      const mn = [
        median(columnValues(X, "dist_voro_min", s.g.soft)),
        median(columnValues(X, "dist_voro_min", s.g.hard)),
      ];
      const mx = [
        median(columnValues(X, "dist_voro_max", s.g.soft)),
        median(columnValues(X, "dist_voro_max", s.g.hard)),
      ];
      return {
        checks: [mn[0] < mn[1], mx[0] > mx[1]],
        ours: `min ${mn[0].toFixed(3)} vs ${mn[1].toFixed(3)}; max ${mx[0].toFixed(3)} vs ${mx[1].toFixed(3)}`,
        why: "medians, softest vs hardest",
      };
    },
  },
  {
    where: "Fig. 3e, Results",
    claim: "at low strain the new plastic atoms are mainly high-QS atoms",
    paper: "high QS first",
    criterion: { kind: "checks", what: "median QS of atoms first plastic below 2 % strain > median QS of all atoms" },
    compute: async (ctx) => {
      const r = await series(ctx, MAIN_CONDITION);
      if (!r) return notGeneratedYet(`a ${MAIN_CONDITION} glass deformed in fine steps`);
      const early = freshQs(r.s, 0, r.s.strains.filter((e) => e < 0.02).length);
      const me = median(early);
      const ma = median(r.s.qs);
      return { checks: [me > ma], ours: `${f3(me)} (${early.length} atoms) vs ${f3(ma)}`, why: r.s.sample };
    },
  },
  {
    where: "Fig. 3e, Results",
    claim: "as strain grows, plasticity reaches gradually lower QS (before shear banding)",
    paper: "QS of new plastic atoms decreases",
    criterion: { kind: "checks", what: "slope of QS against strain of the newly plastic atoms below 6 % strain < 0" },
    compute: async (ctx) => {
      const r = await series(ctx, MAIN_CONDITION);
      if (!r) return notGeneratedYet(`a ${MAIN_CONDITION} glass deformed in fine steps`);
      const pts: [number, number][] = [];
      r.s.firstPlastic.forEach((k, i) => {
        if (k >= 0 && r.s.strains[k] < 0.06) pts.push([100 * r.s.strains[k], r.s.qs[i]]);
      });
      const slope = linearRegression(pts).m;
      return {
        checks: [slope < 0],
        ours: `${slope.toFixed(4)} per % strain (${pts.length} atoms)`,
        why: `least squares over every newly plastic atom, ${r.s.sample}`,
      };
    },
  },
  crossoverClaim(MAIN_CONDITION, ", our slowest rate with a long series"),
  crossoverClaim("Cu65Zr35@5e12", ", the paper's fastest rate"),
  stdClaim("Cu65Zr35", 0.23),
  stdClaim("Cu50Zr50", 0.196),
  stdClaim("Cu80Zr20", 0.234),
  {
    where: "Fig. 3f, Results",
    claim: "Cu50Zr50 is the least heterogeneous: std(QS) Cu50Zr50 < Cu65Zr35 and < Cu80Zr20",
    paper: "0.196 < 0.230, 0.234",
    criterion: { kind: "checks", what: "std(QS) of Cu50Zr50 below both others (1e13)" },
    compute: async (ctx) => {
      const q = await byCondition(ctx);
      const [a, b, c] = ["Cu50Zr50@1e13", "Cu65Zr35@1e13", "Cu80Zr20@1e13"].map((k) => q.get(k));
      if (!a || !b || !c) return notGeneratedYet("two glasses of each Cu-Zr composition at 1e13");
      return {
        checks: [a.std < b.std, a.std < c.std],
        ours: `${f3(a.std)} vs ${f3(b.std)}, ${f3(c.std)}`,
        why: "own model of each composition",
      };
    },
  },
  {
    where: "Fig. 3f, Results",
    claim: "Cu80Zr20 has a QS distribution similar to Cu65Zr35's",
    paper: "similar",
    criterion: { kind: "checks", what: "|difference| <= 0.02 in mean QS and in std(QS)" },
    compute: async (ctx) => {
      const q = await byCondition(ctx);
      const a = q.get("Cu80Zr20@1e13");
      const b = q.get("Cu65Zr35@1e13");
      if (!a || !b) return notGeneratedYet("two Cu80Zr20@1e13 and two Cu65Zr35@1e13 glasses");
      return {
        checks: [Math.abs(a.mean - b.mean) <= 0.02, Math.abs(a.std - b.std) <= 0.02],
        ours: `mean ${f3(a.mean)} vs ${f3(b.mean)}, std ${f3(a.std)} vs ${f3(b.std)}`,
        why: "each composition's own model on its unseen glass",
      };
    },
  },
  {
    where: "Fig. 3f, Results",
    claim: "hardest fraction of Cu50Zr50 (QS < 0.1)",
    paper: "~5.4 %",
    criterion: { kind: "tolerance", paper: 0.054, tolerance: 0.015, partly: 0.03 },
    format: (x) => pct(x, 1),
    compute: async (ctx) => {
      const q = await byCondition(ctx);
      const a = q.get("Cu50Zr50@1e13");
      if (!a) return notGeneratedYet("two Cu50Zr50@1e13 glasses");
      return {
        value: a.hardFraction,
        ours: pct(a.hardFraction),
        why: `std(QS) ${f3(a.std)}: the weaker model leaves few atoms below 0.1 (as for Cu65Zr35)`,
      };
    },
  },
  {
    where: "Fig. 3f, Results",
    claim: "Cu50Zr50 has notably fewer hardest atoms than Cu65Zr35",
    paper: "5.4 % vs ~13 %",
    criterion: { kind: "checks", what: "hardest fraction Cu50Zr50 < Cu65Zr35 (1e13)" },
    compute: async (ctx) => {
      const q = await byCondition(ctx);
      const a = q.get("Cu50Zr50@1e13");
      const b = q.get("Cu65Zr35@1e13");
      if (!a || !b) return notGeneratedYet("two Cu50Zr50@1e13 and two Cu65Zr35@1e13 glasses");
      return {
        checks: [a.hardFraction < b.hardFraction],
        ours: `${pct(a.hardFraction)} vs ${pct(b.hardFraction)}`,
        why: "own model of each composition",
      };
    },
  },
  {
    where: "Fig. 3f, Results",
    claim: "faster quenching lowers std(QS) (less structural heterogeneity)",
    paper: "decreases with rate",
    criterion: { kind: "checks", what: "std(QS) falls at each step to a faster generated rate, per composition" },
    compute: (ctx) => quenchTrend(ctx, (g) => g.std, f3),
  },
  {
    where: "Fig. 3f, Results",
    claim: "faster quenching lowers the fraction of hard atoms",
    paper: "decreases with rate",
    criterion: {
      kind: "checks",
      what: "hardest fraction falls at each step to a faster generated rate, per composition",
    },
    compute: (ctx) =>
      quenchTrend(
        ctx,
        (g) => g.hardFraction,
        (x) => pct(x),
      ),
  },
  {
    where: "Fig. 3f",
    claim: "Cu65Zr35 at 5e12 K/s (a rate the paper used) is more heterogeneous than at 1e13",
    paper: "std(QS) higher at the slower rate",
    criterion: { kind: "checks", what: "std(QS) at 5e12 > at 1e13 (own models)" },
    compute: async (ctx) => {
      const q = await byCondition(ctx);
      const a = q.get("Cu65Zr35@5e12");
      const b = q.get("Cu65Zr35@1e13");
      if (!a || !b) return notGeneratedYet("two Cu65Zr35@5e12 glasses");
      return {
        checks: [a.std > b.std],
        ours: `${f3(a.std)} vs ${f3(b.std)}`,
        why: "own model of each rate on its unseen glass",
      };
    },
  },
];
