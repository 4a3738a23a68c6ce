import { strict as assert } from "node:assert";
import { ChemicalSroFeaturizer, chemicalShortRangeOrder } from "../../src/features/chemical-sro";
import { StructureContext } from "../../src/features/context";
import { latticeFrame } from "../../src/io/lattice";
import { listFromRows } from "./brute-neighbors";

function near(a: number, b: number, what: string): void {
  assert.ok(Math.abs(a - b) < 1e-12, `${what}: ${a} vs ${b}`);
}

describe("chemical SRO (neighbor counts, Warren-Cowley alpha_iX = 1 - p_iX / c_X)", () => {
  it("hand-worked: 3 A + 1 B, atom 0 sees one A and one B", () => {
    const list = listFromRows([
      [
        { j: 1, v: [1, 0, 0] },
        { j: 3, v: [0, 1, 0] },
      ],
      [],
      [{ j: 0, v: [1, 0, 0] }],
      [{ j: 0, v: [0, 1, 0] }],
    ]);
    const got = chemicalShortRangeOrder(list, Int32Array.from([0, 0, 0, 1]), 2);
    // c_A = 3/4, c_B = 1/4; p_A = p_B = 1/2: alpha_A = 1 - (1/2)/(3/4) = 1/3, alpha_B = 1 - (1/2)/(1/4) = -1.
    [1, 1, 1 / 3, -1].forEach((v, k) => near(got[k], v, `atom 0 column ${k}`));
    assert.deepEqual(Array.from(got.subarray(4, 6)), [0, 0]);
    assert.ok(Number.isNaN(got[6]) && Number.isNaN(got[7]), "no neighbors: alpha undefined");
    near(got[4 * 3 + 2], 1 - 1 / 0.75, "B atom with one A neighbor");
  });

  it("L1_2 (Cu3Au): Au sees 12 Cu (alpha_Au = 1, alpha_Cu = -1/3); Cu sees 4 Au + 8 Cu (-1/3, 1/9)", () => {
    const f = latticeFrame("fcc", 3.6, [3, 3, 3], {
      basisTypes: [1, 2, 2, 2],
      elements: ["Au", "Cu"],
      shift: [0.01, 0.02, 0.03],
    });
    const ctx = new StructureContext(f, { cutoff: 3.0 });
    const m = ctx.features(new ChemicalSroFeaturizer());
    assert.deepEqual(m.labels, [
      "csro_type",
      "csro_n_Au_voro",
      "csro_n_Cu_voro",
      "csro_wc_Au_voro",
      "csro_wc_Cu_voro",
      "csro_n_Au_cut",
      "csro_n_Cu_cut",
      "csro_wc_Au_cut",
      "csro_wc_Cu_cut",
    ]);
    for (let i = 0; i < f.natoms; i++) {
      const row = Array.from(m.values.subarray(9 * i, 9 * i + 9));
      const want =
        f.types[i] === 1 ? [1, 0, 12, 1, -1 / 3, 0, 12, 1, -1 / 3] : [2, 4, 8, -1 / 3, 1 / 9, 4, 8, -1 / 3, 1 / 9];
      want.forEach((v, k) => near(row[k], v, `atom ${i} ${m.labels[k]}`));
    }
  });

  it("labels need the species before a frame, unless given; bad parameters are refused", () => {
    assert.throws(() => new ChemicalSroFeaturizer().featureLabels(), /species are not known/);
    assert.equal(new ChemicalSroFeaturizer({ neighbors: ["cut"] }, ["Ni", "Nb"]).featureLabels().length, 5);
    assert.throws(() => new ChemicalSroFeaturizer({ neighbors: ["voro", "voro"] }), /repeated/);
    assert.throws(() => new ChemicalSroFeaturizer({ types: [0] }), /integers >= 1/);
  });
});
