import * as assert from "node:assert/strict";
import { D2min } from "../../src/labels/d2min";
import { cutoffNeighbors } from "../../src/neighbors/cutoff-neighbors";
import { Cell } from "../../src/structure/cell";
import { affine, deformCell, frameFromUnwrapped, randomPoints, rng } from "./make-frame";

const RESULTS = [
  "d2min",
  "shearStrain",
  "volumetricStrain",
  "neighborCounts",
  "flags",
  "deformationGradients",
] as const;

function sameBits(a: D2min, b: D2min, what: string): void {
  for (const k of RESULTS) {
    const x = a[k];
    const y = b[k];
    assert.equal(x.length, y.length, `${what}: ${k} length`);
    for (let i = 0; i < x.length; i++) {
      if (!Object.is(x[i], y[i])) assert.fail(`${what}: ${k}[${i}] ${x[i]} vs ${y[i]}`);
    }
  }
}

/** A triclinic periodic glass-like cloud of 1,500 atoms, sheared by 4 % with non-affine noise. */
function frames(keep: "unwrapped" | "wrapped") {
  const cell = new Cell([26, 0, 0, 1.5, 25, 0, -1, 2, 24]);
  const u = randomPoints(cell, 1500, 7, 1);
  const r = rng(11);
  const moved = affine(u, [1, 0.04, 0, 0, 1, 0, 0, 0, 1]).map((x) => x + 0.3 * (2 * r() - 1));
  const ref = frameFromUnwrapped(u, cell, { keep });
  const def = frameFromUnwrapped(moved, deformCell(cell, [1, 0.04, 0, 0, 1, 0, 0, 0, 1]), { keep });
  return { ref, def };
}

describe("D2min on worker threads", () => {
  it("gives bitwise the same results with 1, 2 and 3 threads, found atom by atom or from a given neighbor list", () => {
    const { ref, def } = frames("unwrapped");
    const one = new D2min({ cutoff: 4.5 }).compute(ref, def);
    assert.ok(
      one.d2min.some((x) => x > 0.1),
      "the noise makes non-affine motion",
    );
    sameBits(one, new D2min({ cutoff: 4.5, threads: 2 }).compute(ref, def), "2 threads");
    sameBits(one, new D2min({ cutoff: 4.5, threads: 3 }).compute(ref, def), "3 threads");
    const list = cutoffNeighbors(ref, 4.5);
    sameBits(one, new D2min({ cutoff: 4.5 }).compute(ref, def, list), "given list");
    sameBits(one, new D2min({ cutoff: 4.5, threads: 2 }).compute(ref, def, list), "given list, 2 threads");
  });

  it("gives bitwise the same results on threads with minimum-image displacements (wrapped positions only)", () => {
    const { ref, def } = frames("wrapped");
    const one = new D2min({ cutoff: 4.5 }).compute(ref, def);
    assert.equal(one.displacements, "minimum-image");
    sameBits(one, new D2min({ cutoff: 4.5, threads: 2 }).compute(ref, def), "2 threads");
  });

  it("reports monotonic progress in atoms ending at the total, with and without threads", () => {
    const { ref, def } = frames("unwrapped");
    for (const threads of [1, 2]) {
      const calls: [number, number, string][] = [];
      new D2min({ cutoff: 4.5, threads }).compute(ref, def, undefined, {
        onProgress: (done, total, stage) => calls.push([done, total, stage]),
      });
      assert.ok(calls.length >= 2, `${calls.length} reports with ${threads} thread(s)`);
      for (let k = 1; k < calls.length; k++) assert.ok(calls[k][0] > calls[k - 1][0], `report ${k} goes back`);
      assert.ok(calls.every((c) => c[1] === 1500 && c[2] === "d2min"));
      assert.deepEqual(calls.at(-1), [1500, 1500, "d2min"]);
    }
  });

  it("refuses a thread count that is not a positive integer, naming the option", () => {
    assert.throws(() => new D2min({ threads: 0 }), /D2min: threads must be a positive integer, got 0/);
    assert.throws(() => new D2min({ threads: 1.5 }), /threads must be a positive integer, got 1\.5/);
  });
});
