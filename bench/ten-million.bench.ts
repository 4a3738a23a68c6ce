/**
 * The paper's 80 features (interstice + mro) of a 10-million-atom glass end to end on this machine, as
 * `qsoft featurize GLASS --domains auto --out f.parquet` does it: the glass is written as a LAMMPS dump through
 * the streaming dump writer, read back, featurized by spatial domains with halos (features/domain-featurize.ts)
 * and written as Parquet without holding the N x 80 matrix (features/domain-feature-writer.ts). Printed: wall
 * time of each stage, peak resident memory (the process's high-water mark, getrusage maxRSS) against the issue's
 * bound of 12 GB, and the domain layout chosen from the memory budget.
 *
 * The glass is the 1,372-atom fixture replicated about --atoms / 1372 times (default 10^7: 20 x 20 x 19 =
 * 10,427,200 atoms; bench/reference-glass.ts). The rows are checked against the whole-frame features of a
 * smaller glass in test/features/domain-featurize.test.ts (bitwise equal); here a check on the big frame: the
 * replicated glass has thousands of copies of each fixture environment, so every row must equal, to rounding (the
 * copies' coordinates differ by lattice translations and went through the dump's text), the row of the same
 * atom of the fixture replicated 3 x 3 x 3 and featurized whole.
 *
 * Run: npx tsx bench/ten-million.bench.ts [--atoms 10000000 | --reps 20,20,19] [--domains auto|N]
 *      [--budget-gb 8] [--out f.parquet|f.csv] [--dir DIR]
 * (a smoke run: --atoms 1000000, about a minute; the dump and the output go to a temporary folder under DIR,
 * default the system's, removed at the end unless --out names the output.)
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { computeFeatures } from "../src/features/compute-features";
import { writeFeaturesByDomains } from "../src/features/domain-feature-writer";
import { readDump } from "../src/io/dump-reader";
import { writeDump } from "../src/io/dump-writer";
import { option, replicatedGlass } from "./reference-glass";

const FIXTURE_ATOMS = 1372;
const BOUND_GB = 12;

/** Copies along a, b, c, near-cubic, at least atoms / 1372 in all. */
function repsFor(atoms: number): number[] {
  const copies = Math.max(1, Math.ceil(atoms / FIXTURE_ATOMS));
  const a = Math.max(1, Math.round(Math.cbrt(copies)));
  const b = Math.max(1, Math.round(Math.sqrt(copies / a)));
  return [a, b, Math.ceil(copies / (a * b))];
}

const reps = process.argv.includes("--reps")
  ? option("reps", "20,20,19").split(",").map(Number)
  : repsFor(Number(option("atoms", "10000000")));
const domainsArg = option("domains", "auto");
const budget = Number(option("budget-gb", "8")) * 2 ** 30;
const sets = ["interstice", "mro"];
const work = fs.mkdtempSync(path.join(option("dir", os.tmpdir()), "qsoft-ten-million-"));
const dump = path.join(work, "glass.dump");
const out = option("out", path.join(work, "features.parquet"));

const gb = (b: number) => (b / 1e9).toFixed(2);
const peak = () => process.resourceUsage().maxRSS * 1024;
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

const small = replicatedGlass([3, 3, 3]);
const reference = computeFeatures(small, sets).matrix;
const n0 = small.natoms / 27;

const t0 = performance.now();
// Built in a function so the frame can be collected before the dump is read back.
const written = ((): number => {
  const frame = replicatedGlass(reps);
  writeDump(dump, frame);
  return frame.natoms;
})();
console.log(
  `${written} atoms (fixture x ${reps.join(" x ")}), ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}; built and written as a dump (${(fs.statSync(dump).size / 1e6).toFixed(0)} MB) in ${seconds(t0)} s, peak RSS ${gb(peak())} GB`,
);

async function main(): Promise<void> {
  const t1 = performance.now();
  const frame = await readDump(dump, { types: ["Cu", "Zr"], sort: true });
  const readSeconds = seconds(t1);
  console.log(`read back in ${readSeconds} s, RSS ${gb(process.memoryUsage().rss)} GB, peak ${gb(peak())} GB`);

  const t2 = performance.now();
  let last = t2;
  let mismatched = 0;
  let worst = 0;
  const result = writeFeaturesByDomains(frame, sets, out, {
    domains: domainsArg === "auto" ? "auto" : Number(domainsArg),
    memoryBudget: budget,
    onRows: (atoms, values, labels) => {
      const f = labels.length;
      // Atom k of the replicated frame (ids in order) is copy floor(k / n0) of fixture atom k mod n0; the first
      // n0 rows of the 3 x 3 x 3 reference are the same fixture atoms.
      atoms.forEach((k, r) => {
        const i = k % n0;
        let bad = false;
        for (let c = 0; c < f; c++) {
          const a = values[r * f + c];
          const b = reference.values[i * f + c];
          if (Number.isNaN(a) && Number.isNaN(b)) continue;
          const d = Math.abs(a - b) / Math.max(1, Math.abs(b));
          if (!(d <= 1e-9)) bad = true;
          if (d > worst) worst = d;
        }
        if (bad) mismatched++;
      });
    },
    onDomain: (done, total) => {
      const now = performance.now();
      if (now - last > 30_000 || done === total) {
        last = now;
        console.log(
          `  domain ${done}/${total}  ${((now - t2) / 1000).toFixed(0)} s  RSS ${gb(process.memoryUsage().rss)} GB  peak ${gb(peak())} GB`,
        );
      }
    },
  });
  const featurizeSeconds = seconds(t2);
  const total = seconds(t0);
  const size = fs.statSync(out).size;
  console.log(
    `${result.rows} rows x ${result.labels.length} columns featurized and written to ${path.basename(out)} (${(size / 1e6).toFixed(0)} MB) in ${featurizeSeconds} s; blocks ${result.report.blocks.join(" x ")}, halo ${result.report.halo.rows.toFixed(2)} / ${result.report.halo.atoms.toFixed(2)} A, listed ${result.report.listedFraction.toFixed(3)} x the atoms, ${result.report.redone} domains redone`,
  );
  console.log(
    `wall ${total} s in all (dump ${((t1 - t0) / 1000).toFixed(1)} s, read ${readSeconds} s, features + table ${featurizeSeconds} s); peak RSS ${gb(peak())} GB against the bound of ${BOUND_GB} GB: ${peak() < BOUND_GB * 1e9 ? "within" : "OVER"} (domain budget ${gb(budget)} GB)`,
  );
  console.log(
    `rows differing from the fixture's by more than 1e-9 (relative): ${mismatched}; largest relative difference ${worst.toExponential(1)}`,
  );
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(work, { recursive: true, force: true }));
