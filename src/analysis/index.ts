/** qsoft/analysis: Analyses of the paper's figures: softness statistics, g(r) and M(r), generalization (Figure 4), feature-set comparison (Figure 5), claims. The root `qsoft` exports a documented subset (docs/api.md). */

export * from "./softness-statistics";
export * from "./pair-correlation";
export * from "./mass-scaling";
export * from "./paper-claims";
export * from "./generalization";
export * from "./feature-set-comparison";
export * from "./feature-set-comparison-parallel";
export * from "./feature-set-comparison-samples";
export * from "./motif-overlay";
export * from "./slice-field";
export * from "./auc-limit-glasses";
export * from "./auc-limits";
export * from "./auc-gap";
export * from "./what-limits-auc";
export * from "./log-trend";
export * from "./student-t";
export * from "./deformation-stages";
