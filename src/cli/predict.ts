import * as fs from "node:fs";
import * as path from "node:path";
import { checkOutputPath } from "../files/atomic-write";
import { readDump } from "../io/dump-reader";
import { checkNumberDensity } from "../neighbors/neighbor-budget";
import { sortById } from "../structure/frame";
import { writeDump } from "../io/dump-writer";
import { AveragingClassifier } from "../ml/averaging-classifier";
import { readClassifier } from "../ml/model-io";
import { QuenchInSoftness, DEFAULT_MODEL, MODEL_ALIASES } from "../softness/quench-in-softness";
import { softnessGroups } from "../analysis/softness-statistics";
import { makeTable } from "../table/csv";
import { writeTable } from "../table/table-file";
import { intOption, parseArgs, parseKeyValues, parseList } from "./args";
import { UsageError, type Command } from "./command";
import { explainCsvColumns, explainDumpColumns } from "./explain-columns";
import { predictFeaturesCsv } from "./predict-features";
import { ProgressRenderer } from "./progress";

const usage = `usage: qsoft predict DUMP --types Cu,Zr --out qs.csv|qs.parquet|qs.dump[.gz] [--frame N] [--model NAME|FILE]
                     [--set interstice,mro] [--radii Cu=1.26,Zr=1.58] [--explain K] [--threads N] [--quiet]
       qsoft predict --features features.csv|.parquet --model NAME|model.json --out qs.csv|qs.parquet [--drop-nan] [--explain K]

Quench-in softness (QS = the model's P(plastic), Wang & Jain) of every atom of an undeformed glass.
From a LAMMPS dump: computes the model's features (Voronoi + interstice SRO/MRO by default) and predicts;
writes id,type,qs sorted by id (.csv), or the frame with a qs column that OVITO can colour by (.dump or
.dump.gz; atoms with degenerate geometry get qs = -1 there and NaN in the CSV).
From a features CSV (qsoft featurize): writes id,qs.

  --types A,B       element of LAMMPS types 1, 2, ... (needed for the atomic radii)
  --model M         a shipped model name (default ${DEFAULT_MODEL}, the general Cu-Zr model; "paper" is the
                    paper's ${MODEL_ALIASES.paper}; see models/), a model card (.card.json), or a model file
                    written by qsoft train (then --set names its feature sets). A glass outside the model's
                    training domain (other elements, or > 5 % of atoms with features outside the training
                    range) gets a warning on stderr
  --set LIST        feature sets of a plain model file (default interstice,mro)
  --frame N         0-based frame index, negative from the end (default 0)
  --radii E=R,...   radius overrides in Angstrom, e.g. for elements without a tabulated radius
  --threads N       threads of the Voronoi tessellation (default 1; the result is the same for any number)
  --quiet           no progress on stderr (default: a bar on a terminal, a line every few seconds in a log)
  --drop-nan        with --features: leave out atoms with NaN features (default: an error naming them)
  --explain K       why each atom is soft: the K features with the largest |contribution| to its log-odds
                    (exact TreeSHAP; for the shipped 5-fold ensemble, the mean of the folds' log-odds), as
                    columns explain_1_name, explain_1_contribution, explain_1_feature_value (the atom's value
                    of that feature), ... (CSV) or explain_1_feature (index into the model's features,
                    printed), explain_1_contribution, explain_1_feature_value, ... (dump)`;

/** A model file path, as opposed to the name of a shipped model. */
function isModelFile(spec: string): boolean {
  return spec.includes("/") || spec.endsWith(".json");
}

function resolveModel(
  spec: string | undefined,
  sets: string[] | undefined,
  radii: Record<string, number> | undefined,
): QuenchInSoftness {
  const name = spec ?? DEFAULT_MODEL;
  let qs: QuenchInSoftness;
  if (!isModelFile(name)) {
    qs = QuenchInSoftness.shipped(name);
  } else if (name.endsWith(".card.json")) {
    qs = QuenchInSoftness.fromCard(name);
  } else {
    if (!fs.existsSync(name)) throw new Error(`model file ${name} not found`);
    qs = new QuenchInSoftness({ model: readClassifier(name), sets: sets ?? ["interstice", "mro"] });
  }
  if (sets && qs.card)
    throw new UsageError("--set applies to plain model files; a model card names its own feature sets");
  return radii
    ? new QuenchInSoftness({
        model: qs.model,
        sets: qs.sets,
        featureOptions: { ...qs.featureOptions, radii },
        card: qs.card ?? undefined,
      })
    : qs;
}

/** `qsoft predict`: the main job, quench-in softness of a glass. */
export const predictCommand: Command = {
  name: "predict",
  summary: "quench-in softness of every atom of a dump (shipped model or your own), as CSV or dump",
  usage,
  async run(argv: string[]): Promise<number> {
    const args = parseArgs(
      argv,
      ["out", "types", "model", "set", "frame", "radii", "features", "explain", "threads"],
      ["drop-nan", "quiet"],
    );
    const out = args.options.get("out");
    if (!out) throw new UsageError("--out is required");
    const explain = intOption(args, "explain", 0);
    if (args.options.has("explain") && explain < 1)
      throw new UsageError(`--explain must be a positive number of features, got ${explain}`);
    const threads = intOption(args, "threads", 1);
    if (threads < 1) throw new UsageError(`--threads must be a positive integer, got ${threads}`);
    checkOutputPath(out);
    const featuresCsv = args.options.get("features");
    if (featuresCsv !== undefined) {
      if (args.positional.length > 0) throw new UsageError("give either a DUMP or --features, not both");
      const model = args.options.get("model");
      if (!model)
        throw new UsageError("--features needs --model NAME|FILE (a shipped model or one written by qsoft train)");
      const resolved =
        isModelFile(model) && !model.endsWith(".card.json")
          ? model
          : { model: resolveModel(model, undefined, undefined).model, name: model };
      const n = await predictFeaturesCsv(resolved, featuresCsv, out, { dropNan: args.flags.has("drop-nan"), explain });
      console.log(`qsoft predict: ${n} atoms -> ${out}`);
      return 0;
    }
    if (args.positional.length !== 1) throw new UsageError("expected one DUMP file");
    const types = parseList(args.options.get("types"));
    if (!types) throw new UsageError("--types is required (element of each LAMMPS type, e.g. --types Cu,Zr)");
    let radii: Record<string, number> | undefined;
    try {
      radii = parseKeyValues(args.options.get("radii"));
    } catch (e) {
      throw new UsageError(`--radii: ${(e as Error).message}`);
    }
    const started = Date.now();
    const softness = resolveModel(args.options.get("model"), parseList(args.options.get("set")), radii);
    const frame = sortById(await readDump(args.positional[0], { types, frame: intOption(args, "frame", 0) }));
    checkNumberDensity(frame.natoms, frame.cell.volume, args.positional[0], frame.cell.periodic);
    const progress = new ProgressRenderer({ label: "predict", quiet: args.flags.has("quiet") });
    const r = softness.compute(frame, { explain: explain > 0, threads, onProgress: progress.onProgress });
    progress.finish();
    const lower = out.toLowerCase();
    let legend = "";
    if (
      lower.endsWith(".dump") ||
      lower.endsWith(".dump.gz") ||
      lower.endsWith(".lammpstrj") ||
      lower.endsWith(".lammpstrj.gz")
    ) {
      const ex = r.explanation ? explainDumpColumns(r.explanation, explain, r.features.matrix) : null;
      legend = ex ? `  explain_j_feature: ${ex.legend}` : "";
      writeDump(out, frame, { columns: { qs: r.qs.map((x) => (Number.isFinite(x) ? x : -1)), ...ex?.columns } });
    } else {
      const ex = r.explanation ? explainCsvColumns(r.explanation, explain, r.features.matrix) : [];
      writeTable(out, makeTable([["id", r.ids], ["type", r.types], ["qs", r.qs], ...ex]));
    }
    const finite = Array.from(r.qs).filter(Number.isFinite);
    const g = softnessGroups(finite);
    const flagged = r.flags.reduce((a, b) => a + b, 0);
    const card = softness.card;
    if (r.domain?.message) console.error(`qsoft predict: warning: ${r.domain.message}; QS there is an extrapolation`);
    const trainedOn = card?.glassCv
      ? `trained on ${card.trainedOn.length} glasses; leave-one-glass-out AUC ${card.glassCv.mean.toFixed(3)}`
      : card
        ? `trained on ${card.trainedOn.join(", ")}; test AUC ${card.scores.testAuc.toFixed(3)}`
        : "";
    console.log(
      [
        `qsoft predict: ${frame.natoms} atoms of ${path.basename(args.positional[0])} (${types.join("-")}), model ${card ? card.name : args.options.get("model")}` +
          (card ? ` (${trainedOn})` : ""),
        `  QS mean ${g.mean.toFixed(3)}, std ${g.std.toFixed(3)}; hardest (QS < 0.1) ${(100 * g.hardFraction).toFixed(1)} %, softest (QS > 0.7) ${(100 * g.softFraction).toFixed(1)} %`,
        flagged > 0 ? `  ${flagged} atoms with degenerate geometry have no QS (NaN in CSV, -1 in dumps)` : "",
        card?.host ? `  note: the model was fitted on ${card.host} atoms only` : "",
        r.explanation
          ? `  explained log-odds${softness.model instanceof AveragingClassifier ? ` (the mean of the ${softness.model.members.length} member models' log-odds; QS averages their probabilities)` : ""}: expected value ${r.explanation.expectedValue.toFixed(3)} plus the atom's contributions`
          : "",
        legend,
        `  wrote ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      ]
        .filter((l) => l !== "")
        .join("\n"),
    );
    return 0;
  },
};
