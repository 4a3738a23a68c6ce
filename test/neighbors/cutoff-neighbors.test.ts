import { strict as assert } from "node:assert";
import * as path from "node:path";
import { Cell } from "../../src/structure/cell";
import { latticeFrame } from "../../src/io/lattice";
import { cutoffListCapacity, cutoffNeighbors } from "../../src/neighbors/cutoff-neighbors";
import { readDumpSync } from "../../src/io/dump-reader";
import { kNearest } from "../../src/neighbors/k-nearest";
import type { NeighborList } from "../../src/neighbors/neighbor-list";
import { frameOf, randomFrame, rng } from "../geometry/test-frames";
import { brutePairs, type Pair } from "./brute-force";

/** Row i of a list as pairs sorted by (j, x, y, z) for comparison with brute force. */
function rowPairs(list: NeighborList, i: number): Pair[] {
  const out: Pair[] = [];
  for (let e = list.offsets[i]; e < list.offsets[i + 1]; e++) {
    const [x, y, z] = list.vectors.subarray(3 * e, 3 * e + 3);
    out.push({ j: list.indices[e], x, y, z, d2: list.distances[e] ** 2 });
  }
  return out;
}

const byVector = (p: Pair, q: Pair) => p.j - q.j || p.x - q.x || p.y - q.y || p.z - q.z;

function assertSamePairs(got: Pair[], want: Pair[], what: string): void {
  assert.equal(got.length, want.length, `${what}: ${got.length} neighbors, brute force ${want.length}`);
  const g = [...got].sort(byVector);
  const w = [...want].sort(byVector);
  for (let k = 0; k < g.length; k++) {
    assert.equal(g[k].j, w[k].j, `${what}: neighbor ${k}`);
    for (const c of ["x", "y", "z"] as const)
      assert.ok(Math.abs(g[k][c] - w[k][c]) < 1e-9, `${what}: vector ${c} ${g[k][c]} vs ${w[k][c]}`);
  }
}

function checkAgainstBruteForce(cell: Cell, positions: Float64Array, rc: number, what: string): NeighborList {
  const list = cutoffNeighbors({ cell, positions }, rc);
  const n = positions.length / 3;
  assert.equal(list.n, n);
  for (let i = 0; i < n; i++) {
    assertSamePairs(rowPairs(list, i), brutePairs(cell, positions, i, rc), `${what}, atom ${i}`);
    for (let e = list.offsets[i] + 1; e < list.offsets[i + 1]; e++)
      assert.ok(list.distances[e] >= list.distances[e - 1], `${what}: row ${i} not sorted`);
  }
  return list;
}

describe("cutoffNeighbors", () => {
  it("matches brute force in an orthogonal periodic box", () => {
    const f = randomFrame(Cell.orthogonal(12, 13, 14, [-3, 1, 2]), 200, 1);
    checkAgainstBruteForce(f.cell, f.positions, 4.0, "orthogonal");
  });

  it("matches brute force in a triclinic periodic box", () => {
    const cell = new Cell([12, 0, 0, 3, 11, 0, -2, 2.5, 10], [1, -1, 0.5]);
    const f = randomFrame(cell, 150, 2);
    checkAgainstBruteForce(cell, f.positions, 4.5, "triclinic");
  });

  it("uses every image when the cutoff exceeds half (and all) of the box: self-images and repeated pairs", () => {
    const cell = new Cell([5, 0, 0, 1, 6, 0, 0.5, -1, 7]);
    const f = randomFrame(cell, 5, 3);
    const list = checkAgainstBruteForce(cell, f.positions, 9, "small triclinic box, rc 9");
    // Atom 0 sees its own images, and some neighbor j appears with several vectors.
    const row = rowPairs(list, 0);
    assert.ok(
      row.some((p) => p.j === 0),
      "an atom is its own neighbor through an image",
    );
    const counts = new Map<number, number>();
    for (const p of row) counts.set(p.j, (counts.get(p.j) ?? 0) + 1);
    assert.ok(
      [...counts.values()].some((c) => c > 1),
      "a pair appears with several bond vectors",
    );
    // One atom in a cubic box: its neighbors within 1.5 a are exactly the 6 + 12 lattice images.
    const one = cutoffNeighbors({ cell: Cell.orthogonal(2, 2, 2), positions: Float64Array.of(0.3, 0.4, 0.5) }, 3);
    assert.equal(one.offsets[1], 6 + 12);
    for (let e = 0; e < 6; e++) assert.ok(Math.abs(one.distances[e] - 2) < 1e-12);
  });

  it("makes no images along non-periodic directions, with atoms outside the box there", () => {
    const cell = Cell.orthogonal(10, 9, 8, [0, 0, 0], [true, false, true]);
    const f = randomFrame(cell, 120, 4);
    const r = rng(5);
    for (let i = 0; i < 10; i++) f.positions[3 * i + 1] += (r() - 0.5) * 6; // some atoms beyond y walls
    checkAgainstBruteForce(cell, f.positions, 3.5, "mixed periodicity");
  });

  it("accepts unwrapped positions: the same bonds as the wrapped frame", () => {
    const cell = new Cell([9, 0, 0, 2, 8, 0, 1, 1, 10]);
    const f = randomFrame(cell, 60, 6);
    const shifted = Float64Array.from(f.positions);
    const r = rng(7);
    for (let i = 0; i < 60; i++) {
      const [a, b, c] = [Math.floor(r() * 5) - 2, Math.floor(r() * 5) - 2, Math.floor(r() * 5) - 2];
      const s = cell.imageShift(a, b, c);
      for (let d = 0; d < 3; d++) shifted[3 * i + d] += s[d];
    }
    const a = cutoffNeighbors({ cell, positions: f.positions }, 4);
    const b = checkAgainstBruteForce(cell, shifted, 4, "unwrapped");
    assert.deepEqual(Array.from(b.offsets), Array.from(a.offsets));
    for (let i = 0; i < 60; i++) assertSamePairs(rowPairs(b, i), rowPairs(a, i), `unwrapped vs wrapped atom ${i}`);
  });

  it("is strict on both sides: 0 < d < rc (LAMMPS coord/atom)", () => {
    const sc = latticeFrame("sc", 2.5, [4, 4, 4]);
    assert.equal(cutoffNeighbors(sc, 2.5).indices.length, 0, "bonds of exactly rc are excluded");
    const list = cutoffNeighbors(sc, 2.5 * (1 + 1e-12));
    for (let i = 0; i < sc.natoms; i++) assert.equal(list.offsets[i + 1] - list.offsets[i], 6);
    // A second atom on top of atom 0 is not its neighbor (d = 0), but it has the same 6 others.
    const pos = Float64Array.from([...sc.positions, ...sc.positions.subarray(0, 3)]);
    const dup = cutoffNeighbors({ cell: sc.cell, positions: pos }, 2.6);
    const last = sc.natoms;
    assert.equal(dup.offsets[last + 1] - dup.offsets[last], 6);
    for (let e = dup.offsets[0]; e < dup.offsets[1]; e++) assert.notEqual(dup.indices[e], last);
  });

  it("is symmetric: every (i, j, v) has its (j, i, -v)", () => {
    const f = randomFrame(new Cell([8, 0, 0, 1.5, 7, 0, -1, 2, 9]), 80, 8);
    const list = cutoffNeighbors(f, 5);
    const key = (i: number, j: number, x: number, y: number, z: number) =>
      `${i},${j},${x.toFixed(8)},${y.toFixed(8)},${z.toFixed(8)}`;
    const seen = new Set<string>();
    for (let i = 0; i < list.n; i++)
      for (let e = list.offsets[i]; e < list.offsets[i + 1]; e++) {
        const [x, y, z] = list.vectors.subarray(3 * e, 3 * e + 3);
        seen.add(key(i, list.indices[e], x + 0, y + 0, z + 0));
      }
    for (let i = 0; i < list.n; i++)
      for (let e = list.offsets[i]; e < list.offsets[i + 1]; e++) {
        const [x, y, z] = list.vectors.subarray(3 * e, 3 * e + 3);
        assert.ok(
          seen.has(key(list.indices[e], i, -x + 0, -y + 0, -z + 0)),
          `missing reverse of ${i} -> ${list.indices[e]}`,
        );
      }
  });

  it("reserves a glass's list at once (no growth), and at the paper's cutoff and beyond keeps at least 3/4 of it", () => {
    // Within 3.2 A a Cu-Zr glass has 10.6 neighbors, more than the uniform rho 4/3 pi rc^3 = 8.4; within 4 A 14.0 < 16.4.
    const glass = readDumpSync(path.join(__dirname, "..", "fixtures", "voronoi", "glass.dump.gz"), {
      types: ["Cu", "Zr"],
    });
    for (const rc of [3, 3.2, 3.6, 4, 5, 6, 8]) {
      const list = cutoffNeighbors(glass, rc);
      const reserved = cutoffListCapacity(glass, rc);
      const view = list.indices.buffer.byteLength > list.indices.byteLength;
      assert.equal(
        list.indices.buffer.byteLength,
        4 * (view ? reserved : list.indices.length),
        `rc ${rc}: the reserve grew`,
      );
      if (rc >= 4) assert.ok(view, `rc ${rc}: ${list.indices.length} of ${reserved} entries used, copied`);
    }
  });

  it("refuses a bad cutoff", () => {
    const f = latticeFrame("sc", 2, [2, 2, 2]);
    assert.throws(() => cutoffNeighbors(f, 0), /positive/);
    assert.throws(() => cutoffNeighbors(f, Number.NaN), /positive/);
  });
});

describe("kNearest", () => {
  function assertSameLists(a: NeighborList, b: NeighborList, what: string): void {
    assert.deepEqual(Array.from(a.offsets), Array.from(b.offsets), `${what}: row lengths`);
    assert.deepEqual(Array.from(a.indices), Array.from(b.indices), `${what}: indices`);
    for (let e = 0; e < a.distances.length; e++)
      assert.ok(Math.abs(a.distances[e] - b.distances[e]) < 1e-12, `${what}: distance ${e}`);
    for (let e = 0; e < a.vectors.length; e++)
      assert.ok(Math.abs(a.vectors[e] - b.vectors[e]) < 1e-9, `${what}: vector ${e}`);
  }

  function checkBrute(list: NeighborList, cell: Cell, positions: Float64Array, k: number, what: string): void {
    for (let i = 0; i < list.n; i++) {
      const got = rowPairs(list, i);
      // Brute force out to just beyond the k-th distance found (the whole finite system when a row is short):
      // any missed closer atom shows up there.
      const reach = got.length === k ? Math.sqrt(got[k - 1].d2) + 0.5 : 3 * Math.cbrt(cell.volume) + 10;
      const want = brutePairs(cell, positions, i, reach)
        .filter((p) => p.d2 > 0)
        .slice(0, k);
      assert.equal(got.length, want.length, `${what} atom ${i}`);
      for (let q = 0; q < got.length; q++)
        assert.ok(Math.abs(got[q].d2 - want[q].d2) < 1e-9, `${what} atom ${i} entry ${q}`);
    }
  }

  it("kd-tree and cell list agree with brute force (periodic triclinic, finite, tiny periodic box)", () => {
    const tri = randomFrame(new Cell([9, 0, 0, 2, 8, 0, -1, 1.5, 10]), 70, 11);
    const a = kNearest(tri, 8, { method: "kd-tree" });
    const b = kNearest(tri, 8, { method: "cell-list" });
    assertSameLists(a, b, "triclinic");
    checkBrute(b, tri.cell, tri.positions, 8, "triclinic");

    const finite = randomFrame(Cell.orthogonal(10, 10, 10, [0, 0, 0], [false, false, false]), 60, 12);
    assertSameLists(kNearest(finite, 6, { method: "kd-tree" }), kNearest(finite, 6), "finite");
    checkBrute(kNearest(finite, 6), finite.cell, finite.positions, 6, "finite");

    const tiny = randomFrame(Cell.orthogonal(3, 4, 5), 3, 13);
    assertSameLists(kNearest(tiny, 20, { method: "kd-tree" }), kNearest(tiny, 20), "tiny periodic box, k > N");
    checkBrute(kNearest(tiny, 20), tiny.cell, tiny.positions, 20, "tiny");
  });

  it("auto picks a method; clustered finite points (kd-tree by default) give the same lists by every method", () => {
    const r = rng(14);
    const pos: number[] = [];
    for (let i = 0; i < 300; i++) {
      const c = i % 3;
      pos.push(20 + 200 * c + r() * 4, 20 + r() * 4, 20 + r() * 4);
    }
    const f = frameOf(Cell.orthogonal(600, 50, 50, [0, 0, 0], [false, false, false]), pos);
    const auto = kNearest(f, 7);
    assertSameLists(auto, kNearest(f, 7, { method: "kd-tree" }), "clustered: auto vs kd-tree");
    assertSameLists(auto, kNearest(f, 7, { method: "cell-list" }), "clustered: auto vs cell list");
    assert.throws(() => kNearest(f, 3, { method: "octree" as "auto" }), /unknown method/);
  });

  it("breaks ties at the k-th distance the same way in both methods (fcc, k = 10 of 12)", () => {
    const fcc = latticeFrame("fcc", 3.6, [3, 3, 3]);
    const a = kNearest(fcc, 10, { method: "kd-tree" });
    const b = kNearest(fcc, 10);
    assertSameLists(a, b, "fcc");
    for (const d of b.distances) assert.ok(Math.abs(d - 3.6 / Math.SQRT2) < 1e-9);
  });

  it("gives short rows in a finite system with fewer than k + 1 atoms, and refuses bad k", () => {
    // The last atom lies far outside the (non-periodic) box: it is still found.
    const f = frameOf(
      Cell.orthogonal(10, 10, 10, [0, 0, 0], [false, false, false]),
      [1, 1, 1, 2, 2, 2, 5, 5, 5, 400, -300, 5],
    );
    for (const method of ["kd-tree", "cell-list"] as const) {
      const list = kNearest(f, 4, { method });
      assert.deepEqual(Array.from(list.offsets), [0, 3, 6, 9, 12], method);
      assert.equal(list.indices[2], 3, method);
    }
    assert.throws(() => kNearest(f, 0), /positive integer/);
  });
});
