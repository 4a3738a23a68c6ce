import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readLammpsLog, thermoColumn } from "../../src/dataset/lammps-log";

const log = path.resolve(__dirname, "..", "fixtures", "dataset", "log.deform.0.lammps");

describe("dataset/readLammpsLog", () => {
  it("reads the deform log's thermo table (thermo 250 over 20000 steps) and loop time", () => {
    const runs = readLammpsLog(log);
    assert.equal(runs.length, 1);
    const run = runs[0];
    assert.deepEqual(run.columns, [
      "Step",
      "v_strain",
      "Temp",
      "PotEng",
      "Press",
      "Pxx",
      "Pyy",
      "Pzz",
      "v_szz_GPa",
      "Lx",
      "Ly",
      "Lz",
      "Volume",
    ]);
    const step = thermoColumn(run, "Step", log);
    assert.equal(step.length, 20000 / 250 + 1);
    assert.equal(step[80], 20000);
    const strain = thermoColumn(run, "v_strain");
    const lz = thermoColumn(run, "Lz");
    // The template defines strain = (lz0 - lz) / lz0 and szz_GPa = -pzz / 10000 (bar to GPa, compression positive).
    for (let k = 0; k < step.length; k++) {
      assert.ok(Math.abs(strain[k] - (lz[0] - lz[k]) / lz[0]) < 1e-6);
      assert.ok(Math.abs(thermoColumn(run, "v_szz_GPa")[k] + thermoColumn(run, "Pzz")[k] / 1e4) < 1e-6);
    }
    assert.ok(Math.abs(strain[80] - 0.04) < 1e-12);
    assert.ok(run.loop !== null && run.loop.steps === 20000 && run.loop.atoms === 256 && run.loop.seconds > 0);
    assert.throws(() => thermoColumn(run, "c_pe", log), /no column "c_pe"/);
  });

  it("names the file and line of a broken thermo row, and accepts an interrupted run", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-log-"));
    try {
      const text = fs.readFileSync(log, "utf8").split("\n");
      const header = text.findIndex((l) => l.startsWith("Step"));
      const broken = [...text];
      broken[header + 3] = "   750 oops";
      fs.writeFileSync(path.join(tmp, "bad.lammps"), broken.join("\n"));
      assert.throws(
        () => readLammpsLog(path.join(tmp, "bad.lammps")),
        new RegExp(`bad\\.lammps:${header + 4}: expected 13 numbers`),
      );
      fs.writeFileSync(path.join(tmp, "cut.lammps"), text.slice(0, header + 6).join("\n"));
      const [cut] = readLammpsLog(path.join(tmp, "cut.lammps"));
      assert.equal(cut.loop, null);
      assert.equal(thermoColumn(cut, "Step").length, 5);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
