/** qsoft public API: re-exports only. The folders follow the pipeline: io -> neighbors/geometry -> features -> labels -> ml -> analysis -> plot. */

// io: frames, LAMMPS dumps and data files, extended XYZ, perfect crystals
export * from "./structure/frame";
export * from "./io/parse-error";
export * from "./io/dump-reader";
export * from "./io/dump-writer";
export * from "./io/extxyz";
export * from "./io/lammps-data";
export * from "./io/lattice";
export { writeFileAtomic, AtomicWriter } from "./files/atomic-write";

// geometry and neighbors
export * from "./structure/cell";
export * from "./geometry/tessellation";
export * from "./geometry/spatial-blocks";
export * from "./geometry/voronoi";
export * from "./geometry/voronoi-neighbors";
export * from "./geometry/convex-hull";
export * from "./geometry/solid-angle";
export * from "./neighbors/neighbor-list";
export * from "./neighbors/cutoff-neighbors";
export * from "./neighbors/k-nearest";

// features
export * from "./features/featurizer";
export * from "./features/context";
export * from "./features/compute-features";
export * from "./features/feature-set";
export * from "./features/feature-sets";
export * from "./features/radii";
export * from "./features/coarse-grain";
export * from "./features/interstice";
export * from "./features/interstice-kernels";
export * from "./features/mro";
export * from "./features/coordination";
export * from "./features/voronoi-index";
export * from "./features/motifs";
export * from "./features/volume-metrics";
export * from "./features/ifold-symmetry";
export * from "./features/boop";
export * from "./features/chemical-sro";
export * from "./features/symmetry-functions";
export * from "./features/wigner3j";
export * from "./features/literature-sets";
export * from "./features/species-roles";

// labels
export * from "./labels/d2min";
export * from "./labels/atomic-strain";
export * from "./labels/plastic";

// data set
export * from "./dataset/manifest";
export * from "./dataset/dataset";
export * from "./dataset/sample";
export * from "./dataset/checksum";
export * from "./dataset/lammps-log";

// machine learning
export * from "./ml/random";
export * from "./ml/design-matrix";
export * from "./ml/binary-labels";
export * from "./ml/classifier";
export * from "./ml/bin-mapper";
export * from "./ml/regression-tree";
export * from "./ml/decision-tree-regressor";
export * from "./ml/gradient-boosting-classifier";
export * from "./ml/gbdt-params";
export * from "./ml/binomial-loss";
export * from "./ml/averaging-classifier";
export * from "./ml/model-io";
export * from "./ml/paper-protocol";
export * from "./ml/sampling/undersample";
export * from "./ml/sampling/easy-ensemble";
export * from "./ml/model-selection/kfold";
export * from "./ml/model-selection/stratified-kfold";
export * from "./ml/model-selection/group-kfold";
export * from "./ml/model-selection/train-test-split";
export * from "./ml/model-selection/cross-validate";
export * from "./ml/model-selection/grid-search";
export * from "./ml/metrics/roc-auc";
export * from "./ml/metrics/roc-curve";
export * from "./ml/metrics/classification-scores";
export * from "./ml/metrics/bootstrap-auc";
export * from "./ml/metrics/calibration-curve";
export * from "./ml/selection/correlation-filter";
export * from "./ml/selection/recursive-feature-elimination";
export * from "./ml/inspection/permutation-importance";
export * from "./ml/inspection/partial-dependence";
export * from "./ml/inspection/tree-partial-dependence";

// quench-in softness
export * from "./softness/quench-in-softness";
export * from "./softness/model-card";
export * from "./softness/training-set";
export * from "./softness/sample-features";
export * from "./softness/condition-glasses";

// analysis
export * from "./analysis/softness-statistics";
export * from "./analysis/pair-correlation";
export * from "./analysis/mass-scaling";
export * from "./analysis/paper-claims";
export * from "./analysis/generalization";
export * from "./analysis/feature-set-comparison";
export * from "./analysis/motif-overlay";

// tables and plots
export * from "./table/csv";
export * from "./table/dataframe";
export { show } from "./table/show";
export { tableHtml } from "./table/table-html";
export { tableText } from "./table/table-text";
export type { TableLike, RowsTable, LabeledMatrix } from "./table/table-like";
export type { TableDisplayOptions } from "./table/table-layout";
export * from "./table/feature-matrix";
export * from "./plot/figure";
export * from "./plot/style";
export * from "./plot/histogram";
export * from "./plot/violin";
export * from "./plot/box";
export * from "./plot/line";
export * from "./plot/roc";
export * from "./plot/field-map";
export * from "./analysis/slice-field";
export * from "./plot/partial-dependence-map";
export * from "./plot/bar";
export * from "./plot/atom-scatter-3d";
export * from "./plot/binning";
export * from "./plot/distribution-series";
export * from "./plot/render-image";
export * from "./plot/notebook-display";
export * from "./plot/figure-html";
export * from "./plot/interactive";
export * from "./plot/chromium";
