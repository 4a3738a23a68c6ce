import * as assert from "node:assert/strict";
import { baselineLogOdds, binomialDeviance, expit, gradientHessian, log1pExp } from "../../src/ml/binomial-loss";

describe("ml/binomial-loss (Friedman 2001 binomial deviance)", () => {
  it("evaluates the logistic function and log(1 + e^x) at hand-worked points, without overflow", () => {
    assert.equal(expit(0), 0.5);
    assert.ok(Math.abs(expit(Math.log(3)) - 0.75) < 1e-15);
    assert.ok(Math.abs(log1pExp(0) - Math.LN2) < 1e-16);
    assert.equal(log1pExp(1000), 1000);
    assert.ok(log1pExp(-1000) >= 0 && log1pExp(-1000) < 1e-300);
  });

  it("starts from the log-odds of the class-1 frequency, clipped to float32 epsilon as scikit-learn does", () => {
    const y = Uint8Array.of(1, 0, 0, 0);
    assert.ok(Math.abs(baselineLogOdds(y) - Math.log(1 / 3)) < 1e-15);
    assert.ok(Math.abs(baselineLogOdds(y, [0, 1]) - 0) < 1e-15);
    const eps = 2 ** -23;
    assert.ok(Math.abs(baselineLogOdds(Uint8Array.of(1, 1)) - Math.log((1 - eps) / eps)) < 1e-12);
  });

  it("gives residual y - p and hessian p(1 - p); the deviance at F = 0 is 2 ln 2", () => {
    const y = Uint8Array.of(1, 0, 1);
    const raw = new Float64Array(3);
    const g = new Float64Array(3);
    const h = new Float64Array(3);
    gradientHessian(y, raw, g, h);
    assert.deepEqual([...g], [0.5, -0.5, 0.5]);
    assert.deepEqual([...h], [0.25, 0.25, 0.25]);
    assert.ok(Math.abs(binomialDeviance(y, raw) - 2 * Math.LN2) < 1e-15);
  });

  it("has a residual equal to -n/2 times the deviance's derivative (central finite differences)", () => {
    const y = Uint8Array.of(1, 0, 0, 1, 1);
    const raw = Float64Array.of(-1.3, 0.2, 2.5, 0.7, -0.1);
    const g = new Float64Array(5);
    const h = new Float64Array(5);
    gradientHessian(y, raw, g, h);
    const step = 1e-6;
    for (let i = 0; i < 5; i++) {
      const up = raw.slice();
      const down = raw.slice();
      up[i] += step;
      down[i] -= step;
      const dD = (binomialDeviance(y, up) - binomialDeviance(y, down)) / (2 * step);
      assert.ok(Math.abs((-5 / 2) * dD - g[i]) < 1e-8, `sample ${i}: ${(-5 / 2) * dD} vs ${g[i]}`);
    }
  });
});
