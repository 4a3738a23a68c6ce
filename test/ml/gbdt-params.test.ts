import * as assert from "node:assert/strict";
import { DEFAULT_GBDT_PARAMS, PAPER_GBDT_PARAMS, resolveGbdtParams } from "../../src/ml/gbdt-params";
import { GradientBoostingClassifier } from "../../src/ml/gradient-boosting-classifier";

describe("ml/resolveGbdtParams (the one GBDT parameter resolver)", () => {
  it("overlays the defaults once and hands the same frozen object back on a second pass", () => {
    const p = resolveGbdtParams({ ...PAPER_GBDT_PARAMS, randomState: 3 });
    assert.deepEqual(p, { ...DEFAULT_GBDT_PARAMS, ...PAPER_GBDT_PARAMS, randomState: 3 });
    assert.ok(Object.isFrozen(p));
    assert.equal(resolveGbdtParams(p), p);
    // A plain copy of a resolved object is checked again (it could have been changed).
    assert.notEqual(resolveGbdtParams({ ...p }), p);
  });

  it("an estimator and its clones keep the parameter under its own name", () => {
    const gb = new GradientBoostingClassifier({ learningRate: 0.25 });
    assert.equal(gb.getParams().learningRate, 0.25);
    assert.equal(gb.clone().getParams().learningRate, 0.25);
  });

  it("refuses out-of-range values naming the parameter and the allowed range", () => {
    assert.throws(
      () => resolveGbdtParams({ learningRate: 1e308 }),
      /^Error: learningRate=1e\+308 must be in \(0, 1\]$/,
    );
    assert.throws(() => resolveGbdtParams({ learningRate: 0 }), /learningRate=0 must be in \(0, 1\]/);
    assert.throws(() => resolveGbdtParams({ learningRate: Number.NaN }), /learningRate=null must be in \(0, 1\]/);
    assert.equal(resolveGbdtParams({ learningRate: 1 }).learningRate, 1);
    assert.throws(() => resolveGbdtParams({ nEstimators: 0 }), /nEstimators=0 must be an integer >= 1/);
  });
});
