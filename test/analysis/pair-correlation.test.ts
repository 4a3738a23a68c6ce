import { strict as assert } from "node:assert";
import { PairCorrelation, pairCorrelation, selectionIndices } from "../../src/analysis/pair-correlation";
import { Cell } from "../../src/structure/cell";
import { latticeFrame } from "../../src/io/lattice";
import { Random } from "../../src/ml/random";

const close = (a: number, b: number, tol: number, what: string): void =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const shell = (lo: number, hi: number): number => ((4 * Math.PI) / 3) * (hi ** 3 - lo ** 3);

describe("analysis: pair correlation g(r)", () => {
  it("two atoms 3 A apart: both ordered pairs in the 3 A bin, g = V / (N_c-normalised shell)", () => {
    const frame = { cell: Cell.orthogonal(10, 10, 10), positions: Float64Array.from([1, 1, 1, 4, 1, 1]) };
    const res = pairCorrelation(frame, { rMax: 5, bins: 10 });
    const b = 6; // [3.0, 3.5)
    assert.equal(res.counts[b], 2);
    assert.equal(
      res.counts.reduce((a, x) => a + x, 0),
      2,
    );
    // Ideal count: N_c rho V_k with rho = (2*2 - 2) / (2 * 1000).
    close(res.density, 1 / 1000, 1e-15, "density");
    close(res.g[b], 2 / (2 * (1 / 1000) * shell(3, 3.5)), 1e-9, "g");
    assert.equal(res.cumulative[b], 1);
    // With rMax beyond 7 A the periodic image at 10 - 3 = 7 A appears too.
    const far = pairCorrelation(frame, { rMax: 8, bins: 16 });
    assert.equal(far.counts[14], 2);
  });

  it("three atoms (3-4-5 triangle), partial g(r) between groups", () => {
    const frame = { cell: Cell.orthogonal(20, 20, 20), positions: Float64Array.from([5, 5, 5, 8, 5, 5, 5, 9, 5]) };
    // Centre 0 against targets {1, 2}: distances 3 and 4.
    const res = new PairCorrelation({ rMax: 6, bins: 6 }).compute(frame, { indices: [0] }, { mask: [0, 1, 1] });
    assert.deepEqual(Array.from(res.counts), [0, 0, 0, 1, 1, 0]);
    assert.equal(res.nShared, 0);
    close(res.density, 2 / 8000, 1e-18, "density");
    close(res.g[3], 1 / ((2 / 8000) * shell(3, 4)), 1e-9, "g at 3");
    // Centres {1, 2} against targets {1, 2}: the 5 A pair twice; the self pair is excluded from the density.
    const self = pairCorrelation(frame, {
      rMax: 6,
      bins: 6,
      centers: { mask: [0, 1, 1] },
      targets: { mask: [0, 1, 1] },
    });
    assert.deepEqual(Array.from(self.counts), [0, 0, 0, 0, 0, 2]);
    assert.equal(self.nShared, 2);
    close(self.density, (4 - 2) / (2 * 8000), 1e-18, "density");
  });

  it("perfect fcc: 12 neighbours at a/sqrt(2), then 6 at a, 24 at a sqrt(3/2)", () => {
    const a = 3.6;
    const frame = latticeFrame("fcc", a, [4, 4, 4]);
    const res = pairCorrelation(frame, { rMax: 6, bins: 120 });
    const binOf = (d: number): number => Math.floor(d / 0.05);
    // Shell distances land on bin edges (3.6 = 72 x 0.05), so sum the bins within 0.01 A of the distance.
    const perAtom = (d: number): number => {
      let s = 0;
      for (let b = binOf(d - 0.01); b <= binOf(d + 0.01); b++) s += res.counts[b];
      return s / frame.natoms;
    };
    assert.equal(perAtom(a / Math.SQRT2), 12);
    assert.equal(perAtom(a), 6);
    assert.equal(perAtom(a * Math.sqrt(1.5)), 24);
    assert.equal(
      res.counts.reduce((s, x) => s + x, 0),
      frame.natoms * (12 + 6 + 24 + 12 + 24),
    ); // shells up to a sqrt(5/2) = 5.69 A
    assert.equal(res.cumulative[binOf(a / Math.SQRT2)], 12);
    assert.equal(res.cumulative[binOf(a / Math.SQRT2) - 1], 0);
    const rho = (frame.natoms - 1) / frame.cell.volume;
    close(
      res.g[binOf(a / Math.SQRT2)],
      12 / (rho * shell(0.05 * binOf(a / Math.SQRT2), 0.05 * (binOf(a / Math.SQRT2) + 1))),
      1e-9,
      "first peak",
    );
  });

  it("ideal gas: g(r) ~ 1 at every r", () => {
    const rng = new Random(7);
    const n = 2000;
    const L = 20;
    const positions = Float64Array.from({ length: 3 * n }, () => rng.nextFloat() * L);
    const res = pairCorrelation({ cell: Cell.orthogonal(L, L, L), positions }, { rMax: 6, bins: 12 });
    // From 3 A on, each 0.5 A shell holds > 4e4 ordered pairs: relative noise < 0.7 %.
    for (let b = 6; b < 12; b++) close(res.g[b], 1, 0.03, `g at ${res.r[b]}`);
    // Mean number of neighbours within rMax: rho (4/3) pi rMax^3.
    close(res.cumulative[11] / (((n - 1) / L ** 3) * shell(0, 6)), 1, 0.01, "cumulative");
  });

  it("rejects bad selections and options", () => {
    assert.throws(() => selectionIndices({ mask: [1, 0] }, 3), /mask of length 2 for 3 atoms/);
    assert.throws(() => selectionIndices({ indices: [0, 3] }, 3), /index 3/);
    assert.throws(() => selectionIndices({ indices: [1, 1] }, 3), /twice/);
    assert.throws(() => new PairCorrelation({ rMax: -1 }), /rMax/);
    const frame = {
      cell: Cell.orthogonal(10, 10, 10, [0, 0, 0], [true, true, false]),
      positions: Float64Array.from([1, 1, 1]),
    };
    assert.throws(() => pairCorrelation(frame, { rMax: 3 }), /periodic in all three/);
  });
});
