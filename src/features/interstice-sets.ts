import { IntersticeFeaturizer } from "./interstice";
import { MroFeaturizer } from "./mro";
import type { FeatureSetEntry, FeatureSetOptions } from "./feature-set";
import { setParams } from "./feature-set";

/*
 * The paper's own feature sets, interstice SRO and MRO (Wang & Jain 2019): src/features/interstice.ts and
 * src/features/mro.ts. The list of every built-in set is src/features/feature-sets.ts.
 */

const INTERSTICE_PARAMS = ["distanceDenominator", "cutoff", "hullTolerance"];

function intersticeFromOptions(options: FeatureSetOptions): IntersticeFeaturizer {
  const p = setParams(options, "interstice", INTERSTICE_PARAMS);
  const denom = p.distanceDenominator;
  if (denom !== undefined && denom !== "bond" && denom !== "radiusSum") {
    throw new Error(
      `feature set "interstice": distanceDenominator must be "bond" or "radiusSum", got ${JSON.stringify(denom)}`,
    );
  }
  const num = (name: string): number | undefined => {
    const v = p[name];
    if (v === undefined) return undefined;
    if (typeof v !== "number")
      throw new Error(`feature set "interstice": ${name} must be a number, got ${JSON.stringify(v)}`);
    return v;
  };
  return new IntersticeFeaturizer({
    clamp: options.clamp ?? true,
    distanceDenominator: denom,
    cutoff: num("cutoff"),
    hullTolerance: num("hullTolerance"),
  });
}

/** The interstice SRO set ("interstice") and its MRO version ("mro"), in that order. */
export const INTERSTICE_SETS: readonly FeatureSetEntry[] = Object.freeze([
  {
    name: "interstice",
    summary: "16 interstice SRO features: distance (Voronoi, cutoff), area and volume interstice mean/min/max/std",
    inAll: true,
    create: intersticeFromOptions,
  },
  {
    name: "mro",
    summary: "64 interstice MRO features: mean/min/max/std of the 16 SRO features over Voronoi neighbors (Eq. 1)",
    inAll: true,
    create: (options: FeatureSetOptions) => {
      setParams(options, "mro", []);
      return new MroFeaturizer(intersticeFromOptions(options), {
        name: "mro",
        neighbors: options.mroNeighbors ?? "voronoi",
        includeCenter: options.mroIncludeCenter ?? false,
      });
    },
  },
]);
