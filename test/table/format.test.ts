import * as assert from "node:assert/strict";
import { fixed, percent, secondsSince, signed } from "../../src/table/format";

describe("table/format: the number formats notebooks print", () => {
  it("fixed, signed and percent round like toFixed and print missing values as -", () => {
    assert.equal(fixed(0.77149), "0.771");
    assert.equal(fixed(2, 1), "2.0");
    assert.equal(signed(0.031), "+0.031");
    assert.equal(signed(-0.0314, 2), "-0.03");
    assert.equal(signed(0), "+0.000");
    // -0.0001 rounds to "-0.000": no second sign is added.
    assert.equal(signed(-0.0001), "-0.000");
    assert.equal(percent(0.0523), "5.2 %");
    assert.equal(percent(1 / 3, 2), "33.33 %");
    for (const f of [fixed, signed, percent]) {
      assert.equal(f(Number.NaN), "-");
      assert.equal(f(null), "-");
      assert.equal(f(undefined), "-");
      assert.equal(f(Number.POSITIVE_INFINITY), "-");
    }
  });

  it("secondsSince counts from a performance.now() reading", () => {
    assert.equal(secondsSince(performance.now() - 2500), "2.5");
    assert.equal(secondsSince(performance.now()), "0.0");
  });
});
