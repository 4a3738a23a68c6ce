import * as assert from "node:assert/strict";
import type { Mesh3dTrace, Scatter3dTrace } from "../../src/plot/figure";
import { BOND_SCALE, colorOnScale, neighborShell3d, type NeighborShell } from "../../src/plot/neighbor-shell-3d";

/** A tetrahedral shell: four neighbors at the corners of a tetrahedron around O, hull = its four faces. */
const shell: NeighborShell = {
  vectors: [1, 1, 1, 1, -1, -1, -1, 1, -1, -1, -1, 1],
  radii: [1.28, 1.28, 1.6, 1.28],
  elements: ["Cu", "Cu", "Zr", "Cu"],
  center: { radius: 1.6, element: "Zr" },
  triangles: [0, 1, 2, 0, 3, 1, 0, 2, 3, 1, 3, 2],
};

describe("plot/neighbor-shell-3d: one atom's neighbor shell (notebook 01)", () => {
  it("colorOnScale interpolates linearly in RGB between stops and clamps", () => {
    assert.equal(colorOnScale(BOND_SCALE, 0), "rgb(33,102,172)");
    assert.equal(colorOnScale(BOND_SCALE, 0.5), "rgb(140,140,140)");
    assert.equal(colorOnScale(BOND_SCALE, 1), "rgb(178,24,43)");
    // Halfway between #2166AC (33,102,172) and #8C8C8C (140,140,140): (86.5, 121, 156) rounded.
    assert.equal(colorOnScale(BOND_SCALE, 0.25), "rgb(87,121,156)");
    assert.equal(colorOnScale(BOND_SCALE, -3), "rgb(33,102,172)");
    assert.throws(
      () =>
        colorOnScale(
          [
            [0, "red"],
            [1, "#000000"],
          ],
          0.5,
        ),
      /expected colours like/,
    );
  });

  it("bonds: one line per neighbor coloured by its value on a scale symmetric about 0, the 6 hull edges once", () => {
    const fig = neighborShell3d(shell, { bondValues: [-0.2, 0, 0.04, 0.2], valueTitle: "distance interstice" });
    const traces = fig.data as Scatter3dTrace[];
    const edges = traces.find((t) => t.name === "hull edges");
    assert.equal(edges?.x.filter((x) => x === null).length, 6, "a tetrahedron has 6 edges");
    const bonds = traces.filter((t) => t.name?.startsWith("bond "));
    assert.deepEqual(
      bonds.map((b) => b.line?.color),
      ["rgb(33,102,172)", "rgb(140,140,140)", "rgb(148,117,121)", "rgb(178,24,43)"],
    );
    assert.deepEqual(bonds[2].x, [0, -1]);
    const bar = traces.find((t) => t.marker?.showscale);
    assert.deepEqual([bar?.marker?.cmin, bar?.marker?.cmax], [-0.2, 0.2]);
    const atoms = traces.filter((t) => t.mode === "markers" && !t.marker?.showscale);
    assert.deepEqual(
      atoms.map((t) => [t.name, t.x.length]),
      [
        ["Cu", 3],
        ["Zr", 1],
        ["O (Zr)", 1],
      ],
    );
    assert.deepEqual(atoms[1].marker?.size, [2 * 1.6 * 6], "diameter 2r x 6 px/Å");
    assert.equal(fig.layout.scene?.aspectmode, "data");
  });

  it("triangles: a mesh with one intensity per hull triangle and its range", () => {
    const fig = neighborShell3d(shell, { triangleValues: [0.1, 0.2, 0.3, 0.4], valueTitle: "area interstice" });
    const mesh = fig.data[0] as Mesh3dTrace;
    assert.equal(mesh.type, "mesh3d");
    assert.deepEqual(
      [mesh.i, mesh.j, mesh.k],
      [
        [0, 0, 0, 1],
        [1, 3, 2, 3],
        [2, 1, 3, 2],
      ],
    );
    assert.deepEqual([mesh.intensitymode, mesh.cmin, mesh.cmax], ["cell", 0.1, 0.4]);
    assert.throws(() => neighborShell3d(shell, { triangleValues: [1, 2] }), /triangleValues/);
    assert.throws(() => neighborShell3d({ ...shell, triangles: [0, 1, 9] }), /not a neighbor index/);
  });
});
