import { strict as assert } from "node:assert";
import { fractalDimension, logRadii, massDistribution } from "../../src/analysis/mass-scaling";
import { Cell } from "../../src/structure/cell";
import { latticeFrame } from "../../src/io/lattice";
import { Random } from "../../src/ml/random";
import { cutoffNeighbors } from "../../src/neighbors/cutoff-neighbors";

describe("analysis: mass scaling M(r) and fractal dimension", () => {
  it("simple cubic by hand: 6, 18, 26, 32 neighbours within 1, sqrt 2, sqrt 3, 2 lattice constants", () => {
    const frame = latticeFrame("sc", 1, [6, 6, 6]);
    const res = massDistribution(frame, { radii: [0.99, 1.01, 1.42, 1.74, 2.01] });
    assert.deepEqual(Array.from(res.M), [0, 6, 18, 26, 32]); // d < r strictly: nothing below r = 1
    const withSelf = massDistribution(frame, {
      radii: [1.01, 2.01],
      centers: { indices: [0, 5] },
      targets: { mask: new Uint8Array(216).fill(1) },
      includeCenter: true,
    });
    assert.deepEqual(Array.from(withSelf.M), [7, 33]);
    assert.equal(withSelf.nCenters, 2);
  });

  it("counts periodic images beyond half the box: one atom in a unit box sees the simple-cubic lattice", () => {
    const one = massDistribution(latticeFrame("sc", 1, [1, 1, 1]), { radii: [1.01, 1.42, 1.74, 2.01, 2.3] });
    const big = massDistribution(latticeFrame("sc", 1, [7, 7, 7]), {
      radii: [1.01, 1.42, 1.74, 2.01, 2.3],
      centers: { indices: [0] },
      targets: undefined,
    });
    assert.deepEqual(Array.from(one.M), [6, 18, 26, 32, 56]);
    assert.equal(big.nTargets, 1); // targets default to the centres
    const all = massDistribution(latticeFrame("sc", 1, [7, 7, 7]), {
      radii: [1.01, 1.42, 1.74, 2.01, 2.3],
      centers: { indices: [0] },
      targets: { mask: new Uint8Array(343).fill(1) },
    });
    assert.deepEqual(Array.from(all.M), Array.from(one.M));
  });

  it("matches pair counts from cutoffNeighbors in a triclinic cell, radii beyond half the box", () => {
    const rng = new Random(3);
    const cell = new Cell([7, 0, 0, 2, 6, 0, -1.5, 1, 8]);
    const n = 40;
    const frac = Float64Array.from({ length: 3 * n }, () => rng.nextFloat());
    const positions = cell.toCartesian(frac);
    const radii = [2, 3.5, 5, 6.5];
    const res = massDistribution({ cell, positions }, { radii });
    radii.forEach((rc, k) => {
      const nl = cutoffNeighbors({ cell, positions }, rc);
      assert.equal(res.M[k], nl.offsets[n] / n, `M(${rc})`);
    });
  });

  it("D close to 3 for a simple-cubic crystal at long range", () => {
    const frame = latticeFrame("sc", 1, [24, 24, 24]);
    const res = massDistribution(frame, {
      radii: logRadii(3, 11, 30),
      centers: { indices: [0, 1000, 7000] },
      targets: { mask: new Uint8Array(frame.natoms).fill(1) },
    });
    const fit = fractalDimension(res.r, res.M, 3, 11);
    assert.ok(Math.abs(fit.D - 3) < 0.1, `D = ${fit.D}`);
  });

  it("D close to 2 for the atoms of one crystal plane", () => {
    // Not periodic along z, so the layer does not see its own images above and below.
    const frame = latticeFrame("sc", 1, [30, 30, 4], { periodic: [true, true, false] });
    const layer = Uint8Array.from({ length: frame.natoms }, (_, i) =>
      Math.abs(frame.positions[3 * i + 2]) < 1e-9 ? 1 : 0,
    );
    assert.equal(
      layer.reduce((a, b) => a + b, 0),
      900,
    );
    const res = massDistribution(frame, { radii: logRadii(3, 14, 30), centers: { mask: layer } });
    const fit = fractalDimension(res.r, res.M, 3, 14);
    assert.ok(Math.abs(fit.D - 2) < 0.1, `D = ${fit.D}`);
  });

  it("fractalDimension recovers an exact power law and rejects too few points", () => {
    const r = logRadii(1, 10, 9);
    const M = Float64Array.from(r, (x) => 5 * x ** 2.5);
    const fit = fractalDimension(r, M, 1, 10);
    assert.ok(Math.abs(fit.D - 2.5) < 1e-12);
    assert.ok(Math.abs(fit.intercept - Math.log10(5)) < 1e-12);
    assert.equal(fit.points, 9);
    assert.throws(() => fractalDimension(r, M, 20, 30), /fewer than 2/);
    assert.throws(() => massDistribution(latticeFrame("sc", 1, [2, 2, 2]), { radii: [2, 1] }), /must increase/);
  });
});
