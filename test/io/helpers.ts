import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Frame } from "../../src/structure/frame";

export const FIXTURES = path.join(__dirname, "..", "fixtures", "io");

/** A fresh temporary folder for one test file (removed by the caller's `after`). */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `qsoft-io-${prefix}-`));
}

/** Box parameters per timestep from a LAMMPS log whose thermo_style is `step xlo xhi ylo yhi zlo zhi [xy xz yz]`. */
export function thermoBoxes(logFile: string): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const lines = fs.readFileSync(logFile, "utf8").split("\n");
  let inTable = false;
  for (const line of lines) {
    if (/^\s*Step\s+Xlo/.test(line)) {
      inTable = true;
      continue;
    }
    if (!inTable) continue;
    const f = line.trim().split(/\s+/).map(Number);
    if (f.length < 7 || f.some((x) => !Number.isFinite(x))) {
      inTable = false;
      continue;
    }
    out.set(f[0], f.slice(1));
  }
  return out;
}

/** Asserts |a - b| <= tol * scale for every component. */
export function assertClose(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  tol: number,
  scale: number,
  what: string,
): void {
  assert.equal(a.length, b.length, `${what}: lengths differ`);
  for (let k = 0; k < a.length; k++) {
    assert.ok(Math.abs(a[k] - b[k]) <= tol * scale, `${what}[${k}]: ${a[k]} vs ${b[k]} (tolerance ${tol * scale})`);
  }
}

/**
 * Bit-exact equality of two frames' data (ids, types, positions, images, columns, boundary); the cell too, or to
 * `cellUlps` units of roundoff of the box size when given (a triclinic dump's bounds cannot always hold the
 * box exactly: LAMMPS writes xlo + MIN(0, xy, ...) as one double).
 */
export function assertSameFrame(a: Frame, b: Frame, cellUlps = 0): void {
  assert.equal(a.timestep, b.timestep);
  assert.equal(a.natoms, b.natoms);
  assert.deepEqual(Array.from(a.ids), Array.from(b.ids));
  assert.deepEqual(Array.from(a.types), Array.from(b.types));
  assert.deepEqual(Array.from(a.positions), Array.from(b.positions));
  assert.deepEqual(a.images ? Array.from(a.images) : null, b.images ? Array.from(b.images) : null);
  if (cellUlps === 0) {
    assert.deepEqual(Array.from(a.cell.matrix), Array.from(b.cell.matrix));
    assert.deepEqual(Array.from(a.cell.origin), Array.from(b.cell.origin));
  } else {
    const scale = Math.max(...Array.from(b.cell.matrix, Math.abs), ...Array.from(b.cell.origin, Math.abs));
    assertClose(a.cell.matrix, b.cell.matrix, cellUlps * Number.EPSILON, 2 * scale, "cell matrix");
    assertClose(a.cell.origin, b.cell.origin, cellUlps * Number.EPSILON, 2 * scale, "cell origin");
  }
  assert.deepEqual(a.cell.periodic, b.cell.periodic);
  assert.deepEqual(a.boundary, b.boundary);
  assert.deepEqual([...a.columns.keys()].sort(), [...b.columns.keys()].sort());
  for (const [name, col] of a.columns)
    assert.deepEqual(Array.from(col), Array.from(b.columns.get(name)!), `column ${name}`);
}
