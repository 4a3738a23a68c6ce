import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { assemble, moduleText, WASM_SOURCES } from "../../scripts/build-wasm";
import { AngularSumsKernel, angularPlan, angularSumsJs, expMinus } from "../../src/features/symmetry-function-kernels";
import {
  type AngularParams,
  resolveSymmetryFunctionParams,
  SOFTNESS_ANGULAR_PARAMS,
  symmetryFunctions,
} from "../../src/features/symmetry-functions";
import { bruteNeighbors } from "./brute-neighbors";
import { glassFrame } from "./glass-frame";

interface Bond {
  readonly v: readonly [number, number, number];
  readonly s: number;
  /** Length (default Math.hypot of v; the glass passes its neighbor list's). */
  readonly r?: number;
}

/** Writes the bonds into the kernel sorted by species (stable), as symmetryFunctionRows does; returns nb. */
function loadBonds(k: AngularSumsKernel, bonds: readonly Bond[]): number {
  k.reserve(bonds.length);
  const { bx, by, bz, br, bs, speciesStart } = k.arrays;
  const nS = k.plan.nSpecies;
  let nb = 0;
  speciesStart[0] = 0;
  for (let t = 0; t < nS; t++) {
    for (const b of bonds) {
      if (b.s !== t) continue;
      [bx[nb], by[nb], bz[nb]] = b.v;
      br[nb] = b.r ?? Math.hypot(...b.v);
      bs[nb] = t;
      nb++;
    }
    speciesStart[t + 1] = nb;
  }
  return nb;
}

/**
 * Eq. 3 straight from its definition (Math.exp, `**`, r_jk as the distance between the two neighbors): block
 * pair(X, Y) x parameter set, each unordered pair of bonds once. Independent of the kernels' rewriting of
 * r_ij^2 + r_ik^2 + r_jk^2, of the reduced plan and of expMinus.
 */
function eq3(bonds: readonly Bond[], nS: number, params: readonly AngularParams[], unit: number): Float64Array {
  const npar = params.length;
  const out = new Float64Array(((nS * (nS + 1)) / 2) * npar);
  const block = (x: number, y: number) => {
    const [a, b] = x <= y ? [x, y] : [y, x];
    return a * nS - (a * (a - 1)) / 2 + (b - a);
  };
  for (let i = 0; i < bonds.length; i++) {
    for (let j = i + 1; j < bonds.length; j++) {
      const u = bonds[i].v;
      const w = bonds[j].v;
      const rij = Math.hypot(...u);
      const rik = Math.hypot(...w);
      const rjk = Math.hypot(w[0] - u[0], w[1] - u[1], w[2] - u[2]);
      const cos = (u[0] * w[0] + u[1] * w[1] + u[2] * w[2]) / (rij * rik);
      params.forEach((q, k) => {
        const xi = q.xi * unit;
        const base = 1 + q.lambda * cos;
        const power = base > 0 ? base ** q.zeta : 0;
        out[block(bonds[i].s, bonds[j].s) * npar + k] +=
          Math.exp(-(rij * rij + rik * rik + rjk * rjk) / (xi * xi)) * power;
      });
    }
  }
  return out;
}

/** Runs the kernel and its JavaScript twin on the bonds: asserts bitwise equality, returns the kernel's sums. */
function bothBitwise(k: AngularSumsKernel, bonds: readonly Bond[], what: string): Float64Array {
  const nb = loadBonds(k, bonds);
  const js = new Float64Array(k.arrays.acc.length);
  angularSumsJs(k, nb, js);
  k.arrays.acc.fill(7); // the kernel must overwrite every entry
  k.run(nb);
  const wasm = Float64Array.from(k.arrays.acc);
  for (let p = 0; p < js.length; p++)
    if (!Object.is(wasm[p], js[p])) assert.fail(`${what}: entry ${p}: WebAssembly ${wasm[p]} vs JavaScript ${js[p]}`);
  return wasm;
}

function assertClose(got: Float64Array, want: Float64Array, rel: number, what: string): void {
  assert.equal(got.length, want.length, `${what}: size`);
  for (let p = 0; p < got.length; p++)
    assert.ok(
      Math.abs(got[p] - want[p]) <= rel * Math.abs(want[p]) + 1e-300,
      `${what}: entry ${p}: ${got[p]} vs ${want[p]}`,
    );
}

describe("features/symmetry-function-kernels (the WebAssembly angular sums)", () => {
  it("is what symmetry-function-kernels.wat assembles to (npm run build:wasm)", async function () {
    this.timeout(20000);
    const s = WASM_SOURCES.find((w) => w.name === "SYMMETRY_FUNCTION_KERNELS_WASM");
    assert.ok(s, "scripts/build-wasm.ts lists symmetry-function-kernels.wat");
    const text = moduleText(s.name, path.basename(s.wat), await assemble(s.wat));
    assert.equal(fs.readFileSync(s.out, "utf8"), text, `${path.basename(s.out)} is stale: run npm run build:wasm`);
  });

  it("bitwise angularSumsJs on every atom of the 500-atom Cu-Zr glass, and the rows of symmetryFunctions", () => {
    const frame = glassFrame();
    const p = resolveSymmetryFunctionParams();
    const rc = p.cutoff * p.unit;
    const list = bruteNeighbors(frame.positions, frame.cell, rc);
    const species = Int32Array.from(frame.types, (t) => t - 1);
    const rows = symmetryFunctions(list, species, 2, p);
    const k = new AngularSumsKernel(angularPlan(p.angular, p.unit, 2));
    let pairs = 0;
    for (let i = 0; i < list.n; i++) {
      const bonds: Bond[] = [];
      for (let e = list.offsets[i]; e < list.offsets[i + 1]; e++) {
        if (!(list.distances[e] <= rc)) continue;
        const v = list.vectors;
        bonds.push({ v: [v[3 * e], v[3 * e + 1], v[3 * e + 2]], s: species[list.indices[e]], r: list.distances[e] });
      }
      pairs += (bonds.length * (bonds.length - 1)) / 2;
      const sums = bothBitwise(k, bonds, `atom ${i}`);
      const angular = rows.subarray(i * 166 + 100, (i + 1) * 166);
      assert.deepEqual(Array.from(angular), Array.from(sums), `atom ${i}: symmetryFunctions row`);
      if (i % 50 === 0) assertClose(sums, eq3(bonds, 2, p.angular, p.unit), 1e-12, `atom ${i} vs Eq. 3`);
    }
    assert.ok(pairs > 500 * 1000, `${pairs} pairs of bonds`);
  });

  it("hand-made: two species, zeta 3 and 1.5 (Math.pow), q = 0, y >= 80 and y just below 80 (table end)", () => {
    // Bonds 0 and 1 are parallel (cos 1: 1 - cos = 0 exactly); bonds at 1 A, 2 A, ... in mixed species order.
    const bonds: Bond[] = [
      { v: [1, 0, 0], s: 1 },
      { v: [2, 0, 0], s: 0 },
      { v: [0, 1.5, 0], s: 1 },
      { v: [0.3, -0.4, 1.2], s: 0 },
      { v: [-0.9, 0.2, -0.7], s: 1 },
    ];
    // sum2 of bonds {1, 2} (orthogonal, 2 A and 1.5 A) is 2 (4 + 2.25) = 12.5: xi = 0.2 gives y = 312.5 (Math.exp),
    // xi = sqrt(12.5 / 79.995) gives y = 79.995, whose j = 5120 is the table's last entry.
    const xiEnd = Math.sqrt(12.5 / 79.995);
    const params: AngularParams[] = [
      { xi: 1.7, lambda: -1, zeta: 3 },
      { xi: 1.7, lambda: 1, zeta: 1.5 },
      { xi: 0.9, lambda: -1, zeta: 16 },
      { xi: 0.2, lambda: 1, zeta: 2 },
      { xi: xiEnd, lambda: 1, zeta: 1 },
      { xi: xiEnd, lambda: -1, zeta: 4 },
      { xi: 2.5, lambda: 1, zeta: 3 },
    ];
    const k = new AngularSumsKernel(angularPlan(params, 1, 2));
    const sums = bothBitwise(k, bonds, "hand-made");
    assert.ok(sums.every((x) => Number.isFinite(x)));
    assertClose(sums, eq3(bonds, 2, params, 1), 1e-12, "hand-made vs Eq. 3");
    // the pair {1, 2} alone: its terms at y = 312.5 and y = 79.995
    const pair = bothBitwise(k, [bonds[1], bonds[2]], "one pair");
    const o = 1 * params.length; // block Cu-Zr
    assert.ok(Math.abs(pair[o + 3] - Math.exp(-312.5)) <= 1e-13 * Math.exp(-312.5), `${pair[o + 3]}`);
    assert.ok(Math.abs(pair[o + 4] - Math.exp(-79.995)) <= 1e-15 * Math.exp(-79.995), `${pair[o + 4]}`);
    assert.ok(Math.abs(expMinus(79.995) - Math.exp(-79.995)) <= 1e-15 * Math.exp(-79.995));
    // y = 79.995 in both lanes of a f64x2 step (partners 1 and 2 of bond 0)
    const end: Bond[] = [bonds[1], bonds[2], { v: [0, 0, 1.5], s: 1 }];
    const both = bothBitwise(k, end, "table end, two lanes");
    assertClose(both, eq3(end, 2, params, 1), 1e-12, "table end vs Eq. 3");
    // Partners of bond 0 at y = 79.995, 79.995 | 153.6, 79.995: a row with y >= 80 where one f64x2 step has
    // both lanes in range and the next one lane out of range; they alone make the Cu-Zr block.
    const mixed: Bond[] = [
      { v: [2, 0, 0], s: 0 },
      { v: [0, 1.5, 0], s: 1 },
      { v: [0, 0, 1.5], s: 1 },
      { v: [-2, 0, 0], s: 1 },
      { v: [0, -1.5, 0], s: 1 },
    ];
    assertClose(bothBitwise(k, mixed, "mixed row"), eq3(mixed, 2, params, 1), 1e-12, "mixed row vs Eq. 3");
    // bonds 1 and 2 are orthogonal to bond 0: 1 + cos = 1, two terms exp(-79.995)
    assert.ok(Math.abs(both[o + 4] - 2 * Math.exp(-79.995)) <= 1e-14 * Math.exp(-79.995), `${both[o + 4]}`);
  });

  it("an atom with no bond or one bond: all sums zero", () => {
    const k = new AngularSumsKernel(angularPlan(SOFTNESS_ANGULAR_PARAMS, 2.52, 2));
    for (const bonds of [[], [{ v: [1.2, 2, 0.5], s: 1 }]] as Bond[][]) {
      const sums = bothBitwise(k, bonds, `${bonds.length} bonds`);
      assert.ok(
        sums.every((x) => Object.is(x, 0)),
        `${bonds.length} bonds`,
      );
    }
  });

  it("grows its memory for 150 bonds and then serves small atoms as a fresh kernel does", () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const bondsOf = (m: number): Bond[] =>
      Array.from({ length: m }, () => ({
        v: [4 * rand() - 2, 4 * rand() - 2, 4 * rand() - 2] as [number, number, number],
        s: Math.floor(3 * rand()),
      }));
    const plan = angularPlan(SOFTNESS_ANGULAR_PARAMS, 1, 3);
    const k = new AngularSumsKernel(plan);
    const big = bondsOf(150);
    const sums = bothBitwise(k, big, "150 bonds");
    assertClose(sums, eq3(big, 3, SOFTNESS_ANGULAR_PARAMS, 1), 1e-12, "150 bonds vs Eq. 3");
    const small = bondsOf(9);
    const again = bothBitwise(k, small, "9 bonds after 150");
    const fresh = bothBitwise(new AngularSumsKernel(plan), small, "9 bonds, fresh kernel");
    assert.deepEqual(Array.from(again), Array.from(fresh));
  });
});
