import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  packCheckpoint,
  restartFiles,
  restoreCheckpoint,
  stageDone,
  checkpointArchive,
  dropCheckpoint,
} from "../../data/lammps/checkpoint";

/** A work folder as generate.ts leaves it mid-quench: melt finished, two quench restarts, logs, commands. */
function midQuenchWork(root: string): string {
  const work = path.join(root, "work", "X_1e13_s1");
  fs.mkdirSync(work, { recursive: true });
  const files: Record<string, string> = {
    "melt.final.restart": "melt-final",
    "quench.5000.restart": "quench-5000",
    "quench.30000.restart": "quench-30000",
    "log.melt.0.lammps": "melt log\n",
    "log.quench.25000.lammps": "quench log\n",
    "commands.sh": "lmp -in melt.in\nlmp -in quench.in\n",
    "notes.txt": "not part of a checkpoint",
  };
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(work, f), text);
  return work;
}

describe("data/lammps/checkpoint: resuming an unfinished sample on a fresh clone", () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-ckpt-"))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("orders restarts furthest first: later stage, then final, then higher step", () => {
    const work = midQuenchWork(root);
    fs.writeFileSync(path.join(work, "quench.final.restart"), "qf");
    const order = restartFiles(work).map((r) => path.basename(r.file));
    assert.deepEqual(order, [
      "quench.final.restart",
      "quench.30000.restart",
      "quench.5000.restart",
      "melt.final.restart",
    ]);
  });

  it("packs only the furthest restart with the logs and commands; a fresh work folder resumes at the same step", () => {
    const data = path.join(root, "data");
    const work = midQuenchWork(root);
    const info = packCheckpoint(data, "X_1e13_s1", work);
    assert.ok(info);
    assert.equal(info.restart, "quench.30000.restart");
    assert.deepEqual(info.files, [
      "quench.30000.restart",
      "commands.sh",
      "log.melt.0.lammps",
      "log.quench.25000.lammps",
    ]);
    // The machine is gone: the work folder with it.
    fs.rmSync(work, { recursive: true });
    const restored = restoreCheckpoint(data, "X_1e13_s1", work);
    assert.equal(restored?.restart, "quench.30000.restart");
    assert.deepEqual(fs.readdirSync(work).sort(), [...info.files].sort());
    assert.equal(fs.readFileSync(path.join(work, "quench.30000.restart"), "utf8"), "quench-30000");
    assert.equal(fs.readFileSync(path.join(work, "log.quench.25000.lammps"), "utf8"), "quench log\n");
    // melt counts as done although melt.final.restart was not packed; quench goes on from step 30000.
    assert.equal(stageDone(work, "melt"), true);
    assert.equal(stageDone(work, "quench"), false);
    assert.equal(restartFiles(work)[0].step, 30000);
  });

  it("never overwrites a work folder that already has restarts", () => {
    const data = path.join(root, "data");
    const work = midQuenchWork(root);
    packCheckpoint(data, "X_1e13_s1", work);
    fs.writeFileSync(path.join(work, "quench.35000.restart"), "newer");
    assert.equal(restoreCheckpoint(data, "X_1e13_s1", work), null);
    assert.equal(fs.readFileSync(path.join(work, "quench.35000.restart"), "utf8"), "newer");
  });

  it("refuses a damaged archive, naming it", () => {
    const data = path.join(root, "data");
    const work = midQuenchWork(root);
    packCheckpoint(data, "X_1e13_s1", work);
    fs.rmSync(work, { recursive: true });
    fs.appendFileSync(checkpointArchive(data, "X_1e13_s1"), "garbage");
    assert.throws(() => restoreCheckpoint(data, "X_1e13_s1", work), /X_1e13_s1\.tar\.gz: sha256 .* damaged/);
  });

  it("a folder without restarts gives no checkpoint; a finished sample's checkpoint is dropped", () => {
    const data = path.join(root, "data");
    const empty = path.join(root, "empty");
    fs.mkdirSync(empty);
    assert.equal(packCheckpoint(data, "Y", empty), null);
    packCheckpoint(data, "X_1e13_s1", midQuenchWork(root));
    assert.equal(dropCheckpoint(data, "X_1e13_s1").length, 2);
    assert.equal(fs.existsSync(checkpointArchive(data, "X_1e13_s1")), false);
  });
});
