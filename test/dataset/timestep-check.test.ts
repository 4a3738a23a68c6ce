import { strict as assert } from "node:assert";
import { linearDrift } from "../../data/lammps/timestep-check";

describe("data/lammps/timestep-check: linearDrift", () => {
  it("recovers the slope of a straight line exactly, with zero residual", () => {
    const t = Array.from({ length: 101 }, (_, i) => 0.1 * i);
    const e = t.map((x) => -17452.08 - 0.0044 * x);
    const fit = linearDrift(t, e);
    assert.ok(Math.abs(fit.slope + 0.0044) < 1e-9, `slope ${fit.slope}`);
    assert.ok(fit.residualStd < 1e-9, `residual ${fit.residualStd}`);
  });

  it("a symmetric oscillation about a line: slope of the line, residual = amplitude / sqrt(2)", () => {
    // A cosine over whole periods, sampled symmetrically about the middle: mean 0, no linear component.
    const n = 2000;
    const t = Array.from({ length: n }, (_, i) => (10 * (i + 0.5)) / n);
    const e = t.map((x) => 3 + 0.01 * x + 0.5 * Math.cos((2 * Math.PI * x) / 0.5));
    const fit = linearDrift(t, e);
    assert.ok(Math.abs(fit.slope - 0.01) < 1e-4, `slope ${fit.slope}`);
    assert.ok(Math.abs(fit.residualStd - 0.5 / Math.SQRT2) < 1e-3, `residual ${fit.residualStd}`);
  });
});
