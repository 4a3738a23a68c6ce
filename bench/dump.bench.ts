/**
 * Speed of the LAMMPS dump reader and writer on a 345,600-atom frame (the size of the paper's samples).
 * Prints absolute times and ratios against a naive reader measured in the same run (readFileSync + split +
 * Number on every field), so the ratios stay meaningful on a loaded machine.
 * Run: npx tsx bench/dump.bench.ts
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readDump, readDumpSync } from "../src/io/dump-reader";
import { formatDumpFrame, writeDump } from "../src/io/dump-writer";
import { latticeFrame } from "../src/io/lattice";

function naiveRead(file: string): number {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const n = Number(lines[3]);
  const ncol = lines[8].trim().split(/\s+/).length - 2;
  const cols = Array.from({ length: ncol }, () => new Float64Array(n));
  for (let r = 0; r < n; r++) {
    const f = lines[9 + r].trim().split(/\s+/);
    for (let k = 0; k < ncol; k++) cols[k][r] = Number(f[k]);
  }
  return cols[0][n - 1];
}

async function time(label: string, reps: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let k = 0; k < reps; k++) {
    const t = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(0).padStart(6)} ms`);
  return best;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-dump-bench-"));
  try {
    const f = latticeFrame("fcc", 4.05, [60, 60, 24]);
    // Jitter so coordinates carry 16-17 significant digits, as in a relaxed glass written with %.17g.
    for (let k = 0; k < f.positions.length; k++) f.positions[k] += 0.1 * Math.sin(k * 12.9898);
    f.positions.set(f.cell.wrap(f.positions).positions);
    const pe = Float64Array.from({ length: f.natoms }, (_, i) => -3.5 + Math.cos(i));
    console.log(`frame: ${f.natoms} atoms, columns id type x y z c_pe`);

    const full = path.join(dir, "full.dump");
    const tWrite = await time("writeDump (17 significant digits)", 2, () =>
      writeDump(full, f, { columns: { c_pe: pe } }),
    );
    // LAMMPS' default dump format (%g, 6 significant digits)
    const short = path.join(dir, "short.dump");
    const g = { ...f, positions: f.positions.map((x) => Number(x.toPrecision(6))) };
    fs.writeFileSync(short, formatDumpFrame(g, { columns: { c_pe: pe.map((x) => Number(x.toPrecision(6))) } }));
    const gz = path.join(dir, "full.dump.gz");
    writeDump(gz, f, { columns: { c_pe: pe } });
    console.log(
      `file sizes: ${(fs.statSync(full).size / 2 ** 20).toFixed(1)} MiB (17 digits), ${(fs.statSync(short).size / 2 ** 20).toFixed(1)} MiB (6 digits), ${(fs.statSync(gz).size / 2 ** 20).toFixed(1)} MiB gzip`,
    );

    for (const [name, file] of [
      ["17 digits", full],
      ["6 digits (LAMMPS %g)", short],
    ] as const) {
      const naive = await time(`naive split+Number reference, ${name}`, 3, () => naiveRead(file));
      const a = await time(`readDump (streaming), ${name}`, 3, () => readDump(file));
      const s = await time(`readDumpSync, ${name}`, 3, () => readDumpSync(file));
      console.log(`  ratio to naive: readDump ${(a / naive).toFixed(2)}, readDumpSync ${(s / naive).toFixed(2)}`);
    }
    await time("readDump gzip, 17 digits", 3, () => readDump(gz));
    await time("readDump + sort by id, 17 digits", 3, () => readDump(full, { sort: true }));
    console.log(`writeDump: ${((tWrite / f.natoms) * 1e6).toFixed(0)} ns per atom (absolute; no reference writer)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
