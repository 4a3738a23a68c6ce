import * as assert from "node:assert/strict";
import { latticeFrame, latticeNeighbors, type LatticeKind } from "../../src/io/lattice";

/** Brute-force minimum-image distances from atom i (small boxes only, every width > 2 x cutoff). */
function shell(frame: ReturnType<typeof latticeFrame>, i: number, tol: number): { distance: number; count: number } {
  const d = new Float64Array(3);
  const dist: number[] = [];
  for (let j = 0; j < frame.natoms; j++) {
    if (j === i) continue;
    for (let k = 0; k < 3; k++) d[k] = frame.positions[3 * j + k] - frame.positions[3 * i + k];
    frame.cell.minimumImage(d);
    dist.push(Math.hypot(d[0], d[1], d[2]));
  }
  const min = Math.min(...dist);
  return { distance: min, count: dist.filter((r) => r < min + tol).length };
}

describe("io/lattice latticeFrame", () => {
  const cases: [LatticeKind, number, [number, number, number], number][] = [
    ["sc", 2.0, [4, 4, 4], 1],
    ["bcc", 3.0, [4, 4, 4], 2],
    ["fcc", 3.6, [4, 4, 4], 4],
    ["hcp", 3.2, [4, 3, 3], 4],
  ];
  for (const [kind, a, reps, nb] of cases) {
    it(`${kind}: atom count, volume, and nearest-neighbour shell of every atom`, () => {
      const f = latticeFrame(kind, a, reps);
      assert.equal(f.natoms, nb * reps[0] * reps[1] * reps[2]);
      const cellVolume = kind === "hcp" ? a * Math.sqrt(3) * a * Math.sqrt(8 / 3) * a : a ** 3;
      assert.ok(Math.abs(f.cell.volume - cellVolume * reps[0] * reps[1] * reps[2]) < 1e-9 * f.cell.volume);
      const expected = latticeNeighbors(kind, a);
      for (let i = 0; i < f.natoms; i++) {
        const s = shell(f, i, 1e-6);
        assert.ok(Math.abs(s.distance - expected.distance) < 1e-9, `${kind} atom ${i}: ${s.distance}`);
        assert.equal(s.count, expected.count, `${kind} atom ${i}`);
      }
      const s = f.cell.toFractional(f.positions);
      for (const x of s) assert.ok(x >= 0 && x < 1);
      assert.deepEqual(
        Array.from(f.ids),
        Array.from({ length: f.natoms }, (_, i) => i + 1),
      );
    });
  }

  it("basis types give ordered alloys (B2) and shifts keep atoms inside the box", () => {
    const f = latticeFrame("bcc", 3, [2, 2, 2], {
      basisTypes: [1, 2],
      elements: ["Cs", "Cl"],
      shift: [0.25, 0.25, 0.25],
      origin: [-1, 2, 3],
    });
    assert.equal(f.types.filter((t) => t === 2).length, 8);
    assert.deepEqual(f.elements, ["Cs", "Cl"]);
    const s = f.cell.toFractional(f.positions);
    for (const x of s) assert.ok(x >= 0 && x < 1);
    assert.ok(Math.abs(f.positions[0] - (-1 + 0.75)) < 1e-12);
  });

  it("rejects bad arguments", () => {
    assert.throws(() => latticeFrame("fcc", -1, [1, 1, 1]), /positive/);
    assert.throws(() => latticeFrame("fcc", 1, [0, 1, 1]), /repetitions/);
    assert.throws(() => latticeFrame("bcc", 1, [1, 1, 1], { basisTypes: [1] }), /2 basis sites/);
    assert.throws(() => latticeFrame("diamond" as LatticeKind, 1, [1, 1, 1]), /unknown lattice/);
  });
});
