import * as assert from "node:assert/strict";
import { regularizedIncompleteBeta, studentTCdf, studentTQuantile } from "../../src/analysis/student-t";

describe("Student t distribution", () => {
  it("regularized incomplete beta matches closed forms: I_x(1, 1) = x, I_x(a, 1) = x^a, I_x(1, b) = 1 - (1 - x)^b", () => {
    for (const x of [0.01, 0.3, 0.5, 0.77, 0.99]) {
      assert.ok(Math.abs(regularizedIncompleteBeta(x, 1, 1) - x) < 1e-12);
      assert.ok(Math.abs(regularizedIncompleteBeta(x, 3.5, 1) - x ** 3.5) < 1e-12);
      assert.ok(Math.abs(regularizedIncompleteBeta(x, 1, 2.5) - (1 - (1 - x) ** 2.5)) < 1e-12);
    }
  });

  it("cdf for 1 degree of freedom is the Cauchy cdf 1/2 + atan(t)/pi, for 2 it is 1/2 + t / (2 sqrt(2 + t^2))", () => {
    for (const t of [-7, -1.3, 0, 0.4, 2, 30]) {
      assert.ok(Math.abs(studentTCdf(t, 1) - (0.5 + Math.atan(t) / Math.PI)) < 1e-12, `df 1, t ${t}`);
      assert.ok(Math.abs(studentTCdf(t, 2) - (0.5 + t / (2 * Math.sqrt(2 + t * t)))) < 1e-12, `df 2, t ${t}`);
    }
  });

  it("quantiles: closed forms for df 1 and 2, and the printed table for df 10 and large df", () => {
    for (const p of [0.6, 0.9, 0.975, 0.995]) {
      assert.ok(Math.abs(studentTQuantile(p, 1) - Math.tan(Math.PI * (p - 0.5))) < 1e-8, `df 1, p ${p}`);
      const a = 4 * p * (1 - p);
      assert.ok(Math.abs(studentTQuantile(p, 2) - (2 * p - 1) * Math.sqrt(2 / a)) < 1e-8, `df 2, p ${p}`);
    }
    // Abramowitz & Stegun Table 26.10: t(0.975; 10) = 2.228, t(0.975; 120) = 1.980; normal limit 1.960.
    assert.ok(Math.abs(studentTQuantile(0.975, 10) - 2.2281) < 1e-4);
    assert.ok(Math.abs(studentTQuantile(0.975, 120) - 1.9799) < 1e-4);
    assert.ok(Math.abs(studentTQuantile(0.975, 1e7) - 1.95996) < 1e-4);
    assert.equal(studentTQuantile(0.5, 3), 0);
    assert.ok(Math.abs(studentTQuantile(0.025, 10) + studentTQuantile(0.975, 10)) < 1e-10);
  });

  it("rejects impossible arguments", () => {
    assert.throws(() => studentTQuantile(1, 3), /p must be in \(0, 1\)/);
    assert.throws(() => studentTQuantile(0.9, 0), /degrees of freedom/);
    assert.throws(() => regularizedIncompleteBeta(1.5, 1, 1), /x must be in/);
  });
});
