import { strict as assert } from "node:assert";
import { join } from "node:path";
import { computeFeatures } from "../../src/features/compute-features";
import { autoDomainCount, computeFeaturesByDomains, domainBlocks } from "../../src/features/domain-featurize";
import { readDumpSync } from "../../src/io/dump-reader";
import { Cell } from "../../src/structure/cell";
import type { Frame } from "../../src/structure/frame";

const fixtures = join(__dirname, "..", "fixtures", "voronoi");
const glass = (name: string): Frame => readDumpSync(join(fixtures, name), { types: ["Cu", "Zr"] });

/** Asserts every value (NaN included, by Object.is) and flag of `b` equals `a`'s, naming the first difference. */
function assertBitwiseEqual(
  a: { labels: string[]; values: Float64Array; flags?: Uint8Array },
  b: typeof a,
  what: string,
): void {
  assert.deepEqual(b.labels, a.labels, `${what}: labels`);
  assert.equal(b.values.length, a.values.length, `${what}: size`);
  const f = a.labels.length;
  for (let k = 0; k < a.values.length; k++) {
    if (!Object.is(a.values[k], b.values[k]))
      assert.fail(`${what}: row ${Math.floor(k / f)} ${a.labels[k % f]}: whole ${a.values[k]}, domains ${b.values[k]}`);
  }
  assert.deepEqual(b.flags, a.flags, `${what}: flags`);
}

describe("features/domain-featurize", () => {
  it("the paper's 80 features by 3 x 3 x 2 domains of a periodic glass are bitwise the whole frame's", function () {
    this.timeout(120_000);
    // Blocks of about 9 x 9 x 14 A against halos of 6.3 A (rows) and 12.7 A (atoms): every halo wraps around.
    const frame = glass("glass.dump.gz");
    const whole = computeFeatures(frame, ["interstice", "mro"]).matrix;
    const dom = computeFeaturesByDomains(frame, ["interstice", "mro"], { domains: [3, 3, 2] });
    assert.deepEqual(dom.report.blocks, [3, 3, 2]);
    const block = Math.min(frame.cell.widths[0] / 3, frame.cell.widths[1] / 3);
    assert.ok(dom.report.halo.atoms > block, `halo ${dom.report.halo.atoms} A is wider than a block (${block} A)`);
    assertBitwiseEqual(whole, dom.matrix, "orthogonal");
    assert.deepEqual(dom.ids, frame.ids);
  });

  it("a tilted box and two-shell sets (MRO of BOOP, coarse-grained BOOP, averaged i-fold, symmetry functions)", function () {
    this.timeout(300_000);
    const frame = glass("glass-triclinic.dump.gz");
    assert.ok(!frame.cell.isOrthogonal);
    const sets = ["interstice", "mro", "mro_boop", "mro_ifold", "volume_metrics", "symmetry_functions"];
    const whole = computeFeatures(frame, sets).matrix;
    const dom = computeFeaturesByDomains(frame, sets, { domains: 4 });
    assert.equal(dom.report.blocks[0] * dom.report.blocks[1] * dom.report.blocks[2], 4);
    assertBitwiseEqual(whole, dom.matrix, "triclinic");
  });

  it("a box open along z (Voronoi walls, no images along z)", function () {
    this.timeout(120_000);
    const g = glass("glass.dump.gz");
    const frame: Frame = {
      ...g,
      cell: new Cell(Array.from(g.cell.matrix), Array.from(g.cell.origin), [true, true, false]),
    };
    const sets = ["interstice", "mro", "cn"];
    const whole = computeFeatures(frame, sets).matrix;
    const dom = computeFeaturesByDomains(frame, sets, { domains: [2, 1, 3] });
    assertBitwiseEqual(whole, dom.matrix, "open z");
    assert.ok(
      whole.flags?.some((x) => x !== 0),
      "some surface atoms are flagged (wall cells)",
    );
  });

  it("refuses a set that reads the whole frame (csro divides by the frame's composition), before any work", () => {
    assert.throws(
      () => computeFeaturesByDomains(glass("glass.dump.gz"), ["interstice", "csro"], { domains: 2 }),
      /feature set "csro" cannot be computed by domains/,
    );
    assert.throws(() => computeFeaturesByDomains(glass("glass.dump.gz"), ["cn"], { domains: 0 }), /domains must be/);
  });

  it("chooses blocks with the least halo and the fewest domains that fit the budget", () => {
    assert.deepEqual(domainBlocks([10, 10, 10], 8), [2, 2, 2]);
    assert.deepEqual(domainBlocks([40, 10, 10], 4), [4, 1, 1]);
    assert.deepEqual([...domainBlocks([10, 10, 10], 7)].sort(), [1, 1, 7]);
    assert.equal(autoDomainCount(1000, 80, 2 ** 30), 1);
    const n = 10_000_000;
    const k = autoDomainCount(n, 80, 12 * 2 ** 30);
    assert.ok(k > 1 && k < 100, `${k} domains`);
    // Fewer domains need more memory: one fewer than chosen must not fit the same budget by the same estimate.
    assert.ok(autoDomainCount(n, 80, 16 * 2 ** 30) <= k);
    assert.throws(() => autoDomainCount(n, 80, 2 ** 30), /over the memory budget/);
    // Without the N x 80 output held, the frame fits a budget that the output alone exceeds, and each domain's
    // own 80 columns still count toward its work.
    assert.throws(() => autoDomainCount(n, 80, 4 * 2 ** 30), /over the memory budget/);
    const streamed = autoDomainCount(n, 80, 4 * 2 ** 30, 1, false);
    assert.ok(streamed > autoDomainCount(n, 0, 4 * 2 ** 30, 1, false), `${streamed} domains`);
  });
});
