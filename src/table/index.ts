/** qsoft/table: Tables: the Table and FeatureMatrix types, CSV and Parquet files, danfojs DataFrames. The root `qsoft` exports a documented subset (docs/api.md). */

export * from "./csv";
export * from "./parquet";
export * from "./table-file";
export * from "./dataframe";
export * from "./feature-matrix";
export * from "./table-like";
export * from "./table-layout";
export * from "./cell-format";
export * from "./format";
export * from "./table-html";
export * from "./table-text";
export * from "./kernel-display";
export * from "./show";
export * from "./row-spill";
