import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { verifySample } from "../../src/dataset/checksum";
import { datasetTable } from "../../src/dataset/dataset";
import {
  conditionOf,
  loadManifest,
  manifestPath,
  strainsOf,
  typeNames,
  type Manifest,
  type ManifestEntry,
} from "../../src/dataset/manifest";
import { readDump } from "../../src/io/dump-reader";
import { manifestConditions } from "../../src/softness/condition-glasses";

/**
 * Checks the committed dataset (data/manifest.json and data/samples/) against itself and against the plan
 * data/lammps/conditions.json. Runs with 0, some or all samples generated. QSOFT_DATA and QSOFT_PLAN point it at
 * another data folder and plan (e.g. a smoke run of data/lammps/generate.ts --plan P --data D).
 */
const repo = path.resolve(__dirname, "..", "..");
const dataDir = process.env.QSOFT_DATA ? path.resolve(process.env.QSOFT_DATA) : path.join(repo, "data");
const planFile = process.env.QSOFT_PLAN
  ? path.resolve(process.env.QSOFT_PLAN)
  : path.join(repo, "data", "lammps", "conditions.json");
const plan = JSON.parse(fs.readFileSync(planFile, "utf8")) as {
  maxStrain: number;
  extended: { maxStrain: number };
  conditions: {
    composition: string;
    quenchRate: number;
    variant?: string;
    lattice: string;
    cells: number[];
    fracB: number;
    elements: string[];
    seeds: number[];
  }[];
};
const manifest: Manifest = fs.existsSync(manifestPath(dataDir))
  ? loadManifest(dataDir)
  : { description: "", samples: [] };

describe(`dataset: data/manifest.json (${manifest.samples.length} samples)`, () => {
  it("lists each condition of conditions.json at most 3 times, with that condition's seeds, lattice and size", () => {
    const byCondition = new Map<string, number[]>();
    for (const s of manifest.samples) {
      const c = plan.conditions.find((p) => conditionOf(p) === conditionOf(s));
      assert.ok(c, `sample ${s.id}: condition ${conditionOf(s)} is not in conditions.json`);
      const list = byCondition.get(conditionOf(s)) ?? [];
      list.push(s.sample);
      byCondition.set(conditionOf(s), list);
      assert.equal(s.seed, c.seeds[s.sample - 1], `sample ${s.id}: seed`);
      assert.deepEqual(s.elements, c.elements, `sample ${s.id}: elements`);
      assert.deepEqual(typeNames(s), c.elements, `sample ${s.id}: type map`);
      const perCell = c.lattice === "bcc" ? 2 : 4;
      assert.equal(s.atoms, perCell * c.cells[0] * c.cells[1] * c.cells[2], `sample ${s.id}: atom count`);
      assert.equal(s.id, `${s.composition}_${conditionOf(s).split("@")[1].replace("/", "_")}_s${s.sample}`);
    }
    for (const [cond, samples] of byCondition) {
      assert.ok(samples.length <= 3, `${cond} appears ${samples.length} times`);
      assert.equal(new Set(samples).size, samples.length, `${cond}: sample numbers repeat (${samples.join(", ")})`);
    }
    assert.equal(datasetTable(manifest).rows, manifest.samples.length);
  });

  for (const s of manifest.samples) {
    describe(`sample ${s.id}`, () => {
      it("has every file, each matching its sha256, and every listed file is hashed", () => {
        const bad = verifySample(s, dataDir).filter((r) => !r.ok);
        assert.deepEqual(bad, []);
        const listed = [s.files.quenched, s.files.commands, ...s.files.logs, ...Object.values(s.files.byStrain)];
        for (const f of listed) assert.ok(f in s.sha256, `${f} has no sha256`);
        assert.ok(fs.existsSync(path.join(dataDir, s.files.meta)), `${s.files.meta} missing`);
      });

      it("has snapshots from strain 0 to its maximum strain, including the 4 % label strain", () => {
        const strains = strainsOf(s);
        assert.equal(strains[0], 0);
        assert.ok(Math.abs(strains[strains.length - 1] - s.maxStrain) < 1e-9);
        assert.ok(strains.some((x) => Math.abs(x - 0.04) < 1e-9));
        assert.ok([plan.maxStrain, plan.extended.maxStrain].includes(s.maxStrain));
      });

      it("agrees with its dumps: atom count, types in the type map, and LAMMPS set type/ratio's count of type 2", async () => {
        const types = typeNames(s);
        const q = await readDump(path.join(dataDir, s.files.quenched), { types });
        assert.equal(q.natoms, s.atoms);
        assert.ok(q.images !== null && q.unwrapped !== null, "quenched dump must carry image flags");
        let type2 = 0;
        for (const t of q.types) if (t === 2) type2++;
        // set type/ratio converts floor(fraction * N) atoms (LAMMPS set.cpp, static_cast<int>).
        assert.equal(type2, Math.floor(s.lattice.fractionType2 * s.atoms));
        for (const file of Object.values(s.files.byStrain)) {
          const f = await readDump(path.join(dataDir, file), { types });
          assert.equal(f.natoms, s.atoms, `${file}: atom count`);
          assert.ok(f.unwrapped !== null, `${file}: no unwrapped positions`);
          assert.deepEqual(f.ids, q.ids, `${file}: ids differ from the quenched dump`);
          assert.deepEqual(f.types, q.types, `${file}: types differ from the quenched dump`);
        }
      });
    });
  }
});

describe("conditions: a variant (another cell size) is a condition of its own", () => {
  const entry = (id: string, sample: number, variant?: string): ManifestEntry =>
    ({
      id,
      composition: "Cu65Zr35",
      ...(variant ? { variant } : {}),
      elements: ["Cu", "Zr"],
      typeMap: { "1": "Cu", "2": "Zr" },
      quenchRate: 1e13,
      sample,
      seed: sample,
      atoms: variant ? 32000 : 8000,
      strainRate: 1e9,
      maxStrain: 0.1,
      dir: `samples/${id}`,
      files: { quenched: `samples/${id}/quenched.dump.gz`, byStrain: {} },
      sha256: {},
    }) as unknown as ManifestEntry;
  // In manifest order a variant's glass can sit between the base condition's samples (as data/manifest.json has it).
  const samples = [entry("B_s2", 2), entry("B_32k_s1", 1, "32k"), entry("B_s1", 1), entry("B_32k_s2", 2, "32k")];
  let dir = "";
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-conditions-"));
    fs.writeFileSync(manifestPath(dir), JSON.stringify({ description: "test", samples }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("conditionOf names it, manifestConditions keeps it apart and sorts each condition by sample number", () => {
    assert.equal(conditionOf(samples[0]), "Cu65Zr35@1e13");
    assert.equal(conditionOf(samples[1]), "Cu65Zr35@1e13/32k");
    const byCondition = manifestConditions(dir);
    assert.deepEqual([...byCondition.keys()], ["Cu65Zr35@1e13", "Cu65Zr35@1e13/32k"]);
    assert.deepEqual(
      byCondition.get("Cu65Zr35@1e13")?.map((e) => e.id),
      ["B_s1", "B_s2"],
    );
    assert.deepEqual(
      byCondition.get("Cu65Zr35@1e13/32k")?.map((e) => e.id),
      ["B_32k_s1", "B_32k_s2"],
    );
  });

  it("datasetTable's condition column tells the variant from the base condition", () => {
    assert.deepEqual(datasetTable(dir).data.get("condition"), [
      "Cu65Zr35@1e13",
      "Cu65Zr35@1e13/32k",
      "Cu65Zr35@1e13",
      "Cu65Zr35@1e13/32k",
    ]);
  });
});
