import { strict as assert } from "node:assert";
import { deformationStages } from "../../src/analysis/deformation-stages";

describe("analysis: deformation stages of a stress-strain curve", () => {
  // A hand-made curve every 0.001 strain: stress = 80 * strain up to 0.03 (linear), then
  // 2.4 + 80 (e - 0.03) - 2000 (e - 0.03)^2 (bends away from the line, peak at e = 0.05, 3.2 GPa), then a straight
  // drop to 2.8 GPa at 0.1.
  const strain = Float64Array.from({ length: 101 }, (_, i) => i / 1000);
  const stress = strain.map((e) =>
    e <= 0.03 ? 80 * e : e <= 0.05 ? 2.4 + 80 * (e - 0.03) - 2000 * (e - 0.03) ** 2 : 3.2 - 8 * (e - 0.05),
  );

  it("fits the elastic line, and finds the elastic limit, the peak and the flow stress", () => {
    const d = deformationStages({ strain, stress }, { window: 1, tolerance: 0.05 });
    assert.ok(Math.abs(d.modulus - 80) < 1e-9);
    assert.ok(Math.abs(d.intercept) < 1e-12);
    // Leaves the line by 5 %: 2000 x^2 = 0.05 (2.4 + 80 x) -> x = (4 + sqrt(976)) / 4000 = 0.00881, e = 0.0388: the
    // first point past it is e = 0.039.
    assert.equal(d.elasticLimit.strain, 0.039);
    assert.ok(Math.abs(d.peak.strain - 0.05) < 1e-12);
    assert.ok(Math.abs(d.peak.stress - 3.2) < 1e-12);
    // Mean of 3.2 - 8 (e - 0.05) over e = 0.051 .. 0.1 = 3.2 - 8 * 0.0255.
    assert.ok(Math.abs(d.flowStress - (3.2 - 8 * 0.0255)) < 1e-12);
    assert.deepEqual(
      d.stages.map((s) => s.name),
      ["nominal elastic", "yielding", "shear banding and flow"],
    );
    assert.deepEqual(
      d.stages.map((s) => [s.from, s.to]),
      [
        [0, 0.039],
        [0.039, 0.05],
        [0.05, 0.1],
      ],
    );
  });

  it("ignores noise that stays inside the tolerance band once smoothed", () => {
    const noisy = stress.map((s, i) => s + (i % 2 === 0 ? 0.05 : -0.05));
    const d = deformationStages({ strain, stress: noisy }, { window: 9 });
    assert.ok(Math.abs(d.modulus - 80) < 2, `${d.modulus}`);
    assert.ok(d.elasticLimit.strain >= 0.036 && d.elasticLimit.strain <= 0.042, `${d.elasticLimit.strain}`);
    assert.ok(Math.abs(d.peak.strain - 0.05) <= 0.003);
  });

  it("rejects bad curves", () => {
    assert.throws(
      () => deformationStages({ strain: Float64Array.of(0, 0.01), stress: Float64Array.of(0) }),
      /2 strains but 1/,
    );
    assert.throws(
      () => deformationStages({ strain: Float64Array.of(0, 0.02, 0.01, 0.03), stress: new Float64Array(4) }),
      /not ascending/,
    );
    assert.throws(() => deformationStages({ strain, stress }, { window: 4 }), /odd/);
  });
});
