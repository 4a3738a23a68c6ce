import { strict as assert } from "node:assert";
import { MOTIF_LABELS, characteristicMotifs } from "../../src/features/motifs";

describe("characteristic motifs", () => {
  it("flags <0,0,12,0,0>, <0,0,12,4,0>, either, and the authors' Frank-Kasper test 2 n4 + n5 = 12 (hand-worked)", () => {
    const cases: [number[], number[]][] = [
      [
        [0, 0, 12, 0, 0],
        [1, 0, 1, 1],
      ], // icosahedron Z12
      [
        [0, 0, 12, 4, 0],
        [0, 1, 1, 1],
      ], // Z16
      [
        [0, 0, 12, 2, 0],
        [0, 0, 0, 1],
      ], // Z14: Frank-Kasper, not a named motif
      [
        [0, 0, 12, 3, 0],
        [0, 0, 0, 1],
      ], // Z15
      [
        [0, 2, 8, 4, 0],
        [0, 0, 0, 1],
      ], // 2*2 + 8 = 12: passes the authors' test too
      [
        [1, 3, 6, 3, 1],
        [0, 0, 0, 1],
      ], // not Frank-Kasper (has a triangle), still 2 n4 + n5 = 12
      [
        [0, 12, 0, 0, 0],
        [0, 0, 0, 0],
      ], // fcc rhombic dodecahedron
      [
        [0, 6, 0, 8, 0],
        [0, 0, 0, 1],
      ], // bcc truncated octahedron: 2 x 6 + 0 = 12, so the authors' test flags it
      [
        [0, 1, 10, 2, 0],
        [0, 0, 0, 1],
      ],
      [
        [0, 0, 12, 0, 1],
        [0, 0, 0, 1],
      ], // a 7-edged face breaks the named motifs only
    ];
    const index = Float64Array.from(cases.flatMap(([v]) => v));
    const got = characteristicMotifs(index);
    cases.forEach(([v, want], i) =>
      assert.deepEqual(Array.from(got.subarray(4 * i, 4 * i + 4)), want, `<${v.join(",")}>`),
    );
    assert.deepEqual(MOTIF_LABELS, ["motif_ico", "motif_0_0_12_4_0", "motif_ico_or_0_0_12_4_0", "motif_fk"]);
  });

  it("keeps NaN rows (failed cells) NaN", () => {
    const got = characteristicMotifs(Float64Array.from([NaN, NaN, NaN, NaN, NaN]));
    assert.ok(got.every(Number.isNaN));
  });
});
