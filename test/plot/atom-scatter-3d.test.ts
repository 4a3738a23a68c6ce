import * as assert from "node:assert/strict";
import { Cell } from "../../src/structure/cell";
import { atomScatter3d } from "../../src/plot/atom-scatter-3d";
import type { Scatter3dTrace } from "../../src/plot/figure";
import { assertPlainJson } from "./plain-json";

const atoms = {
  positions: Float64Array.of(0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3),
  types: Int32Array.of(1, 2, 1, 1),
  elements: ["Cu", "Zr"],
  columns: new Map([["c_d2min", Float64Array.of(0.5, 4, 1, NaN)]]),
  cell: Cell.orthogonal(4, 5, 6, [-1, 0, 0]),
};

describe("plot/atom-scatter-3d", () => {
  it("colours by a per-atom column with a colour bar and draws the cell's 12 edges", () => {
    const fig = atomScatter3d(atoms, { color: "c_d2min", colorTitle: "D<sup>2</sup><sub>min</sub> (Å<sup>2</sup>)" });
    assertPlainJson(fig);
    const [pts, cell] = fig.data as Scatter3dTrace[];
    assert.equal(pts.type, "scatter3d");
    assert.deepEqual(pts.x, [0, 1, 0, 0]);
    assert.deepEqual(pts.y, [0, 0, 2, 0]);
    assert.deepEqual(pts.z, [0, 0, 0, 3]);
    assert.deepEqual(pts.marker?.color, [0.5, 4, 1, null]);
    assert.equal(pts.marker?.cmin, 0.5);
    assert.equal(pts.marker?.cmax, 4);
    assert.equal(pts.marker?.colorbar?.title?.text, "D<sup>2</sup><sub>min</sub> (Å<sup>2</sup>)");
    assert.equal(cell.mode, "lines");
    assert.equal(cell.x.length, 36, "12 segments of 2 points and a gap");
    const xs = cell.x.filter((v): v is number => v !== null);
    assert.deepEqual([Math.min(...xs), Math.max(...xs)], [-1, 3]);
    const zs = cell.z.filter((v): v is number => v !== null);
    assert.deepEqual([Math.min(...zs), Math.max(...zs)], [0, 6]);
    assert.equal(fig.layout.scene?.aspectmode, "data");
    assert.equal(fig.layout.scene?.xaxis?.title?.text, "x (Å)");
  });

  it("draws the same cell from a plain { matrix, origin } outline (plot takes no Cell), triclinic included", () => {
    const edges = (fig: ReturnType<typeof atomScatter3d>) =>
      (fig.data as Scatter3dTrace[]).find((t) => t.name === "cell") as Scatter3dTrace;
    const withCell = edges(atomScatter3d(atoms, {}));
    const plain = { matrix: [4, 0, 0, 0, 5, 0, 0, 0, 6], origin: [-1, 0, 0] };
    const withOutline = edges(atomScatter3d({ ...atoms, cell: plain }, {}));
    assert.deepEqual([withOutline.x, withOutline.y, withOutline.z], [withCell.x, withCell.y, withCell.z]);
    // Tilted b = (2, 5, 0): the corner a + b + c sits at origin + (4 + 2, 5, 6) = (5, 5, 6).
    const tilted = edges(
      atomScatter3d({ ...atoms, cell: { matrix: [4, 0, 0, 2, 5, 0, 0, 0, 6], origin: [-1, 0, 0] } }, {}),
    );
    const xs = tilted.x.filter((v): v is number => v !== null);
    assert.deepEqual([Math.min(...xs), Math.max(...xs)], [-1, 5]);
  });

  it("makes one legend entry per element with marker sizes from the radii", () => {
    const fig = atomScatter3d(atoms, { radii: { Cu: 1.25, Zr: 1.5 }, pixelsPerAngstrom: 2, showCell: false });
    assertPlainJson(fig);
    const [cu, zr] = fig.data as Scatter3dTrace[];
    assert.equal(fig.data.length, 2);
    assert.equal(cu.name, "Cu");
    assert.deepEqual(cu.x, [0, 0, 0]);
    assert.deepEqual(cu.marker?.size, [5, 5, 5]);
    assert.equal(zr.name, "Zr");
    assert.deepEqual(zr.marker?.size, [6]);
    assert.notEqual(cu.marker?.color, zr.marker?.color);
    assert.equal(fig.layout.showlegend, true);
  });

  it("accepts per-atom numbers or labels, and colours by type without a type map", () => {
    const byLabel = atomScatter3d({ positions: atoms.positions }, { color: ["soft", "hard", "soft", "hard"] });
    assert.deepEqual(
      byLabel.data.map((t) => t.name),
      ["hard", "soft"],
    );
    const byType = atomScatter3d({ positions: atoms.positions, types: atoms.types });
    assert.deepEqual(
      byType.data.map((t) => t.name),
      ["type 1", "type 2"],
    );
    const byNumber = atomScatter3d({ positions: atoms.positions }, { color: [1, 2, 3, 4], colorRange: [0, 10] });
    assert.equal((byNumber.data[0] as Scatter3dTrace).marker?.cmax, 10);
  });

  it("names the problem with bad input", () => {
    assert.throws(() => atomScatter3d({ positions: [0, 0] }), /not a multiple of 3/);
    assert.throws(
      () => atomScatter3d(atoms, { color: "softness" }),
      /no per-atom column "softness" to colour by \(columns: c_d2min/,
    );
    assert.throws(() => atomScatter3d(atoms, { color: [1, 2] }), /atom colours has 2 values but positions \/ 3 has 4/);
    assert.throws(() => atomScatter3d(atoms, { radii: { Cu: 1.2 } }), /no radius for element Zr/);
    assert.throws(
      () => atomScatter3d({ positions: atoms.positions, types: Int32Array.of(1, 3, 1, 1), elements: ["Cu", "Zr"] }),
      /atom 1 has type 3, outside the type map/,
    );
  });
});
