import { strict as assert } from "node:assert";
import { describeCriterion, judge } from "../../../src/analysis/ledger/verdict";

describe("ledger verdicts (judge)", () => {
  it("tolerance: within t is reproduced, within the partly bound partly, else not reproduced", () => {
    const c = { kind: "tolerance", paper: 0.771, tolerance: 0.02, partly: 0.05 } as const;
    assert.equal(judge(c, { value: 0.76 }), "reproduced");
    assert.equal(judge(c, { value: 0.791 }), "reproduced");
    assert.equal(judge(c, { value: 0.73 }), "partly");
    assert.equal(judge(c, { value: 0.657 }), "not reproduced");
  });

  it("range and bounds: inside reproduced, within the stated distance partly", () => {
    const r = { kind: "range", lo: 0.035, hi: 0.06, partly: 0.01 } as const;
    assert.equal(judge(r, { value: 0.05 }), "reproduced");
    assert.equal(judge(r, { value: 0.065 }), "partly");
    assert.equal(judge(r, { value: 0.135 }), "not reproduced");
    const most = { kind: "atMost", bound: 0.1, partly: 0.1 } as const;
    assert.equal(judge(most, { value: 0.05 }), "reproduced");
    assert.equal(judge(most, { value: 0.2 }), "partly");
    assert.equal(judge(most, { value: 0.21 }), "not reproduced");
    assert.equal(judge(most, { value: Infinity }), "not reproduced");
    const least = { kind: "atLeast", bound: 100, partly: 90 } as const;
    assert.equal(judge(least, { value: 150 }), "reproduced");
    assert.equal(judge(least, { value: 15 }), "partly");
    assert.equal(judge(least, { value: 5 }), "not reproduced");
  });

  it("checks: all hold reproduced, some partly, none not reproduced", () => {
    const c = { kind: "checks", what: "x" } as const;
    assert.equal(judge(c, { checks: [true, true] }), "reproduced");
    assert.equal(judge(c, { checks: [true, false, false] }), "partly");
    assert.equal(judge(c, { checks: [false] }), "not reproduced");
    assert.throws(() => judge(c, { checks: [] }), /got no checks/);
  });

  it("missing data and untestable claims are 'not testable here', whatever the numbers", () => {
    assert.equal(
      judge({ kind: "tolerance", paper: 1, tolerance: 0, partly: 0 }, { value: 1, missing: "Cu65Zr35@5e12 glasses" }),
      "not testable here",
    );
    assert.equal(judge({ kind: "untestable", what: "RFE" }, {}), "not testable here");
  });

  it("refuses a numeric criterion without a number", () => {
    assert.throws(() => judge({ kind: "atMost", bound: 1, partly: 0 }, {}), /got no value/);
    assert.throws(() => judge({ kind: "atMost", bound: 1, partly: 0 }, { value: NaN }), /got no value/);
  });

  it("describes a criterion with the claim's number format", () => {
    assert.equal(
      describeCriterion({ kind: "tolerance", paper: 0.771, tolerance: 0.02, partly: 0.05 }, (x) => x.toFixed(3)),
      "within 0.020 of 0.771 (partly: 0.050)",
    );
    assert.equal(describeCriterion({ kind: "checks", what: "D hardest < D softest" }), "holds: D hardest < D softest");
  });
});
