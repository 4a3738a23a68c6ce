import { checkOutputPath } from "../files/atomic-write";
import { readDump } from "../io/dump-reader";
import { checkNeighborBudget, checkNumberDensity } from "../neighbors/neighbor-budget";
import { D2MIN_CUTOFF, D2min, type D2minNormalization, resolveD2minOptions } from "../labels/d2min";
import { PLASTIC_THRESHOLD, plasticFraction, resolvePlasticThreshold } from "../labels/plastic";
import { makeTable } from "../table/csv";
import { writeTable } from "../table/table-file";
import { asUsage, UsageError, type Command } from "./command";
import { intOption, numberOption, parseArgs, parseList } from "./args";
import { ProgressRenderer } from "./progress";

const usage = `usage: qsoft d2min REF_DUMP DEFORMED_DUMP --out FILE.csv|FILE.parquet [--types Cu,Zr] [--cutoff ${D2MIN_CUTOFF}]
                   [--frame N] [--normalize none|neighbors] [--threshold ${PLASTIC_THRESHOLD}] [--threads N] [--quiet]

Non-affine squared displacement D2min (Falk & Langer 1998) and von Mises local shear strain (Shimizu, Ogata &
Li 2007) of every atom of DEFORMED_DUMP relative to REF_DUMP (LAMMPS text dumps, plain or .gz; atoms matched by
id). Neighbors are the atoms within the cutoff in the reference frame. Unwrapped positions (xu yu zu, or x y z
with ix iy iz) make periodic images exact; without them the deformed bonds use the minimum image (warning).

  --out FILE         table written (Parquet for .parquet, else CSV): id,type,n_neighbors,d2min,shear_strain, sorted by id
  --cutoff R         neighbor cutoff in the reference frame, Angstrom (default ${D2MIN_CUTOFF})
  --normalize MODE   none: the plain sum over neighbors, Angstrom^2 (default; the paper's D2min)
                     neighbors: the sum divided by the neighbor count
  --frame N          frame of DEFORMED_DUMP, 0-based, negative from the end (default 0); REF_DUMP: first frame
  --types A,B        element names of types 1, 2, ...: checks the types and splits the printed summary
  --threshold T      D2min threshold of the printed plastic fraction (default ${PLASTIC_THRESHOLD}, the paper's 5.0 A^2)
  --threads N        threads (default 1; the result is the same for any number)
  --quiet            no progress on stderr (default: a bar on a terminal, a line every few seconds in a log)`;

/** `qsoft d2min`: D2min and shear strain labels between two dumps, as CSV. */
export const d2minCommand: Command = {
  name: "d2min",
  summary: "D2min (Falk & Langer) and von Mises shear strain between a reference and a deformed dump, as CSV",
  usage,
  async run(argv: string[]): Promise<number> {
    const args = parseArgs(argv, ["out", "types", "cutoff", "frame", "normalize", "threshold", "threads"], ["quiet"]);
    if (args.positional.length !== 2)
      throw new UsageError(`expected REF_DUMP and DEFORMED_DUMP, got ${args.positional.length} file(s)`);
    const [refFile, defFile] = args.positional;
    const out = args.options.get("out");
    if (out === undefined) throw new UsageError("--out FILE.csv is required");
    checkOutputPath(out);
    const types = parseList(args.options.get("types"));
    const frame = intOption(args, "frame", 0);
    // The command line only turns strings into values; the resolvers check them, in the option names.
    const options = asUsage(() =>
      resolveD2minOptions(
        {
          cutoff: numberOption(args, "cutoff", D2MIN_CUTOFF),
          normalize: args.options.get("normalize") as D2minNormalization | undefined,
          threads: intOption(args, "threads", 1),
        },
        { cutoff: "--cutoff", normalize: "--normalize", threads: "--threads" },
      ),
    );
    const { cutoff, normalize } = options;
    const threshold = asUsage(() =>
      resolvePlasticThreshold(numberOption(args, "threshold", PLASTIC_THRESHOLD), "--threshold"),
    );

    const reference = await readDump(refFile, { types, sort: true });
    checkNumberDensity(reference.natoms, reference.cell.volume, refFile, reference.cell.periodic);
    // Before the deformed dump is read: a cutoff whose neighbors cannot fit is refused on the reference alone.
    checkNeighborBudget(reference.natoms, reference.cell.volume, cutoff, refFile);
    const deformed = await readDump(defFile, { types, frame });
    const progress = new ProgressRenderer({ label: "d2min", quiet: args.flags.has("quiet") });
    const d = new D2min(options).compute(reference, deformed, undefined, { onProgress: progress.onProgress });
    progress.finish();
    for (const w of d.warnings) console.warn(w);
    writeTable(
      out,
      makeTable([
        ["id", d.ids],
        ["type", reference.types],
        ["n_neighbors", d.neighborCounts],
        ["d2min", d.d2min],
        ["shear_strain", d.shearStrain],
      ]),
    );

    const unit = normalize === "none" ? "A^2" : "A^2 per neighbor";
    const lines = [
      `${out}: ${reference.natoms} atoms, cutoff ${cutoff} A, D2min normalize=${normalize}, ${d.displacements} displacements`,
      `plastic fraction (D2min > ${threshold} ${unit}): ${plasticFraction(d.d2min, threshold).toFixed(4)}`,
    ];
    if (reference.elements) {
      reference.elements.forEach((el, k) => {
        const sel: number[] = [];
        for (let i = 0; i < reference.natoms; i++) if (reference.types[i] === k + 1) sel.push(d.d2min[i]);
        if (sel.length > 0) lines.push(`  ${el}: ${plasticFraction(sel, threshold).toFixed(4)} of ${sel.length} atoms`);
      });
    }
    const flagged = d.flaggedCount;
    if (flagged > 0)
      lines.push(`warning: ${flagged} atom(s) with fewer than 3 or coplanar neighbors (pseudo-inverse fit)`);
    console.log(lines.join("\n"));
    return 0;
  },
};
