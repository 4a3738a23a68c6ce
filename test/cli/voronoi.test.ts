import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { voronoiCommand } from "../../src/cli/voronoi";
import { UsageError } from "../../src/cli/command";
import { Voronoi } from "../../src/geometry/voronoi";
import { voronoiNeighbors } from "../../src/geometry/voronoi-neighbors";
import { readCsv, numericColumn } from "../../src/table/csv";
import { fixtureDir, glassFrame } from "../geometry/fixtures";

/** Runs the command with console.log captured. */
async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => lines.push(a.join(" "));
  try {
    const code = await voronoiCommand.run(argv);
    return { code, out: lines.join("\n") };
  } finally {
    console.log = log;
  }
}

describe("qsoft voronoi", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-voronoi-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const dump = path.join(fixtureDir, "glass.dump.gz");

  it("writes id,type,cn_voro,voro_n3..n7,voro_vol sorted by id, equal to the library, floats round-trip", async () => {
    const out = path.join(dir, "cells.csv");
    const { code, out: printed } = await run([dump, "--types", "Cu,Zr", "--out", out]);
    assert.equal(code, 0);
    const table = readCsv(out);
    assert.deepEqual(table.columns, [
      "id",
      "type",
      "cn_voro",
      "voro_n3",
      "voro_n4",
      "voro_n5",
      "voro_n6",
      "voro_n7",
      "voro_vol",
    ]);
    const frame = glassFrame();
    const tess = new Voronoi().compute(frame);
    const vn = voronoiNeighbors(tess);
    const ids = numericColumn(table, "id");
    assert.equal(ids.length, frame.natoms);
    for (let r = 1; r < ids.length; r++) assert.ok(ids[r] > ids[r - 1], "rows sorted by id");
    const vol = numericColumn(table, "voro_vol");
    const cn = numericColumn(table, "cn_voro");
    const n5 = numericColumn(table, "voro_n5");
    for (let i = 0; i < frame.natoms; i++) {
      assert.equal(ids[i], frame.ids[i]);
      assert.equal(vol[i], tess.volumes[i], "volumes round-trip exactly");
      assert.equal(cn[i], vn.coordination[i]);
      assert.equal(n5[i], vn.index[5 * i + 2]);
    }
    assert.match(printed, /1372 atoms/);
    assert.match(printed, /mean CN 1\d\.\d{3}/);
    assert.match(printed, /<0,0,12,0,0>/);
    assert.match(printed, /flagged atoms: none/);
  });

  it("--min-face-fraction 0 keeps every face; --radical and --threads 2 run", async () => {
    const all = path.join(dir, "all.csv");
    await run([dump, "--out", all, "--min-face-fraction", "0"]);
    const frame = glassFrame();
    const tess = new Voronoi().compute(frame);
    const cn = numericColumn(readCsv(all), "cn_voro");
    for (let i = 0; i < frame.natoms; i++) assert.equal(cn[i], tess.faceOffsets[i + 1] - tess.faceOffsets[i]);
    const rad = path.join(dir, "radical.csv");
    const { out } = await run([
      dump,
      "--types",
      "Cu,Zr",
      "--out",
      rad,
      "--radical",
      "--radii",
      "Cu=1.26,Zr=1.58",
      "--threads",
      "2",
    ]);
    assert.match(out, /radical cells/);
    const v = numericColumn(readCsv(rad), "voro_vol");
    const total = v.reduce((s, x) => s + x, 0);
    assert.ok(Math.abs(total - frame.cell.volume) < 1e-9 * frame.cell.volume);
  });

  it("refuses bad arguments with usage errors", async () => {
    await assert.rejects(run([dump]), (e: unknown) => e instanceof UsageError && /--out/.test(e.message));
    await assert.rejects(run([dump, "--out", "x.csv", "--min-face-fraction", "2"]), UsageError);
    await assert.rejects(run([dump, "--out", "x.csv", "--threads", "0"]), UsageError);
    await assert.rejects(run([dump, "--out", "x.csv", "--radii", "Cu=1"]), /only with --radical/);
    await assert.rejects(run([dump, "--out", "x.csv", "--radical"]), /--types/);
    await assert.rejects(run([dump, dump, "--out", "x.csv"]), /one DUMP/);
  });
});
