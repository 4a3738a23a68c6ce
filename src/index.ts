/**
 * qsoft public API: the names a notebook or a first script needs, each listed in docs/api.md. Deeper parts come
 * from the subpath entries (`qsoft/io`, `qsoft/features`, `qsoft/ml`, ...; package.json `exports`), each a
 * src/<folder>/index.ts barrel. tslab notebooks see only this root entry (tslab ignores `exports`).
 * Pipeline order: structure -> io -> geometry/neighbors -> features -> labels -> ml -> softness -> analysis -> plot.
 */

// structure and files
export { Cell } from "./structure/cell";
export type { Frame } from "./structure/frame";
export { readDump } from "./io/dump-reader";
export { writeDump } from "./io/dump-writer";
export { latticeFrame } from "./io/lattice";

// geometry
export { Voronoi } from "./geometry/voronoi";
export { PAPER_FACE_FILTER, voronoiNeighbors } from "./geometry/voronoi-neighbors";
export { convexHull } from "./geometry/convex-hull";

// features
export { computeFeatures, featurize, PAPER_FEATURE_OPTIONS } from "./features/compute-features";
export type { FeatureResult } from "./features/compute-features";
export { FEATURE_SETS } from "./features/feature-sets";
export { INTERSTICE_LABELS } from "./features/interstice";
export { areaInterstice, distanceInterstice, volumeInterstice } from "./features/interstice-kernels";
export { MIRACLE_RADII } from "./features/radii";
/** A feature column name in words, for axis titles and tables ("dist_voro_min" -> "minimum bond (distance) interstice"). */
export { describeFeature } from "./features/feature-descriptions";

// labels
export { D2min } from "./labels/d2min";
export { PLASTIC_STRAIN, PLASTIC_THRESHOLD, plasticLabels, thresholdForFraction } from "./labels/plastic";

// data set
export { dataset } from "./dataset/dataset";
export { conditionOf, loadManifest, rateTag } from "./dataset/manifest";
export { loadSample } from "./dataset/sample";
export type { Sample } from "./dataset/sample";

// machine learning
export { Random } from "./ml/random";
export { GradientBoostingClassifier } from "./ml/gradient-boosting-classifier";
export { PAPER_GBDT_PARAMS } from "./ml/gbdt-params";
export { paperProtocol } from "./ml/paper-protocol";
export type { PaperProtocolResult } from "./ml/paper-protocol";
export { trainOnGlasses } from "./ml/glass-training";
export { scoreProba } from "./ml/model-selection/cross-validate";
export { rocAucScore } from "./ml/metrics/roc-auc";
export { rocCurve } from "./ml/metrics/roc-curve";
export { bootstrapAuc } from "./ml/metrics/bootstrap-auc";
export type { Explanation } from "./ml/inspection/tree-shap";

// quench-in softness
export { QuenchInSoftness, shippedModels } from "./softness/quench-in-softness";
export type { SoftnessResult } from "./softness/quench-in-softness";
export { hostOf, labeledGlass } from "./softness/training-set";
export type { LabeledGlass } from "./softness/training-set";
export { conditionGlasses, manifestConditions } from "./softness/condition-glasses";
export type { ConditionGlasses } from "./softness/condition-glasses";

// analysis
export {
  conditionalProbability,
  fractionPredictedByValue,
  logEdges,
  softnessGroups,
} from "./analysis/softness-statistics";
/** Figure 3 data: decades spanned by P(plastic | QS), Wilson intervals, the glasses of Figure 3f. */
export { decadesSpanned, figure3fConditions, wilsonInterval } from "./analysis/softness-statistics";
/** A sample's stress-strain curve and its stages (elastic limit, peak, flow) for Figure 3e. */
export { deformationStages, sampleStressStrain } from "./analysis/deformation-stages";
export { PairCorrelation } from "./analysis/pair-correlation";
export { fractalDimension, logRadii, massDistribution } from "./analysis/mass-scaling";
export {
  fitConditions,
  SCENARIO_NAMES,
  summarizeScenarios,
  transferPairs,
  withReference,
} from "./analysis/generalization";
/** Figure 4's violins: transfer pairs grouped by scenario, scenario v split by target system. */
export { scenarioGroups } from "./analysis/generalization";
export type { FittedCondition, TransferPair, TransferReference } from "./analysis/generalization";
export {
  AUGMENTED_GROUPS,
  conditionComparisonTable,
  FIGURE_5A_GROUPS,
  LITERATURE_SRO_MRO,
} from "./analysis/feature-set-comparison";
export type { FeatureGroupScore } from "./analysis/feature-set-comparison";
export { compareOnSamples, comparisonRows } from "./analysis/feature-set-comparison-samples";
export type { SampleComparison } from "./analysis/feature-set-comparison-samples";
export { MOTIF_CLASSES, motifOverlay, motifOverlaySummary, motifPointSets } from "./analysis/motif-overlay";
export { sliceField } from "./analysis/slice-field";
// analysis: the reproduction ledger (REPRODUCTION.md, `qsoft reproduce`; claim types in qsoft/analysis)
export { FIGURE_4_REFERENCES, LedgerContext, reproduceClaims, verdictCounts } from "./analysis/paper-claims";

// analysis: what limits our AUC (notebooks/07-what-limits-auc; the rest of it in qsoft/analysis)
/** Glasses of one composition grouped by quench rate and cell size, with octants for contiguous parts. */
export { compositionGlassGroups } from "./analysis/auc-limit-glasses";
/** The five studies: training data, quench rate, label, cell size, split; and the paper's reference numbers. */
export { trainingDataStudy, quenchRateStudy, labelStudy, cellSizeStudy, splitStudy } from "./analysis/auc-limits";
export {
  PAPER_TRAINING_ATOMS,
  PAPER_QUENCH_RATE,
  PAPER_TEST_AUC,
  PAPER_PLASTIC_FRACTION,
  PAPER_STD_QS,
} from "./analysis/auc-limits";
/** The closing table (share of the 0.771 - ours gap per factor, with confidence) and its ledger rows. */
export { aucGapTable, aucGapClaims } from "./analysis/auc-gap";
/** Log-linear trend y = a + b log10(x) with confidence and prediction intervals. */
export { logTrendAt } from "./analysis/log-trend";
export type { LogTrend } from "./analysis/log-trend";

// tables
export { numericColumn, readCsv } from "./table/csv";
export type { Table } from "./table/csv";
/** Table files by extension (".parquet" Parquet, else CSV): readTable(file) and writeTable(file, table), atomic. */
export { readTable, writeTable } from "./table/table-file";
export type { FeatureMatrix } from "./table/feature-matrix";
export { show } from "./table/show";
export { tableText } from "./table/table-text";
export type { TableLike } from "./table/table-like";
/** Number formats for printed lines: fixed(x), signed(x), percent(x), secondsSince(t0); missing values as "-". */
export { fixed, percent, secondsSince, signed } from "./table/format";

// plots
export type { Figure, Layout, Mesh3dTrace, Scatter3dTrace, SceneAxis } from "./plot/figure";
export { baseLayout, PALETTE } from "./plot/style";
export { histogram } from "./plot/histogram";
export { violinPlot } from "./plot/violin";
export { boxPlot, boxStatistics } from "./plot/box";
export { linePlot } from "./plot/line";
export { rocPlot } from "./plot/roc";
export { fieldMap } from "./plot/field-map";
export { partialDependenceMap } from "./plot/partial-dependence-map";
export { barChart } from "./plot/bar";
export { atomScatter3d } from "./plot/atom-scatter-3d";
/** One atom's neighbor shell in 3-D: bonds or hull triangles coloured by their interstice values (notebook 01). */
export { colorOnScale, neighborShell3d } from "./plot/neighbor-shell-3d";
export type { NeighborShell } from "./plot/neighbor-shell-3d";
export { renderToFile } from "./plot/render-image";
export { showFigure, showFigures } from "./plot/notebook-display";
/** The paper's panels from arrays: Figure 2b, 3a/3f, 3b, 3d, 3e and 4, each with the paper's values marked. */
export { groupContrastFigure, plasticProbabilityFigure, softnessDistributionFigure } from "./plot/softness-figures";
export { fractionPredictedFigure } from "./plot/fraction-predicted-figure";
export { strainStageFigure } from "./plot/strain-stage-figure";
export { generalizationFigure } from "./plot/generalization-figure";
/** Reference marks on a figure: a dashed line at a value, a shaded band, a note. */
export { annotate, markX, markY, shadeX } from "./plot/reference-marks";
