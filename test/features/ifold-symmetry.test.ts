import { strict as assert } from "node:assert";
import { StructureContext } from "../../src/features/context";
import { IFoldSymmetryFeaturizer, averagedIFoldSymmetry, iFoldSymmetry } from "../../src/features/ifold-symmetry";
import { latticeFrame } from "../../src/io/lattice";
import { listFromRows } from "./brute-neighbors";
import { handTessellation } from "./tess-helpers";

function near(a: number, b: number, what: string): void {
  assert.ok(Math.abs(a - b) < 1e-12, `${what}: ${a} vs ${b}`);
}

describe("i-fold symmetry indices", () => {
  it("n_i / sum n_k and the face-area-weighted form, by hand (8-edged faces in neither sum)", () => {
    const t = handTessellation([
      [
        { j: 1, area: 1, edges: 3 },
        { j: 1, area: 2, edges: 4 },
        { j: 1, area: 3, edges: 5 },
        { j: 1, area: 3, edges: 5 },
        { j: 1, area: 5, edges: 6 },
        { j: 1, area: 9, edges: 8 },
      ],
      [{ j: 0, area: 2, edges: 7 }],
    ]);
    const plain = iFoldSymmetry(t, null, "none");
    const area = iFoldSymmetry(t, null, "area");
    [1 / 5, 1 / 5, 2 / 5, 1 / 5, 0].forEach((v, k) => near(plain[k], v, `plain ${k + 3}`));
    [1 / 14, 2 / 14, 6 / 14, 5 / 14, 0].forEach((v, k) => near(area[k], v, `area ${k + 3}`));
    assert.deepEqual(Array.from(plain.subarray(5)), [0, 0, 0, 0, 1]);
    // With a mask that drops the 4-edged face.
    const masked = iFoldSymmetry(t, Uint8Array.from([1, 0, 1, 1, 1, 1, 1]), "none");
    [1 / 4, 0, 2 / 4, 1 / 4, 0].forEach((v, k) => near(masked[k], v, `masked ${k + 3}`));
  });

  it("bcc: 6/14 squares and 8/14 hexagons; weighted by area e^2 : (3 sqrt(3)/2) e^2", () => {
    const f = latticeFrame("bcc", 3.0, [3, 3, 3], { shift: [0.01, 0.02, 0.03] });
    const ctx = new StructureContext(f);
    const plain = ctx.features(new IFoldSymmetryFeaturizer("none"));
    const area = ctx.features(new IFoldSymmetryFeaturizer("area"));
    assert.deepEqual(plain.labels, ["ifold3_voro", "ifold4_voro", "ifold5_voro", "ifold6_voro", "ifold7_voro"]);
    assert.deepEqual(area.labels, [
      "ifold_area3_voro",
      "ifold_area4_voro",
      "ifold_area5_voro",
      "ifold_area6_voro",
      "ifold_area7_voro",
    ]);
    const hex = (3 * Math.sqrt(3)) / 2;
    for (let i = 0; i < f.natoms; i++) {
      near(plain.values[5 * i + 1], 6 / 14, "ifold4");
      near(plain.values[5 * i + 3], 8 / 14, "ifold6");
      near(area.values[5 * i + 1], 6 / (6 + 8 * hex), "ifold_area4");
      near(area.values[5 * i + 3], (8 * hex) / (6 + 8 * hex), "ifold_area6");
    }
  });

  it("averaged over neighbors: sum_m n_i^m / sum_m sum_k n_k^m, centre excluded, NaN without data", () => {
    const index = Float64Array.from([0, 0, 12, 0, 0, 0, 2, 8, 4, 0, 1, 3, 6, 3, 1, NaN, NaN, NaN, NaN, NaN]);
    const list = listFromRows([
      [
        { j: 1, v: [1, 0, 0] },
        { j: 2, v: [0, 1, 0] },
        { j: 3, v: [0, 0, 1] },
      ],
      [{ j: 0, v: [-1, 0, 0] }],
      [],
      [{ j: 3, v: [0, 0, 2] }],
    ]);
    const got = averagedIFoldSymmetry(index, list);
    // Atom 0: neighbors 1 and 2 (3 is NaN): sums (1, 5, 14, 7, 1) / 28.
    [1 / 28, 5 / 28, 14 / 28, 7 / 28, 1 / 28].forEach((v, k) => near(got[k], v, `atom 0, i = ${k + 3}`));
    [0, 0, 1, 0, 0].forEach((v, k) => near(got[5 + k], v, `atom 1, i = ${k + 3}`));
    assert.ok(got.subarray(10).every(Number.isNaN));
  });
});
