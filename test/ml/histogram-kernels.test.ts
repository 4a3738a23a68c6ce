import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { binCounts, buildHistogram, buildRootHistogram, newHistogram, scanHistogram } from "../../src/ml/histogram";
import { histogramKernels, KernelMemory, MAX_KERNEL_MEMORY_BYTES } from "../../src/ml/histogram-kernels";
import { Random } from "../../src/ml/random";
import { assemble, moduleText, WASM_SOURCES } from "../../scripts/build-wasm";

/** Indices where two arrays differ bitwise (Object.is: also tells -0 from 0), at most five. */
function differences(a: Float64Array, b: Float64Array): number[] {
  const out: number[] = [];
  for (let p = 0; p < a.length && out.length < 5; p++) if (!Object.is(a[p], b[p])) out.push(p);
  return out;
}

describe("ml/histogram-kernels (the WebAssembly twins of histogram.ts)", () => {
  const n = 203;
  const d = 21; // two passes of eight features and five left over
  const rng = new Random(17);
  // Few bins on some features (many samples share a bin), 256 on others; feature 4 is constant.
  const nBinsOf = Int32Array.from({ length: d }, (_, f) => (f === 4 ? 1 : f % 3 === 0 ? 5 : 256));
  const arena = 4 * newHistogram(d).length;
  const mem = new KernelMemory(
    KernelMemory.sizeOf([n * d, 8 * d * 256, 4 * n, 8 * n, 8 * n, 8 * arena, 4 * d, 64, 4 * n]),
  );
  const codes = mem.take(Uint8Array, n * d, 1);
  for (let f = 0; f < d; f++) for (let i = 0; i < n; i++) codes[f * n + i] = rng.nextInt(nBinsOf[f]);
  const counts = mem.take(Float64Array, d * 256, 8);
  counts.set(binCounts(codes, n, d));
  const order = mem.take(Int32Array, n, 4);
  const g = mem.take(Float64Array, n, 8);
  const gOrd = mem.take(Float64Array, n, 8);
  const hists = mem.take(Float64Array, arena, 8);
  const [h1, h2, h3] = [0, 1, 2].map((k) =>
    hists.subarray(k * newHistogram(d).length, (k + 1) * newHistogram(d).length),
  );
  const nBins = mem.take(Int32Array, d, 4);
  nBins.set(nBinsOf);
  const out = mem.take(Float64Array, 4, 8);
  for (let i = 0; i < n; i++) g[i] = rng.normal() * 0.7 + (i % 5 === 0 ? 0.25 : -0.1);
  const k = histogramKernels(mem.memory);

  it("is what histogram-kernels.wat assembles to (npm run build:wasm)", async function () {
    this.timeout(20000);
    for (const s of WASM_SOURCES) {
      const text = moduleText(s.name, path.basename(s.wat), await assemble(s.wat));
      assert.equal(fs.readFileSync(s.out, "utf8"), text, `${path.basename(s.out)} is stale: run npm run build:wasm`);
    }
  });

  it("root: bitwise buildRootHistogram for any feature range, the rest of the histogram untouched", () => {
    for (const [f0, f1] of [
      [0, d],
      [3, 19],
      [8, 16],
      [20, 21],
    ]) {
      const want = newHistogram(d).fill(7);
      buildRootHistogram(want, codes, n, d, g, counts, f0, f1);
      h1.fill(7);
      k.root(h1.byteOffset, codes.byteOffset, n, g.byteOffset, counts.byteOffset, f0, f1);
      assert.deepEqual(differences(h1, want), [], `features [${f0}, ${f1})`);
    }
  });

  it("node: bitwise buildHistogram over a subset of rows in increasing order, any feature range", () => {
    let m = 0;
    for (let i = 0; i < n; i++) if (rng.nextFloat() < 0.4) order[m++] = i;
    const start = 5;
    const end = m - 3;
    for (let q = start; q < end; q++) gOrd[q - start] = g[order[q]];
    for (const [f0, f1] of [
      [0, d],
      [5, 18],
      [16, 21],
    ]) {
      const want = newHistogram(d).fill(-3);
      buildHistogram(want, codes, n, d, order, start, end, gOrd, null, f0, f1);
      h1.fill(-3);
      k.node(h1.byteOffset, codes.byteOffset, n, order.byteOffset, start, end, gOrd.byteOffset, f0, f1);
      assert.deepEqual(differences(h1, want), [], `features [${f0}, ${f1})`);
    }
  });

  it("subtract: out = a - b in place, element by element", () => {
    for (let p = 0; p < h2.length; p++) {
      h2[p] = rng.normal();
      h3[p] = rng.normal();
    }
    const want = Float64Array.from(h2, (v, p) => v - h3[p]);
    k.subtract(h2.byteOffset + 8 * 10, h2.byteOffset + 8 * 10, h3.byteOffset + 8 * 10, 500);
    for (let p = 0; p < h2.length; p++) if (p < 10 || p >= 510) want[p] = h2[p];
    assert.deepEqual(differences(h2, want), []);
  });

  it("scan: the split scanHistogram finds feature after feature (first strictly best), for any minLeaf", () => {
    // A node of every row; feature 11 repeats feature 2, so every split on 11 ties with one on 2 and 2 must win.
    for (let i = 0; i < n; i++) codes[11 * n + i] = codes[2 * n + i];
    nBins[11] = nBins[2];
    k.root(h1.byteOffset, codes.byteOffset, n, g.byteOffset, counts.byteOffset, 0, d);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += g[i];
    for (const [f0, f1, minLeaf] of [
      [0, d, 1],
      [0, d, 20],
      [2, 12, 20],
      [4, 5, 1],
      [0, d, 150],
    ]) {
      const best = Float64Array.of(-Infinity, -1);
      let feature = -1;
      for (let f = f0; f < f1; f++) {
        const before = best[0];
        scanHistogram(h1, f, nBins[f], n, sum, minLeaf, best);
        if (best[0] > before) feature = f;
      }
      k.scan(h1.byteOffset, f0, f1, nBins.byteOffset, n, sum, minLeaf, out.byteOffset);
      assert.deepEqual(
        Array.from(out.subarray(0, 3)),
        [best[0], best[1], feature],
        `[${f0}, ${f1}) minLeaf ${minLeaf}`,
      );
    }
    // The constant feature alone and a minLeaf no split can meet: none.
    k.scan(h1.byteOffset, 4, 5, nBins.byteOffset, n, sum, 1, out.byteOffset);
    assert.deepEqual(Array.from(out.subarray(0, 3)), [-Infinity, -1, -1]);
    k.scan(h1.byteOffset, 0, d, nBins.byteOffset, n, sum, 150, out.byteOffset);
    assert.deepEqual(Array.from(out.subarray(0, 3)), [-Infinity, -1, -1]);
  });

  it("partition: rows with code <= bin first, both sides in their previous order, the rest of order untouched", () => {
    for (let i = 0; i < n; i++) order[i] = (37 * i) % n;
    const before = Int32Array.from(order);
    const f = 6;
    const [start, end, bin] = [11, 170, 2];
    const rows = Array.from(before.subarray(start, end));
    const code = (i: number) => codes[f * n + i];
    const want = [...rows.filter((i) => code(i) <= bin), ...rows.filter((i) => code(i) > bin)];
    const scratch = mem.take(Int32Array, n, 4);
    const mid = k.partition(order.byteOffset, scratch.byteOffset, start, end, codes.byteOffset + f * n, bin);
    assert.equal(mid, start + rows.filter((i) => code(i) <= bin).length);
    assert.deepEqual(Array.from(order.subarray(start, end)), want);
    assert.deepEqual(Array.from(order.subarray(0, start)), Array.from(before.subarray(0, start)));
    assert.deepEqual(Array.from(order.subarray(end)), Array.from(before.subarray(end)));
  });

  it("KernelMemory hands out aligned, disjoint views and refuses what does not fit", () => {
    const m = new KernelMemory(100);
    const a = m.take(Uint8Array, 3, 1);
    const b = m.take(Float64Array, 2, 8);
    assert.equal(b.byteOffset % 16, 0);
    assert.ok(b.byteOffset >= a.byteOffset + 3);
    assert.throws(() => new KernelMemory(MAX_KERNEL_MEMORY_BYTES + 1), /exceed/);
    const small = new KernelMemory(16);
    assert.throws(() => small.take(Float64Array, 65536, 8), /out of its memory/);
  });
});
