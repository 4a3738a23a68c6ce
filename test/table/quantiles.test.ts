import * as assert from "node:assert/strict";
import { linspace, mquantile, percentileLinear, percentileMidpoint } from "../../src/table/quantiles";

// Reference values from numpy 1.24 / scipy 1.10 (Debian 12):
// /usr/bin/python3 -c "import numpy as np, scipy.stats.mstats as m; x=[1,2,3,4];
//   print(np.percentile(x,25), np.percentile(x,25,method='midpoint'), np.percentile(x,90),
//         m.mquantiles([1,2,3,4,5,10],[0.3]), np.quantile(range(10),0.95))"
// -> 1.75 1.5 3.7 [2.26] 8.549999999999999
describe("table/quantiles (the one percentile)", () => {
  it("matches numpy.percentile (linear and midpoint) and scipy's mquantiles", () => {
    assert.equal(percentileLinear([1, 2, 3, 4], 25), 1.75);
    assert.equal(percentileMidpoint([1, 2, 3, 4], 25), 1.5);
    assert.ok(Math.abs(percentileLinear([1, 2, 3, 4], 90) - 3.7) < 1e-15);
    assert.ok(Math.abs(mquantile([1, 2, 3, 4, 5, 10], 0.3) - 2.26) < 1e-12);
    assert.equal(percentileLinear([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 95), 8.549999999999999);
    assert.equal(percentileLinear([7], 50), 7);
    assert.throws(() => percentileLinear([], 50), /empty/);
  });

  it("linspace ends exactly at stop", () => {
    assert.deepEqual(Array.from(linspace(0, 1, 5)), [0, 0.25, 0.5, 0.75, 1]);
  });
});
