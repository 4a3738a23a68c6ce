/**
 * Checks that polars (the Rust Parquet reader under Python's `pl.read_parquet`, through its Node binding
 * nodejs-polars) reads the Parquet files qsoft writes, every double bit for bit: `qsoft featurize` output of a
 * shipped glass, whole-frame and by spatial domains (several row groups), feature rows whose row groups were
 * encoded on worker threads (featurize --threads), and a table of NaN, +-Infinity, -0, subnormals, Int32 ids
 * and text.
 *
 * polars is not a dependency (npm 11 leaves its platform package out of `npm ci`'s lock file), so install it
 * for the run only:
 *   npm install --no-save nodejs-polars@0.26.1 nodejs-polars-linux-x64-gnu@0.26.1
 *   npx tsx scripts/check-polars.ts
 * Exits 1 on the first difference, naming the file, column and row.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FEATURE_CHUNK_ROWS, FeatureRowsWriter } from "../src/features/feature-rows-writer";
import { Cell } from "../src/structure/cell";
import type { Frame } from "../src/structure/frame";
import { type Column, makeTable } from "../src/table/csv";
import { readTable, writeTable } from "../src/table/table-file";

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

function loadPolars(): Polars {
  try {
    return require("nodejs-polars") as Polars;
  } catch {
    process.stderr.write(
      "nodejs-polars is not installed: npm install --no-save nodejs-polars@0.26.1 nodejs-polars-linux-x64-gnu@0.26.1\n",
    );
    process.exit(2);
  }
}

/** The first row where polars' column differs from ours (Object.is: NaN equal, -0 not 0), or -1. */
function firstDifference(ours: Column, theirs: unknown[]): number {
  if (ours.length !== theirs.length) return Math.min(ours.length, theirs.length);
  for (let r = 0; r < ours.length; r++) if (!Object.is(ours[r], theirs[r])) return r;
  return -1;
}

async function check(pl: Polars, file: string): Promise<void> {
  const ours = await readTable(file);
  const df = pl.readParquet(file);
  if (df.columns.join(",") !== ours.columns.join(",") || df.height !== ours.rows)
    throw new Error(`${file}: polars reads ${df.height} x [${df.columns}], qsoft ${ours.rows} x [${ours.columns}]`);
  for (const name of ours.columns) {
    const r = firstDifference(ours.data.get(name) as Column, df.getColumn(name).toArray());
    if (r >= 0) throw new Error(`${file}: column ${name} differs at row ${r}`);
  }
  const types = [...new Set(ours.columns.map((c) => String(df.schema[c])))].join(", ");
  console.log(
    `${path.basename(file)}: ${ours.rows} rows x ${ours.columns.length} columns, polars types ${types}: equal`,
  );
}

async function main(): Promise<void> {
  const pl = loadPolars();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-polars-"));
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
    await check(pl, special);

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
    await check(pl, grouped);

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
      await check(pl, out);
    }
    console.log("polars reads every file qsoft wrote, bit for bit");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
