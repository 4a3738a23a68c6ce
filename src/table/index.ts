/** qsoft/table: Tables: the Table and FeatureMatrix types, CSV, danfojs DataFrames. The root `qsoft` exports a documented subset (docs/api.md). */

export * from "./csv";
export * from "./dataframe";
export * from "./feature-matrix";
