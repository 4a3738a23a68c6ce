/** qsoft/plot: Plotly figures from arrays: histograms, violins, boxes, lines, ROC, field maps, 3-D scatter; PNG/SVG rendering and notebook display. The root `qsoft` exports a documented subset (docs/api.md). */

export * from "./figure";
export * from "./style";
export * from "./histogram";
export * from "./violin";
export * from "./box";
export * from "./line";
export * from "./roc";
export * from "./field-map";
export * from "./partial-dependence-map";
export * from "./bar";
export * from "./atom-scatter-3d";
export * from "./neighbor-shell-3d";
export * from "./binning";
export * from "./distribution-series";
export * from "./render-image";
export * from "./notebook-display";
export * from "./figure-html";
export * from "./open-in-browser";
export * from "./reference-marks";
export * from "./softness-figures";
export * from "./strain-stage-figure";
export * from "./fraction-predicted-figure";
export * from "./generalization-figure";
