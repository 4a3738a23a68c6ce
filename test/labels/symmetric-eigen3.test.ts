import * as assert from "node:assert/strict";
import { pseudoInverse3, symmetricEigen3 } from "../../src/labels/symmetric-eigen3";
import { rng } from "./make-frame";

function mul(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(9);
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) out[3 * r + c] += a[3 * r + k] * b[3 * k + c];
  return out;
}

function close(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): void {
  for (let k = 0; k < 9; k++) assert.ok(Math.abs(a[k] - b[k]) <= tol, `entry ${k}: ${a[k]} vs ${b[k]}`);
}

describe("labels/symmetric 3x3 eigen-decomposition and pseudo-inverse", () => {
  it("reconstructs random symmetric matrices with orthonormal eigenvectors", () => {
    const r = rng(31);
    for (let trial = 0; trial < 200; trial++) {
      const g = Array.from({ length: 9 }, () => 20 * r() - 10);
      const a = mul(g, [g[0], g[3], g[6], g[1], g[4], g[7], g[2], g[5], g[8]]); // G G^T
      const { values, vectors } = symmetricEigen3(a);
      const vt = [
        vectors[0],
        vectors[3],
        vectors[6],
        vectors[1],
        vectors[4],
        vectors[7],
        vectors[2],
        vectors[5],
        vectors[8],
      ];
      close(mul(vt, vectors), [1, 0, 0, 0, 1, 0, 0, 0, 1], 1e-14);
      const scale = Math.max(...values);
      close(mul(mul(vectors, [values[0], 0, 0, 0, values[1], 0, 0, 0, values[2]]), vt), a, 1e-13 * scale);
    }
  });

  it("handles diagonal, repeated-eigenvalue and zero matrices", () => {
    assert.deepEqual(Array.from(symmetricEigen3([2, 0, 0, 0, 2, 0, 0, 0, 2]).values), [2, 2, 2]);
    assert.deepEqual(Array.from(symmetricEigen3([0, 0, 0, 0, 0, 0, 0, 0, 0]).values), [0, 0, 0]);
    const { values } = symmetricEigen3([1, 1, 0, 1, 1, 0, 0, 0, 3]);
    assert.deepEqual(
      Array.from(values)
        .map((x) => Math.round(x * 1e12) / 1e12)
        .sort(),
      [0, 2, 3],
    );
  });

  it("pseudo-inverts a rank-2 matrix (Y Y+ Y = Y) and returns the null-space projector", () => {
    // Y = sum of d d^T over bonds in the plane x + y + z = 0.
    const bonds = [
      [1, -1, 0],
      [0, 1, -1],
      [2, -1, -1],
    ];
    const y = new Float64Array(9);
    for (const d of bonds) for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) y[3 * r + c] += d[r] * d[c];
    const { inverse, nullProjector, rank } = pseudoInverse3(y);
    assert.equal(rank, 2);
    close(mul(mul(y, inverse), y), y, 1e-13);
    close(
      nullProjector,
      Array.from({ length: 9 }, () => 1 / 3),
      1e-14,
    );
    const full = pseudoInverse3([4, 1, 0, 1, 3, 0, 0, 0, 2]);
    assert.equal(full.rank, 3);
    close(mul([4, 1, 0, 1, 3, 0, 0, 0, 2], full.inverse), [1, 0, 0, 0, 1, 0, 0, 0, 1], 1e-15);
    assert.equal(pseudoInverse3(new Float64Array(9)).rank, 0);
  });
});
