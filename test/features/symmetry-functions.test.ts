import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { StructureContext } from "../../src/features/context";
import { SymmetryFunctionsFeaturizer } from "../../src/features/symmetry-functions-featurizer";
import {
  SOFTNESS_ANGULAR_PARAMS,
  resolveSymmetryFunctionParams,
  symmetryFunctionLabels,
  symmetryFunctions,
} from "../../src/features/symmetry-functions";
import { bruteNeighbors, listFromRows } from "./brute-neighbors";
import { glassFrame } from "./glass-frame";

interface Fixture {
  sigma: number;
  cluster: { positions: number[][]; types: number[]; values: number[][] };
  glass: { rows: number[]; values: number[][] };
}

const fixture = JSON.parse(
  readFileSync(join(__dirname, "../fixtures/features-b/symmetry_functions.json"), "utf8"),
) as Fixture;
const P = resolveSymmetryFunctionParams();

function compareRows(got: Float64Array, width: number, rows: number[], want: number[][]): void {
  let worst = 0;
  rows.forEach((i, r) => {
    for (let k = 0; k < width; k++) {
      const a = got[i * width + k];
      const b = want[r][k];
      const err = Math.abs(a - b) / (Math.abs(b) + 1e-280);
      if (err > worst) worst = err;
      assert.ok(Math.abs(a - b) <= 1e-11 * Math.abs(b) + 1e-280, `row ${i} column ${k}: ${a} vs ${b}`);
    }
  });
  assert.ok(worst < 1e-11, `worst relative error ${worst}`);
}

describe("symmetry functions (paper Eqs. 2-3)", () => {
  it("has 166 columns for a binary: 2 x 50 radial, 3 x 22 angular, with documented labels", () => {
    const labels = symmetryFunctionLabels(["Cu", "Zr"], P);
    assert.equal(labels.length, 166);
    assert.equal(labels[0], "sf_g_Cu_r0");
    assert.equal(labels[49], "sf_g_Cu_r4.9");
    assert.equal(labels[50], "sf_g_Zr_r0");
    assert.equal(labels[100], "sf_psi_Cu_Cu_xi14.633_lambda-1_zeta1");
    assert.equal(labels[122], "sf_psi_Cu_Zr_xi14.633_lambda-1_zeta1");
    assert.equal(labels[165], "sf_psi_Zr_Zr_xi0.695_lambda1_zeta16");
    assert.equal(new Set(labels).size, 166);
    assert.equal(SOFTNESS_ANGULAR_PARAMS.length, 22);
  });

  it("matches an independent numpy implementation on a random 40-atom Cu/Zr cluster (all rows)", () => {
    const pos = Float64Array.from(fixture.cluster.positions.flat());
    const list = bruteNeighbors(pos, null, 10);
    const species = Int32Array.from(fixture.cluster.types, (t) => t - 1);
    const got = symmetryFunctions(list, species, 2, P);
    compareRows(
      got,
      166,
      fixture.cluster.values.map((_, i) => i),
      fixture.cluster.values,
    );
  });

  it("matches numpy on the periodic Cu-Zr glass through the featurizer (context cutoff list of 2.5 sigma)", () => {
    const frame = glassFrame();
    const rc = 2.5 * 2.52;
    const ctx = new StructureContext(frame, {
      cutoff: rc,
      cutoffNeighbors: bruteNeighbors(frame.positions, frame.cell, rc),
    });
    const sf = new SymmetryFunctionsFeaturizer();
    const m = ctx.features(sf);
    assert.equal(m.labels.length, 166);
    assert.equal(m.labels[0], "sf_g_Cu_r0");
    compareRows(m.values, 166, fixture.glass.rows, fixture.glass.values);
  });

  it("is invariant under rotation and under relabelling of the atoms", () => {
    const pos = Float64Array.from(fixture.cluster.positions.flat());
    const species = Int32Array.from(fixture.cluster.types, (t) => t - 1);
    const ref = symmetryFunctions(bruteNeighbors(pos, null, 10), species, 2, P);
    const [c, s] = [Math.cos(0.7), Math.sin(0.7)];
    const [c2, s2] = [Math.cos(-1.9), Math.sin(-1.9)];
    const rot = new Float64Array(pos.length);
    for (let i = 0; i < pos.length; i += 3) {
      const x = c * pos[i] - s * pos[i + 1];
      const y = s * pos[i] + c * pos[i + 1];
      const z = pos[i + 2];
      rot[i] = c2 * x + s2 * z;
      rot[i + 1] = y;
      rot[i + 2] = -s2 * x + c2 * z;
    }
    const rotated = symmetryFunctions(bruteNeighbors(rot, null, 10), species, 2, P);
    const n = species.length;
    const order = Array.from({ length: n }, (_, i) => (7 * i + 3) % n); // a permutation (gcd(7, 40) = 1)
    const permPos = Float64Array.from(order.flatMap((i) => [pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]]));
    const permuted = symmetryFunctions(
      bruteNeighbors(permPos, null, 10),
      Int32Array.from(order, (i) => species[i]),
      2,
      P,
    );
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 166; k++) {
        const want = ref[i * 166 + k];
        const tol = 1e-11 * Math.abs(want) + 1e-280;
        assert.ok(Math.abs(rotated[i * 166 + k] - want) <= tol, `rotation, atom ${i} column ${k}`);
      }
    }
    order.forEach((i, r) => {
      for (let k = 0; k < 166; k++) {
        const want = ref[i * 166 + k];
        assert.ok(
          Math.abs(permuted[r * 166 + k] - want) <= 1e-11 * Math.abs(want) + 1e-280,
          `permutation, atom ${i} column ${k}`,
        );
      }
    });
  });

  it("ignores list entries beyond the cutoff and atoms of unlisted species; empty sums are zero", () => {
    const pos = Float64Array.from(fixture.cluster.positions.flat());
    const species = Int32Array.from(fixture.cluster.types, (t) => t - 1);
    const wide = symmetryFunctions(bruteNeighbors(pos, null, 20), species, 2, P);
    const tight = symmetryFunctions(bruteNeighbors(pos, null, 2.5 * 2.52 + 1e-9), species, 2, P);
    assert.deepEqual(Array.from(wide), Array.from(tight));
    const lonely = symmetryFunctions(listFromRows([[]]), new Int32Array([0]), 2, P);
    assert.ok(lonely.every((x) => x === 0));
    // A neighbor of species -1 contributes nothing.
    const ignored = symmetryFunctions(listFromRows([[{ j: 1, v: [2.5, 0, 0] }], []]), new Int32Array([0, -1]), 2, P);
    assert.ok(ignored.every((x) => x === 0));
  });

  it("hand-worked: one Cu neighbor at 1 sigma gives G_Cu(r) = exp(-(1 - r)^2 / 0.02) (r in sigma)", () => {
    const list = listFromRows([[{ j: 1, v: [0, 2.52, 0] }], [{ j: 0, v: [0, -2.52, 0] }]]);
    const got = symmetryFunctions(list, new Int32Array([0, 0]), 1, P);
    const width = 50 + 22;
    for (let k = 0; k < 50; k++) {
      const want = Math.exp(-((1 - 0.1 * k) ** 2) / (2 * 0.01));
      assert.ok(Math.abs(got[k] - want) <= 1e-12 * want + 1e-300, `bin ${k}: ${got[k]} vs ${want}`);
    }
    for (let k = 50; k < width; k++) assert.equal(got[k], 0); // no pair of bonds, no angular term
  });

  it("rejects bad parameters", () => {
    assert.throws(() => resolveSymmetryFunctionParams({ unit: 0 }), /unit must be a positive number/);
    assert.throws(() => resolveSymmetryFunctionParams({ angular: [{ xi: 1, lambda: 2, zeta: 1 }] }), /lambda must be/);
    assert.throws(() => new SymmetryFunctionsFeaturizer().featureLabels(), /species are not known/);
    assert.throws(() => new SymmetryFunctionsFeaturizer({ types: [1, 1] }), /types are repeated/);
  });
});
