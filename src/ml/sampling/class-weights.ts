/**
 * Sample weights that balance two classes (scikit-learn's `compute_sample_weight("balanced", y)`): a sample of
 * class c weighs n / (2 n_c), so each class carries half the total weight n. The alternative to undersampling
 * that keeps every atom (King & Zeng, Political Analysis 9, 137 (2001), "weighting" for rare events).
 */
export function balancedSampleWeights(y: ArrayLike<number>): Float64Array {
  const count = [0, 0];
  for (let i = 0; i < y.length; i++) {
    const c = y[i];
    if (c !== 0 && c !== 1) throw new Error(`y[${i}] = ${c}; labels must be 0 or 1`);
    count[c]++;
  }
  if (count[0] === 0 || count[1] === 0)
    throw new Error(`cannot balance: y has only one class (${y.length} samples of class ${count[0] ? 0 : 1})`);
  const w = [y.length / (2 * count[0]), y.length / (2 * count[1])];
  return Float64Array.from({ length: y.length }, (_, i) => w[y[i]]);
}
