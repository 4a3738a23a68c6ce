import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Cell } from "../../src/structure/cell";
import { solidAngle } from "../../src/geometry/solid-angle";
import { latticeFrame } from "../../src/io/lattice";
import type { Frame } from "../../src/structure/frame";
import { computeFeatures } from "../../src/features/compute-features";
import { StructureContext } from "../../src/features/context";
import { INTERSTICE_FLAGS, IntersticeFeaturizer, INTERSTICE_LABELS } from "../../src/features/interstice";
import { atomRadii, MIRACLE_RADII, radiusOf } from "../../src/features/radii";
import { setParams } from "../../src/features/feature-set";
import { featureSet, registerFeatureSet } from "../../src/features/feature-sets";
import { readCsv } from "../../src/table/csv";
import { cell, close, makeFrame, shellNeighbors } from "./featurize-helpers";

const FIXTURE_DIR = path.join(__dirname, "../fixtures/features/interstice");

function glassFrame(): Frame {
  const fx = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, "glass.json"), "utf8")) as {
    lo: number[];
    hi: number[];
    ids: number[];
    types: number[];
    positions: number[];
    elements: string[];
  };
  const L = [0, 1, 2].map((d) => fx.hi[d] - fx.lo[d]);
  const frame = makeFrame(fx.positions, fx.types, fx.elements, Cell.orthogonal(L[0], L[1], L[2], fx.lo));
  frame.ids = Int32Array.from(fx.ids);
  return frame;
}

function assertMatchesFixture(frame: Frame, order: ArrayLike<number> | null = null): void {
  const res = computeFeatures(frame, ["interstice", "mro"]);
  const ref = readCsv(path.join(FIXTURE_DIR, "features.csv"));
  const w = res.matrix.labels.length;
  for (let k = 0; k < w; k++) {
    const col = ref.data.get(res.matrix.labels[k]) as Float64Array;
    for (let i = 0; i < frame.natoms; i++) {
      const want = col[order ? order[i] : i];
      const got = res.matrix.values[i * w + k];
      assert.ok(
        Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)),
        `${res.matrix.labels[k]} of atom id ${frame.ids[i]}: ${got} vs ${want}`,
      );
    }
  }
}

describe("StructureContext: the full pipeline (Voronoi, face filter, cutoff neighbors) on the Cu-Zr glass", () => {
  it("reproduces the numpy/scipy fixture from positions alone (Voronoi by src/geometry/voronoi)", () => {
    assertMatchesFixture(glassFrame());
  });

  it("is invariant under a translation (positions re-wrapped) and under a reordering of the atoms", () => {
    const frame = glassFrame();
    const L = frame.cell.widths;
    const moved = {
      ...frame,
      positions: frame.positions.map((x, q) => {
        const d = q % 3;
        const lo = frame.cell.origin[d];
        let y = x + [3.7, -11.2, 0.41][d] - lo;
        y -= Math.floor(y / L[d]) * L[d];
        return y + lo;
      }),
    };
    assertMatchesFixture(moved);
    const n = frame.natoms;
    const order = Int32Array.from({ length: n }, (_, i) => (i * 7 + 3) % n); // 7 is coprime with 500
    const shuffled = makeFrame(
      Array.from({ length: 3 * n }, (_, q) => frame.positions[3 * order[Math.floor(q / 3)] + (q % 3)]),
      Array.from(order, (o) => frame.types[o]),
      frame.elements,
      frame.cell,
    );
    shuffled.ids = Int32Array.from(order, (o) => frame.ids[o]);
    assertMatchesFixture(shuffled, order);
  });

  it("computes each shared object once and caches cutoff lists by radius", () => {
    const ctx = new StructureContext(glassFrame());
    assert.equal(ctx.voronoi(), ctx.voronoi());
    assert.equal(ctx.voronoiNeighbors(), ctx.voronoiNeighbors());
    assert.equal(ctx.cutoffNeighbors(), ctx.cutoffNeighbors(4));
    assert.notEqual(ctx.cutoffNeighbors(3.5), ctx.cutoffNeighbors(4));
    assert.equal(ctx.radii(), ctx.radii());
    const list = ctx.voronoiNeighbors();
    // Weights are face areas; every kept face is >= 5 % of its cell's mean face area.
    const t = ctx.voronoi();
    for (let i = 0; i < ctx.n; i++) {
      let sum = 0;
      for (let f = t.faceOffsets[i]; f < t.faceOffsets[i + 1]; f++) sum += t.faceAreas[f];
      const mean = sum / (t.faceOffsets[i + 1] - t.faceOffsets[i]);
      for (let e = list.offsets[i]; e < list.offsets[i + 1]; e++)
        assert.ok((list.weights as Float64Array)[e] >= 0.05 * mean);
    }
    const all = new StructureContext(glassFrame(), { faceFilter: 0 }).voronoiNeighbors();
    assert.ok(all.offsets[all.n] > list.offsets[list.n], "faceFilter 0 keeps the small faces");
  });
});

describe("StructureContext: radical tessellation", () => {
  it("equals the plain Voronoi one for equal radii, and differs for Cu/Zr radii", () => {
    const frame = glassFrame();
    const equal = new Float64Array(frame.natoms).fill(1.3);
    const plain = new StructureContext(frame, { atomRadii: equal }).features(new IntersticeFeaturizer());
    const radicalEqual = new StructureContext(frame, { atomRadii: equal, radical: true }).features(
      new IntersticeFeaturizer(),
    );
    for (let e = 0; e < plain.values.length; e++) close(radicalEqual.values[e], plain.values[e], 1e-9, `entry ${e}`);
    const ctx = new StructureContext(frame, { radical: true });
    const radical = ctx.voronoiNeighbors();
    const voronoi = new StructureContext(frame).voronoiNeighbors();
    assert.notDeepEqual(Array.from(radical.offsets), Array.from(voronoi.offsets));
    assert.ok(ctx.features(new IntersticeFeaturizer()).flags?.every((f) => f === 0));
  });
});

describe("StructureContext: crystals through the real Voronoi tessellation", () => {
  it("fcc Voronoi neighbors (rhombic dodecahedron, 12 faces) give the nearest-shell values", () => {
    const frame = latticeFrame("fcc", 2 * Math.sqrt(2) * 1.26, [3, 3, 3], { elements: ["Cu"] });
    const viaVoronoi = new IntersticeFeaturizer().computeFrame(frame);
    const viaShell = new IntersticeFeaturizer().computeFrame(frame, {
      voronoiNeighbors: shellNeighbors(frame, 0, 2.8),
      cutoffNeighbors: shellNeighbors(frame, 0, 4),
    });
    for (let e = 0; e < viaShell.values.length; e++)
      close(viaVoronoi.values[e], viaShell.values[e], 1e-10, `entry ${e}`);
  });

  it("bcc Voronoi neighbors: 14 (cube corners + octahedral tips), rhombi cut along the short diagonal", () => {
    // R = 1.25, a = 4R / sqrt(3). Hull = rhombic dodecahedron, 24 triangles (2 corners + 1 tip): sides a, a sqrt(3)/2,
    // a sqrt(3)/2, S = a^2 / (2 sqrt 2), angles sum pi -> area interstice 1 - sqrt(2) pi R^2 / a^2 = 1 - 3 sqrt(2) pi / 16.
    // Volume of O + corners (a/2)(1,1,1), (a/2)(1,1,-1) + tip (a,0,0): V = a^3 / 12; solid angles from the vectors.
    const R = 1.25;
    const a = (4 * R) / Math.sqrt(3);
    const frame = latticeFrame("bcc", a, [3, 3, 3], { elements: ["Fe"] });
    const ctx = new StructureContext(frame);
    const m = ctx.features(new IntersticeFeaturizer());
    const list = ctx.voronoiNeighbors();
    const c1 = [a / 2, a / 2, a / 2];
    const c2 = [a / 2, a / 2, -a / 2];
    const t1 = [a, 0, 0];
    const sub = (p: number[], q: number[]) => p.map((x, d) => x - q[d]);
    const w = (o: number[], p: number[], q: number[], r: number[]) =>
      solidAngle(
        ...(sub(p, o) as [number, number, number]),
        ...(sub(q, o) as [number, number, number]),
        ...(sub(r, o) as [number, number, number]),
      );
    const O = [0, 0, 0];
    const packed = (R ** 3 / 3) * (w(O, c1, c2, t1) + w(c1, O, c2, t1) + w(c2, O, c1, t1) + w(t1, O, c1, c2));
    const vol = 1 - packed / (a ** 3 / 12);
    const area = 1 - (3 * Math.sqrt(2) * Math.PI) / 16;
    for (let i = 0; i < frame.natoms; i++) {
      assert.equal(list.offsets[i + 1] - list.offsets[i], 14);
      close(cell(m, i, "area_voro_mean"), area, 1e-10, "area mean");
      close(cell(m, i, "area_voro_std"), 0, 1e-10, "area std");
      close(cell(m, i, "vol_voro_mean"), vol, 1e-10, "vol mean");
      close(cell(m, i, "vol_voro_std"), 0, 1e-10, "vol std");
      close(cell(m, i, "dist_voro_max"), 1 - Math.sqrt(3) / 2, 1e-12, "second-shell bond");
    }
  });
});

describe("StructureContext: crystals written with 12 significant digits", () => {
  it("give the exact crystal's 80 features within 1e-8 (coplanar facets up to rounding noise)", () => {
    for (const kind of ["fcc", "bcc", "hcp"] as const) {
      const a = kind === "fcc" ? 2 * Math.sqrt(2) * 1.26 : kind === "bcc" ? (4 * 1.26) / Math.sqrt(3) : 2.52;
      const exact = latticeFrame(kind, a, [4, 4, 4], { elements: ["Cu"], origin: [97.3, -51.1, 1234.5] });
      const rounded = { ...exact, positions: exact.positions.map((x) => Number(x.toPrecision(12))) };
      const A = computeFeatures(exact, ["interstice", "mro"]).matrix;
      const B = computeFeatures(rounded, ["interstice", "mro"]).matrix;
      for (let e = 0; e < A.values.length; e++) close(B.values[e], A.values[e], 1e-8, `${kind} entry ${e}`);
      assert.ok(B.flags?.every((f) => f === 0));
    }
  });
});

describe("StructureContext: degenerate Voronoi cells", () => {
  it("two atoms on one site: both cells fail, their Voronoi columns are NaN and flagged, the run finishes", () => {
    const f = latticeFrame("fcc", 3.564, [3, 3, 3], { elements: ["Cu"] });
    const pos = Array.from(f.positions);
    pos.push(pos[0], pos[1], pos[2]);
    const frame = makeFrame(pos, [...Array.from(f.types), 1], ["Cu"], f.cell);
    const res = computeFeatures(frame, ["interstice", "mro"]);
    const flags = res.matrix.flags as Uint8Array;
    for (const i of [0, frame.natoms - 1]) {
      assert.ok(flags[i] & INTERSTICE_FLAGS.voronoiCell, `flag of atom ${i}`);
      for (const g of ["dist_voro", "area_voro", "vol_voro"])
        assert.ok(Number.isNaN(cell(res.matrix, i, `${g}_mean`)), g);
      assert.ok(Number.isFinite(cell(res.matrix, i, "dist_cut_mean")), "cutoff neighbors still defined (d > 0 only)");
    }
    assert.equal(flags[1], 0);
    // MRO of a regular atom skips the NaN of failed neighbors: every value finite.
    for (const label of res.matrix.labels) assert.ok(Number.isFinite(cell(res.matrix, 1, label)), label);
  });
});

describe("radii, options and the feature-set registry", () => {
  it("uses the Miracle radii, overrides by element, and names a missing element", () => {
    assert.equal(MIRACLE_RADII.Cu, 1.26);
    assert.equal(MIRACLE_RADII.Zr, 1.58);
    for (const [e, r] of Object.entries({ Fe: 1.25, P: 1.02, Ni: 1.26, Nb: 1.43, Al: 1.41, Sm: 1.85 }))
      assert.equal(radiusOf(e), r);
    const frame = makeFrame([0, 0, 0, 3, 0, 0], [1, 2], ["Cu", "Zr"]);
    assert.deepEqual(Array.from(atomRadii(frame)), [1.26, 1.58]);
    assert.deepEqual(Array.from(atomRadii(frame, { Zr: 1.6 })), [1.26, 1.6]);
    assert.throws(() => atomRadii(makeFrame([0, 0, 0], [1], ["Xx"])), /no atomic radius for element "Xx".*--radii Xx=/);
    assert.equal(atomRadii(makeFrame([0, 0, 0], [1], ["Xx"]), { Xx: 2 })[0], 2);
    assert.throws(() => atomRadii(makeFrame([0, 0, 0], [1], null)), /no type map/);
    assert.throws(() => atomRadii(frame, { Cu: -1 }), /radius of Cu must be a positive number/);
    assert.throws(
      () => new StructureContext(frame, { atomRadii: new Float64Array(3) }),
      /atomRadii has 3 entries, the frame has 2 atoms/,
    );
  });

  it("refuses bad options with the option's name", () => {
    const frame = makeFrame([0, 0, 0], [1], ["Cu"]);
    assert.throws(() => new StructureContext(frame, { cutoff: -1 }), /cutoff must be a positive number/);
    assert.throws(() => new StructureContext(frame, { faceFilter: 1 }), /faceFilter must be a fraction in \[0, 1\)/);
    assert.throws(() => new StructureContext(frame, { threads: 0 }), /threads must be a positive integer/);
    assert.throws(() => new IntersticeFeaturizer({ distanceDenominator: "x" as "bond" }), /distanceDenominator/);
    assert.throws(() => computeFeatures(frame, []), /no feature set asked for/);
    assert.throws(
      () => computeFeatures(frame, ["interstice"], { params: { interstice: { clmap: true } as never } }),
      /unknown parameter "clmap"/,
    );
  });

  it("passes set parameters and registers new sets", () => {
    assert.equal(featureSet("interstice").name, "interstice");
    assert.throws(
      () =>
        registerFeatureSet({ name: "interstice", summary: "", inAll: false, create: () => new IntersticeFeaturizer() }),
      /already registered/,
    );
    assert.throws(
      () =>
        registerFeatureSet({ name: "Bad Name", summary: "", inAll: false, create: () => new IntersticeFeaturizer() }),
      /must be lower-case/,
    );
    assert.deepEqual(setParams({ params: { x: { a: 1 } } }, "x", ["a"]), { a: 1 });
    const f = featureSet("interstice").create({
      clamp: false,
      params: { interstice: { distanceDenominator: "radiusSum" } },
    }) as IntersticeFeaturizer;
    assert.equal(f.clamp, false);
    assert.equal(f.distanceDenominator, "radiusSum");
    assert.deepEqual(f.featureLabels(), INTERSTICE_LABELS);
  });
});
