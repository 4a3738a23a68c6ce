import type { DataFrame } from "danfojs-node";
import { makeTable, type Column, type Table } from "../table/csv";
import { danfojs, tableToDataFrame } from "../table/dataframe";
import { conditionOf, defaultDataDir, loadManifest, strainsOf, type Manifest } from "./manifest";

/** Columns of {@link dataset}, in order. */
export const DATASET_COLUMNS = [
  "id",
  "condition",
  "composition",
  "quenchRate",
  "sample",
  "seed",
  "atoms",
  "potential",
  "timestepPs",
  "quenchPs",
  "relaxPs",
  "strainRate",
  "maxStrain",
  "dumpStrain",
  "nSnapshots",
  "wallSeconds",
  "dir",
] as const;

/**
 * The manifest as a table, one row per sample, columns {@link DATASET_COLUMNS}: quenchRate in K/s, strainRate
 * in 1/s, times in ps, wallSeconds = wall-clock time of the whole generation, nSnapshots = number of deformed
 * dumps (strain 0 included), dir relative to the data folder.
 */
export function datasetTable(source: Manifest | string = defaultDataDir()): Table {
  const manifest = typeof source === "string" ? loadManifest(source) : source;
  const s = manifest.samples;
  const text = (f: (k: number) => string): string[] => s.map((_, k) => f(k));
  const num = (f: (k: number) => number): Float64Array => Float64Array.from(s, (_, k) => f(k));
  const cols: [string, Column][] = [
    ["id", text((k) => s[k].id)],
    ["condition", text((k) => conditionOf(s[k]))],
    ["composition", text((k) => s[k].composition)],
    ["quenchRate", num((k) => s[k].quenchRate)],
    ["sample", num((k) => s[k].sample)],
    ["seed", num((k) => s[k].seed)],
    ["atoms", num((k) => s[k].atoms)],
    ["potential", text((k) => s[k].potential?.file ?? "")],
    ["timestepPs", num((k) => s[k].timestepPs)],
    ["quenchPs", num((k) => s[k].protocol?.quenchPs ?? NaN)],
    ["relaxPs", num((k) => s[k].protocol?.relaxPs ?? NaN)],
    ["strainRate", num((k) => s[k].strainRate)],
    ["maxStrain", num((k) => s[k].maxStrain)],
    ["dumpStrain", num((k) => s[k].dumpStrain)],
    ["nSnapshots", num((k) => strainsOf(s[k]).length)],
    ["wallSeconds", num((k) => s[k].wallSeconds)],
    ["dir", text((k) => s[k].dir)],
  ];
  return makeTable(cols);
}

/**
 * The dataset as a danfojs DataFrame (one row per generated sample; see {@link datasetTable} for the columns).
 * With no sample yet the frame has the columns and zero rows. Throws when data/manifest.json is missing.
 */
export function dataset(source: Manifest | string = defaultDataDir()): DataFrame {
  const table = datasetTable(source);
  if (table.rows === 0) return new (danfojs().DataFrame)([], { columns: [...table.columns] });
  return tableToDataFrame(table);
}
