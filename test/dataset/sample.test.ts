import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { sha256File, verifySample } from "../../src/dataset/checksum";
import { dataset } from "../../src/dataset/dataset";
import type { ManifestEntry } from "../../src/dataset/manifest";
import { loadManifest } from "../../src/dataset/manifest";
import { loadSample } from "../../src/dataset/sample";
import { numericColumn, readCsv } from "../../src/table/csv";

const fixtures = path.resolve(__dirname, "..", "fixtures", "labels");

/** A data folder holding one sample built from the D2min fixtures, laid out like data/ (generate.ts). */
function makeDataDir(): { dir: string; entry: ManifestEntry } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-data-"));
  const id = "Cu65Zr35_1e14_s1";
  const rel = `samples/${id}`;
  fs.mkdirSync(path.join(dir, rel, "deform"), { recursive: true });
  const files: Record<string, string> = {
    [`${rel}/quenched.dump.gz`]: "cuzr_quenched.dump.gz",
    [`${rel}/deform/strain_0.04000.dump.gz`]: "cuzr_strain_0.04000.dump.gz",
    [`${rel}/log.deform.0.lammps`]: "../dataset/log.deform.0.lammps",
  };
  const sha256: Record<string, string> = {};
  for (const [to, from] of Object.entries(files)) {
    fs.copyFileSync(path.join(fixtures, from), path.join(dir, to));
    sha256[to] = sha256File(path.join(dir, to));
  }
  fs.writeFileSync(path.join(dir, rel, "commands.sh"), "#!/bin/sh\n");
  sha256[`${rel}/commands.sh`] = sha256File(path.join(dir, rel, "commands.sh"));
  const entry = {
    id,
    composition: "Cu65Zr35",
    elements: ["Cu", "Zr"],
    typeMap: { "1": "Cu", "2": "Zr" },
    quenchRate: 1e14,
    sample: 1,
    seed: 21,
    velocitySeed: 28,
    atoms: 256,
    lattice: { style: "fcc", a0: 3.98, cells: [4, 4, 4], fractionType2: 0.35 },
    timestepPs: 0.002,
    protocol: {
      meltPs: 10,
      meltTemperatureK: 2000,
      quenchPs: 19.5,
      relaxPs: 10,
      glassTemperatureK: 50,
      ensemble: "NPT",
      deformation: "z",
    },
    strainRate: 1e9,
    maxStrain: 0.04,
    dumpStrain: 0.04,
    files: {
      quenched: `${rel}/quenched.dump.gz`,
      byStrain: { "0.04000": `${rel}/deform/strain_0.04000.dump.gz` },
      logs: [`${rel}/log.deform.0.lammps`],
      commands: `${rel}/commands.sh`,
      meta: `${rel}/sample.json`,
    },
    sha256,
    lmp: { version: "29 Sep 2021 - Update 2", commands: [], inputs: [] },
    potential: { file: "CuZr_mm.eam.fs", sha256: "", source: "" },
    wallSeconds: 42,
    finished: "2026-11-27T07:45:30.000Z",
    dir: rel,
  } as ManifestEntry;
  fs.writeFileSync(path.join(dir, rel, "sample.json"), JSON.stringify(entry));
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ description: "test", samples: [entry] }));
  return { dir, entry };
}

describe("dataset: loadSample, labels cache, dataset()", () => {
  let data: { dir: string; entry: ManifestEntry };
  before(() => {
    data = makeDataDir();
  });
  after(() => fs.rmSync(data.dir, { recursive: true, force: true }));

  it("finds a sample by id, by condition and number, or by its entry", async () => {
    const a = await loadSample("Cu65Zr35_1e14_s1", { dataDir: data.dir });
    const b = await loadSample({ composition: "Cu65Zr35", quenchRate: 1e14, sample: 1 }, { dataDir: data.dir });
    const c = await loadSample(loadManifest(data.dir).samples[0], { dataDir: data.dir });
    assert.equal(a.entry.id, b.entry.id);
    assert.equal(c.entry.id, a.entry.id);
    assert.deepEqual(a.quenched.elements, ["Cu", "Zr"]);
    assert.equal(a.quenched.natoms, 256);
    assert.deepEqual(a.strains, [0.04]);
    await assert.rejects(
      loadSample("Cu65Zr35_1e14_s9", { dataDir: data.dir }),
      /no sample "Cu65Zr35_1e14_s9" .* \(samples: Cu65Zr35_1e14_s1\)/,
    );
    await assert.rejects(a.deformed(0.03), /no snapshot at strain 0.03; available: 0.04/);
  });

  it("labels at 4 % strain equal the numpy D2min reference, and are cached on disk", async () => {
    const s = await loadSample("Cu65Zr35_1e14_s1", { dataDir: data.dir });
    const labels = await s.labels();
    const ref = readCsv(path.join(fixtures, "cuzr_d2min_rc5.csv"));
    const d2 = numericColumn(ref, "d2min");
    assert.deepEqual(Array.from(labels.ids), Array.from(numericColumn(ref, "id")));
    let plastic = 0;
    for (let k = 0; k < d2.length; k++) {
      assert.ok(Math.abs(labels.d2min[k] - d2[k]) <= 1e-11 * d2[k]);
      assert.equal(labels.plastic[k], d2[k] > 5 ? 1 : 0);
      plastic += labels.plastic[k];
    }
    assert.equal(labels.plasticFraction, plastic / 256);
    assert.equal(labels.strain, 0.04);
    // The cache: one CSV under data/cache/labels/<id>/, and the cache folder ignores itself in git.
    const cacheDir = path.join(data.dir, "cache", "labels", s.entry.id);
    const cached = fs.readdirSync(cacheDir);
    assert.equal(cached.length, 1);
    assert.match(fs.readFileSync(path.join(data.dir, "cache", ".gitignore"), "utf8"), /^\*$/m);
    // A new loadSample reads the cache file (a planted value comes back) instead of recomputing.
    const file = path.join(cacheDir, cached[0]);
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const cells = lines[1].split(",");
    cells[3] = "12345";
    lines[1] = cells.join(",");
    fs.writeFileSync(file, lines.join("\n"));
    const again = await (await loadSample("Cu65Zr35_1e14_s1", { dataDir: data.dir })).labels(0.04);
    assert.equal(again.d2min[0], 12345);
    // Other parameters are another cache entry; the threshold only changes the labels.
    const other = await s.labels(0.04, { cutoff: 4.5, threshold: 2 });
    assert.notEqual(other.d2min[0], 12345);
    assert.equal(fs.readdirSync(cacheDir).length, 2);
    assert.ok(other.plasticFraction > labels.plasticFraction);
  });

  it("refuses a file whose sha256 differs from the manifest, naming it", async () => {
    const q = path.join(data.dir, data.entry.files.quenched);
    const saved = fs.readFileSync(q);
    try {
      fs.appendFileSync(q, Buffer.from([0]));
      assert.equal(verifySample(data.entry, data.dir).filter((r) => !r.ok).length, 1);
      await assert.rejects(
        loadSample("Cu65Zr35_1e14_s1", { dataDir: data.dir }),
        /quenched\.dump\.gz has sha256 [0-9a-f]{64}, the manifest says/,
      );
    } finally {
      fs.writeFileSync(q, saved);
    }
  });

  it("dataset() is the manifest as a DataFrame, with zero rows when no sample exists yet", () => {
    const df = dataset(data.dir);
    assert.deepEqual(df.shape, [1, 17]);
    assert.deepEqual(df.column("quenchRate").values, [1e14]);
    assert.deepEqual(df.column("condition").values, ["Cu65Zr35@1e14"]);
    const empty = dataset({ description: "", samples: [] });
    assert.deepEqual(empty.shape, [0, 17]);
  });
});
