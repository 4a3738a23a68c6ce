import type { DataFrame } from "danfojs-node";
import type { Column, Table } from "./csv";
import { makeTable } from "./csv";
import { displayFramesInKernel } from "./show";

type Danfo = typeof import("danfojs-node");
let danfo: Danfo | null = null;

/** danfojs-node, loaded on first use (about 1 s: it loads TensorFlow.js), so the CLI starts fast. */
export function danfojs(): Danfo {
  if (danfo === null) {
    danfo = require("danfojs-node") as Danfo;
    displayFramesInKernel(danfo);
  }
  return danfo;
}

/** In a notebook that loaded danfojs before qsoft, its frames display as tables from now on (src/table/show.ts). */
if (require.cache[require.resolve("danfojs-node")] !== undefined) danfojs();

/** A danfojs DataFrame from a Table (typed columns are copied to plain arrays, as danfojs requires). */
export function tableToDataFrame(table: Table): DataFrame {
  const obj: Record<string, (number | string)[]> = {};
  for (const name of table.columns) {
    const col = table.data.get(name) as Column;
    obj[name] = Array.isArray(col) ? col : Array.from(col);
  }
  return new (danfojs().DataFrame)(obj);
}

/** A Table from a danfojs DataFrame; numeric columns become Float64Array. */
export function dataFrameToTable(df: DataFrame): Table {
  const cols: [string, Column][] = [];
  for (const name of df.columns) {
    const values = df.column(name).values as (number | string)[];
    const numeric = values.every((v) => typeof v === "number");
    cols.push([name, numeric ? Float64Array.from(values as number[]) : values.map(String)]);
  }
  return makeTable(cols);
}
