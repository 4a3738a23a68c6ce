import { strict as assert } from "node:assert";
import * as path from "node:path";
import { Cell } from "../../src/structure/cell";
import type { Tessellation } from "../../src/geometry/tessellation";
import { VORONOI_EMPTY, VORONOI_FAILED, VORONOI_WALL, Voronoi } from "../../src/geometry/voronoi";
import { voronoiNeighbors } from "../../src/geometry/voronoi-neighbors";
import type { Frame } from "../../src/structure/frame";
import { readDumpSync } from "../../src/io/dump-reader";
import { latticeFrame } from "../../src/io/lattice";
import { fixtureDir, fixtureLines, glassFrame, voroppCells } from "./fixtures";
import { frameOf, randomFrame, rng } from "./test-frames";

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k];
  return s;
};

/** Faces of atom i as { j, area, edges } sorted by bond length. */
function facesOf(t: Tessellation, i: number): { j: number; area: number; edges: number; v: number[] }[] {
  const out = [];
  for (let f = t.faceOffsets[i]; f < t.faceOffsets[i + 1]; f++) {
    out.push({
      j: t.faceNeighbors[f],
      area: t.faceAreas[f],
      edges: t.faceEdges[f],
      v: Array.from(t.faceVectors.subarray(3 * f, 3 * f + 3)),
    });
  }
  return out;
}

/**
 * Volumes sum to the box, faces pair up (j's face to i at -v with the same area and edge count), distances are
 * |v|/2 (Voronoi). `areaRel` and `edges` loosen the pairing for ill-conditioned input.
 */
function checkInvariants(
  frame: Frame,
  t: Tessellation,
  what: string,
  radical = false,
  areaRel = 1e-9,
  edges = true,
): void {
  const n = frame.natoms;
  assert.equal(t.n, n);
  for (let i = 0; i < n; i++) assert.equal(t.flags[i] & VORONOI_FAILED, 0, `${what}: atom ${i} flagged`);
  const rel = Math.abs(sum(t.volumes) - frame.cell.volume) / frame.cell.volume;
  assert.ok(rel < 1e-9, `${what}: volumes sum to ${sum(t.volumes)}, box ${frame.cell.volume} (relative ${rel})`);
  const key = (i: number, j: number, v: ArrayLike<number>) =>
    `${i}>${j}@${Array.from(v, (x) => (Math.round(x * 1e6) / 1e6 + 0).toFixed(6)).join(",")}`;
  const byKey = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    for (let f = t.faceOffsets[i]; f < t.faceOffsets[i + 1]; f++) {
      byKey.set(key(i, t.faceNeighbors[f], t.faceVectors.subarray(3 * f, 3 * f + 3)), f);
      assert.ok(t.faceAreas[f] > 0, `${what}: face area ${t.faceAreas[f]}`);
      assert.ok(t.faceEdges[f] >= 3, `${what}: face with ${t.faceEdges[f]} edges`);
      const d = Math.hypot(...t.faceVectors.subarray(3 * f, 3 * f + 3));
      if (!radical)
        assert.ok(
          Math.abs(t.faceDistances[f] - d / 2) < 1e-12 * d,
          `${what}: face distance ${t.faceDistances[f]} vs d/2 ${d / 2}`,
        );
      if (f > t.faceOffsets[i]) {
        const prev = Math.hypot(...t.faceVectors.subarray(3 * f - 3, 3 * f));
        assert.ok(d >= prev - 1e-12, `${what}: faces of ${i} not ordered by bond length`);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let f = t.faceOffsets[i]; f < t.faceOffsets[i + 1]; f++) {
      const j = t.faceNeighbors[f];
      const v = t.faceVectors.subarray(3 * f, 3 * f + 3);
      const g = byKey.get(key(j, i, [-v[0], -v[1], -v[2]]));
      assert.ok(g !== undefined, `${what}: face ${i}->${j} has no partner`);
      const a = t.faceAreas[f];
      assert.ok(
        Math.abs(t.faceAreas[g] - a) <= areaRel * Math.max(a, 1e-3),
        `${what}: face ${i}<->${j} areas ${a} vs ${t.faceAreas[g]}`,
      );
      if (edges) assert.equal(t.faceEdges[g], t.faceEdges[f], `${what}: face ${i}<->${j} edge counts`);
    }
  }
}

describe("Voronoi: perfect crystals", () => {
  const a = 3.6;
  const cases = [
    { kind: "sc", faces: 6, index: [0, 6, 0, 0, 0], volume: a ** 3 },
    { kind: "bcc", faces: 14, index: [0, 6, 0, 8, 0], volume: a ** 3 / 2 },
    { kind: "fcc", faces: 12, index: [0, 12, 0, 0, 0], volume: a ** 3 / 4 },
    { kind: "hcp", faces: 12, index: [0, 12, 0, 0, 0], volume: a ** 3 / Math.SQRT2 },
  ] as const;
  for (const c of cases) {
    for (const shift of [
      [0, 0, 0],
      [0.13, 0.29, 0.41],
    ] as const) {
      it(`${c.kind} (shift ${shift.join(",")}): ${c.faces} faces, index <${c.index.join(",")}>, volume ${c.volume.toFixed(4)}`, () => {
        const f = latticeFrame(c.kind, a, [3, 3, 3], { shift });
        const t = new Voronoi().compute(f);
        checkInvariants(f, t, c.kind);
        const vn = voronoiNeighbors(t, { minAreaFraction: 0 });
        const paper = voronoiNeighbors(t);
        for (let i = 0; i < f.natoms; i++) {
          assert.equal(t.faceOffsets[i + 1] - t.faceOffsets[i], c.faces, `${c.kind} atom ${i} faces`);
          assert.deepEqual(Array.from(vn.index.subarray(5 * i, 5 * i + 5)), [...c.index], `${c.kind} atom ${i} index`);
          assert.deepEqual(
            Array.from(paper.index.subarray(5 * i, 5 * i + 5)),
            [...c.index],
            `${c.kind} atom ${i} index, 5 % filter`,
          );
          assert.ok(Math.abs(t.volumes[i] - c.volume) < 1e-9 * c.volume, `${c.kind} volume ${t.volumes[i]}`);
        }
      });
    }
  }

  it("fcc and bcc primitive (triclinic, one atom) cells: every face is a periodic image of the atom itself", () => {
    const fcc = frameOf(new Cell([0, a / 2, a / 2, a / 2, 0, a / 2, a / 2, a / 2, 0]), [0.1, 0.2, 0.3]);
    const t = new Voronoi().compute(fcc);
    checkInvariants(fcc, t, "fcc primitive");
    assert.equal(t.faceOffsets[1], 12);
    assert.ok(Math.abs(t.volumes[0] - a ** 3 / 4) < 1e-12 * a ** 3);
    assert.ok(Array.from(t.faceNeighbors).every((j) => j === 0));
    assert.ok(Array.from(t.faceEdges).every((e) => e === 4));
    const bcc = frameOf(new Cell([a / 2, a / 2, -a / 2, -a / 2, a / 2, a / 2, a / 2, -a / 2, a / 2]), [1, 1, 1]);
    const tb = new Voronoi().compute(bcc);
    checkInvariants(bcc, tb, "bcc primitive");
    assert.deepEqual(Array.from(voronoiNeighbors(tb, { minAreaFraction: 0 }).index), [0, 6, 0, 8, 0]);
    assert.ok(Math.abs(tb.volumes[0] - a ** 3 / 2) < 1e-12 * a ** 3);
  });

  it("a face area, volume and normal distance worked by hand: sc gives 6 squares a^2 at a/2", () => {
    const t = new Voronoi().compute(latticeFrame("sc", 2, [2, 2, 2]));
    for (const face of facesOf(t, 0)) {
      assert.ok(Math.abs(face.area - 4) < 1e-12);
      assert.equal(face.edges, 4);
    }
    for (let f = 0; f < 6; f++) assert.ok(Math.abs(t.faceDistances[f] - 1) < 1e-12);
    assert.ok(Math.abs(t.volumes[0] - 8) < 1e-12);
  });
});

describe("Voronoi: disordered periodic sets", () => {
  it("a randomly perturbed fcc crystal in a triclinic box: invariants hold", () => {
    const base = latticeFrame("fcc", 3.6, [3, 3, 3]);
    const cell = new Cell([10.8, 0, 0, 2.5, 10.8, 0, -1.7, 3.1, 10.8], [-2, 1, 0.5]);
    const s = base.cell.toFractional(base.positions);
    const r = rng(21);
    for (let k = 0; k < s.length; k++) s[k] += (r() - 0.5) * 0.04;
    const f = frameOf(cell, cell.toCartesian(s));
    const t = new Voronoi().compute(f);
    checkInvariants(f, t, "perturbed triclinic");
  });

  it("uniform random points (many small faces), orthogonal and triclinic", () => {
    for (const cell of [Cell.orthogonal(11, 12, 13, [5, -5, 0]), new Cell([11, 0, 0, -4, 10, 0, 3, 5, 9])]) {
      const f = randomFrame(cell, 400, 22);
      checkInvariants(f, new Voronoi().compute(f), "random");
    }
  });

  it("a few points in a box smaller than their cells' reach (own images as neighbors)", () => {
    const f = randomFrame(new Cell([4, 0, 0, 1, 5, 0, 0.5, -1, 4.5]), 3, 23);
    const t = new Voronoi().compute(f);
    checkInvariants(f, t, "tiny box");
    assert.ok(
      Array.from(t.faceNeighbors).some((j, q) => {
        let i = 0;
        while (t.faceOffsets[i + 1] <= q) i++;
        return j === i;
      }),
      "some face is shared with an image of the atom itself",
    );
  });

  it("gives identical results with 2 threads (worker_threads) and 1 thread", () => {
    const f = randomFrame(new Cell([15, 0, 0, 2, 14, 0, 1, -2, 16]), 1500, 24);
    const one = new Voronoi().compute(f);
    const two = new Voronoi({ threads: 2 }).compute(f);
    for (const k of [
      "volumes",
      "faceOffsets",
      "faceNeighbors",
      "faceVectors",
      "faceAreas",
      "faceEdges",
      "faceDistances",
      "flags",
    ] as const) {
      assert.deepEqual(two[k], one[k], k);
    }
  });
});

describe("Voronoi: degenerate input and walls", () => {
  it("flags both atoms of a duplicated point and finishes the rest; a near-duplicate is a valid cell", () => {
    const base = latticeFrame("fcc", 3.6, [2, 2, 2], { shift: [0.1, 0.1, 0.1] });
    const pos = Array.from(base.positions);
    pos.push(pos[0], pos[1], pos[2]);
    const f = frameOf(base.cell, pos);
    const t = new Voronoi().compute(f);
    assert.equal(t.flags[0], VORONOI_FAILED);
    assert.equal(t.flags[f.natoms - 1], VORONOI_FAILED);
    assert.equal(t.faceOffsets[1] - t.faceOffsets[0], 0);
    assert.equal(t.volumes[0], 0);
    for (let i = 1; i < f.natoms - 1; i++) assert.equal(t.flags[i], 0);

    // 1e-6 A apart: valid cells that fill the box. The planes of 0|k and 0'|k then meet at a grazing angle of
    // ~4e-7 rad, so the split of a shared face between them is ill-conditioned: the two sides of such faces
    // agree to ~1e-6 relative only, and their edge counts may differ.
    pos[pos.length - 3] += 1e-6;
    const g = frameOf(base.cell, pos);
    const tg = new Voronoi().compute(g);
    checkInvariants(g, tg, "near-duplicate", false, 1e-5, false);
    assert.ok(
      Math.abs(tg.volumes[0] + tg.volumes[g.natoms - 1] - 3.6 ** 3 / 4) < 1e-5,
      "the pair shares about one fcc cell",
    );
  });

  it("a crystal perturbed at the tolerance scale: valid cells; minEdgeLength restores the Voronoi index", () => {
    // sc perturbed by ~4e-10 A: every 6-fold vertex splits into a cluster of vertices ~1e-10 A apart, so faces
    // gain tiny edges (and tiny faces appear); which ones each cell resolves is decided at the tolerance.
    const f = latticeFrame("sc", 3.6, [3, 3, 3]);
    const r = rng(31);
    for (let k = 0; k < f.positions.length; k++) f.positions[k] += (r() - 0.5) * 7.2e-10;
    const t = new Voronoi().compute(f);
    assert.ok(Math.abs(sum(t.volumes) - f.cell.volume) < 1e-9 * f.cell.volume);
    assert.ok(Array.from(t.flags).every((x) => x === 0));
    const clean = new Voronoi({ minEdgeLength: 1e-6 }).compute(f);
    const vn = voronoiNeighbors(clean);
    for (let i = 0; i < f.natoms; i++)
      assert.deepEqual(Array.from(vn.index.subarray(5 * i, 5 * i + 5)), [0, 6, 0, 0, 0], `atom ${i}`);
    assert.deepEqual(clean.faceAreas, t.faceAreas, "areas do not depend on minEdgeLength");
    assert.throws(() => new Voronoi({ minEdgeLength: -1 }), /minEdgeLength/);
  });

  it("cuts cells with the box walls along non-periodic directions (flag VORONOI_WALL, wall faces not listed)", () => {
    const f = latticeFrame("sc", 2, [3, 3, 4], { shift: [0.5, 0.5, 0.5], periodic: [true, true, false] });
    const t = new Voronoi().compute(f);
    assert.ok(Math.abs(sum(t.volumes) - f.cell.volume) < 1e-9 * f.cell.volume);
    for (let i = 0; i < f.natoms; i++) {
      const z = f.positions[3 * i + 2];
      const surface = z < 2 || z > 6;
      assert.ok(Math.abs(t.volumes[i] - 8) < 1e-9);
      assert.equal(t.flags[i], surface ? VORONOI_WALL : 0);
      assert.equal(t.faceOffsets[i + 1] - t.faceOffsets[i], surface ? 5 : 6);
    }
  });

  it("a slab with vacuum along a non-periodic direction: surface cells reach the walls, volumes fill the box", () => {
    const r = rng(32);
    const pos: number[] = [];
    for (let i = 0; i < 300; i++) pos.push(20 + 12 * r(), 10 * r(), 11 * r());
    const f = frameOf(Cell.orthogonal(52, 10, 11, [0, 0, 0], [false, true, true]), pos);
    const t = new Voronoi().compute(f);
    assert.ok(Math.abs(sum(t.volumes) - f.cell.volume) < 1e-9 * f.cell.volume);
    assert.ok(Array.from(t.flags).every((x) => (x & VORONOI_FAILED) === 0));
    assert.ok(Array.from(t.flags).some((x) => x === VORONOI_WALL));
    // Atoms outside the box along the non-periodic direction: the walls move out to hold them.
    pos[0] = -3;
    const g = frameOf(f.cell, pos);
    const tg = new Voronoi().compute(g);
    assert.ok(Math.abs(sum(tg.volumes) - (55 / 52) * f.cell.volume) < 1e-9 * f.cell.volume);
  });

  it("radical cells: equal radii give the Voronoi cells; an atom swallowed by big neighbors is flagged empty", () => {
    const f = randomFrame(Cell.orthogonal(9, 10, 11), 200, 25);
    const plain = new Voronoi().compute(f);
    const equal = new Voronoi({ radical: true, radii: new Float64Array(200).fill(1.3) }).compute(f);
    for (let i = 0; i < 200; i++) assert.ok(Math.abs(plain.volumes[i] - equal.volumes[i]) < 1e-9 * plain.volumes[i]);
    assert.deepEqual(equal.faceNeighbors, plain.faceNeighbors);

    const sc = latticeFrame("sc", 3, [3, 3, 3]);
    const pos = [...sc.positions, 0.6, 0, 0];
    const g = frameOf(sc.cell, pos);
    const radii = new Float64Array(g.natoms).fill(2);
    radii[g.natoms - 1] = 0.1;
    const t = new Voronoi({ radical: true, radii }).compute(g);
    assert.equal(t.flags[g.natoms - 1], VORONOI_EMPTY);
    assert.equal(t.volumes[g.natoms - 1], 0);
    assert.ok(Math.abs(sum(t.volumes) - g.cell.volume) < 1e-9 * g.cell.volume);
  });

  it("refuses bad options", () => {
    assert.throws(() => new Voronoi({ radical: true }), /needs radii/);
    assert.throws(() => new Voronoi({ radii: new Float64Array(1) }), /radical: true/);
    assert.throws(() => new Voronoi({ threads: 0 }), /threads/);
    assert.throws(
      () => new Voronoi({ radical: true, radii: new Float64Array(3) }).compute(latticeFrame("sc", 2, [2, 2, 2])),
      /3 radii for 8 atoms/,
    );
    const bad = latticeFrame("sc", 2, [2, 2, 2]);
    bad.positions[4] = Number.NaN;
    assert.throws(() => new Voronoi().compute(bad), /atom 1 has a non-finite coordinate/);
  });
});

/** |x - ref| within half a unit of the 6th significant digit of ref (voro++ prints with %g). */
function closeToPrinted(x: number, ref: number): boolean {
  if (ref === 0) return Math.abs(x) < 5e-7;
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(ref))) - 5);
  return Math.abs(x - ref) <= 0.5 * unit * (1 + 1e-9) + 1e-15;
}

describe("Voronoi: Cu-Zr glass and random points against voro++ and LAMMPS (fixtures)", () => {
  const glass = glassFrame();
  const frame = glass;
  const plain = new Voronoi().compute(glass);

  // 800 uniform random points (box 0..20 x -5..10 x 2..19): many small faces.
  const random = frameOf(
    Cell.orthogonal(20, 15, 17, [0, -5, 2]),
    fixtureLines("random-points.txt.gz").flatMap((l) => l.trim().split(/\s+/).slice(1).map(Number)),
  );

  for (const [name, fixture] of [
    ["Voronoi", "voropp-glass.vol.gz"],
    ["radical", "voropp-glass-radical.vol.gz"],
    ["random points", "voropp-random.vol.gz"],
  ] as const) {
    it(`${name}: volumes, neighbor sets, face areas and edge counts equal voro++'s to its print precision`, () => {
      let t = plain;
      const frame = name === "random points" ? random : glass;
      if (name === "radical") {
        const radii = Float64Array.from(frame.types, (ty) => (ty === 1 ? 1.26 : 1.58));
        t = new Voronoi({ radical: true, radii }).compute(frame);
      }
      if (name === "random points") t = new Voronoi().compute(frame);
      checkInvariants(frame, t, name, name === "radical");
      const ref = voroppCells(fixture);
      assert.equal(ref.length, frame.natoms);
      for (const c of ref) {
        const i = c.id - 1;
        assert.equal(frame.ids[i], c.id);
        assert.ok(closeToPrinted(t.volumes[i], c.volume), `atom ${c.id}: volume ${t.volumes[i]} vs voro++ ${c.volume}`);
        const mine = facesOf(t, i).map((f) => ({ ...f, id: frame.ids[f.j] }));
        assert.equal(
          mine.length,
          c.neighbors.length,
          `atom ${c.id}: ${mine.length} faces, voro++ ${c.neighbors.length}`,
        );
        assert.deepEqual(
          mine.map((f) => f.id).sort((x, y) => x - y),
          [...c.neighbors].sort((x, y) => x - y),
          `atom ${c.id}: neighbor ids`,
        );
        // Match faces by neighbor id (and by area when a neighbor appears twice through two images).
        const pool = [...mine];
        c.neighbors.forEach((id, q) => {
          const k = pool.findIndex((f) => f.id === id && closeToPrinted(f.area, c.areas[q]));
          assert.ok(
            k >= 0,
            `atom ${c.id}: no face to ${id} with area ${c.areas[q]} (ours: ${mine.filter((f) => f.id === id).map((f) => f.area)})`,
          );
          assert.equal(pool[k].edges, c.edges[q], `atom ${c.id}: face to ${id} edges`);
          pool.splice(k, 1);
        });
      }
    });
  }

  it("volumes and face counts equal LAMMPS compute voronoi/atom", () => {
    const lines = fixtureLines("lammps-voronoi.dump.gz");
    const n = Number(lines[3]);
    assert.equal(n, frame.natoms);
    for (let k = 9; k < 9 + n; k++) {
      const [id, vol, faces] = lines[k].trim().split(/\s+/).map(Number);
      const i = id - 1;
      assert.equal(frame.ids[i], id);
      assert.ok(
        Math.abs(plain.volumes[i] - vol) < 1e-9 * vol,
        `atom ${id}: volume ${plain.volumes[i]} vs LAMMPS ${vol}`,
      );
      assert.equal(plain.faceOffsets[i + 1] - plain.faceOffsets[i], faces, `atom ${id}: faces`);
    }
  });

  it("triclinic: volumes and face counts equal LAMMPS compute voronoi/atom on the sheared glass", () => {
    const tri = readDumpSync(path.join(fixtureDir, "glass-triclinic.dump.gz"), { sort: true });
    assert.ok(!tri.cell.isOrthogonal);
    const t = new Voronoi().compute(tri);
    checkInvariants(tri, t, "triclinic glass");
    const lines = fixtureLines("lammps-voronoi-triclinic.dump.gz");
    assert.equal(lines.length - 9, tri.natoms);
    for (let k = 9; k < lines.length; k++) {
      const [id, vol, faces] = lines[k].trim().split(/\s+/).map(Number);
      const i = id - 1;
      assert.equal(tri.ids[i], id);
      assert.ok(Math.abs(t.volumes[i] - vol) < 1e-9 * vol, `atom ${id}: volume ${t.volumes[i]} vs LAMMPS ${vol}`);
      assert.equal(t.faceOffsets[i + 1] - t.faceOffsets[i], faces, `atom ${id}: faces`);
    }
  });

  it("2 threads reproduce 1 thread exactly on the glass", () => {
    const two = new Voronoi({ threads: 2 }).compute(frame);
    assert.deepEqual(two.faceAreas, plain.faceAreas);
    assert.deepEqual(two.volumes, plain.volumes);
    assert.deepEqual(two.faceNeighbors, plain.faceNeighbors);
  });
});
