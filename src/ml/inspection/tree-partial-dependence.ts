import { AveragingClassifier } from "../averaging-classifier";
import { GradientBoostingClassifier } from "../gradient-boosting-classifier";
import type { RegressionTree } from "../regression-tree";

/** The fitted GBDTs of a model: itself, or the members of an averaging ensemble (all must be GBDTs). */
function boostedMembers(model: GradientBoostingClassifier | AveragingClassifier): GradientBoostingClassifier[] {
  if (model instanceof GradientBoostingClassifier) return [model];
  if (model instanceof AveragingClassifier) {
    return model.members.map((m, k) => {
      if (!(m instanceof GradientBoostingClassifier))
        throw new Error(`treePartialDependence: member ${k} is not a GradientBoostingClassifier`);
      return m;
    });
  }
  throw new Error("treePartialDependence: expected a GradientBoostingClassifier or an AveragingClassifier of them");
}

/** Weighted traversal of the subtree at node k with features f0, f1 fixed to v0, v1 (Friedman 2001, Sec. 8.2). */
function treeValue(t: RegressionTree, k: number, f0: number, v0: number, f1: number, v1: number): number {
  const l = t.left[k];
  if (l < 0) return t.value[k];
  const f = t.feature[k];
  const r = t.right[k];
  if (f === f0) return treeValue(t, v0 < t.threshold[k] ? l : r, f0, v0, f1, v1);
  if (f === f1) return treeValue(t, v1 < t.threshold[k] ? l : r, f0, v0, f1, v1);
  // A split on another feature: both children, weighted by the share of the node's cover (summed sample
  // weight; the sample count when unweighted) that went left, as sklearn/tree/_tree.pyx
  // (Tree.compute_partial_dependence: weighted_n_node_samples[left] / weighted_n_node_samples[node]).
  const c = t.cover[k];
  const wl = c > 0 ? t.cover[l] / c : 0.5;
  return wl * treeValue(t, l, f0, v0, f1, v1) + (1 - wl) * treeValue(t, r, f0, v0, f1, v1);
}

/** Whether a tree splits on f0 or f1 anywhere. */
function usesFeatures(t: RegressionTree, f0: number, f1: number): boolean {
  for (let k = 0; k < t.nodeCount; k++) if (t.left[k] >= 0 && (t.feature[k] === f0 || t.feature[k] === f1)) return true;
  return false;
}

/**
 * Partial dependence of a boosted model's log-odds on two features at the points (x0[i], x1[i]), by the
 * "recursion" method of Friedman (2001), scikit-learn's default for gradient boosting (and the only method of its
 * older sklearn.ensemble.partial_dependence, current in 2019): each tree is traversed with the two features fixed, and
 * a split on any other feature sends the point down both branches weighted by the fraction of the node's training
 * cover in each (the summed sample weight, so a weighted fit is weighted as scikit-learn's
 * weighted_n_node_samples; the sample count when unweighted). Unlike scikit-learn's, the result includes the constant initial log-odds (0 for the balanced
 * training data of the paper's protocol), so its sign reads as "more / less likely plastic than even".
 * For an averaging ensemble: the mean over members.
 */
export function treePartialDependence(
  model: GradientBoostingClassifier | AveragingClassifier,
  features: [number, number],
  x0: ArrayLike<number>,
  x1: ArrayLike<number>,
): Float64Array {
  if (x0.length !== x1.length)
    throw new Error(`treePartialDependence: ${x0.length} values of the first feature, ${x1.length} of the second`);
  const [f0, f1] = features;
  if (f0 === f1) throw new Error("treePartialDependence: the two features must differ");
  const members = boostedMembers(model);
  const out = new Float64Array(x0.length);
  for (const m of members) {
    if (!(f0 >= 0 && f0 < m.nFeatures && f1 >= 0 && f1 < m.nFeatures))
      throw new Error(`treePartialDependence: features [${f0}, ${f1}] out of range [0, ${m.nFeatures})`);
    // Trees that never split on f0 or f1 add the same constant at every point: summed once.
    let constant = m.baseline;
    const varying: RegressionTree[] = [];
    for (const t of m.trees) {
      if (usesFeatures(t, f0, f1)) varying.push(t);
      else constant += treeValue(t, 0, f0, 0, f1, 0);
    }
    for (let i = 0; i < x0.length; i++) {
      let s = constant;
      for (const t of varying) s += treeValue(t, 0, f0, x0[i], f1, x1[i]);
      out[i] += s / members.length;
    }
  }
  return out;
}
