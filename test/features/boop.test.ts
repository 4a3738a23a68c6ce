import { strict as assert } from "node:assert";
import { join } from "node:path";
import {
  BoopFeaturizer,
  CoarseGrainedBoopFeaturizer,
  bondHarmonics,
  coarseGrainHarmonics,
  contextBondHarmonics,
  steinhardtInvariants,
} from "../../src/features/boop";
import { StructureContext } from "../../src/features/context";
import { readDumpSync } from "../../src/io/dump-reader";
import { latticeFrame } from "../../src/io/lattice";
import type { NeighborList } from "../../src/neighbors/neighbor-list";
import { bruteNeighbors, listFromRows } from "./brute-neighbors";
import { readFixtureDump } from "./read-fixture-dump";

const LS = [4, 6, 8, 10];

function invariantsOf(list: NeighborList, atom = 0): { q: number[]; w: number[] } {
  const inv = steinhardtInvariants(bondHarmonics(list, LS));
  const nl = LS.length;
  return {
    q: Array.from(inv.q.subarray(atom * nl, atom * nl + nl)),
    w: Array.from(inv.w.subarray(atom * nl, atom * nl + nl)),
  };
}

function near(a: number, b: number, tol: number, what: string): void {
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
}

/** Rotation matrix from Euler-like angles (z-y-z). */
function rotation(a: number, b: number, c: number): number[] {
  const rz = (t: number) => [Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t), 0, 0, 0, 1];
  const ry = (t: number) => [Math.cos(t), 0, Math.sin(t), 0, 1, 0, -Math.sin(t), 0, Math.cos(t)];
  const mul = (p: number[], q: number[]) =>
    [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => p[3 * i] * q[j] + p[3 * i + 1] * q[3 + j] + p[3 * i + 2] * q[6 + j]));
  return mul(rz(a), mul(ry(b), rz(c)));
}

function rotateList(list: NeighborList, r: number[]): NeighborList {
  const v = new Float64Array(list.vectors.length);
  for (let e = 0; e < v.length; e += 3) {
    const [x, y, z] = [list.vectors[e], list.vectors[e + 1], list.vectors[e + 2]];
    v[e] = r[0] * x + r[1] * y + r[2] * z;
    v[e + 1] = r[3] * x + r[4] * y + r[5] * z;
    v[e + 2] = r[6] * x + r[7] * y + r[8] * z;
  }
  return { ...list, vectors: v };
}

describe("bond-orientational order (Steinhardt q_l, w^_l)", () => {
  // Steinhardt, Nelson & Ronchetti 1983, Table I.
  it("reproduces fcc: q4 0.19094, q6 0.57452, w^4 -0.15932, w^6 -0.01316", () => {
    const f = latticeFrame("fcc", 3.6, [3, 3, 3]);
    const list = bruteNeighbors(f.positions, f.cell, 3.0);
    for (const atom of [0, 5, 107]) {
      const { q, w } = invariantsOf(list, atom);
      near(q[0], 0.19094, 5e-6, "q4");
      near(q[1], 0.57452, 5e-6, "q6");
      near(w[0], -0.159317, 5e-6, "w4");
      near(w[1], -0.013161, 5e-6, "w6");
    }
  });

  it("reproduces hcp: q4 0.09722, q6 0.48476, w^4 0.13410, w^6 -0.01244", () => {
    const f = latticeFrame("hcp", 3.0, [3, 2, 2]);
    const list = bruteNeighbors(f.positions, f.cell, 3.3);
    const { q, w } = invariantsOf(list, 3);
    near(q[0], 0.09722, 5e-6, "q4");
    near(q[1], 0.48476, 5e-6, "q6");
    near(w[0], 0.134097, 5e-6, "w4");
    near(w[1], -0.012442, 5e-6, "w6");
  });

  it("reproduces bcc with 14 neighbors: q4 0.03637, q6 0.51069; and sc: q4 0.76376, q6 0.35355, w^4 0.15932, w^6 0.01316", () => {
    const b = latticeFrame("bcc", 2.9, [3, 3, 3]);
    const bl = bruteNeighbors(b.positions, b.cell, 2.9 * 1.2);
    const bi = invariantsOf(bl, 1);
    near(bi.q[0], 0.03637, 5e-6, "bcc q4");
    near(bi.q[1], 0.51069, 5e-6, "bcc q6");
    near(bi.w[0], 0.159317, 5e-6, "bcc w4");
    near(bi.w[1], 0.013161, 5e-6, "bcc w6");
    const s = latticeFrame("sc", 2.5, [3, 3, 3]);
    const si = invariantsOf(bruteNeighbors(s.positions, s.cell, 2.6), 0);
    near(si.q[0], 0.76376, 5e-6, "sc q4");
    near(si.q[1], 0.35355, 5e-6, "sc q6");
    near(si.w[0], 0.159317, 5e-6, "sc w4");
    near(si.w[1], 0.013161, 5e-6, "sc w6");
  });

  it("reproduces the icosahedron: q4 0, q6 0.66332, w^6 -0.16975", () => {
    const g = (1 + Math.sqrt(5)) / 2;
    const verts: number[][] = [];
    for (const s1 of [-1, 1]) for (const s2 of [-1, 1]) verts.push([0, s1, s2 * g], [s1, s2 * g, 0], [s2 * g, 0, s1]);
    const list = listFromRows([verts.map((v) => ({ j: 1, v }))]);
    const { q, w } = invariantsOf(list, 0);
    near(q[0], 0, 1e-12, "q4");
    near(q[1], 0.66332, 5e-6, "q6");
    near(w[1], -0.169754, 5e-6, "w6");
  });

  it("is invariant under rotation and NaN without neighbors", () => {
    const dump = readFixtureDump(join(__dirname, "../fixtures/features-b/glass.dump"));
    const list = bruteNeighbors(dump.positions.subarray(0, 3 * 500), dump.cell, 4.0);
    const a = steinhardtInvariants(bondHarmonics(list, LS));
    const b = steinhardtInvariants(bondHarmonics(rotateList(list, rotation(0.3, 1.1, -2.0)), LS));
    for (let k = 0; k < a.q.length; k++) {
      near(b.q[k], a.q[k], 1e-12, "q");
      near(b.w[k], a.w[k], 1e-12, "w");
    }
    const lonely = listFromRows([[], [{ j: 0, v: [1, 0, 0] }]]);
    const inv = steinhardtInvariants(bondHarmonics(lonely, [6]));
    assert.ok(Number.isNaN(inv.q[0]) && Number.isNaN(inv.w[0]));
    near(inv.q[1], 1, 1e-15, "one bond: q_l = 1");
  });

  it("matches LAMMPS compute orientorder/atom (degrees 4 4 6 8 10 wl/hat yes) with all neighbors within 4 A", () => {
    const dump = readFixtureDump(join(__dirname, "../fixtures/features-b/glass.dump"));
    const list = bruteNeighbors(dump.positions, dump.cell, 4.0);
    const inv = steinhardtInvariants(bondHarmonics(list, LS));
    let worst = 0;
    for (let i = 0; i < dump.n; i++) {
      assert.equal(
        list.offsets[i + 1] - list.offsets[i],
        dump.columns.get("c_coord")?.[i],
        `coord/atom of id ${dump.ids[i]}`,
      );
      for (let k = 0; k < 4; k++) {
        const q = dump.columns.get(`c_oo[${k + 1}]`)?.[i] as number;
        const w = dump.columns.get(`c_oo[${k + 5}]`)?.[i] as number;
        worst = Math.max(worst, Math.abs(inv.q[4 * i + k] - q), Math.abs(inv.w[4 * i + k] - w));
      }
    }
    assert.ok(worst < 1e-9, `largest difference from LAMMPS ${worst}`);
  });

  it("matches LAMMPS' default neighbor choice (nnn 12: the 12 nearest) when given the 12 nearest neighbors", () => {
    const dump = readFixtureDump(join(__dirname, "../fixtures/features-b/glass.dump"));
    const full = bruteNeighbors(dump.positions, dump.cell, 6.0);
    const rows = Array.from({ length: dump.n }, (_, i) => {
      const row: { j: number; v: number[] }[] = [];
      for (let e = full.offsets[i]; e < full.offsets[i] + 12; e++)
        row.push({ j: full.indices[e], v: Array.from(full.vectors.subarray(3 * e, 3 * e + 3)) });
      return row;
    });
    const inv = steinhardtInvariants(bondHarmonics(listFromRows(rows), LS));
    for (let i = 0; i < dump.n; i++) {
      for (let k = 0; k < 4; k++) {
        near(inv.q[4 * i + k], dump.columns.get(`c_oo12[${k + 1}]`)?.[i] as number, 1e-9, `q of id ${dump.ids[i]}`);
        near(inv.w[4 * i + k], dump.columns.get(`c_oo12[${k + 5}]`)?.[i] as number, 1e-9, `w of id ${dump.ids[i]}`);
      }
    }
  });

  it("coarse-grains q_lm over the centre and its neighbors (Lechner-Dellago): a perfect crystal keeps its values", () => {
    const f = latticeFrame("fcc", 3.6, [3, 3, 3]);
    const list = bruteNeighbors(f.positions, f.cell, 3.0);
    const h = bondHarmonics(list, LS);
    const cg = steinhardtInvariants(coarseGrainHarmonics(h, list));
    const raw = steinhardtInvariants(h);
    for (let k = 0; k < cg.q.length; k++) near(cg.q[k], raw.q[k], 1e-12, "qbar");
    // Hand-worked: a dimer, each atom's q_lm is Y_lm of its one bond; Q_lm(0) = (Y(+z) + Y(-z)) / 2.
    const dimer = listFromRows([[{ j: 1, v: [0, 0, 1] }], [{ j: 0, v: [0, 0, -1] }]]);
    const q = steinhardtInvariants(coarseGrainHarmonics(bondHarmonics(dimer, [1, 2]), dimer));
    near(q.q[0], 0, 1e-15, "odd l cancels");
    near(q.q[1], 1, 1e-15, "even l kept");
  });

  it("featurizers label 16 + 16 columns and read the context's Voronoi and cutoff neighbors", () => {
    const f = latticeFrame("fcc", 3.6, [3, 3, 3]);
    const list = bruteNeighbors(f.positions, f.cell, 3.0);
    const wide = bruteNeighbors(f.positions, f.cell, 4.0); // first + second shell: 18 neighbors
    const ctx = new StructureContext(f, { voronoiNeighbors: list, cutoffNeighbors: wide, cutoff: 4.0 });
    const boop = new BoopFeaturizer();
    assert.deepEqual(boop.featureLabels(), [
      "q4_voro",
      "q6_voro",
      "q8_voro",
      "q10_voro",
      "w4_voro",
      "w6_voro",
      "w8_voro",
      "w10_voro",
      "q4_cut",
      "q6_cut",
      "q8_cut",
      "q10_cut",
      "w4_cut",
      "w6_cut",
      "w8_cut",
      "w10_cut",
    ]);
    const m = ctx.features(boop);
    near(m.values[1], 0.57452, 5e-6, "q6_voro");
    const cut = invariantsOf(wide, 0);
    near(m.values[9], cut.q[1], 1e-15, "q6_cut");
    const cg = new CoarseGrainedBoopFeaturizer();
    assert.equal(cg.featureLabels()[0], "qbar4_voro");
    assert.equal(cg.featureLabels()[15], "wbar10_cut");
    near(ctx.features(cg).values[1], m.values[1], 1e-12, "qbar6 of a perfect crystal");
    assert.throws(() => new BoopFeaturizer({ l: [4, 4] }), /listed twice/);
    assert.throws(() => new BoopFeaturizer({ neighbors: [] }), /at least one neighbor/);
  });

  it("boop and mro_boop's coarse part share one set of bond harmonics per neighbor kind, degrees and cutoff", () => {
    const frame = readDumpSync(join(__dirname, "../fixtures/features-b/glass.dump"), { types: ["Cu", "Zr"] });
    const ctx = new StructureContext(frame, { cutoff: 4.0 });
    const voro = contextBondHarmonics(ctx, "voro", undefined, [4, 6, 8, 10]);
    // The same object again; a fresh computation gives the same numbers.
    assert.equal(contextBondHarmonics(ctx, "voro", undefined, [4, 6, 8, 10]), voro);
    assert.deepEqual(voro.re, bondHarmonics(ctx.voronoiNeighbors(), [4, 6, 8, 10]).re);
    // Other degrees, kinds or cutoffs are other harmonics.
    assert.notEqual(contextBondHarmonics(ctx, "voro", undefined, [4, 6]), voro);
    const cut = contextBondHarmonics(ctx, "cut", undefined, [4, 6, 8, 10]);
    assert.notEqual(cut, voro);
    assert.notEqual(contextBondHarmonics(ctx, "cut", 3.5, [4, 6, 8, 10]), cut);
    assert.equal(contextBondHarmonics(ctx, "cut", 4.0, [4, 6, 8, 10]), cut);
    // Sharing does not change the features: the same matrices as in contexts of their own.
    const alone = new StructureContext(frame, { cutoff: 4.0 });
    const cg = new CoarseGrainedBoopFeaturizer();
    assert.deepEqual(ctx.features(cg).values, alone.features(cg).values);
    assert.deepEqual(
      ctx.features(new BoopFeaturizer()).values,
      new StructureContext(frame, { cutoff: 4.0 }).features(new BoopFeaturizer()).values,
    );
  });
});
