import type { NeighborKind } from "./boop";
import { BoopFeaturizer, CoarseGrainedBoopFeaturizer } from "./boop";
import { ConcatFeaturizer } from "./concat-featurizer";
import { RoutedMroFeaturizer } from "./routed-mro";
import type { RoutedMroOptions } from "./routed-mro";
import { ChemicalSroFeaturizer } from "./chemical-sro";
import { CoordinationFeaturizer } from "./coordination";
import { AveragedIFoldSymmetryFeaturizer, IFoldSymmetryFeaturizer } from "./ifold-symmetry";
import { MotifsFeaturizer } from "./motifs";
import type { FeatureSetEntry, FeatureSetOptions } from "./feature-set";
import { setParams } from "./feature-set";
import type { AngularParams } from "./symmetry-functions";
import { SymmetryFunctionsFeaturizer } from "./symmetry-functions-featurizer";
import { VolumeMetricsFeaturizer } from "./volume-metrics";
import { VoronoiIndexFeaturizer } from "./voronoi-index";

/*
 * The literature feature sets: the structural signatures from earlier work that the paper compares its interstice
 * features against (Methods, "Benchmarked Structural Signatures and Their MRO Version", Figure 5a), their MRO
 * versions, and the symmetry functions (Eqs. 2-3). "Literature" because each is a published signature with its
 * own citation (literature-citations.ts); the paper calls them "benchmarked", a word qsoft keeps for timing (bench/).
 * Set-specific parameters come from `options.params[<set name>]` (unknown keys are refused). The species-dependent
 * sets (csro, mro_csro, symmetry_functions) know their labels once a frame is computed, or up front when given
 * `species` (names in type order, e.g. ["Cu", "Zr"]).
 */

type Params = Readonly<Record<string, unknown>>;

function num(set: string, p: Params, key: string): number | undefined {
  const v = p[key];
  if (v === undefined) return undefined;
  if (typeof v !== "number") throw new Error(`feature set "${set}": ${key} must be a number, got ${JSON.stringify(v)}`);
  return v;
}

function intList(set: string, p: Params, key: string): number[] | undefined {
  const v = p[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === "number"))
    throw new Error(`feature set "${set}": ${key} must be an array of numbers, got ${JSON.stringify(v)}`);
  return v as number[];
}

function kinds(set: string, p: Params): NeighborKind[] | undefined {
  const v = p.neighbors;
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => x === "voro" || x === "cut")) {
    throw new Error(
      `feature set "${set}": neighbors must be an array of "voro" and/or "cut", got ${JSON.stringify(v)}`,
    );
  }
  return v as NeighborKind[];
}

function names(set: string, p: Params): string[] | undefined {
  const v = p.species;
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === "string" && x.length > 0)) {
    throw new Error(`feature set "${set}": species must be a non-empty array of names, got ${JSON.stringify(v)}`);
  }
  return v as string[];
}

function angular(set: string, p: Params): AngularParams[] | undefined {
  const v = p.angular;
  if (v === undefined) return undefined;
  const ok =
    Array.isArray(v) &&
    v.every(
      (a) =>
        typeof a === "object" &&
        a !== null &&
        ["xi", "lambda", "zeta"].every((k) => typeof (a as Record<string, unknown>)[k] === "number"),
    );
  if (!ok)
    throw new Error(
      `feature set "${set}": angular must be an array of { xi, lambda, zeta } numbers, got ${JSON.stringify(v)}`,
    );
  return v as AngularParams[];
}

/** MRO options shared by the literature MRO sets: the global MRO switches of the featurize call. */
function mroOptions(options: FeatureSetOptions, extra: Partial<RoutedMroOptions> = {}): RoutedMroOptions {
  return { neighbors: options.mroNeighbors ?? "auto", includeCenter: options.mroIncludeCenter ?? false, ...extra };
}

function cnFrom(options: FeatureSetOptions): CoordinationFeaturizer {
  const p = setParams(options, "cn", ["cutoff"]);
  return new CoordinationFeaturizer({ cutoff: num("cn", p, "cutoff") });
}

function boopParams(
  options: FeatureSetOptions,
  set: string,
): { l?: number[]; neighbors?: NeighborKind[]; cutoff?: number } {
  const p = setParams(options, set, ["l", "neighbors", "cutoff"]);
  return { l: intList(set, p, "l"), neighbors: kinds(set, p), cutoff: num(set, p, "cutoff") };
}

function csroFrom(options: FeatureSetOptions, set = "csro"): ChemicalSroFeaturizer {
  const p = setParams(options, set, ["neighbors", "cutoff", "types", "species"]);
  return new ChemicalSroFeaturizer(
    { neighbors: kinds(set, p), cutoff: num(set, p, "cutoff"), types: intList(set, p, "types") },
    names(set, p),
  );
}

const SETS: Omit<FeatureSetEntry, "inAll">[] = [
  { name: "cn", summary: "2 CN features: Voronoi (face-filtered) and cutoff coordination numbers", create: cnFrom },
  {
    name: "voronoi_index",
    summary: "5 Voronoi index features <n3..n7> of the face-filtered Voronoi cell",
    create: (o) => {
      setParams(o, "voronoi_index", []);
      return new VoronoiIndexFeaturizer();
    },
  },
  {
    name: "motifs",
    summary: "4 characteristic motifs: <0,0,12,0,0>, <0,0,12,4,0>, either, Frank-Kasper (2 n4 + n5 = 12)",
    create: (o) => {
      setParams(o, "motifs", []);
      return new MotifsFeaturizer();
    },
  },
  {
    name: "volume_metrics",
    summary: "3 volume metrics: cluster packing efficiency, atomic packing efficiency, atomic/Voronoi volume",
    create: (o) => {
      setParams(o, "volume_metrics", []);
      return new VolumeMetricsFeaturizer();
    },
  },
  {
    name: "ifold",
    summary: "5 i-fold symmetry indices n_i / sum n_k (i = 3..7)",
    create: (o) => {
      setParams(o, "ifold", []);
      return new IFoldSymmetryFeaturizer("none");
    },
  },
  {
    name: "ifold_area",
    summary: "5 face-area-weighted i-fold symmetry indices (i = 3..7)",
    create: (o) => {
      setParams(o, "ifold_area", []);
      return new IFoldSymmetryFeaturizer("area");
    },
  },
  {
    name: "boop",
    summary: "16 bond-orientational order features q_l, w^_l (l = 4, 6, 8, 10; Voronoi and cutoff)",
    create: (o) => new BoopFeaturizer(boopParams(o, "boop")),
  },
  {
    name: "csro",
    summary: "9 chemical SRO features (binary): type, neighbor counts per element, Warren-Cowley (Voronoi and cutoff)",
    create: (o) => csroFrom(o),
  },
  {
    name: "mro_cn",
    summary: "8 MRO CN features: mean/min/max/std of cn_voro (Voronoi neighbors) and cn_cut (cutoff neighbors)",
    create: (o) => new RoutedMroFeaturizer(cnFrom(o), mroOptions(o, { name: "mro_cn" })),
  },
  {
    name: "mro_voronoi_index",
    summary: "20 MRO Voronoi index features: mean/min/max/std of n3..n7 over Voronoi neighbors",
    create: (o) => {
      setParams(o, "mro_voronoi_index", []);
      return new RoutedMroFeaturizer(new VoronoiIndexFeaturizer(), mroOptions(o, { name: "mro_voronoi_index" }));
    },
  },
  {
    name: "mro_motifs",
    summary: "12 MRO motif features: sum/mean/std of the 4 motif flags over Voronoi neighbors",
    create: (o) => {
      setParams(o, "mro_motifs", []);
      return new RoutedMroFeaturizer(
        new MotifsFeaturizer(),
        mroOptions(o, { name: "mro_motifs", stats: ["sum", "mean", "std"] }),
      );
    },
  },
  {
    name: "mro_volume_metrics",
    summary: "12 MRO volume metrics: mean/min/max/std of the 3 volume metrics over Voronoi neighbors",
    create: (o) => {
      setParams(o, "mro_volume_metrics", []);
      return new RoutedMroFeaturizer(new VolumeMetricsFeaturizer(), mroOptions(o, { name: "mro_volume_metrics" }));
    },
  },
  {
    name: "mro_ifold",
    summary: "25 MRO i-fold features: averaged i-fold indices (5) and mean/min/max/std of the 5 indices",
    create: (o) => {
      setParams(o, "mro_ifold", []);
      return new ConcatFeaturizer("mro_ifold", [
        new AveragedIFoldSymmetryFeaturizer(),
        new RoutedMroFeaturizer(new IFoldSymmetryFeaturizer("none"), mroOptions(o)),
      ]);
    },
  },
  {
    name: "mro_ifold_area",
    summary: "20 MRO area-weighted i-fold features: mean/min/max/std of the 5 weighted indices",
    create: (o) => {
      setParams(o, "mro_ifold_area", []);
      return new RoutedMroFeaturizer(new IFoldSymmetryFeaturizer("area"), mroOptions(o, { name: "mro_ifold_area" }));
    },
  },
  {
    name: "mro_boop",
    summary: "80 MRO BOOP features: coarse-grained qbar_l, wbar_l (16) and mean/min/max/std of the 16 BOOP features",
    create: (o) => {
      const p = boopParams(o, "mro_boop");
      return new ConcatFeaturizer("mro_boop", [
        new CoarseGrainedBoopFeaturizer(p),
        new RoutedMroFeaturizer(new BoopFeaturizer(p), mroOptions(o)),
      ]);
    },
  },
  {
    name: "mro_csro",
    summary: "32 chemical MRO features (binary): mean/min/max/std of the neighbor counts and Warren-Cowley parameters",
    create: (o) =>
      new RoutedMroFeaturizer(csroFrom(o, "mro_csro"), mroOptions(o, { name: "mro_csro", exclude: ["csro_type"] })),
  },
  {
    name: "symmetry_functions",
    summary: "166 symmetry functions (binary): 2 x 50 radial G_X(r), 3 x 22 angular psi_XY (Cubuk/Schoenholz settings)",
    create: (o) => {
      const p = setParams(o, "symmetry_functions", [
        "unit",
        "radialCount",
        "radialStep",
        "radialWidth",
        "cutoff",
        "angular",
        "types",
        "species",
      ]);
      const s = "symmetry_functions";
      return new SymmetryFunctionsFeaturizer(
        {
          unit: num(s, p, "unit"),
          radialCount: num(s, p, "radialCount"),
          radialStep: num(s, p, "radialStep"),
          radialWidth: num(s, p, "radialWidth"),
          cutoff: num(s, p, "cutoff"),
          angular: angular(s, p),
          types: intList(s, p, "types"),
        },
        names(s, p),
      );
    },
  },
];

/** The 8 literature SRO sets, their 8 MRO versions and the symmetry functions, in that order; "all" selects each. */
export const LITERATURE_SETS: readonly FeatureSetEntry[] = Object.freeze(
  SETS.map((s) => Object.freeze({ ...s, inAll: true })),
);

/** Names of the literature sets, in list order. */
export const LITERATURE_SET_NAMES: readonly string[] = Object.freeze(LITERATURE_SETS.map((s) => s.name));
