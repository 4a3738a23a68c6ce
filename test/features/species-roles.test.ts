import * as assert from "node:assert/strict";
import { speciesRoleLabels, withSpeciesRoles } from "../../src/features/species-roles";

describe("species roles", () => {
  it("renames element tokens of feature labels to roles, host first, so two systems' columns line up", () => {
    const cu = speciesRoleLabels(["sf_g_Cu_r0.1", "sf_psi_Cu_Zr_xi1.2_lambda-1_zeta1", "dist_voro_mean"], ["Cu", "Zr"]);
    const ni = speciesRoleLabels(["sf_g_Ni_r0.1", "sf_psi_Ni_Nb_xi1.2_lambda-1_zeta1", "dist_voro_mean"], ["Ni", "Nb"]);
    assert.deepEqual(cu, ["sf_g_A_r0.1", "sf_psi_A_B_xi1.2_lambda-1_zeta1", "dist_voro_mean"]);
    assert.deepEqual(ni, cu);
  });

  it("only whole tokens are renamed (P does not touch 'psi' or 'P2')", () => {
    assert.deepEqual(speciesRoleLabels(["sf_psi_Fe_P_xi1", "P2_count", "csro_P"], ["Fe", "P"]), [
      "sf_psi_A_B_xi1",
      "P2_count",
      "csro_B",
    ]);
  });

  it("refuses renamings that would merge two columns, and repeated elements", () => {
    assert.throws(() => speciesRoleLabels(["n_Cu", "n_A"], ["Cu", "Zr"]), /two feature labels equal/);
    assert.throws(() => speciesRoleLabels(["x"], ["Cu", "Cu"]), /repeated element/);
  });

  it("withSpeciesRoles keeps the values", () => {
    const m = { n: 1, labels: ["g_Cu"], values: new Float64Array([3]) };
    const r = withSpeciesRoles(m, ["Cu", "Zr"]);
    assert.deepEqual(r.labels, ["g_A"]);
    assert.equal(r.values, m.values);
  });
});
