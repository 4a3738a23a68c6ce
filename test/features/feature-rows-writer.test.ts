import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FEATURE_CHUNK_ROWS, FeatureRowsWriter } from "../../src/features/feature-rows-writer";
import { featureTable } from "../../src/features/featurizer";
import { Random } from "../../src/ml/random";
import { Cell } from "../../src/structure/cell";
import type { Frame } from "../../src/structure/frame";
import { readParquet } from "../../src/table/parquet";
import { writeTable } from "../../src/table/table-file";

describe("features/feature-rows-writer", function () {
  this.timeout(120_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-feature-rows-"));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  // 2.3 row groups of rows with NaN, -0 and infinities, as featurize writes them.
  const n = 2 * FEATURE_CHUNK_ROWS + 40_000;
  const labels = ["a", "b", "c_mean", "d"];
  const rng = new Random(3);
  const values = Float64Array.from({ length: n * labels.length }, () => rng.normal() * 10 ** rng.nextInt(6));
  values.set([Number.NaN, -0, Infinity, -Infinity], 4 * 1000);
  const frame: Frame = {
    timestep: 0,
    natoms: n,
    ids: Int32Array.from({ length: n }, (_, i) => 3 * i + 1),
    types: Int32Array.from({ length: n }, (_, i) => 1 + (i % 2)),
    positions: Float64Array.from({ length: 3 * n }, () => 50 * rng.nextFloat()),
    unwrapped: null,
    images: null,
    cell: new Cell([50, 0, 0, 0, 50, 0, 0, 0, 50], [0, 0, 0], [true, true, true]),
    boundary: ["pp", "pp", "pp"],
    columns: new Map(),
    elements: ["Cu", "Zr"],
  };

  function written(file: string, threads: number, positions: boolean, rows: Float64Array): Buffer {
    const w = new FeatureRowsWriter(path.join(tmp, file), frame, labels, { threads, positions });
    w.write(0, rows);
    w.close();
    return fs.readFileSync(path.join(tmp, file));
  }

  it("Parquet: row groups encoded on 2 and 3 threads give the bytes of one thread, the table featureTable gives", async () => {
    const shared = new Float64Array(new SharedArrayBuffer(values.byteLength));
    shared.set(values);
    for (const positions of [false, true]) {
      const one = written(`one-${positions}.parquet`, 1, positions, values);
      assert.ok(
        one.equals(written(`two-${positions}.parquet`, 2, positions, values)),
        `2 threads, positions ${positions}`,
      );
      assert.ok(
        one.equals(written(`three-${positions}.parquet`, 3, positions, shared)),
        `3 threads, positions ${positions}`,
      );
      const expected = path.join(tmp, `whole-${positions}.parquet`);
      writeTable(expected, featureTable(frame, { n, labels, values }, { positions }));
      const [a, b] = [await readParquet(path.join(tmp, `two-${positions}.parquet`)), await readParquet(expected)];
      assert.deepEqual(a.columns, b.columns);
      for (const c of b.columns) {
        const x = a.data.get(c) as Float64Array;
        const y = b.data.get(c) as Float64Array;
        for (let i = 0; i < n; i++) if (!Object.is(x[i], y[i])) assert.fail(`${c} row ${i}: ${x[i]} vs ${y[i]}`);
      }
    }
  });

  it("refuses rows that are not whole or run past the frame, naming the file", () => {
    const w = new FeatureRowsWriter(path.join(tmp, "bad.parquet"), frame, labels);
    assert.throws(() => w.write(0, new Float64Array(5)), /bad\.parquet: 5 values are not whole rows of 4 features/);
    assert.throws(() => w.write(n - 1, new Float64Array(8)), /for atoms \d+\.\. of \d+/);
    w.abort();
    assert.equal(fs.existsSync(path.join(tmp, "bad.parquet")), false);
  });
});
