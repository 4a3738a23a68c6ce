import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { d2minCommand } from "../../src/cli/d2min";
import { readDump } from "../../src/io/dump-reader";
import { D2min } from "../../src/labels/d2min";
import { numericColumn, readCsv } from "../../src/table/csv";

const dir = path.resolve(__dirname, "..", "fixtures", "labels");

function reference(system: string) {
  const file = path.join(dir, `${system}_d2min_rc5.csv`);
  const t = readCsv(file);
  return {
    id: numericColumn(t, "id", file),
    type: numericColumn(t, "type", file),
    n: numericColumn(t, "n_neighbors", file),
    d2min: numericColumn(t, "d2min", file),
    shear: numericColumn(t, "shear_strain", file),
  };
}

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number, what: string): void {
  assert.equal(actual.length, expected.length);
  for (let k = 0; k < expected.length; k++) {
    const tol = rel * Math.abs(expected[k]) + 1e-14;
    assert.ok(Math.abs(actual[k] - expected[k]) <= tol, `${what}[${k}]: ${actual[k]} vs ${expected[k]}`);
  }
}

describe("D2min on LAMMPS glasses against an independent numpy/scipy reference (fixtures/labels)", () => {
  for (const system of ["cuzr", "alsm"]) {
    it(`${system}: quenched vs 4 % compression, cutoff 5 A`, async () => {
      const ref = await readDump(path.join(dir, `${system}_quenched.dump.gz`), { sort: true });
      const def = await readDump(path.join(dir, `${system}_strain_0.04000.dump.gz`));
      const d = new D2min({ cutoff: 5 }).compute(ref, def);
      const r = reference(system);
      assert.equal(d.displacements, "unwrapped");
      assert.deepEqual(Array.from(d.ids), Array.from(r.id));
      assert.deepEqual(Array.from(d.neighborCounts), Array.from(r.n));
      assertClose(d.d2min, r.d2min, 1e-11, "d2min");
      assertClose(d.shearStrain, r.shear, 1e-11, "shear strain");
      assert.equal(d.flaggedCount, 0);
    });
  }

  it("qsoft d2min writes the same table, sorted by id, from shuffled input", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-d2min-"));
    try {
      // The reference dump with its atom lines reversed: the CLI must sort by id.
      const zlib = await import("node:zlib");
      const lines = zlib
        .gunzipSync(fs.readFileSync(path.join(dir, "cuzr_quenched.dump.gz")))
        .toString("utf8")
        .trimEnd()
        .split("\n");
      const shuffled = [...lines.slice(0, 9), ...lines.slice(9).reverse()].join("\n") + "\n";
      fs.writeFileSync(path.join(tmp, "ref.dump"), shuffled);
      const out = path.join(tmp, "d2.csv");
      const logs: string[] = [];
      const log = console.log;
      console.log = (m: string) => logs.push(m);
      let code: number;
      try {
        code = await d2minCommand.run([
          path.join(tmp, "ref.dump"),
          path.join(dir, "cuzr_strain_0.04000.dump.gz"),
          "--types",
          "Cu,Zr",
          "--out",
          out,
        ]);
      } finally {
        console.log = log;
      }
      assert.equal(code, 0);
      const t = readCsv(out);
      assert.deepEqual(t.columns, ["id", "type", "n_neighbors", "d2min", "shear_strain"]);
      const r = reference("cuzr");
      assert.deepEqual(Array.from(numericColumn(t, "id")), Array.from(r.id));
      assert.deepEqual(Array.from(numericColumn(t, "type")), Array.from(r.type));
      assertClose(numericColumn(t, "d2min"), r.d2min, 1e-11, "d2min");
      let plastic = 0;
      for (const x of r.d2min) if (x > 5) plastic++;
      assert.match(
        logs.join("\n"),
        new RegExp(`plastic fraction \\(D2min > 5 A\\^2\\): ${(plastic / r.d2min.length).toFixed(4)}`),
      );
      assert.match(logs.join("\n"), /Cu: .* atoms\n {2}Zr: /);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
