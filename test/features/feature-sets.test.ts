import { strict as assert } from "node:assert";
import {
  FEATURE_SETS,
  featureSet,
  featureSets,
  registerFeatureSet,
  resolveFeatureSets,
} from "../../src/features/feature-sets";
import { INTERSTICE_SETS } from "../../src/features/interstice-sets";
import { IntersticeFeaturizer } from "../../src/features/interstice";
import { LITERATURE_SET_NAMES } from "../../src/features/literature-sets";

// The --set values documented in docs/features.md and the paper's Methods (interstice SRO + MRO, the 8 literature
// SRO sets i-viii, their 8 MRO versions, the symmetry functions of Eqs. 2-3), in the order "all" lists them.
const DOCUMENTED = [
  "interstice",
  "mro",
  "cn",
  "voronoi_index",
  "motifs",
  "volume_metrics",
  "ifold",
  "ifold_area",
  "boop",
  "csro",
  "mro_cn",
  "mro_voronoi_index",
  "mro_motifs",
  "mro_volume_metrics",
  "mro_ifold",
  "mro_ifold_area",
  "mro_boop",
  "mro_csro",
  "symmetry_functions",
];

describe("features: the one list of feature sets (feature-sets.ts)", () => {
  it("lists the interstice sets, then the literature sets, each once, all selected by 'all'", () => {
    assert.deepEqual(
      FEATURE_SETS.map((s) => s.name),
      DOCUMENTED,
    );
    assert.deepEqual(
      FEATURE_SETS.map((s) => s.name),
      [...INTERSTICE_SETS.map((s) => s.name), ...LITERATURE_SET_NAMES],
    );
    assert.ok(FEATURE_SETS.every((s) => s.inAll && s.summary.length > 0));
    assert.deepEqual(
      resolveFeatureSets(["all"]).map((s) => s.name),
      DOCUMENTED,
    );
    assert.ok(Object.isFrozen(FEATURE_SETS));
  });

  it("resolves names in the order given, drops duplicates, and names the known sets on a typo", () => {
    assert.deepEqual(
      resolveFeatureSets(["mro", "interstice", "mro", "all"])
        .map((s) => s.name)
        .slice(0, 3),
      ["mro", "interstice", "cn"],
    );
    assert.throws(() => featureSet("intersitce"), /unknown feature set "intersitce" \(known: interstice, mro, cn,/);
  });

  it("adds a user's set only by an explicit call, after the built-in ones, never replacing a built-in set", () => {
    const before = featureSets().length;
    const entry = {
      name: "test_user_set",
      summary: "interstice without clamping",
      inAll: false,
      create: () => new IntersticeFeaturizer({ clamp: false }),
    };
    registerFeatureSet(entry);
    assert.equal(featureSets().length, before + 1);
    assert.equal(featureSets()[before].name, "test_user_set");
    assert.equal(featureSet("test_user_set"), entry);
    assert.ok(!resolveFeatureSets(["all"]).some((s) => s.name === "test_user_set"), "inAll false: not in 'all'");
    assert.throws(() => registerFeatureSet(entry), /already registered/);
    registerFeatureSet(entry, true);
    assert.throws(() => registerFeatureSet({ ...entry, name: "mro" }, true), /built-in set and cannot be replaced/);
    assert.equal(FEATURE_SETS.length, DOCUMENTED.length, "the built-in list does not grow");
  });
});
