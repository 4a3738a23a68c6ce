import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadManifest } from "../../src/dataset/manifest";
import { lammpsMissing, procsOf, runGenerate, thermoRow, thermoShape } from "./helpers";

/**
 * One small Cu65Zr35 sample (512 atoms, 100-150 steps per stage) made twice by data/lammps/generate.ts: serially
 * and with `--mpi 2` (mpirun -np 2 lmp). The serial run is the reference: the MPI run must start from the same
 * glass (the step-0 thermo row of the melt, energies included, is identical), run the same protocol (the same
 * stages, command lines, thermo steps and columns) on 2 ranks, and write the same files.
 */
const tinyPlan = {
  description: "test/lammps/mpi.test.ts: a tiny Cu65Zr35 sample",
  timestepPs: 0.002,
  meltTemperatureK: 2000,
  glassTemperatureK: 50,
  meltSteps: 100,
  relaxSteps: 100,
  strainRatePerS: 1e11,
  deformAxis: "z",
  maxStrain: 0.02,
  dumpStrain: 0.01,
  extended: { maxStrain: 0.02, dumpStrain: 0.01 },
  restartEvery: 50,
  thermoEvery: 25,
  conditions: [
    {
      composition: "Cu65Zr35",
      elements: ["Cu", "Zr"],
      fracB: 0.35,
      // 1950 K / 6.5e15 K/s / 2 fs = 150 steps
      quenchRate: 6.5e15,
      lattice: "fcc",
      a0: 3.98,
      cells: [4, 4, 8],
      potential: "CuZr_mm.eam.fs",
      seeds: [4242001],
    },
  ],
  potentials: { "CuZr_mm.eam.fs": { dir: "/usr/share/lammps/potentials", source: "Debian lammps-data" } },
};

const missing = lammpsMissing();

describe(`data:generate --mpi 2 against a serial run${missing ? ` (skipped: ${missing})` : ""}`, function () {
  this.timeout(900000);
  let root: string;
  let serial: string;
  let mpi: string;
  const id = "Cu65Zr35_7e15_s1";

  before(async function () {
    if (missing) this.skip();
    root = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-mpi-"));
    const plan = path.join(root, "plan.json");
    fs.writeFileSync(plan, JSON.stringify(tinyPlan));
    serial = path.join(root, "serial");
    mpi = path.join(root, "mpi");
    await runGenerate(["--plan", plan, "--data", serial]);
    await runGenerate(["--plan", plan, "--data", mpi, "--mpi", "2"]);
  });
  // QSOFT_TEST_KEEP=1 keeps the two runs (their logs) for a look.
  after(() => root && !process.env.QSOFT_TEST_KEEP && fs.rmSync(root, { recursive: true, force: true }));

  const sampleDir = (data: string) => path.join(data, "samples", id);

  it("runs every stage but the build on 2 MPI ranks (the serial run on 1)", () => {
    for (const [data, ranks] of [
      [serial, 1],
      [mpi, 2],
    ] as const) {
      assert.deepEqual(procsOf(path.join(sampleDir(data), "log.build.0.lammps")), []);
      for (const log of ["log.melt.0.lammps", "log.quench.100.lammps", "log.relax.250.lammps", "log.deform.0.lammps"])
        assert.deepEqual(procsOf(path.join(sampleDir(data), log)), [ranks], `${data} ${log}`);
    }
  });

  it("starts from the same glass: identical step-0 thermo row of the melt (temperature, energies, pressure)", () => {
    const a = thermoRow(path.join(sampleDir(serial), "log.melt.0.lammps"), 0);
    const b = thermoRow(path.join(sampleDir(mpi), "log.melt.0.lammps"), 0);
    assert.deepEqual(b, a);
    assert.equal(Number(a.Temp), 2000);
    // Cu-Zr EAM cohesive energies are a few eV per atom.
    assert.ok(Number(a.PotEng) / 512 < -3 && Number(a.PotEng) / 512 > -7, `PotEng ${a.PotEng}`);
  });

  it("runs the same protocol: same command lines (mpirun -np 2 before lmp), thermo steps and columns", () => {
    const commands = (data: string) =>
      fs
        .readFileSync(path.join(sampleDir(data), "commands.sh"), "utf8")
        .split("\n")
        .filter((l) => /(^| )lmp /.test(l))
        // Paths may be written absolute or relative to the checkout (e.g. "../qsoft-mpi-x/serial" in a clone under /tmp).
        .map((l) =>
          l
            .split(data)
            .join("DATA")
            .split(path.relative(path.resolve(__dirname, "..", ".."), data))
            .join("DATA"),
        );
    const a = commands(serial);
    const b = commands(mpi);
    assert.equal(a.length, 5);
    // Each stage runs a frozen copy of its input, taken when it started (generate.ts freezeInputs).
    assert.ok(a[0].startsWith(`lmp -in DATA/work/${id}/inputs/build/build.in`), a[0]);
    assert.equal(b[0], a[0]);
    assert.deepEqual(
      b.slice(1),
      a.slice(1).map((l) => `mpirun -np 2 ${l}`),
    );
    for (const log of ["log.melt.0.lammps", "log.quench.100.lammps", "log.relax.250.lammps", "log.deform.0.lammps"])
      assert.deepEqual(
        thermoShape(path.join(sampleDir(mpi), log)),
        thermoShape(path.join(sampleDir(serial), log)),
        log,
      );
  });

  it("writes the same files: the manifests list the same sample with the same file names and strains", () => {
    const a = loadManifest(serial).samples;
    const b = loadManifest(mpi).samples;
    assert.deepEqual(
      b.map((s) => s.id),
      [id],
    );
    assert.deepEqual(Object.keys(b[0].sha256).sort(), Object.keys(a[0].sha256).sort());
    assert.deepEqual(Object.keys(b[0].files.byStrain), ["0.00000", "0.01000", "0.02000"]);
    assert.deepEqual(b[0].files, a[0].files);
    assert.equal((b[0] as unknown as { mpiRanks: number }).mpiRanks, 2);
    // The inputs that ran are stored with the sample, byte for byte the templates of this checkout.
    const templates = path.resolve(__dirname, "..", "..", "data", "lammps", "templates");
    for (const stage of ["build", "melt", "quench", "relax", "deform"])
      for (const f of [`${stage}.in`, "common.in"]) {
        const name = `inputs/${stage}/${f}`;
        assert.ok(`samples/${id}/${name}` in b[0].sha256, `${name} in the manifest`);
        assert.equal(
          fs.readFileSync(path.join(sampleDir(mpi), name), "utf8"),
          fs.readFileSync(path.join(templates, f), "utf8"),
          name,
        );
      }
    assert.equal((a[0] as unknown as { mpiRanks: number }).mpiRanks, 1);
  });
});
