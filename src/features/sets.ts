import { registerBenchmarkSets } from "./benchmark-sets";
import { IntersticeFeaturizer } from "./interstice";
import { MroFeaturizer } from "./mro";
import type { FeatureSetOptions } from "./registry";
import { registerFeatureSet, setParams } from "./registry";

/*
 * The built-in feature sets, registered once when this module is first imported (compute-features.ts imports
 * it). Each entry: name (CLI and featurize() name), one-line summary, whether "all" selects it, and a factory
 * from FeatureSetOptions. Add a set by adding an entry in the block of its owner.
 */

// --- Interstice SRO and MRO (Wang & Jain 2019): src/features/interstice.ts, src/features/mro.ts ---

const INTERSTICE_PARAMS = ["distanceDenominator", "cutoff", "hullTolerance"];

function intersticeFromOptions(options: FeatureSetOptions): IntersticeFeaturizer {
  const p = setParams(options, "interstice", INTERSTICE_PARAMS);
  const denom = p.distanceDenominator;
  if (denom !== undefined && denom !== "bond" && denom !== "radiusSum") {
    throw new Error(`feature set "interstice": distanceDenominator must be "bond" or "radiusSum", got ${JSON.stringify(denom)}`);
  }
  const num = (name: string): number | undefined => {
    const v = p[name];
    if (v === undefined) return undefined;
    if (typeof v !== "number") throw new Error(`feature set "interstice": ${name} must be a number, got ${JSON.stringify(v)}`);
    return v;
  };
  return new IntersticeFeaturizer({ clamp: options.clamp ?? true, distanceDenominator: denom, cutoff: num("cutoff"), hullTolerance: num("hullTolerance") });
}

registerFeatureSet({
  name: "interstice",
  summary: "16 interstice SRO features: distance (Voronoi, cutoff), area and volume interstice mean/min/max/std",
  inAll: true,
  create: intersticeFromOptions,
});

registerFeatureSet({
  name: "mro",
  summary: "64 interstice MRO features: mean/min/max/std of the 16 SRO features over Voronoi neighbors (Eq. 1)",
  inAll: true,
  create: (options) => {
    setParams(options, "mro", []);
    return new MroFeaturizer(intersticeFromOptions(options), {
      name: "mro",
      neighbors: options.mroNeighbors ?? "voronoi",
      includeCenter: options.mroIncludeCenter ?? false,
    });
  },
});

// --- Benchmark sets, bond-orientational order, symmetry functions (features B) ---

registerBenchmarkSets();
