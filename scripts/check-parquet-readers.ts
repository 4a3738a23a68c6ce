/**
 * Checks that the Parquet readers users load qsoft's tables with read them bit for bit (every double, NaN, -0 and
 * infinities included): polars (the Rust reader under Python's `pl.read_parquet`, through its Node binding
 * nodejs-polars) and pandas' `pd.read_parquet` with each engine it has (pyarrow, fastparquet), run by a Python
 * interpreter through scripts/read_parquet_pandas.py. The files: `qsoft featurize` output of a shipped glass,
 * whole-frame and by spatial domains (several row groups), feature rows whose row groups were encoded on worker
 * threads (featurize --threads), and a table of NaN, +-Infinity, -0, subnormals, Int32 ids and text.
 *
 * Neither reader is a dependency: nodejs-polars because npm 11 leaves its platform package out of `npm ci`'s lock
 * file, pandas because it is Python. Install them for the run only, e.g.
 *   npm install --no-save nodejs-polars@0.26.1 nodejs-polars-linux-x64-gnu@0.26.1
 *   python3 -m venv /tmp/pd && /tmp/pd/bin/pip install pandas pyarrow fastparquet
 *   npx tsx scripts/check-parquet-readers.ts --python /tmp/pd/bin/python
 * A reader that is not installed is skipped and named; with none at all the script exits 2. Exits 1 on the
 * first difference, naming the reader, file, column and row.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FEATURE_CHUNK_ROWS, FeatureRowsWriter } from "../src/features/feature-rows-writer";
import { Cell } from "../src/structure/cell";
import type { Frame } from "../src/structure/frame";
import { type Column, makeTable, type Table } from "../src/table/csv";
import { readTable, writeTable } from "../src/table/table-file";

/** What a reader made of one file: its columns in order, row count, values per column and a note on types. */
interface ReadBack {
  readonly columns: string[];
  readonly rows: number;
  column(name: string): ArrayLike<unknown>;
  readonly types: string;
}

/** A Parquet reader under test. */
interface Reader {
  readonly name: string;
  read(file: string): ReadBack;
}

interface PolarsSeries {
  toArray(): unknown[];
}
interface PolarsFrame {
  readonly columns: string[];
  readonly height: number;
  getColumn(name: string): PolarsSeries;
  readonly schema: Record<string, { toString(): string }>;
}
interface Polars {
  readParquet(file: string): PolarsFrame;
}

/** polars through nodejs-polars, or null when it is not installed. */
function polarsReader(): Reader | null {
  let pl: Polars;
  try {
    pl = require("nodejs-polars") as Polars;
  } catch {
    return null;
  }
  return {
    name: "polars (nodejs-polars)",
    read(file) {
      const df = pl.readParquet(file);
      return {
        columns: df.columns,
        rows: df.height,
        column: (name) => df.getColumn(name).toArray(),
        types: [...new Set(df.columns.map((c) => String(df.schema[c])))].join(", "),
      };
    },
  };
}

interface PandasHeader {
  rows: number;
  columns: { name: string; dtype: string; kind: "float64" | "int64" | "text"; file: string }[];
  versions: Record<string, string>;
}

/** pandas.read_parquet with `engine` under `python`, or null when pandas or the engine is not importable there. */
function pandasReader(python: string, engine: string): Reader | null {
  const helper = path.join(__dirname, "read_parquet_pandas.py");
  const probe = spawnSync(python, ["-c", `import pandas, numpy, ${engine}`], { encoding: "utf8" });
  if (probe.status !== 0) return null;
  return {
    name: `pandas (engine ${engine}, ${python})`,
    read(file) {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-pandas-"));
      try {
        const run = spawnSync(python, [helper, engine, file, out], { encoding: "utf8" });
        if (run.status !== 0) throw new Error(`pandas (${engine}) failed on ${file}: ${run.stderr.trim()}`);
        const header = JSON.parse(fs.readFileSync(path.join(out, "header.json"), "utf8")) as PandasHeader;
        const values = new Map<string, ArrayLike<unknown>>();
        for (const c of header.columns) {
          const bytes = fs.readFileSync(path.join(out, c.file));
          const aligned = new Uint8Array(bytes).buffer;
          if (c.kind === "float64") values.set(c.name, new Float64Array(aligned));
          else if (c.kind === "int64") values.set(c.name, Array.from(new BigInt64Array(aligned), Number));
          else values.set(c.name, JSON.parse(bytes.toString("utf8")) as unknown[]);
        }
        const versions = Object.entries(header.versions)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ");
        return {
          columns: header.columns.map((c) => c.name),
          rows: header.rows,
          column: (name) => values.get(name) ?? [],
          types: `${[...new Set(header.columns.map((c) => c.dtype))].join(", ")}; ${versions}`,
        };
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    },
  };
}

/** The first row where a reader's column differs from ours (Object.is: NaN equal, -0 not 0), or -1. */
function firstDifference(ours: Column, theirs: ArrayLike<unknown>): number {
  if (ours.length !== theirs.length) return Math.min(ours.length, theirs.length);
  for (let r = 0; r < ours.length; r++) if (!Object.is(ours[r], theirs[r])) return r;
  return -1;
}

function check(reader: Reader, file: string, ours: Table): void {
  const got = reader.read(file);
  if (got.columns.join(",") !== ours.columns.join(",") || got.rows !== ours.rows)
    throw new Error(
      `${reader.name}, ${file}: reads ${got.rows} x [${got.columns}], qsoft ${ours.rows} x [${ours.columns}]`,
    );
  for (const name of ours.columns) {
    const r = firstDifference(ours.data.get(name) as Column, got.column(name));
    if (r >= 0) throw new Error(`${reader.name}, ${file}: column ${name} differs at row ${r}`);
  }
  console.log(
    `${reader.name}: ${path.basename(file)}, ${ours.rows} rows x ${ours.columns.length} columns (${got.types}): equal`,
  );
}

/** Every reader on `file`, against qsoft's own reading of it. */
async function checkAll(readers: readonly Reader[], file: string): Promise<void> {
  const ours = await readTable(file);
  for (const reader of readers) check(reader, file, ours);
}

async function main(): Promise<void> {
  const k = process.argv.indexOf("--python");
  const python = k >= 0 ? process.argv[k + 1] : "python3";
  const readers: Reader[] = [];
  const skipped: string[] = [];
  const polars = polarsReader();
  if (polars) readers.push(polars);
  else skipped.push("polars (npm install --no-save nodejs-polars@0.26.1 nodejs-polars-linux-x64-gnu@0.26.1)");
  for (const engine of ["pyarrow", "fastparquet"]) {
    const pandas = pandasReader(python, engine);
    if (pandas) readers.push(pandas);
    else skipped.push(`pandas with ${engine} (not importable by ${python}; --python picks the interpreter)`);
  }
  for (const s of skipped) console.log(`skipped: ${s}`);
  if (readers.length === 0) {
    console.error("no Parquet reader to check");
    process.exit(2);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-readers-"));
  try {
    const n = 100_000;
    const x = new Float64Array(n);
    const id = new Int32Array(n);
    const el: string[] = [];
    for (let i = 0; i < n; i++) {
      x[i] = Math.sin(i) / 7;
      id[i] = i + 1;
      el.push(i % 3 === 0 ? "Cu" : 'Zr, "b"');
    }
    x.set([NaN, Infinity, -Infinity, -0, 5e-324, Number.MAX_VALUE], 5);
    const special = path.join(dir, "special.parquet");
    writeTable(
      special,
      makeTable([
        ["id", id],
        ["x", x],
        ["element", el],
      ]),
    );
    await checkAll(readers, special);

    // Feature rows as featurize writes them with --threads 2: row groups encoded on worker threads, appended.
    const rows = 2 * FEATURE_CHUNK_ROWS + 777;
    const labels = ["f1", "f2", "f3"];
    const frame: Frame = {
      timestep: 0,
      natoms: rows,
      ids: Int32Array.from({ length: rows }, (_, i) => i + 1),
      types: Int32Array.from({ length: rows }, (_, i) => 1 + (i % 2)),
      positions: Float64Array.from({ length: 3 * rows }, (_, i) => (i % 997) / 20),
      unwrapped: null,
      images: null,
      cell: new Cell([50, 0, 0, 0, 50, 0, 0, 0, 50], [0, 0, 0], [true, true, true]),
      boundary: ["pp", "pp", "pp"],
      columns: new Map(),
      elements: ["Cu", "Zr"],
    };
    const grouped = path.join(dir, "row-groups.parquet");
    const writer = new FeatureRowsWriter(grouped, frame, labels, { threads: 2, positions: true });
    writer.write(
      0,
      Float64Array.from({ length: rows * labels.length }, (_, i) => Math.cos(i) / 3),
    );
    writer.close();
    await checkAll(readers, grouped);

    const glass = path.join(__dirname, "..", "data", "samples", "Cu65Zr35_1e13_s1", "quenched.dump.gz");
    const cli = path.join(__dirname, "..", "src", "cli", "main.ts");
    for (const [name, extra] of [
      ["features.parquet", []],
      ["features-domains.parquet", ["--domains", "3", "--positions"]],
    ] as const) {
      const out = path.join(dir, name);
      const run = spawnSync(
        "npx",
        ["tsx", cli, "featurize", glass, "--types", "Cu,Zr", "--out", out, "--quiet", ...extra],
        { stdio: "inherit" },
      );
      if (run.status !== 0) throw new Error(`qsoft featurize ${name} exited ${run.status}`);
      await checkAll(readers, out);
    }
    console.log(`${readers.map((r) => r.name).join("; ")}: every file qsoft wrote reads back bit for bit`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
