import { strict as assert } from "node:assert";
import { join } from "node:path";
import { computeFeatures } from "../../src/features/compute-features";
import { StructureContext } from "../../src/features/context";
import { MIN_PARALLEL_INTERSTICE_ATOMS, parallelInterstices } from "../../src/features/interstice-parallel";
import { computeInterstices, type IntersticeInput } from "../../src/features/interstice-rows";
import { readDumpSync } from "../../src/io/dump-reader";
import { Random } from "../../src/ml/random";
import { Cell } from "../../src/structure/cell";
import type { Frame } from "../../src/structure/frame";

const glass = (name: string) =>
  readDumpSync(join(__dirname, "..", "fixtures", "voronoi", name), { types: ["Cu", "Zr"], sort: true });

function assertBitwise(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  assert.equal(b.length, a.length, `${what}: size`);
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) assert.fail(`${what}: entry ${k}: ${a[k]} vs ${b[k]}`);
}

/** The glass repeated 2 x 2 x 2 with every atom moved by up to 0.05 A (no two copies alike), periodic. */
function jitteredSupercell(g: Frame): Frame {
  const m = g.cell.matrix;
  const n0 = g.natoms;
  const n = 8 * n0;
  const rng = new Random(7);
  const positions = new Float64Array(3 * n);
  const types = new Int32Array(n);
  let k = 0;
  for (let a = 0; a < 2; a++)
    for (let b = 0; b < 2; b++)
      for (let c = 0; c < 2; c++)
        for (let i = 0; i < n0; i++, k++) {
          for (let d = 0; d < 3; d++)
            positions[3 * k + d] =
              g.positions[3 * i + d] + a * m[d] + b * m[3 + d] + c * m[6 + d] + 0.05 * (2 * rng.nextFloat() - 1);
          types[k] = g.types[i];
        }
  const cell = new Cell(
    Array.from(m, (x) => 2 * x),
    Array.from(g.cell.origin),
    [true, true, true],
  );
  return {
    ...g,
    natoms: n,
    ids: Int32Array.from({ length: n }, (_, i) => i + 1),
    types,
    positions: cell.wrap(positions).positions,
    unwrapped: null,
    images: null,
    cell,
    columns: new Map(),
  };
}

describe("features/interstice-parallel", () => {
  it("rows and flags on 3 threads are bitwise the one-thread kernel's (tilted box)", function () {
    this.timeout(120_000);
    const ctx = new StructureContext(glass("glass-triclinic.dump.gz"));
    const input: IntersticeInput = {
      voro: ctx.voronoiNeighbors(),
      cut: ctx.cutoffNeighbors(4),
      radii: ctx.radii(),
      voronoiFlags: ctx.voronoiFlags(),
      clamp: true,
      denominator: "bond",
      hullTolerance: undefined,
    };
    const one = computeInterstices(input.voro, input.cut, input.radii, input.voronoiFlags);
    const three = parallelInterstices(input, 3);
    assert.deepEqual(three.labels, one.labels);
    assertBitwise(one.values, three.values, "values");
    assertBitwise(one.flags as Uint8Array, three.flags as Uint8Array, "flags");
    assert.ok(one.values.some((x) => x > 0));
  });

  it("interstice + mro with threads 2 give the matrix and flags of threads 1 above the parallel size", function () {
    this.timeout(300_000);
    const frame = jitteredSupercell(glass("glass.dump.gz"));
    assert.ok(frame.natoms >= MIN_PARALLEL_INTERSTICE_ATOMS);
    const a = computeFeatures(frame, ["interstice", "mro"], { threads: 1 }).matrix;
    const b = computeFeatures(frame, ["interstice", "mro"], { threads: 2 }).matrix;
    assert.deepEqual(b.labels, a.labels);
    assertBitwise(a.values, b.values, "threads 2");
    assertBitwise(a.flags as Uint8Array, b.flags as Uint8Array, "flags");
  });
});
