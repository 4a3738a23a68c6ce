import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LITERATURE_SET_NAMES } from "../../src/features/literature-sets";
import { computeFeatures, createFeaturizers } from "../../src/features/compute-features";
import type { FeatureMatrix } from "../../src/table/feature-matrix";
import { featureColumn } from "../../src/table/feature-matrix";
import { featureSet } from "../../src/features/feature-sets";
import { glassFrame } from "./glass-frame";

interface Row {
  [set: string]: number[];
}

const fixture = JSON.parse(readFileSync(join(__dirname, "../fixtures/features-b/benchmark_features.json"), "utf8")) as {
  ids: number[];
  rows: Row[];
};

const SRO_SETS = ["cn", "voronoi_index", "motifs", "volume_metrics", "ifold", "ifold_area", "boop", "csro"];
const MRO_SETS = [
  "mro_cn",
  "mro_voronoi_index",
  "mro_motifs",
  "mro_volume_metrics",
  "mro_ifold",
  "mro_ifold_area",
  "mro_boop",
  "mro_csro",
];

function block(m: FeatureMatrix, first: string, width: number, i: number): number[] {
  const k = m.labels.indexOf(first);
  assert.ok(k >= 0, `no column ${first}`);
  const f = m.labels.length;
  return Array.from(m.values.subarray(i * f + k, i * f + k + width));
}

describe("literature feature sets (list, MRO versions, Cu-Zr glass against voro++/scipy/numpy)", () => {
  const frame = glassFrame();
  let result: ReturnType<typeof computeFeatures>;
  let m: FeatureMatrix;
  before(() => {
    result = computeFeatures(frame, [...SRO_SETS, ...MRO_SETS]);
    m = result.matrix;
  });

  it("registers 8 SRO sets (49 columns for a binary, as the paper counts), 8 MRO sets and the symmetry functions", () => {
    assert.deepEqual([...LITERATURE_SET_NAMES], [...SRO_SETS, ...MRO_SETS, "symmetry_functions"]);
    for (const name of LITERATURE_SET_NAMES) assert.ok(featureSet(name).inAll, name);
    const widths = SRO_SETS.map(
      (s) => computeFeatures(frame, [s], { tessellation: result.context.voronoi() }).matrix.labels.length,
    );
    assert.deepEqual(widths, [2, 5, 4, 3, 5, 5, 16, 9]);
    assert.equal(
      widths.reduce((a, b) => a + b),
      49,
    );
    const mroWidths = MRO_SETS.map((s) => result.featurizers.find((f) => f.name === s)?.featureLabels().length);
    assert.deepEqual(mroWidths, [8, 20, 12, 12, 25, 20, 80, 32]);
  });

  it("matches the independent voro++ + scipy + numpy reference on every atom", () => {
    const exact = 1e-9;
    const checks: [string, string, number, number][] = [
      ["cn", "cn_voro", 2, exact],
      ["voronoi_index", "voro_n3", 5, exact],
      ["ifold", "ifold3_voro", 5, exact],
      ["ifold_area", "ifold_area3_voro", 5, 1e-5], // voro++ prints face areas to 6 digits
      ["csro", "csro_type", 9, exact],
      ["boop", "q4_voro", 16, exact],
      ["boop_coarse", "qbar4_voro", 16, exact],
    ];
    for (let i = 0; i < frame.natoms; i++) {
      for (const [set, first, width, tol] of checks) {
        const got = block(m, first, width, i);
        fixture.rows[i][set].forEach((want, k) =>
          assert.ok(
            Math.abs(got[k] - want) <= tol * Math.max(1, Math.abs(want)),
            `atom ${i} ${set}[${k}]: ${got[k]} vs ${want}`,
          ),
        );
      }
      const [cpe, ape, ratio] = block(m, "cpe_voro", 3, i);
      const [wc, wa, wr] = fixture.rows[i].volume_metrics;
      assert.ok(
        Math.abs(cpe - wc) < 1e-9 && Math.abs(ape - wa) < 1e-12,
        `atom ${i} cpe/ape ${cpe} ${ape} vs ${wc} ${wa}`,
      );
      assert.ok(Math.abs(ratio - wr) < 1e-5 * wr, `atom ${i} volume ratio ${ratio} vs ${wr} (voro++ prints 6 digits)`);
    }
  });

  it("routes each MRO column to its own neighbors: _cut columns over cutoff neighbors, others over Voronoi", () => {
    const ctx = result.context;
    const cn = featureColumn(m, "cn_cut");
    const cnv = featureColumn(m, "cn_voro");
    const cut = ctx.cutoffNeighbors();
    const voro = ctx.voronoiNeighbors();
    for (const i of [0, 17, 499]) {
      let s = 0;
      for (let e = cut.offsets[i]; e < cut.offsets[i + 1]; e++) s += cn[cut.indices[e]];
      assert.ok(Math.abs(featureColumn(m, "mro_cn_cut_mean")[i] - s / (cut.offsets[i + 1] - cut.offsets[i])) < 1e-12);
      let sv = 0;
      let mx = -Infinity;
      for (let e = voro.offsets[i]; e < voro.offsets[i + 1]; e++) {
        sv += cnv[voro.indices[e]];
        mx = Math.max(mx, cnv[voro.indices[e]]);
      }
      assert.ok(
        Math.abs(featureColumn(m, "mro_cn_voro_mean")[i] - sv / (voro.offsets[i + 1] - voro.offsets[i])) < 1e-12,
      );
      assert.equal(featureColumn(m, "mro_cn_voro_max")[i], mx);
    }
    // Forcing one neighbor list for every column (the global mroNeighbors switch).
    const forced = computeFeatures(frame, ["mro_cn"], { mroNeighbors: "voronoi", tessellation: ctx.voronoi() }).matrix;
    const i = 3;
    let s = 0;
    for (let e = voro.offsets[i]; e < voro.offsets[i + 1]; e++) s += cn[voro.indices[e]];
    assert.ok(
      Math.abs(featureColumn(forced, "mro_cn_cut_mean")[i] - s / (voro.offsets[i + 1] - voro.offsets[i])) < 1e-12,
    );
  });

  it("labels the MRO sets: motif sum/mean/std, averaged i-fold first, coarse-grained BOOP first, no type in CMRO", () => {
    const labels = (name: string) =>
      (result.featurizers.find((f) => f.name === name) as { featureLabels(): string[] }).featureLabels();
    assert.deepEqual(labels("mro_motifs").slice(0, 3), [
      "mro_motif_ico_sum",
      "mro_motif_ico_mean",
      "mro_motif_ico_std",
    ]);
    assert.deepEqual(labels("mro_ifold").slice(0, 6), [
      "mro_avg_ifold3_voro",
      "mro_avg_ifold4_voro",
      "mro_avg_ifold5_voro",
      "mro_avg_ifold6_voro",
      "mro_avg_ifold7_voro",
      "mro_ifold3_voro_mean",
    ]);
    assert.deepEqual(labels("mro_boop").slice(15, 18), ["wbar10_cut", "mro_q4_voro_mean", "mro_q4_voro_min"]);
    assert.equal(labels("mro_csro")[0], "mro_csro_n_Cu_voro_mean");
    assert.ok(!labels("mro_csro").some((l) => l.includes("type")));
    // Averaged i-fold by hand from the Voronoi index of the neighbors.
    const voro = result.context.voronoiNeighbors();
    const n5 = featureColumn(m, "voro_n5");
    const all = ["voro_n3", "voro_n4", "voro_n5", "voro_n6", "voro_n7"].map((l) => featureColumn(m, l));
    for (const i of [1, 250]) {
      let num = 0;
      let den = 0;
      for (let e = voro.offsets[i]; e < voro.offsets[i + 1]; e++) {
        const j = voro.indices[e];
        num += n5[j];
        for (const c of all) den += c[j];
      }
      assert.ok(Math.abs(featureColumn(m, "mro_avg_ifold5_voro")[i] - num / den) < 1e-12);
    }
  });

  it("takes set parameters from options.params and refuses unknown ones", () => {
    const [cn] = createFeaturizers(["cn"], { params: { cn: { cutoff: 3.2 } } });
    assert.equal(cn.key, "cn(3.2)");
    // Typed parameters make these typos compile errors (hence "as never"); the run-time checks stay for JSON/JS callers.
    assert.throws(
      () => createFeaturizers(["boop"], { params: { boop: { degree: [6] } as never } }),
      /unknown parameter "degree"/,
    );
    assert.throws(
      () => createFeaturizers(["boop"], { params: { boop: { l: "6" } as never } }),
      /l must be an array of numbers/,
    );
    const [sf] = createFeaturizers(["symmetry_functions"], {
      params: { symmetry_functions: { unit: 2.7, radialCount: 10 } },
    });
    assert.match(sf.key, /^symmetry_functions\(2\.7;10;/);
    // Species-dependent sets can be labelled before any frame when given the species names.
    const [csro, sf2] = createFeaturizers(["mro_csro", "symmetry_functions"], {
      params: { mro_csro: { species: ["Ni", "Nb"] }, symmetry_functions: { species: ["Ni", "Nb"] } },
    });
    assert.equal(csro.featureLabels().length, 32);
    assert.equal(sf2.featureLabels()[50], "sf_g_Nb_r0");
    assert.throws(
      () => createFeaturizers(["csro"], { params: { csro: { species: "Cu" } as never } }),
      /species must be a non-empty array/,
    );
  });
});
