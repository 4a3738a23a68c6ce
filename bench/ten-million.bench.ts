/**
 * The paper's 80 features (interstice + mro) of a 10-million-atom glass by spatial domains with halos
 * (features/domain-featurize.ts), on this machine: wall time, peak resident memory (the process's high-water
 * mark, getrusage maxRSS) and the domain layout chosen from the memory budget. The glass is the 1,372-atom
 * fixture replicated 20 x 20 x 19 = 10,427,200 atoms (bench/reference-glass.ts). The rows are checked against
 * the whole-frame features of a smaller glass in test/features/domain-featurize.test.ts (bitwise equal); here a
 * check on the big frame: the replicated glass has 7,600 copies of each fixture environment, so every row must
 * equal, to rounding (the copies' coordinates differ by lattice translations), the row of the same atom of the
 * fixture replicated 3 x 3 x 3 and featurized whole.
 *
 * Run: npx tsx bench/ten-million.bench.ts [--reps 20,20,19] [--domains auto|N] [--budget-gb 8] [--out f.csv]
 */
import * as os from "node:os";
import { computeFeatures } from "../src/features/compute-features";
import { computeFeaturesByDomains } from "../src/features/domain-featurize";
import { option, replicatedGlass } from "./reference-glass";

const reps = option("reps", "20,20,19").split(",").map(Number);
const domainsArg = option("domains", "auto");
const budget = Number(option("budget-gb", "8")) * 2 ** 30;
const sets = ["interstice", "mro"];

const small = replicatedGlass([3, 3, 3]);
const reference = computeFeatures(small, sets).matrix;
const n0 = small.natoms / 27;

const frame = replicatedGlass(reps);
const gb = (b: number) => (b / 2 ** 30).toFixed(2);
console.log(
  `${frame.natoms} atoms (fixture x ${reps.join(" x ")}), ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, frame built: RSS ${gb(process.memoryUsage().rss)} GiB`,
);
const t0 = performance.now();
let last = t0;
// Rows are checked as each domain is done and not kept (keepMatrix: false): the memory measured is the
// compute's; an N x 80 output matrix would add 8 bytes per value (6.2 GiB here).
let mismatched = 0;
let rows = 0;
let f = 0;
const result = computeFeaturesByDomains(frame, sets, {
  domains: domainsArg === "auto" ? "auto" : Number(domainsArg),
  memoryBudget: budget,
  keepMatrix: false,
  onRows: (atoms, values, labels) => {
    f = labels.length;
    rows += atoms.length;
    // Atom k of the replicated frame is copy floor(k / n0) of fixture atom k mod n0; the first n0 rows of the
    // 3 x 3 x 3 reference are the same fixture atoms.
    atoms.forEach((k, r) => {
      const i = k % n0;
      for (let c = 0; c < f; c++) {
        const a = values[r * f + c];
        const b = reference.values[i * f + c];
        if (!(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) || (Number.isNaN(a) && Number.isNaN(b)))) {
          mismatched++;
          break;
        }
      }
    });
  },
  onDomain: (done, total) => {
    const now = performance.now();
    if (now - last > 30_000 || done === total) {
      last = now;
      console.log(
        `  domain ${done}/${total}  ${((now - t0) / 1000).toFixed(0)} s  RSS ${gb(process.memoryUsage().rss)} GiB  peak ${gb(process.resourceUsage().maxRSS * 1024)} GiB`,
      );
    }
  },
});
const wall = (performance.now() - t0) / 1000;
console.log(
  `${rows} rows x ${f} columns in ${wall.toFixed(1)} s; blocks ${result.report.blocks.join(" x ")}, halo ${result.report.halo.rows.toFixed(2)} / ${result.report.halo.atoms.toFixed(2)} A, listed ${result.report.listedFraction.toFixed(3)} x the atoms, ${result.report.redone} domains redone`,
);
console.log(
  `peak RSS ${gb(process.resourceUsage().maxRSS * 1024)} GiB (budget ${gb(budget)} GiB); rows differing from the fixture's by more than 1e-9: ${mismatched}`,
);
