import { strict as assert } from "node:assert";
import { describeFeature } from "../../src/features/feature-descriptions";
import { INTERSTICE_LABELS } from "../../src/features/interstice";

describe("features: column names in words", () => {
  it("spells out the interstice SRO and MRO columns", () => {
    assert.equal(describeFeature("dist_voro_min"), "minimum bond (distance) interstice");
    assert.equal(describeFeature("vol_voro_std"), "spread (std) volume interstice");
    assert.equal(describeFeature("mro_vol_voro_mean_std"), "spread (std) over neighbours of: mean volume interstice");
    assert.equal(describeFeature("mro_area_voro_max_mean"), "mean over neighbours of: maximum area interstice");
  });

  it("gives every one of the 80 interstice columns a distinct description without underscores", () => {
    const labels = [
      ...INTERSTICE_LABELS,
      ...INTERSTICE_LABELS.flatMap((l) => ["mean", "min", "max", "std"].map((s) => `mro_${l}_${s}`)),
    ];
    const words = labels.map(describeFeature);
    assert.equal(new Set(words).size, 80);
    for (const w of words) assert.ok(!w.includes("_"), w);
  });

  it("describes literature columns and leaves unknown names unchanged", () => {
    assert.equal(describeFeature("voro_n5"), "Voronoi faces with 5 edges");
    assert.equal(describeFeature("q6_voro"), "bond-orientational order q6 (Voronoi neighbours)");
    assert.equal(describeFeature("mro_cn_voro_mean"), "mean over neighbours of: coordination number (Voronoi)");
    assert.equal(describeFeature("csro_wc_Zr_cut"), "Warren-Cowley parameter of Zr neighbours (cutoff)");
    assert.equal(describeFeature("sf_g_Cu_r1.2"), "sf_g_Cu_r1.2");
  });
});
