import { strict as assert } from "node:assert";
import { wigner3j, wigner3jExact, wigner3jInvariantTable, wigner3jTable } from "../../src/features/wigner3j";

function fact(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

function close(a: number, b: number, tol = 1e-14): void {
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
}

describe("wigner3j (Racah formula, exact rational arithmetic)", () => {
  it("matches tabulated values", () => {
    close(wigner3j(1, 1, 0, 0, 0, 0), -1 / Math.sqrt(3));
    close(wigner3j(2, 2, 2, 0, 0, 0), -Math.sqrt(2 / 35));
    close(wigner3j(1, 1, 2, 0, 0, 0), Math.sqrt(2 / 15));
    close(wigner3j(1, 1, 2, 1, -1, 0), Math.sqrt(1 / 30));
    close(wigner3j(2, 2, 2, 1, -1, 0), Math.sqrt(1 / 70));
    // (6 6 6; 0 0 0) = -sqrt(400/46189)... written as the exact rational returned
    const e = wigner3jExact(6, 6, 6, 0, 0, 0);
    assert.equal(e.sign, -1);
    assert.equal(e.num * 46189n, e.den * 400n);
  });

  it("gives (j j 0; m -m 0) = (-1)^(j-m) / sqrt(2j+1)", () => {
    for (let j = 0; j <= 12; j++) {
      for (let m = -j; m <= j; m++)
        close(wigner3j(j, j, 0, m, -m, 0), ((j - m) % 2 === 0 ? 1 : -1) / Math.sqrt(2 * j + 1));
    }
  });

  it("matches the closed form of (j1 j2 j3; 0 0 0)", () => {
    for (let j1 = 0; j1 <= 10; j1++) {
      for (let j2 = 0; j2 <= 10; j2++) {
        for (let j3 = Math.abs(j1 - j2); j3 <= j1 + j2; j3++) {
          const J = j1 + j2 + j3;
          const got = wigner3j(j1, j2, j3, 0, 0, 0);
          if (J % 2 === 1) {
            assert.equal(got, 0);
            continue;
          }
          const g = J / 2;
          const want =
            (g % 2 === 0 ? 1 : -1) *
            Math.sqrt((fact(J - 2 * j1) * fact(J - 2 * j2) * fact(J - 2 * j3)) / fact(J + 1)) *
            (fact(g) / (fact(g - j1) * fact(g - j2) * fact(g - j3)));
          close(got, want, 1e-12);
        }
      }
    }
  });

  it("matches the closed form of the stretched symbol (j1 j2 j1+j2; m1 m2 -m1-m2)", () => {
    for (let j1 = 0; j1 <= 5; j1++) {
      for (let j2 = 0; j2 <= 5; j2++) {
        const J = j1 + j2;
        for (let m1 = -j1; m1 <= j1; m1++) {
          for (let m2 = -j2; m2 <= j2; m2++) {
            const M = m1 + m2;
            const want =
              ((j1 - j2 + M) % 2 === 0 ? 1 : -1) *
              Math.sqrt(
                (fact(2 * j1) * fact(2 * j2) * fact(J + M) * fact(J - M)) /
                  (fact(2 * J + 1) * fact(j1 + m1) * fact(j1 - m1) * fact(j2 + m2) * fact(j2 - m2)),
              );
            close(wigner3j(j1, j2, J, m1, m2, -M), want, 1e-13);
          }
        }
      }
    }
  });

  it("is orthonormal: sum_{m1,m2} (j1 j2 j; m1 m2 m)(j1 j2 j'; m1 m2 m) = delta(j,j') / (2j+1)", () => {
    const j1 = 4;
    const j2 = 6;
    for (let j = 2; j <= 10; j++) {
      for (let jp = 2; jp <= 10; jp++) {
        const m = 1;
        let s = 0;
        for (let m1 = -j1; m1 <= j1; m1++) {
          const m2 = -m - m1;
          if (Math.abs(m2) > j2) continue;
          s += wigner3j(j1, j2, j, m1, m2, m) * wigner3j(j1, j2, jp, m1, m2, m);
        }
        close(s, j === jp ? 1 / (2 * j + 1) : 0, 1e-14);
      }
    }
  });

  it("vanishes outside the selection rules and rejects non-integers", () => {
    assert.equal(wigner3j(2, 2, 5, 0, 0, 0), 0);
    assert.equal(wigner3j(2, 2, 2, 1, 1, 0), 0);
    assert.equal(wigner3j(2, 2, 2, 3, -3, 0), 0);
    assert.throws(() => wigner3j(1.5, 1, 1, 0, 0, 0), /j1 must be an integer/);
  });

  it("tables every non-zero (l l l; m1 m2 m3) with the symmetry (l l l; -m) = (-1)^(3l) (l l l; m)", () => {
    for (const l of [4, 6, 8, 10]) {
      const t = wigner3jTable(l);
      for (let s = 0; s < t.coefficient.length; s++) {
        assert.equal(t.m1[s] + t.m2[s] + t.m3[s], 0);
        close(wigner3j(l, l, l, -t.m1[s], -t.m2[s], -t.m3[s]), t.coefficient[s]);
      }
      // Orthogonality with itself: sum over all m of the squares is 1.
      let sq = 0;
      for (const c of t.coefficient) sq += c * c;
      close(sq, 1, 1e-13);
    }
  });

  it("the reduced table gives w_l's sum of Re(q_m1 q_m2 q_m3) as the full table does, and nothing for odd l", () => {
    // Random q_lm for m >= 0, extended by q_l,-m = (-1)^m conj(q_lm) (the harmonics of a real bond set).
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647 - 0.5;
    };
    for (const l of [2, 4, 6, 8, 10, 12]) {
      const re = new Float64Array(2 * l + 1);
      const im = new Float64Array(2 * l + 1);
      for (let m = 0; m <= l; m++) {
        re[l + m] = rnd();
        im[l + m] = m === 0 ? 0 : rnd();
        const sign = m % 2 === 0 ? 1 : -1;
        re[l - m] = sign * re[l + m];
        im[l - m] = -sign * im[l + m];
      }
      const sum = (t: ReturnType<typeof wigner3jTable>) => {
        let w = 0;
        for (let s = 0; s < t.coefficient.length; s++) {
          const [a, b, c] = [t.m1[s] + l, t.m2[s] + l, t.m3[s] + l];
          const pr = re[a] * re[b] - im[a] * im[b];
          const pi = re[a] * im[b] + im[a] * re[b];
          w += t.coefficient[s] * (pr * re[c] - pi * im[c]);
        }
        return w;
      };
      const reduced = wigner3jInvariantTable(l);
      if (l >= 4)
        assert.ok(reduced.coefficient.length * 5 < wigner3jTable(l).coefficient.length, `l = ${l}: fewer terms`);
      close(sum(reduced), sum(wigner3jTable(l)), 1e-14);
    }
    for (const l of [3, 5]) assert.equal(wigner3jInvariantTable(l).coefficient.length, 0);
  });
});
