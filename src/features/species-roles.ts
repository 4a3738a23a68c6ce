import type { FeatureMatrix } from "../table/feature-matrix";

/** Default role names: the first element of a system (the host, e.g. Cu, Ni, Al, Fe) is "A", the second "B". */
export const DEFAULT_SPECIES_ROLES: readonly string[] = Object.freeze(["A", "B", "C", "D", "E", "F"]);

/**
 * Renames the species tokens of feature labels to roles, so that species-resolved columns (symmetry functions
 * `sf_g_Cu_r0.1`, CSRO counts, ...) of different systems line up: with elements [Cu, Zr], `sf_psi_Cu_Zr_xi1_...`
 * becomes `sf_psi_A_B_xi1_...`, and the same column of a Ni62Nb38 glass (elements [Ni, Nb]) gets the same name.
 * Labels are split on "_" and each token equal to an element name is replaced; other tokens are kept.
 * This is how a model fitted on one system is applied to another (paper, Figure 4, 5th scenario): the majority
 * (host) element takes the role of Cu.
 */
export function speciesRoleLabels(
  labels: readonly string[],
  elements: readonly string[],
  roles: readonly string[] = DEFAULT_SPECIES_ROLES,
): string[] {
  if (elements.length > roles.length)
    throw new Error(`species roles: ${elements.length} elements but only ${roles.length} role names`);
  const role = new Map(elements.map((e, k) => [e, roles[k]]));
  if (role.size !== elements.length) throw new Error(`species roles: repeated element in [${elements.join(", ")}]`);
  const out = labels.map((l) =>
    l
      .split("_")
      .map((t) => role.get(t) ?? t)
      .join("_"),
  );
  if (new Set(out).size !== out.length)
    throw new Error(`species roles: renaming [${elements.join(", ")}] to roles makes two feature labels equal`);
  return out;
}

/** `matrix` with its labels renamed by `speciesRoleLabels` (the values are shared, not copied). */
export function withSpeciesRoles(
  matrix: FeatureMatrix,
  elements: readonly string[],
  roles?: readonly string[],
): FeatureMatrix {
  return { ...matrix, labels: speciesRoleLabels(matrix.labels, elements, roles) };
}
