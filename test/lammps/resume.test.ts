import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadManifest } from "../../src/dataset/manifest";
import { lammpsMissing, repo, runGenerate, testEnv } from "./helpers";

/**
 * What a Slurm time limit does to an array task: SIGTERM in the middle of the melt. generate.ts must stop LAMMPS,
 * pack the newest restart into <data>/checkpoints/<id>.tar.gz and exit 143; a rerun on a machine without the work
 * folder (a resubmitted task on another node with node-local scratch) restores the checkpoint and resumes the melt
 * from that restart's step instead of starting over.
 */
const plan = {
  description: "test/lammps/resume.test.ts: a tiny Cu65Zr35 sample with a long melt",
  timestepPs: 0.002,
  meltTemperatureK: 2000,
  glassTemperatureK: 50,
  meltSteps: 4000,
  relaxSteps: 50,
  strainRatePerS: 1e11,
  deformAxis: "z",
  maxStrain: 0.01,
  dumpStrain: 0.01,
  extended: { maxStrain: 0.01, dumpStrain: 0.01 },
  restartEvery: 50,
  thermoEvery: 50,
  conditions: [
    {
      composition: "Cu65Zr35",
      elements: ["Cu", "Zr"],
      fracB: 0.35,
      // 1950 K / 1.95e16 K/s / 2 fs = 50 steps
      quenchRate: 1.95e16,
      lattice: "fcc",
      a0: 3.98,
      cells: [4, 4, 4],
      potential: "CuZr_mm.eam.fs",
      seeds: [4242101],
    },
  ],
  potentials: { "CuZr_mm.eam.fs": { dir: "/usr/share/lammps/potentials", source: "Debian lammps-data" } },
};

const missing = lammpsMissing();

describe(`data:generate stopped by SIGTERM resumes from its checkpoint${missing ? ` (skipped: ${missing})` : ""}`, function () {
  this.timeout(900000);
  let root: string;
  before(function () {
    if (missing) this.skip();
    root = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-resume-"));
  });
  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  it("packs the newest melt restart on SIGTERM, exits 143, and a rerun resumes the melt from that step", async () => {
    const planFile = path.join(root, "plan.json");
    fs.writeFileSync(planFile, JSON.stringify(plan));
    const data = path.join(root, "data");
    const id = "Cu65Zr35_2e16_s1";
    const work = path.join(data, "work", id);
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "data/lammps/generate.ts", "--plan", planFile, "--data", data],
      { cwd: repo, env: testEnv(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    // Wait for the second mid-melt restart, so the first one is complete on disk.
    const restarts = () =>
      fs.existsSync(work) ? fs.readdirSync(work).filter((f) => /^melt\.\d+\.restart$/.test(f)) : [];
    while (restarts().length < 2) {
      if (child.exitCode !== null) assert.fail(`generate.ts ended before the melt wrote restarts:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    child.kill("SIGTERM");
    assert.equal(await exited, 143, out);
    const sidecar = JSON.parse(fs.readFileSync(path.join(data, "checkpoints", `${id}.json`), "utf8"));
    assert.equal(sidecar.stage, "melt");
    assert.ok(sidecar.step >= 50 && sidecar.step < 4000, `checkpoint at step ${sidecar.step}`);
    assert.match(out, /stopped by signal 15; checkpoint at melt\.\d+\.restart/);

    fs.rmSync(path.join(data, "work"), { recursive: true });
    const rerun = await runGenerate(["--plan", planFile, "--data", data]);
    assert.match(rerun, new RegExp(`restored the committed checkpoint melt\\.${sidecar.step}\\.restart`));
    assert.match(rerun, new RegExp(`melt: resuming from step ${sidecar.step}`));
    const [entry] = loadManifest(data).samples;
    assert.equal(entry.id, id);
    assert.ok(entry.files.logs.includes(`samples/${id}/log.melt.${sidecar.step}.lammps`), entry.files.logs.join(", "));
    assert.equal(fs.existsSync(path.join(data, "checkpoints", `${id}.tar.gz`)), false, "checkpoint dropped when done");
  });
});
