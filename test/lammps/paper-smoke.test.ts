import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { dataset, loadManifest, loadSample } from "../../src/dataset";
import { lammpsMissing, procsOf, repo, runGenerate, testEnv } from "./helpers";

/**
 * The smoke version of the paper's plan (data/lammps/conditions.paper-smoke.json: a 3,456-atom Cu65Zr35 slab with
 * free x surfaces and the 15 A selection, a periodic 1,024-atom Fe80P20; 1 fs, a few hundred steps per stage),
 * written as a Slurm job array by `data:generate -- --plan paper-smoke --slurm DIR`, submitted with sbatch to the
 * one-node cluster of scripts/slurm-local.sh (each task: mpirun -np 2 lmp), then read back with loadSample and
 * dataset() from the job's dataset root. Without Slurm (slurm-wlm not installed) the same plan runs directly with
 * --mpi 2 and only the Slurm checks are skipped.
 */
const which = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const lammps = lammpsMissing();
const slurmMissing = ["sbatch", "slurmctld", "slurmd", "munged"].some(
  (t) => !which(t) && !fs.existsSync(`/usr/sbin/${t}`),
)
  ? "Slurm is not installed (apt-get install -y slurm-wlm munge)"
  : process.getuid?.() !== 0
    ? "the local Slurm cluster needs root"
    : null;

describe(`paper-smoke plan as a Slurm job array${lammps ? ` (skipped: ${lammps})` : ""}`, function () {
  this.timeout(1800000);
  let root: string;
  let job: string;
  let data: string;
  let slurmConf: string | null = null;
  let startedCluster = false;
  const slurm = (cmd: string, args: string[]) =>
    spawnSync(cmd, args, { encoding: "utf8", env: { ...testEnv(), SLURM_CONF: slurmConf ?? "" } });

  before(async function () {
    if (lammps) this.skip();
    root = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-slurm-job-"));
    job = path.join(root, "job");
    await runGenerate(["--plan", "paper-smoke", "--slurm", job, "--ntasks", "2", "--time", "20"]);
    data = path.join(job, "data");
    if (slurmMissing) {
      await runGenerate(["--plan", path.join(job, "conditions.json"), "--data", data, "--mpi", "2"]);
      return;
    }
    const local = path.join(repo, "scripts", "slurm-local.sh");
    startedCluster = spawnSync(local, ["running"]).status !== 0;
    const start = spawnSync(local, ["start"], { encoding: "utf8" });
    if (start.status !== 0) throw new Error(`scripts/slurm-local.sh start failed:\n${start.stdout}${start.stderr}`);
    slurmConf = start.stdout.trim().split("\n").pop() as string;
    const run = slurm("sbatch", ["--wait", path.join(job, "generate.sbatch")]);
    const logs = fs.existsSync(path.join(job, "logs"))
      ? fs.readdirSync(path.join(job, "logs")).map((f) => fs.readFileSync(path.join(job, "logs", f), "utf8"))
      : [];
    if (run.status !== 0) throw new Error(`sbatch --wait exited ${run.status}:\n${run.stderr}\n${logs.join("\n")}`);
  });
  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
    // A cluster this test started is stopped again; one that was running is left alone.
    if (startedCluster) spawnSync(path.join(repo, "scripts", "slurm-local.sh"), ["stop"]);
  });

  it("writes the plan, the inputs and a job array with one task per sample", () => {
    const script = fs.readFileSync(path.join(job, "generate.sbatch"), "utf8");
    assert.match(script, /^#SBATCH --array=0-1$/m);
    assert.match(script, /^#SBATCH --ntasks=2$/m);
    assert.match(script, /^ids=\(Cu65Zr35_1e16_s1 Fe80P20_1e16_s1\)$/m);
    for (const t of ["common", "build", "melt", "quench", "relax", "deform"])
      assert.equal(
        fs.readFileSync(path.join(job, "templates", `${t}.in`), "utf8"),
        fs.readFileSync(path.join(repo, "data", "lammps", "templates", `${t}.in`), "utf8"),
      );
    assert.equal(
      fs.readFileSync(path.join(job, "samples.tsv"), "utf8").split("\n")[1].split("\t").slice(0, 3).join(" "),
      "0 Cu65Zr35_1e16_s1 3456",
    );
  });

  it(`ran under Slurm: both array tasks logged, and a resubmission recomputes nothing${slurmMissing ? ` (skipped: ${slurmMissing})` : ""}`, function () {
    if (slurmMissing) this.skip();
    const logs = fs.readdirSync(path.join(job, "logs")).sort();
    assert.equal(logs.length, 2, logs.join(", "));
    const finished = loadManifest(data).samples.map((s) => s.finished);
    const again = slurm("sbatch", ["--wait", path.join(job, "generate.sbatch")]);
    assert.equal(again.status, 0, again.stderr);
    const text = fs.readdirSync(path.join(job, "logs")).map((f) => fs.readFileSync(path.join(job, "logs", f), "utf8"));
    assert.equal(text.join("").match(/0 of 1 samples to make/g)?.length, 2);
    assert.deepEqual(
      loadManifest(data).samples.map((s) => s.finished),
      finished,
    );
  });

  it("each sample ran on 2 MPI ranks, 1 fs, with the plan's strain rate", () => {
    for (const s of loadManifest(data).samples) {
      assert.equal(s.timestepPs, 0.001);
      assert.equal(s.strainRate, 5e11);
      const melt = s.files.logs.find((l) => l.includes("log.melt."));
      assert.ok(melt);
      assert.deepEqual(procsOf(path.join(data, melt)), [2]);
    }
  });

  it("dataset() reads the job's dataset root: two samples, Cu-Zr slab and periodic Fe-P", () => {
    const df = dataset(data);
    assert.deepEqual(df.column("id").values, ["Cu65Zr35_1e16_s1", "Fe80P20_1e16_s1"]);
    assert.deepEqual(df.column("atoms").values, [3456, 1024]);
  });

  it("loadSample reads the slab: free x surfaces, the 15 A selection, D2min labels at 4 %", async () => {
    const s = await loadSample(
      { composition: "Cu65Zr35", quenchRate: 1e16, sample: 1 },
      { dataDir: data, cache: "none" },
    );
    assert.deepEqual(s.quenched.boundary, ["ss", "pp", "pp"]);
    assert.deepEqual(s.quenched.cell.periodic, [false, true, true]);
    assert.equal(s.quenched.natoms, 3456);
    // The selection: every listed atom is at least 15 A inside both outermost atoms along x, every other one not.
    const x = Array.from({ length: s.quenched.natoms }, (_, i) => s.quenched.positions[3 * i]);
    const lo = Math.min(...x);
    const hi = Math.max(...x);
    const selectionFile = (s.entry.files as { selection?: string }).selection;
    assert.ok(selectionFile);
    const ids = new Set(
      fs
        .readFileSync(path.join(data, selectionFile), "utf8")
        .split("\n")
        .filter((l) => l !== "" && !l.startsWith("#"))
        .map(Number),
    );
    let inside = 0;
    for (let i = 0; i < s.quenched.natoms; i++) {
      const deep = x[i] - lo >= 15 && hi - x[i] >= 15;
      if (deep) inside++;
      assert.equal(ids.has(s.quenched.ids[i]), deep, `atom ${s.quenched.ids[i]} at x = ${x[i]}`);
    }
    assert.ok(inside > 0.2 * s.quenched.natoms && inside < 0.6 * s.quenched.natoms, `${inside} selected`);
    assert.deepEqual(s.strains, [0, 0.02, 0.04, 0.06, 0.08, 0.1]);
    const labels = await s.labels(0.04);
    assert.equal(labels.d2min.length, 3456);
    assert.ok(labels.plasticFraction > 0 && labels.plasticFraction < 1, `plastic ${labels.plasticFraction}`);
  });

  it("loadSample reads the periodic Fe80P20 glass, with no selection", async () => {
    const s = await loadSample("Fe80P20_1e16_s1", { dataDir: data, cache: "none" });
    assert.deepEqual(s.quenched.boundary, ["pp", "pp", "pp"]);
    assert.equal((s.entry.files as { selection?: string }).selection, undefined);
  });
});
