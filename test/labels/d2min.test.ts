import * as assert from "node:assert/strict";
import { Cell } from "../../src/structure/cell";
import { selectAtoms } from "../../src/structure/frame";
import { lagrangianStrain, vonMisesShearStrain } from "../../src/labels/atomic-strain";
import { D2min, D2minFlag } from "../../src/labels/d2min";
import { cutoffNeighbors } from "../../src/neighbors/cutoff-neighbors";
import { affine, deformCell, frameFromUnwrapped, randomPoints, rng } from "./make-frame";

/** Adds uniform noise of amplitude amp to every coordinate (non-affine motion). */
function jitter(points: Float64Array, amp: number, seed: number): Float64Array {
  const r = rng(seed);
  return points.map((x) => x + amp * (2 * r() - 1));
}

function maxOf(a: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) m = Math.max(m, a[i]);
  return m;
}

describe("D2min (Falk & Langer) and atomic shear strain", () => {
  it("is below 1e-20 A^2 for a pure affine deformation with a translation across the boundary (orthogonal box)", () => {
    const cell = Cell.orthogonal(12, 13, 14, [-1, 2, 0.5]);
    const u = randomPoints(cell, 300, 1, 2); // unwrapped positions spread over 5 images per direction
    // 4 % uniaxial compression along z with lateral expansion, plus a translation of more than half a box.
    const f = [1.012, 0, 0, 0, 1.011, 0, 0, 0, 0.96];
    const t = [7.3, -9.1, 15.2];
    const ref = frameFromUnwrapped(u, cell);
    const def = frameFromUnwrapped(affine(u, f, t), deformCell(cell, f, t));
    const d = new D2min().compute(ref, def);
    assert.equal(d.displacements, "unwrapped");
    assert.ok(maxOf(d.d2min) < 1e-20, `max D2min ${maxOf(d.d2min)}`);
    // Every J equals F, and the shear strain is the von Mises strain of F.
    const expected = vonMisesShearStrain(lagrangianStrain(f));
    for (let i = 0; i < ref.natoms; i++) {
      for (let k = 0; k < 9; k++) assert.ok(Math.abs(d.deformationGradients[9 * i + k] - f[k]) < 1e-12);
      assert.ok(Math.abs(d.shearStrain[i] - expected) < 1e-12);
    }
    assert.ok(d.neighborCounts.every((c) => c > 20));
    assert.ok(d.flags.every((x) => x === 0));
  });

  it("is below 1e-20 A^2 for a triclinic reference cell under simple shear plus rotation", () => {
    const cell = Cell.fromLammps([0, 0, 0], [13, 12, 15], [2.5, -1.5, 3.0]);
    const u = randomPoints(cell, 300, 2, 1);
    const c = Math.cos(0.3);
    const s = Math.sin(0.3);
    const shear = [1, 0, 0.08, 0, 1, 0.05, 0, 0, 1];
    const rot = [c, -s, 0, s, c, 0, 0, 0, 1];
    const f = new Float64Array(9);
    for (let r = 0; r < 3; r++)
      for (let q = 0; q < 3; q++) for (let k = 0; k < 3; k++) f[3 * r + q] += rot[3 * r + k] * shear[3 * k + q];
    const t = [-20.1, 4.4, 8.0];
    const d = new D2min({ cutoff: 4.5 }).compute(
      frameFromUnwrapped(u, cell),
      frameFromUnwrapped(affine(u, f, t), deformCell(cell, f, t)),
    );
    assert.ok(maxOf(d.d2min) < 1e-20, `max D2min ${maxOf(d.d2min)}`);
    // Rotation does not strain: the shear strain is that of the shear alone.
    const expected = vonMisesShearStrain(lagrangianStrain(shear));
    assert.ok(d.shearStrain.every((x) => Math.abs(x - expected) < 1e-12));
  });

  it("matches a hand-worked example: a central atom with 4 bonds, one of them bent by delta", () => {
    // Atom 1 at the origin, atoms 2-5 at a e_x, a e_y, a e_z, -a e_x (a = 2 A, cutoff 2.4 A: only the center has
    // more than one neighbor). Atom 5 moves by delta along y. By hand: Y = a^2 diag(2, 1, 1),
    // X = a^2 I + [[a^2, 0, 0], [-a delta, 0, 0], [0, 0, 0]], J = I + gamma e_y e_x^T with gamma = -delta / (2a),
    // residuals (0, delta/2, 0) on bonds 2 and 5, so D2min = delta^2 / 2; E_xy = gamma / 2, E_xx = gamma^2 / 2.
    const a = 2;
    const delta = 0.3;
    const cell = new Cell([40, 0, 0, 0, 40, 0, 0, 0, 40], [-20, -20, -20], [false, false, false]);
    const ref = Float64Array.from([0, 0, 0, a, 0, 0, 0, a, 0, 0, 0, a, -a, 0, 0]);
    const def = Float64Array.from(ref);
    def[13] += delta;
    const d = new D2min({ cutoff: 2.4 }).compute(frameFromUnwrapped(ref, cell), frameFromUnwrapped(def, cell));
    assert.deepEqual(Array.from(d.neighborCounts), [4, 1, 1, 1, 1]);
    assert.ok(Math.abs(d.d2min[0] - (delta * delta) / 2) < 1e-15, `D2min ${d.d2min[0]}`);
    const gamma = -delta / (2 * a);
    assert.ok(Math.abs(d.shearStrain[0] - Math.sqrt((gamma * gamma) / 4 + gamma ** 4 / 12)) < 1e-15);
    assert.ok(Math.abs(d.volumetricStrain[0] - (gamma * gamma) / 6) < 1e-15);
    assert.equal(d.flags[0], 0);
    // Outer atoms: one bond each, fitted exactly (D2min 0); J is the identity across the bond, so atom 5,
    // whose bond is bent by -delta across a, has E_xy = -delta / (2a).
    for (let i = 1; i < 5; i++) {
      assert.equal(d.flags[i], D2minFlag.FewNeighbors | D2minFlag.Degenerate);
      assert.ok(d.d2min[i] < 1e-30);
    }
    const g5 = -delta / a;
    assert.ok(Math.abs(d.shearStrain[4] - Math.sqrt((g5 * g5) / 4 + g5 ** 4 / 12)) < 1e-15);
    assert.equal(d.shearStrain[1], 0);
    const mean = new D2min({ cutoff: 2.4, normalize: "neighbors" }).compute(
      frameFromUnwrapped(ref, cell),
      frameFromUnwrapped(def, cell),
    );
    assert.ok(Math.abs(mean.d2min[0] - (delta * delta) / 8) < 1e-15);
  });

  it("matches a hand-worked 4-atom example: 3 neighbors each, fitted exactly", () => {
    // Atoms at 0, a e_x, a e_y, a e_z (cutoff 1.5 a: every atom sees the other three, sqrt(2) a apart at most).
    // Atom 2 moves by delta along x. Four points define an affine map, so every atom gets the same
    // J = diag(1 + delta/a, 1, 1) with D2min = 0, E_xx = ((1 + delta/a)^2 - 1) / 2 and eta = |E_xx| / sqrt(3).
    const a = 2.5;
    const delta = 0.2;
    const cell = new Cell([30, 0, 0, 0, 30, 0, 0, 0, 30], [-15, -15, -15], [false, false, false]);
    const ref = Float64Array.from([0, 0, 0, a, 0, 0, 0, a, 0, 0, 0, a]);
    const def = Float64Array.from(ref);
    def[3] += delta;
    const d = new D2min({ cutoff: 1.5 * a }).compute(frameFromUnwrapped(ref, cell), frameFromUnwrapped(def, cell));
    const exx = ((1 + delta / a) ** 2 - 1) / 2;
    for (let i = 0; i < 4; i++) {
      assert.equal(d.neighborCounts[i], 3);
      assert.equal(d.flags[i], 0);
      assert.ok(d.d2min[i] < 1e-28);
      const j = Array.from(d.deformationGradients.subarray(9 * i, 9 * i + 9));
      [1 + delta / a, 0, 0, 0, 1, 0, 0, 0, 1].forEach((x, k) => assert.ok(Math.abs(j[k] - x) < 1e-14));
      assert.ok(Math.abs(d.shearStrain[i] - Math.abs(exx) / Math.sqrt(3)) < 1e-15);
      assert.ok(Math.abs(d.volumetricStrain[i] - exx / 3) < 1e-15);
    }
  });

  it("gives the same result from unwrapped positions and from wrapped positions with image flags", () => {
    const cell = Cell.fromLammps([0, 0, 0], [11, 12, 13], [1.0, 0.5, -0.8]);
    const u = randomPoints(cell, 250, 3, 2);
    const f = [1.01, 0.02, 0, 0, 1.01, 0, 0, 0, 0.96];
    const u2 = jitter(affine(u, f, [3, 3, -8]), 0.4, 4);
    const c2 = deformCell(cell, f);
    const exact = new D2min().compute(frameFromUnwrapped(u, cell), frameFromUnwrapped(u2, c2));
    const fromImages = new D2min().compute(
      frameFromUnwrapped(u, cell, { keep: "images" }),
      frameFromUnwrapped(u2, c2, { keep: "images" }),
    );
    assert.equal(fromImages.displacements, "unwrapped");
    assert.ok(maxOf(exact.d2min) > 0.5, "the test motion must be non-affine");
    for (let i = 0; i < u.length / 3; i++) {
      assert.ok(Math.abs(exact.d2min[i] - fromImages.d2min[i]) <= 1e-9 * exact.d2min[i]);
      assert.ok(Math.abs(exact.shearStrain[i] - fromImages.shearStrain[i]) <= 1e-9 * exact.shearStrain[i] + 1e-15);
      assert.equal(exact.neighborCounts[i], fromImages.neighborCounts[i]);
    }
  });

  it("matches atoms by id whatever their order in either frame", () => {
    const cell = Cell.orthogonal(12, 12, 12);
    const u = randomPoints(cell, 200, 5, 1);
    const u2 = jitter(affine(u, [1, 0, 0, 0, 1, 0, 0, 0, 0.97]), 0.3, 6);
    const c2 = deformCell(cell, [1, 0, 0, 0, 1, 0, 0, 0, 0.97]);
    const ids = Int32Array.from({ length: 200 }, (_, i) => 1000 + 7 * i);
    const ref = frameFromUnwrapped(u, cell, { ids });
    const def = frameFromUnwrapped(u2, c2, { ids });
    const base = new D2min().compute(ref, def);
    const r = rng(7);
    const order = Array.from({ length: 200 }, (_, i) => i).sort(() => r() - 0.5);
    const shuffled = new D2min().compute(ref, selectAtoms(def, order));
    assert.deepEqual(shuffled.d2min, base.d2min);
    // Shuffling the reference permutes the results (reported in reference order, with ids).
    const shuffledRef = new D2min().compute(selectAtoms(ref, order), def);
    for (let k = 0; k < 200; k++) {
      assert.equal(shuffledRef.ids[k], ids[order[k]]);
      assert.ok(Math.abs(shuffledRef.d2min[k] - base.d2min[order[k]]) <= 1e-12 * base.d2min[order[k]]);
    }
  });

  it("uses the deformed box for the image of each reference pair (reference and deformed boxes differ)", () => {
    // Atoms next to the z faces: their neighbors across the boundary move with the compressed box, so a wrong
    // box (the reference one) would give huge D2min there.
    const cell = Cell.orthogonal(10, 10, 10);
    const u = randomPoints(cell, 120, 8);
    const f = [1.05, 0, 0, 0, 1.05, 0, 0, 0, 0.9];
    const d = new D2min().compute(
      frameFromUnwrapped(u, cell),
      frameFromUnwrapped(affine(u, f), deformCell(cell, f, [0, 0, 3])),
    );
    assert.ok(maxOf(d.d2min) < 1e-20);
  });

  it("flags atoms with coplanar neighbors and still returns finite values", () => {
    // A single layer of atoms in z = 0 inside a periodic box 30 A high: every neighborhood is planar.
    const cell = Cell.orthogonal(15, 15, 30);
    const r = rng(9);
    const n = 80;
    const u = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) {
      u[3 * i] = 15 * r();
      u[3 * i + 1] = 15 * r();
      u[3 * i + 2] = 10;
    }
    const u2 = jitter(u, 0.2, 10);
    const d = new D2min().compute(frameFromUnwrapped(u, cell), frameFromUnwrapped(u2, cell));
    for (let i = 0; i < n; i++) {
      assert.ok(Number.isFinite(d.d2min[i]) && Number.isFinite(d.shearStrain[i]));
      if (d.neighborCounts[i] > 0) assert.ok(d.flags[i] & D2minFlag.Degenerate, `atom ${i} not flagged`);
    }
    assert.equal(d.flaggedCount, n);
    // In-plane motion only: D2min is the in-plane residual, positive for the jittered atoms.
    assert.ok(maxOf(d.d2min) > 0);
  });

  it("falls back to the minimum image (with one warning in the result) when a frame has no unwrapped positions", () => {
    const cell = Cell.orthogonal(12, 12, 12);
    const u = randomPoints(cell, 200, 11, 1);
    const f = [1.01, 0, 0, 0, 1.01, 0, 0, 0, 0.97];
    const u2 = jitter(affine(u, f), 0.2, 12);
    const c2 = deformCell(cell, f);
    const exact = new D2min().compute(frameFromUnwrapped(u, cell), frameFromUnwrapped(u2, c2));
    const a = new D2min().compute(
      frameFromUnwrapped(u, cell, { keep: "wrapped" }),
      frameFromUnwrapped(u2, c2, { keep: "wrapped" }),
    );
    const b = new D2min().compute(frameFromUnwrapped(u, cell), frameFromUnwrapped(u2, c2, { keep: "wrapped" }));
    assert.equal(a.displacements, "minimum-image");
    assert.equal(b.displacements, "minimum-image");
    for (let i = 0; i < 200; i++) assert.ok(Math.abs(a.d2min[i] - exact.d2min[i]) <= 1e-9 * exact.d2min[i]);
    assert.deepEqual(exact.warnings, []);
    for (const d of [a, b]) {
      assert.equal(d.warnings.length, 1);
      assert.match(d.warnings[0], /minimum image/);
    }
    assert.match(b.warnings[0], /deformed/);
  });

  it("refuses frames with different atoms, duplicate ids, or bad options, naming the problem", () => {
    const cell = Cell.orthogonal(10, 10, 10);
    const u = randomPoints(cell, 20, 13);
    const ref = frameFromUnwrapped(u, cell);
    const other = frameFromUnwrapped(u, cell, {
      ids: Int32Array.from({ length: 20 }, (_, i) => (i === 5 ? 99 : i + 1)),
    });
    assert.throws(() => new D2min().compute(ref, other), /atom id 6 of reference is missing from deformed/);
    assert.throws(() => new D2min().compute(ref, selectAtoms(ref, [0, 1, 2])), /20 atoms but deformed has 3/);
    const dup = frameFromUnwrapped(u, cell, { ids: Int32Array.from({ length: 20 }, (_, i) => (i === 5 ? 5 : i + 1)) });
    assert.throws(() => new D2min().compute(ref, dup), /atom id 5 appears twice in deformed/);
    assert.throws(() => new D2min({ cutoff: -1 }), /cutoff/);
    assert.throws(() => new D2min({ normalize: "mean" as "none" }), /normalize/);
    assert.throws(() => new D2min().d2min, /compute/);
  });
});

describe("D2min: neighbors from the cell list, or given", () => {
  it("accepts a NeighborList and gives the same numbers as its own cutoff neighbors", () => {
    const cell = Cell.fromLammps([0, 0, 0], [11, 12, 10], [1, -0.5, 0.8]);
    const u = randomPoints(cell, 150, 31, 1);
    const f = [1.02, 0.01, 0, 0, 0.99, 0, 0, 0, 0.98];
    const ref = frameFromUnwrapped(u, cell);
    const def = frameFromUnwrapped(jitter(affine(u, f), 0.15, 32), deformCell(cell, f));
    const own = new D2min({ cutoff: 4 }).compute(ref, def);
    const given = new D2min().compute(ref, def, cutoffNeighbors(ref, 4));
    assert.deepEqual(given.neighborCounts, own.neighborCounts);
    for (let i = 0; i < 150; i++)
      assert.ok(Math.abs(given.d2min[i] - own.d2min[i]) <= 1e-12 * (1 + own.d2min[i]), `atom ${i}`);
    assert.throws(
      () => new D2min().compute(ref, def, cutoffNeighbors(selectAtoms(ref, [0, 1]), 4)),
      /neighbor list has 2 rows for 150 atoms/,
    );
  });

  it("needs no minimum image (and gives no warning) in a box without periodic directions (issue 14 case 12)", () => {
    const cell = new Cell([12, 0, 0, 0, 12, 0, 0, 0, 12], [0, 0, 0], [false, false, false]);
    const u = randomPoints(cell, 80, 33);
    const f = [1.01, 0, 0, 0, 1.01, 0, 0, 0, 0.97];
    const exact = new D2min().compute(
      frameFromUnwrapped(u, cell),
      frameFromUnwrapped(jitter(affine(u, f), 0.2, 34), deformCell(cell, f)),
    );
    const wrapped = new D2min().compute(
      frameFromUnwrapped(u, cell, { keep: "wrapped" }),
      frameFromUnwrapped(jitter(affine(u, f), 0.2, 34), deformCell(cell, f), { keep: "wrapped" }),
    );
    assert.deepEqual(wrapped.warnings, []);
    assert.equal(wrapped.displacements, "unwrapped");
    for (let i = 0; i < 80; i++)
      assert.ok(Math.abs(wrapped.d2min[i] - exact.d2min[i]) <= 1e-12 * (1 + exact.d2min[i]), `atom ${i}`);
  });
});
