import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SphericalHarmonics } from "../../src/features/spherical-harmonics";

interface YlmCase {
  vector: number[];
  re: number[];
  im: number[];
}

describe("SphericalHarmonics", () => {
  const fixture = JSON.parse(readFileSync(join(__dirname, "../fixtures/features-b/ylm.json"), "utf8")) as {
    lmax: number;
    cases: YlmCase[];
  };

  it("matches scipy.special.sph_harm for l <= 10 (fixture), poles included", () => {
    const sh = new SphericalHarmonics(fixture.lmax);
    const re = new Float64Array(sh.size);
    const im = new Float64Array(sh.size);
    for (const c of fixture.cases) {
      sh.evaluate(c.vector[0], c.vector[1], c.vector[2], re, im);
      for (let k = 0; k < sh.size; k++) {
        assert.ok(Math.abs(re[k] - c.re[k]) < 1e-12, `re[${k}] ${re[k]} vs ${c.re[k]} at ${c.vector}`);
        assert.ok(Math.abs(im[k] - c.im[k]) < 1e-12, `im[${k}] ${im[k]} vs ${c.im[k]} at ${c.vector}`);
      }
    }
  });

  it("has Y_10 = sqrt(3/4pi) cos(theta), Y_11 = -sqrt(3/8pi) sin(theta) e^{i phi} and the addition theorem", () => {
    const sh = new SphericalHarmonics(8);
    const re = new Float64Array(sh.size);
    const im = new Float64Array(sh.size);
    const theta = 0.7;
    const phi = -2.1;
    sh.evaluate(2 * Math.sin(theta) * Math.cos(phi), 2 * Math.sin(theta) * Math.sin(phi), 2 * Math.cos(theta), re, im);
    assert.ok(Math.abs(re[SphericalHarmonics.index(1, 0)] - Math.sqrt(3 / (4 * Math.PI)) * Math.cos(theta)) < 1e-15);
    const a = -Math.sqrt(3 / (8 * Math.PI)) * Math.sin(theta);
    assert.ok(Math.abs(re[SphericalHarmonics.index(1, 1)] - a * Math.cos(phi)) < 1e-15);
    assert.ok(Math.abs(im[SphericalHarmonics.index(1, 1)] - a * Math.sin(phi)) < 1e-15);
    for (let l = 0; l <= 8; l++) {
      let s = 0;
      for (let m = 0; m <= l; m++) {
        const k = SphericalHarmonics.index(l, m);
        s += (m === 0 ? 1 : 2) * (re[k] * re[k] + im[k] * im[k]);
      }
      assert.ok(Math.abs(s - (2 * l + 1) / (4 * Math.PI)) < 1e-13, `l=${l}: ${s}`);
    }
  });

  it("rejects a bad lmax", () => {
    assert.throws(() => new SphericalHarmonics(-1), /lmax must be an integer/);
  });
});
