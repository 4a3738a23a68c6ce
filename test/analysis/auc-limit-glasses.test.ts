import * as assert from "node:assert/strict";
import {
  octantPart,
  OCTANT_ORDER,
  relabelGlass,
  subsetGlass,
  type LimitGlass,
} from "../../src/analysis/auc-limit-glasses";

/** 16 rows: feature x = 10 * row, d2min = row, octant = row mod 8. */
function glass(): LimitGlass {
  const n = 16;
  return {
    name: "g",
    X: {
      n,
      labels: ["x", "z"],
      values: Float64Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? 10 * (k >> 1) : -(k >> 1))),
    },
    y: Uint8Array.from({ length: n }, (_, i) => (i > 5 ? 1 : 0)),
    d2min: Float64Array.from({ length: n }, (_, i) => i),
    ids: Int32Array.from({ length: n }, (_, i) => 100 + i),
    types: Int32Array.from({ length: n }, (_, i) => 1 + (i % 2)),
    rows: Int32Array.from({ length: n }, (_, i) => i),
    droppedNonFinite: 0,
    groups: Int32Array.from({ length: n }, (_, i) => i % 3),
    sample: 1,
    quenchRate: 1e13,
    cellAtoms: n,
    octants: Int32Array.from({ length: n }, (_, i) => i % 8),
  };
}

describe("AUC-limit glasses", () => {
  it("subsetGlass keeps the chosen rows of every per-row array", () => {
    const s = subsetGlass(glass(), [1, 4, 9]);
    assert.equal(s.X.n, 3);
    assert.deepEqual(Array.from(s.X.values), [10, -1, 40, -4, 90, -9]);
    assert.deepEqual(Array.from(s.ids), [101, 104, 109]);
    assert.deepEqual(Array.from(s.d2min), [1, 4, 9]);
    assert.deepEqual(Array.from(s.y), [0, 0, 1]);
    assert.deepEqual(Array.from(s.octants), [1, 4, 1]);
    assert.deepEqual(Array.from(s.groups ?? []), [1, 1, 0]);
  });

  it("octantPart takes disjoint contiguous parts: half = bz 0 (even octants), then the other half", () => {
    const g = glass();
    assert.deepEqual(OCTANT_ORDER.slice(0, 4), [0, 2, 4, 6]);
    const lower = octantPart(g, 4, 0);
    const upper = octantPart(g, 4, 1);
    assert.ok(Array.from(lower.octants).every((o) => o % 2 === 0));
    assert.ok(Array.from(upper.octants).every((o) => o % 2 === 1));
    assert.equal(lower.X.n + upper.X.n, 16);
    assert.deepEqual(Array.from(octantPart(g, 1, 1).ids), [102, 110]);
    assert.equal(octantPart(g, 8), g);
    assert.throws(() => octantPart(g, 0), /count must be an integer in 1\.\.8/);
  });

  it("relabelGlass redraws labels as d2min > threshold", () => {
    const r = relabelGlass(glass(), 11.5);
    assert.deepEqual(
      Array.from(r.y),
      Array.from({ length: 16 }, (_, i) => (i > 11.5 ? 1 : 0)),
    );
  });
});
