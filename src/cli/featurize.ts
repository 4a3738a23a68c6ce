import { computeResolvedFeatures, type FeaturizeOptions, resolveFeaturize } from "../features/compute-features";
import { DEFAULT_CUTOFF, DEFAULT_FACE_FILTER } from "../features/context";
import { FeatureRowsWriter } from "../features/feature-rows-writer";
import { featureSets } from "../features/feature-sets";
import { writeFeaturesByDomains } from "../features/domain-feature-writer";
import { checkOutputPath } from "../files/atomic-write";
import { readDump } from "../io/dump-reader";
import { checkNeighborBudget, checkNumberDensity } from "../neighbors/neighbor-budget";
import { intOption, numberOption, parseArgs, parseKeyValues, parseList } from "./args";
import { asUsage, UsageError, type Command } from "./command";
import { ProgressRenderer } from "./progress";

function usage(): string {
  const sets = featureSets()
    .map(
      (e) => `                     ${e.name.padEnd(Math.max(...featureSets().map((f) => f.name.length)))} ${e.summary}`,
    )
    .join("\n");
  return `usage: qsoft featurize DUMP --types Cu,Zr --out FILE.csv|FILE.parquet [--set interstice,mro|all] [--frame N]
                       [--radii Cu=1.26,Zr=1.58] [--cutoff 4] [--face-filter 0.05] [--radical]
                       [--no-clamp] [--mro-neighbors voronoi|cutoff] [--threads N] [--domains auto|N] [--positions]
                       [--quiet]

Per-atom structural features of one frame of a LAMMPS dump (plain or .gz), one CSV row per atom sorted by id:
id,type (id,x,y,z,type with --positions), then the feature columns (numbers that read back to the same
doubles; NaN where a feature is undefined, see docs/features.md). All sets share one Voronoi tessellation and one cutoff neighbor list.

  --types A,B          element of LAMMPS types 1, 2, ... (needed for the atomic radii)
  --out FILE           table to write: Parquet when FILE ends in .parquet, else CSV
  --set LIST           feature sets, comma-separated, or "all" (default interstice,mro):
${sets}
  --frame N            0-based frame index, negative from the end (default 0)
  --radii E=R,...      radius overrides in Angstrom (default: Miracle et al. radii, see docs/features.md)
  --cutoff R           cutoff of the distance-based neighbors, Angstrom (default ${DEFAULT_CUTOFF})
  --face-filter F      drop Voronoi faces smaller than F x the cell's mean face area (default ${DEFAULT_FACE_FILTER})
  --radical            radical (Laguerre) tessellation weighted by the radii instead of plain Voronoi
  --no-clamp           keep negative area/volume interstices (default: clamped to 0, as the authors do)
  --mro-neighbors M    force the neighbors of every MRO statistic: voronoi or cutoff (default: each set's own,
                       i.e. cutoff for the *_cut columns and Voronoi for the others, as the authors' code does)
  --threads N          threads of the Voronoi tessellation, the interstice and symmetry-function sets and the
                       CSV formatting (default 1; the output is the same for any number)
  --domains auto|N     featurize by N spatial domains with halos, one at a time (rows identical to the whole
                       frame's and in the same order): for frames of millions of atoms. Each domain's rows go to
                       a scratch file beside FILE (8 bytes per value, removed at the end) and then to FILE in
                       order, so memory is one domain's work, not the N x F table. "auto" picks the fewest
                       domains whose estimated peak fits half the machine's memory (1 when the frame fits
                       whole). --threads serves the interstice and symmetry-function sets and the CSV there;
                       the tessellation and the other sets run on one thread. Not for csro and mro_csro (they
                       read the composition)
  --positions          also write each atom's position as columns x, y, z right after id: Angstrom, wrapped
                       into the periodic box (as the frame holds them; not the dump's unwrapped xu, yu, zu).
                       Not features: qsoft train cuts its --cv blocks from them, qsoft predict ignores them
  --quiet              no progress on stderr (default: a bar on a terminal, a line every few seconds in a log)`;
}

/** `qsoft featurize`: feature sets of one dump frame as CSV. */
export const featurizeCommand: Command = {
  name: "featurize",
  summary: "per-atom interstice SRO/MRO (and other) features of a dump frame, as CSV",
  get usage(): string {
    return usage();
  },
  async run(argv: string[]): Promise<number> {
    const args = parseArgs(
      argv,
      ["out", "types", "set", "frame", "radii", "cutoff", "face-filter", "mro-neighbors", "threads", "domains"],
      ["no-clamp", "radical", "quiet", "positions"],
    );
    if (args.positional.length !== 1) throw new UsageError(`expected one DUMP file, got ${args.positional.length}`);
    const out = args.options.get("out");
    if (out === undefined) throw new UsageError("--out FILE.csv is required");
    checkOutputPath(out);
    const types = parseList(args.options.get("types"));
    if (types === undefined)
      throw new UsageError("--types is required (element of each LAMMPS type, e.g. --types Cu,Zr)");
    const sets = parseList(args.options.get("set") ?? "interstice,mro") ?? [];
    const known = new Set(featureSets().map((e) => e.name));
    for (const s of sets)
      if (s !== "all" && !known.has(s))
        throw new UsageError(`unknown feature set "${s}" (known: ${[...known].join(", ")}, all)`);
    let radii: Record<string, number> | undefined;
    try {
      radii = parseKeyValues(args.options.get("radii"));
    } catch (e) {
      throw new UsageError(`--radii: ${(e as Error).message}`);
    }
    // The command line only turns strings into values; the featurize resolver checks them all, in these names.
    const options: FeaturizeOptions = {
      radii,
      cutoff: numberOption(args, "cutoff", DEFAULT_CUTOFF),
      faceFilter: numberOption(args, "face-filter", DEFAULT_FACE_FILTER),
      threads: intOption(args, "threads", 1),
      radical: args.flags.has("radical"),
      clamp: !args.flags.has("no-clamp"),
      mroNeighbors: args.options.get("mro-neighbors") as FeaturizeOptions["mroNeighbors"],
    };
    const resolved = asUsage(() =>
      resolveFeaturize(sets, options, {
        cutoff: "--cutoff",
        faceFilter: "--face-filter",
        threads: "--threads",
        radii: "--radii",
        mroNeighbors: "--mro-neighbors",
      }),
    );

    const started = Date.now();
    const frame = await readDump(args.positional[0], { types, frame: intOption(args, "frame", 0), sort: true });
    checkNumberDensity(frame.natoms, frame.cell.volume, args.positional[0], frame.cell.periodic);
    checkNeighborBudget(frame.natoms, frame.cell.volume, resolved.options.cutoff, args.positional[0]);
    const progress = new ProgressRenderer({ label: "featurize", quiet: args.flags.has("quiet") });
    const domains = args.options.get("domains");
    const positions = args.flags.has("positions");
    let n: number;
    let labels: readonly string[];
    let nanRows = 0;
    let flagged = 0;
    if (domains === undefined) {
      const res = computeResolvedFeatures(frame, resolved, progress.onProgress);
      progress.finish();
      const writer = new FeatureRowsWriter(out, frame, res.matrix.labels, {
        positions,
        threads: resolved.options.threads,
      });
      try {
        writer.write(0, res.matrix.values);
        writer.close();
      } catch (e) {
        writer.abort();
        throw e;
      }
      ({ n, labels } = res.matrix);
      const { values, flags } = res.matrix;
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < labels.length; k++) {
          if (Number.isNaN(values[i * labels.length + k])) {
            nanRows++;
            break;
          }
        }
      }
      if (flags) for (let i = 0; i < n; i++) if (flags[i] !== 0) flagged++;
    } else {
      // Each domain's rows go to a scratch file as it is done, then to the table in frame order: the N x F
      // matrix is never held. Options are checked before the first domain: errors until then are usage errors.
      let working = false;
      const run = () =>
        writeFeaturesByDomains(
          frame,
          sets,
          out,
          {
            ...options,
            domains: domains === "auto" ? "auto" : Number(domains),
            positions,
            onDomain: (done, total) => {
              working = true;
              progress.onProgress?.(done, total, "domains");
            },
            onWritten: (done, total) => progress.onProgress?.(done, total, "write"),
          },
          { domains: "--domains", cutoff: "--cutoff", faceFilter: "--face-filter", radii: "--radii" },
        );
      let res: ReturnType<typeof run>;
      try {
        res = run();
      } catch (e) {
        throw working || e instanceof UsageError ? e : new UsageError((e as Error).message);
      }
      progress.finish();
      ({ rows: n, labels, nanRows, flagged } = res);
    }
    const lines = [
      `${out}: ${n} atoms x ${labels.length} features (${resolved.featurizers.map((f) => f.name).join(", ")}), timestep ${frame.timestep}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ];
    if (flagged > 0)
      lines.push(`note: ${flagged} atom(s) have degenerate neighbor geometry (flags; see docs/features.md)`);
    if (nanRows > 0)
      lines.push(
        `warning: ${nanRows} atom(s) have NaN features (undefined statistics, see docs/features.md); drop or impute them before training`,
      );
    console.log(lines[0]);
    for (const l of lines.slice(1)) console.error(l);
    return 0;
  },
};
