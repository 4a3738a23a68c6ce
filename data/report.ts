/**
 * Writes data/README.md (and the stress-strain figure next to it) from data/manifest.json, the sample files and
 * the plan data/lammps/conditions.json. Every number of the README comes from those files or from the named
 * constants below (the paper's protocol, the lead's timestep check, standard atomic weights).
 *
 *   npm run data:report [-- --data DIR] [--plan FILE] [--out FILE]
 *
 * --data DIR   the data folder (default data/); D2min labels are cached in DIR/cache/
 * --plan FILE  the generation plan (default data/lammps/conditions.json)
 * --out FILE   the README to write (default DIR/README.md); the figure goes next to it
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readLammpsLog, thermoColumn } from "../src/dataset/lammps-log";
import { checkpointSidecar, type CheckpointInfo } from "./lammps/checkpoint";
import { readPlan, type Condition, type Plan } from "./lammps/plan";
import type { TimestepRun } from "./lammps/timestep-check";
import {
  conditionOf,
  loadManifest,
  manifestPath,
  rateTag,
  type Manifest,
  type ManifestEntry,
} from "../src/dataset/manifest";
import { loadSample } from "../src/dataset/sample";
import { writeFileAtomic } from "../src/files/atomic-write";
import type { Frame } from "../src/structure/frame";
import { D2MIN_CUTOFF } from "../src/labels/d2min";
import { PLASTIC_STRAIN, PLASTIC_THRESHOLD, thresholdForFraction } from "../src/labels/plastic";
import type { Figure } from "../src/plot/figure";
import { CHROMIUM_INSTALL_HINT, chromiumAvailable } from "../src/plot/chromium";
import { linePlot, type LineSeries } from "../src/plot/line";
import { renderToFile } from "../src/plot/render-image";

const repo = path.resolve(__dirname, "..");

/** The paper's protocol (Wang & Jain, Methods, "Liquid Quenching and Deformation Simulation"). */
const PAPER = {
  atomsCuZr: 345600,
  atomsOther: 131072,
  quenchRates: [5e10, 5e11, 5e12],
  strainRates: [2.5e7, 1e8],
  timestepFs: 1,
  meltNs: 1,
  meltTemperatureK: 2000,
  relaxNs: 1,
  deformTemperatureK: 50,
  maxStrainCuZr: 0.1,
  labelStrain: 0.04,
  threshold: 5.0,
  plasticFractionRange: [0.035, 0.06],
};

/** Boltzmann constant, eV/K (CODATA 2018, exact). */
const BOLTZMANN_EV = 8.617333262e-5;

/** Standard atomic weights (g/mol), CIAAW/IUPAC 2021 abridged values, for densities. */
const ATOMIC_WEIGHT: Record<string, number> = {
  Cu: 63.546,
  Zr: 91.224,
  Ni: 58.693,
  Nb: 92.906,
  Al: 26.982,
  Sm: 150.36,
  Fe: 55.845,
  P: 30.974,
};
const AVOGADRO = 6.02214076e23;

/** Where the two potentials that Debian does not ship come from (see also the provenance notes of the plan). */
const NIST_FILES: Record<string, { implementation: string; repoPath: string }> = {
  "Ni-Nb_1.eam.fs": {
    implementation: "2016--Zhang-Y--Ni-Nb--LAMMPS--ipr1",
    repoPath: "data/potential_LAMMPS/2016--Zhang-Y--Ni-Nb--LAMMPS--ipr1/Ni-Nb_1.eam.fs",
  },
  "Al90Sm10_MendelevM_2014.eam.fs": {
    implementation: "2015--Mendelev-M-I--Al-Sm--LAMMPS--ipr1",
    repoPath: "data/potential_LAMMPS/2015--Mendelev-M-I--Al-Sm--LAMMPS--ipr1/Al90Sm10_MendelevM_2014.eam.fs",
  },
};
const NIST_REPO_COMMIT = "26749ea11893bec6b0d42d078e7629fffb538467";

/** Target plastic fraction of the threshold column (the paper's 3.5-6.0 % range, rounded). */
const TARGET_FRACTION = 0.05;

interface SampleRow {
  entry: ManifestEntry;
  density: number;
  atomicVolume: number;
  plasticFraction: number;
  threshold: number;
  flagged: number;
  quenchSeconds: number;
  quenchStepsTimed: number;
  /** LAMMPS loop time of every finished run in the sample's logs (all stages), s. */
  loopSeconds: number;
  quenchStepsExpected: number;
  /** Engineering strain and compressive stress -sigma_zz (GPa) from the deform log; thermo interval in steps. */
  curve: { strain: Float64Array; stress: Float64Array; thermoEvery: number };
  stressAtLabel: number;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const fmt = (x: number, digits: number): string => (Number.isFinite(x) ? x.toFixed(digits) : "n/a");
const int = (x: number): string => Math.round(x).toLocaleString("en-US");
const sci = (x: number): string => {
  const [m, e] = x.toExponential().split("e");
  const mant = Number(m);
  return `${Number.isInteger(mant) ? String(mant) : String(Number(mant.toFixed(2)))}e${Number(e)}`;
};
const pct = (x: number, digits = 1): string => `${fmt(100 * x, digits)} %`;

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (n - 1); NaN for fewer than 2 values. */
function sd(xs: number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) * (b - m), 0) / (xs.length - 1));
}

function meanSd(xs: number[], f: (x: number) => string): string {
  if (xs.length === 0) return "";
  return xs.length === 1 ? f(xs[0]) : `${f(mean(xs))} ± ${f(sd(xs))}`;
}

/** Mass density (g/cm^3) and volume per atom (A^3) of a frame with an element map. */
function densityOf(frame: Frame): { density: number; atomicVolume: number } {
  let grams = 0;
  for (let i = 0; i < frame.natoms; i++) {
    const el = (frame.elements as string[])[frame.types[i] - 1];
    const w = ATOMIC_WEIGHT[el];
    if (w === undefined)
      throw new Error(`no atomic weight for element ${el}: add it to ATOMIC_WEIGHT in data/report.ts`);
    grams += w / AVOGADRO;
  }
  const volume = frame.cell.volume;
  return { density: grams / (volume * 1e-24), atomicVolume: volume / frame.natoms };
}

async function analyse(entry: ManifestEntry, dataDir: string): Promise<SampleRow> {
  const s = await loadSample(entry, { dataDir });
  const labels = await s.labels(PLASTIC_STRAIN);
  const { density, atomicVolume } = densityOf(s.quenched);
  let quenchSeconds = 0;
  let quenchStepsTimed = 0;
  let loopSeconds = 0;
  let curve: SampleRow["curve"] | null = null;
  for (const rel of entry.files.logs) {
    const file = path.join(dataDir, rel);
    const base = path.basename(rel);
    for (const run of readLammpsLog(file)) {
      if (!run.loop) continue;
      loopSeconds += run.loop.seconds;
      if (base.startsWith("log.quench.")) {
        quenchSeconds += run.loop.seconds;
        quenchStepsTimed += run.loop.steps;
      }
    }
    if (base.startsWith("log.deform.")) {
      const runs = readLammpsLog(file);
      const run = runs[runs.length - 1];
      // v_szz_GPa = -pzz / 10^4 is sigma_zz (tension positive); the compressive stress -sigma_zz is positive here.
      const step = thermoColumn(run, "Step", file);
      curve = {
        strain: thermoColumn(run, "v_strain", file),
        stress: thermoColumn(run, "v_szz_GPa", file).map((x) => -x),
        thermoEvery: step.length > 1 ? step[1] - step[0] : NaN,
      };
    }
  }
  if (curve === null) throw new Error(`sample ${entry.id}: no deform log among ${entry.files.logs.join(", ")}`);
  let k = 0;
  for (let i = 0; i < curve.strain.length; i++)
    if (Math.abs(curve.strain[i] - PLASTIC_STRAIN) < Math.abs(curve.strain[k] - PLASTIC_STRAIN)) k = i;
  let flagged = 0;
  for (const f of labels.flags) if (f !== 0) flagged++;
  return {
    entry,
    density,
    atomicVolume,
    plasticFraction: labels.plasticFraction,
    threshold: thresholdForFraction(labels.d2min, TARGET_FRACTION),
    flagged,
    quenchSeconds,
    quenchStepsTimed,
    loopSeconds,
    quenchStepsExpected: Math.round(entry.protocol.quenchPs / entry.timestepPs),
    curve,
    stressAtLabel: curve.stress[k],
  };
}

/** Settings read from the LAMMPS inputs: restart interval (templates/common.in) and NPT damping times (templates/melt.in). */
function templateSettings(): { restartEvery: number; tdampPs: number; pdampPs: number } {
  const file = path.join(repo, "data", "lammps", "templates", "melt.in");
  const text = fs.readFileSync(file, "utf8");
  // The interval is the default of common.in's index variable (a plan's restartEvery overrides it on the command line).
  const common = fs.readFileSync(path.join(repo, "data", "lammps", "templates", "common.in"), "utf8");
  const restart = /^variable\s+restartEvery\s+index\s+(\d+)/m.exec(common) ?? /^restart\s+(\d+)/m.exec(text);
  const npt = /^fix\s+\S+\s+all\s+npt\s+temp\s+\S+\s+\S+\s+(\S+)\s+iso\s+\S+\s+\S+\s+(\S+)/m.exec(text);
  if (!restart || !npt) throw new Error(`${file}: could not find the restart interval and the npt fix`);
  return { restartEvery: Number(restart[1]), tdampPs: Number(npt[1]), pdampPs: Number(npt[2]) };
}

/**
 * The "Timestep check" text from data/lammps/timestep-check/results.json (written by
 * data/lammps/timestep-check.ts): NVE drift and fluctuation of the total energy at the plan's timestep and at the
 * paper's, in the liquid at the melt temperature and in the glass at the deformation temperature.
 */
function timestepSection(dtPs: number): string {
  const file = path.join(repo, "data", "lammps", "timestep-check", "results.json");
  if (!fs.existsSync(file)) return "Not measured yet: run `npx tsx data/lammps/timestep-check.ts`.";
  const res = JSON.parse(fs.readFileSync(file, "utf8")) as {
    lammps: string;
    nvePs: number;
    meltPs: number;
    runs: TimestepRun[];
  };
  const dtFs = 1000 * dtPs;
  const at = (fs_: number) => res.runs.filter((r) => Math.abs(r.timestepFs - fs_) < 1e-9);
  const worst = (list: TimestepRun[]) => list.reduce((a, b) => (b.driftMeVPerAtomPs > a.driftMeVPerAtomPs ? b : a));
  const ours = at(dtFs);
  const paper = at(PAPER.timestepFs);
  if (ours.length === 0 || paper.length === 0)
    return `results.json has no runs at ${fmt(dtFs, 0)} fs and ${PAPER.timestepFs} fs: run \`npx tsx data/lammps/timestep-check.ts\` again.`;
  const w = worst(ours);
  const wp = worst(paper);
  const rows = res.runs.map((r) => [
    r.composition,
    r.state + (r.source ? ` (${r.source})` : ""),
    `${r.temperatureK}`,
    fmt(r.meanTemperatureK, 0),
    fmt(r.timestepFs, 0),
    int(r.atoms),
    fmt(r.driftEv, 4),
    r.driftMeVPerAtomPs.toExponential(2),
    fmt(r.fluctuationEv, 4),
    fmt((1000 * r.fluctuationEv) / r.atoms, 4),
  ]);
  return `\`data/lammps/timestep-check.ts\` runs NVE for ${res.nvePs} ps with each potential, at the ${fmt(dtFs, 0)} fs timestep used here and at the paper's ${PAPER.timestepFs} fs, from the same state: the liquid at the melt temperature (a random solid solution melted by NPT for ${res.meltPs} ps; the hottest stage) and the committed quenched glass with new velocities at the deformation temperature. Drift = slope of a straight-line fit of the total energy times the run time; fluctuation = standard deviation about that line (LAMMPS ${res.lammps}; inputs \`templates/timestep-check.in\`, command lines and logs in \`timestep-check/\`).

${table(["system", "state", "T set (K)", "T mean (K)", "dt (fs)", "atoms", "drift (eV)", "|drift| (meV/atom/ps)", "fluctuation (eV)", "fluctuation (meV/atom)"], rows)}

The largest drift at ${fmt(dtFs, 0)} fs is ${w.driftMeVPerAtomPs.toExponential(2)} meV/atom/ps (${w.composition}, ${w.state}), i.e. ${fmt(w.driftMeVPerAtomPs * res.nvePs, 3)} meV per atom over ${res.nvePs} ps, against k_B T = ${fmt(1000 * BOLTZMANN_EV * w.temperatureK, 0)} meV at ${w.temperatureK} K; at ${PAPER.timestepFs} fs the largest is ${wp.driftMeVPerAtomPs.toExponential(2)} meV/atom/ps (${wp.composition}, ${wp.state}). Every stage of the protocol (melt, quench, relax, deform) runs under a Nosé-Hoover thermostat, which removes such a drift as it arises. We chose ${fmt(dtFs, 0)} fs, which halves the cost of every sample.`;
}

/** What the committed samples cost: LAMMPS loop times of all their logs, and the wall times of their runs. */
function costText(rows: SampleRow[]): string {
  if (rows.length === 0) return "No sample yet.";
  const loop = rows.reduce((a, r) => a + r.loopSeconds, 0);
  const quench = rows.reduce((a, r) => a + r.quenchSeconds, 0);
  const wall = rows.reduce((a, r) => a + r.entry.wallSeconds, 0);
  const partial = rows.filter((r) => r.quenchStepsTimed < r.quenchStepsExpected).length;
  return (
    `The LAMMPS loop times in the logs of the ${rows.length} samples add up to ${int(loop)} s = ${fmt(loop / 3600, 1)} core-hours ` +
    `(${pct(quench / loop, 0)} of it in the quench stage); the wall times of their last generation runs add up to ${int(wall)} s = ${fmt(wall / 3600, 1)} core-hours. ` +
    `The samples ran two at a time on a 2-core machine shared with other work, so a core was often contended and these times are upper bounds for an idle core` +
    (partial
      ? `; ${partial} sample${partial === 1 ? "" : "s"} resumed after an interruption, whose lost time is not counted.`
      : ".")
  );
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Stress-strain curves of every sample: colour by composition, dash by quench rate, one legend entry per condition. */
function stressStrainFigure(rows: SampleRow[], plan: Plan): Figure {
  const compositions = [...new Set(plan.conditions.map((c) => c.composition))];
  const rates = [...new Set(plan.conditions.map((c) => c.quenchRate))].sort((a, b) => a - b);
  const dashes: LineSeries["dash"][] = ["solid", "dash", "dot", "dashdot"];
  const palette = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000"];
  const series: LineSeries[] = rows.map((r) => ({
    name: `${r.entry.composition}, ${sci(r.entry.quenchRate)} K/s`,
    x: Array.from(r.curve.strain, (x) => 100 * x),
    y: r.curve.stress,
    color: palette[compositions.indexOf(r.entry.composition) % palette.length],
    dash: dashes[rates.indexOf(r.entry.quenchRate) % dashes.length],
    width: 1.5,
  }));
  const fig = linePlot({
    series,
    xTitle: "compressive strain −ε<sub>zz</sub> (%)",
    yTitle: "compressive stress −σ<sub>zz</sub> (GPa)",
    legend: true,
    width: 900,
    height: 560,
  });
  const seen = new Set<string>();
  fig.data.forEach((t, k) => {
    const group = conditionOf(rows[k].entry);
    t.legendgroup = group;
    t.showlegend = !seen.has(group);
    seen.add(group);
  });
  return fig;
}

/**
 * Writes the figure as a PNG (headless Chromium through src/plot); without Chromium, writes the Plotly JSON
 * spec instead and says so. Returns the file name.
 */
function writeFigure(fig: Figure, dir: string, base: string): string {
  if (chromiumAvailable()) {
    const file = path.join(dir, `${base}.png`);
    renderToFile(fig, file, { scale: 2 });
    fs.rmSync(path.join(dir, `${base}.plotly.json`), { force: true });
    return path.basename(file);
  }
  const file = path.join(dir, `${base}.plotly.json`);
  writeFileAtomic(file, JSON.stringify(fig) + "\n");
  process.stderr.write(
    `data:report: no Chromium (${CHROMIUM_INSTALL_HINT}): wrote the figure as a Plotly spec, ${file}\n`,
  );
  return path.basename(file);
}

function render(
  plan: Plan,
  manifest: Manifest,
  rows: SampleRow[],
  figureFile: string | null,
  dataDirLabel: string,
  dataDir: string,
): string {
  const dt = plan.timestepPs;
  const templ = templateSettings();
  const versions = [
    ...new Set(manifest.samples.map((s) => s.lmp?.version).filter((v): v is string => typeof v === "string")),
  ];
  const byCondition = new Map<string, SampleRow[]>();
  for (const r of rows) {
    const key = conditionOf(r.entry);
    byCondition.set(key, [...(byCondition.get(key) ?? []), r]);
  }
  const plannedSamples = plan.conditions.reduce((a, c) => a + c.seeds.length, 0);
  const have = new Set(manifest.samples.map((e) => e.id));
  const notYet = plan.conditions
    .flatMap((c) =>
      c.seeds.map((_, k) => `${c.composition}_${rateTag(c.quenchRate)}${c.variant ? `_${c.variant}` : ""}_s${k + 1}`),
    )
    .filter((id) => !have.has(id));
  // Unfinished samples whose latest state is committed (data/lammps/checkpoint.ts), e.g. "X (quench, step 60000)".
  const checkpoints = notYet.flatMap((id) => {
    const f = checkpointSidecar(dataDir, id);
    if (!fs.existsSync(f)) return [];
    const info = JSON.parse(fs.readFileSync(f, "utf8")) as CheckpointInfo;
    return [`${id} (${info.stage}${info.step === null ? " finished" : `, step ${info.step}`})`];
  });
  const atomsOf = (c: Condition) => (c.lattice === "bcc" ? 2 : 4) * c.cells[0] * c.cells[1] * c.cells[2];
  const atomCounts = [...new Set(plan.conditions.map(atomsOf))].sort((a, b) => a - b);
  const quenchPs = (rate: number) => ((plan.meltTemperatureK - plan.glassTemperatureK) / rate) * 1e12;
  const rates = [...new Set(plan.conditions.map((c) => c.quenchRate))].sort((a, b) => a - b);
  const deformSteps = Math.round(plan.maxStrain / (plan.strainRatePerS * 1e-12 * dt));
  const extendedIds = plan.conditions
    .filter((c) => c.extendedSample)
    .map((c) => `${c.composition}_${rateTag(c.quenchRate)}${c.variant ? `_${c.variant}` : ""}_s${c.extendedSample}`);

  const conditionRows = plan.conditions.map((c) => {
    const rs = byCondition.get(conditionOf(c)) ?? [];
    const partial = rs.some((r) => r.quenchStepsTimed < r.quenchStepsExpected);
    return [
      c.composition,
      sci(c.quenchRate),
      `${rs.length} / ${c.seeds.length}`,
      int(atomsOf(c)),
      meanSd(
        rs.map((r) => r.density),
        (x) => fmt(x, 3),
      ),
      meanSd(
        rs.map((r) => r.atomicVolume),
        (x) => fmt(x, 2),
      ),
      meanSd(
        rs.map((r) => r.plasticFraction),
        (x) => pct(x),
      ),
      meanSd(
        rs.map((r) => r.threshold),
        (x) => fmt(x, 2),
      ),
      meanSd(
        rs.map((r) => r.stressAtLabel),
        (x) => fmt(x, 2),
      ),
      rs.length ? `${int(mean(rs.map((r) => r.quenchSeconds)))}${partial ? " *" : ""}` : "",
      rs.length ? int(mean(rs.map((r) => r.entry.wallSeconds))) : "",
    ];
  });
  const sampleRows = rows.map((r) => [
    r.entry.id,
    String(r.entry.seed),
    int(r.entry.atoms),
    fmt(r.density, 4),
    fmt(r.atomicVolume, 3),
    pct(r.plasticFraction, 2),
    fmt(r.threshold, 3),
    String(r.flagged),
    fmt(r.stressAtLabel, 3),
    `${int(r.quenchSeconds)}${r.quenchStepsTimed < r.quenchStepsExpected ? " *" : ""}`,
    int(r.entry.wallSeconds),
  ]);

  const potentialRows = Object.entries(plan.potentials)
    .filter(([file]) => plan.conditions.some((c) => c.potential === file))
    .map(([file, p]) => {
      const used = plan.conditions.filter((c) => c.potential === file);
      const systems = [...new Set(used.map((c) => c.composition))].join(", ");
      const hash = manifest.samples.find((s) => s.potential?.file === file)?.potential.sha256;
      const nist = NIST_FILES[file];
      const where = nist
        ? `NIST IPR implementation \`${nist.implementation}\` (https://www.ctcms.nist.gov/potentials/; also \`${nist.repoPath}\` in github.com/usnistgov/potentials at commit ${NIST_REPO_COMMIT.slice(0, 8)}); not committed here`
        : `Debian package \`lammps-data\` (\`${p.dir}/${file}\`)`;
      return [`\`${file}\``, systems, p.source, where, hash ? `\`${hash}\`` : "(no sample yet)"];
    });

  const scaled = table(
    ["", "paper (Methods)", "here", "source of 'here'"],
    [
      [
        "atoms per sample",
        `${int(PAPER.atomsCuZr)} (Cu-Zr), ${int(PAPER.atomsOther)} (others)`,
        atomCounts.map(int).join(" or "),
        "`cells` and `lattice` in conditions.json",
      ],
      ["quench rates (K/s)", PAPER.quenchRates.map(sci).join(", "), rates.map(sci).join(", "), "`quenchRate`"],
      ["strain rate (1/s)", PAPER.strainRates.map(sci).join(" or "), sci(plan.strainRatePerS), "`strainRatePerS`"],
      ["timestep (fs)", String(PAPER.timestepFs), fmt(1000 * dt, 0), "`timestepPs`; see the energy check below"],
      [
        `melt at ${PAPER.meltTemperatureK} K`,
        `${PAPER.meltNs} ns`,
        `${fmt(plan.meltSteps * dt, 0)} ps at ${plan.meltTemperatureK} K`,
        "`meltSteps`",
      ],
      [
        `relax at ${PAPER.deformTemperatureK} K`,
        `${PAPER.relaxNs} ns`,
        `${fmt(plan.relaxSteps * dt, 0)} ps at ${plan.glassTemperatureK} K`,
        "`relaxSteps`",
      ],
      [
        "maximum strain",
        `${pct(PAPER.maxStrainCuZr, 0)} (Cu-Zr)`,
        `${pct(plan.maxStrain, 0)}${extendedIds.length ? `; ${pct(plan.extended.maxStrain, 0)} for ${extendedIds.join(", ")}` : ""}`,
        "`maxStrain`, `extended`",
      ],
      [
        "boundaries",
        "free surfaces along X for Cu-Zr (atoms 10-20 Å from them dropped); periodic for the others",
        `periodic in x, y, z; compression along ${plan.deformAxis}, x and y stress-free`,
        "templates/deform.in",
      ],
      [
        "plastic label",
        `D² > ${fmt(PAPER.threshold, 1)} Å² at ${pct(PAPER.labelStrain, 1)} strain (${PAPER.plasticFractionRange.map((x) => pct(x)).join(" to ")} of atoms plastic)`,
        `the same: D² > ${fmt(PLASTIC_THRESHOLD, 1)} Å² at ${pct(PLASTIC_STRAIN, 1)}, neighbors within ${fmt(D2MIN_CUTOFF, 1)} Å`,
        "src/labels/plastic.ts",
      ],
    ],
  );

  const protocol = table(
    ["stage", "LAMMPS input", "what", "duration"],
    [
      [
        "build",
        "templates/build.in",
        "the crystal: lattice, `set type/ratio` for the composition (one serial process, so the glass does not depend on the number of MPI ranks)",
        "0 steps",
      ],
      [
        "melt",
        "templates/melt.in",
        `random ${plan.conditions
          .map((c) => c.lattice)
          .filter((v, i, a) => a.indexOf(v) === i)
          .join("/")} solid solution (\`set type/ratio\`), NPT at ${plan.meltTemperatureK} K, zero pressure`,
        `${int(plan.meltSteps)} steps = ${fmt(plan.meltSteps * dt, 0)} ps`,
      ],
      [
        "quench",
        "templates/quench.in",
        `NPT, linear ramp ${plan.meltTemperatureK} K → ${plan.glassTemperatureK} K`,
        rates.map((r) => `${sci(r)} K/s: ${int(quenchPs(r) / dt)} steps = ${fmt(quenchPs(r), 2)} ps`).join("; "),
      ],
      [
        "relax",
        "templates/relax.in",
        `NPT at ${plan.glassTemperatureK} K; writes \`quenched.dump.gz\` (id type x y z ix iy iz)`,
        `${int(plan.relaxSteps)} steps = ${fmt(plan.relaxSteps * dt, 0)} ps`,
      ],
      [
        "deform",
        "templates/deform.in",
        `\`fix deform\` erate −${sci(plan.strainRatePerS)} /s along ${plan.deformAxis}, NPT on x and y at ${plan.glassTemperatureK} K; snapshots (id type xu yu zu) every ${pct(plan.dumpStrain, 1)} strain${extendedIds.length ? ` (${pct(plan.extended.dumpStrain, 3)} for the extended sample)` : ""}`,
        `${int(deformSteps)} steps = ${fmt(deformSteps * dt, 0)} ps to ${pct(plan.maxStrain, 0)}`,
      ],
    ],
  );

  const figureText = figureFile
    ? figureFile.endsWith(".png")
      ? `![Stress-strain curves](${figureFile})`
      : `Plotly figure specification: [\`${figureFile}\`](${figureFile}) (render it with plotly.js or \`plotly.io.from_json\`).`
    : "";

  return `# qsoft dataset: LAMMPS metallic glasses, quenched and compressed

<!-- Generated by \`npm run data:report\` (data/report.ts) from data/manifest.json, the sample files and
     data/lammps/conditions.json. Do not edit by hand: edit data/report.ts and run it again. -->

${manifest.samples.length} of ${plannedSamples} planned samples are generated (${plan.conditions.length} conditions × up to ${Math.max(...plan.conditions.map((c) => c.seeds.length))} samples)${notYet.length ? `; not generated yet: ${notYet.join(", ")}` : ""}. Each sample is a glass made by melting and quenching in LAMMPS, then compressed along ${plan.deformAxis}; the D2min of every atom between the quenched glass and ${pct(PLASTIC_STRAIN, 0)} strain gives the plastic labels of Wang & Jain.

Layout (paths relative to this folder; \`manifest.json\` lists every finished sample with the sha256 of each file):

- \`samples/<id>/quenched.dump.gz\`: the relaxed glass, \`id type x y z ix iy iz\` sorted by id (timestep = end of relaxation)
- \`samples/<id>/deform/strain_<ε>.dump.gz\`: snapshots during compression, \`id type xu yu zu\` (unwrapped), strain 0 = the relaxed glass
- \`samples/<id>/log.<stage>.<first step>.lammps\`: LAMMPS logs; \`commands.sh\`: the exact \`lmp\` command lines; \`sample.json\`: metadata
- \`checkpoints/<id>.tar.gz\` and \`<id>.json\`: the latest LAMMPS restart, logs and commands of a sample still being generated, committed so that \`npm run data:generate\` on a fresh clone resumes it (\`npm run data:generate -- --checkpoint --commit\` writes them; removed when the sample lands)${checkpoints.length ? `; now: ${checkpoints.join(", ")}` : ""}
- \`cache/\` (not committed): D2min labels computed by \`loadSample(...).labels()\`

Load it from TypeScript with \`dataset()\` (the manifest as a DataFrame) and \`loadSample({ composition, quenchRate, sample })\`, whose \`labels(${PLASTIC_STRAIN})\` returns D2min, shear strain and plastic labels.

## Protocol

Generated by \`data/lammps/generate.ts\` from the plan \`data/lammps/conditions.json\` with the inputs in \`data/lammps/templates/\`: LAMMPS \`metal\` units, \`eam/fs\` potentials, timestep ${fmt(1000 * dt, 0)} fs, Nosé-Hoover NPT (Tdamp ${fmt(templ.tdampPs, 1)} ps, Pdamp ${fmt(templ.pdampPs, 1)} ps), periodic in x, y and z, one core per sample. Stages restart from LAMMPS restart files written every ${int(templ.restartEvery)} steps, so an interrupted run resumes; the deformation restarts from the relaxed glass. Each stage runs a copy of its input taken when it starts (\`data/work/<id>/inputs/<stage>/\`, stored with the sample as \`inputs/<stage>/\` for samples generated from 2026-12-03 on), because LAMMPS reads its input file while it runs.

${protocol}

## Scaled choices: what differs from the paper

The paper's protocol (Methods) is far beyond a 2-core machine; these samples are scaled down in size, quench rate, strain rate and timestep. Faster quenches give less relaxed glasses (higher potential energy, more plastic atoms), and the faster strain rate raises the flow stress, so absolute numbers are not the paper's; the labels are defined the same way.

${scaled}

### Timestep check

${timestepSection(dt)}

## Potentials

${table(["file", "used for", "reference", "where to get it", "sha256 (as used)"], potentialRows)}

The NIST files are research-use downloads and are not committed: put them in the folder that conditions.json names for them (${[
    ...new Set(
      Object.keys(NIST_FILES)
        .map((f) => plan.potentials[f]?.dir)
        .filter((d) => d !== undefined),
    ),
  ]
    .map((d) => `\`${d}\``)
    .join(
      ", ",
    )}, relative to the repository root) or point \`QSOFT_POTENTIALS\` at their folder, and check their sha256 against the table.

## Per condition

Mean ± sample standard deviation over the samples of each condition. Density and atomic volume of the quenched glass (standard atomic weights); plastic fraction = fraction of atoms with D2min > ${fmt(PLASTIC_THRESHOLD, 1)} Å² between the quenched glass and ${pct(PLASTIC_STRAIN, 0)} strain (${fmt(D2MIN_CUTOFF, 1)} Å cutoff, unnormalised, \`src/labels/d2min.ts\`); threshold = the D2min (Å²) above which ${pct(TARGET_FRACTION, 0)} of the atoms lie (the paper's plastic fractions are ${PAPER.plasticFractionRange.map((x) => pct(x)).join(" to ")}); −σzz = compressive stress at ${pct(PLASTIC_STRAIN, 0)} strain (−\`v_szz_GPa\` of the deform log); quench = LAMMPS loop time of the quench stage; total = wall time of the sample's last generation run (\`wallSeconds\` in sample.json, all stages). Times in seconds on one core${rows.some((r) => r.quenchStepsTimed < r.quenchStepsExpected) ? "; * = part of the quench was an interrupted run whose time LAMMPS did not report" : ""}.

${table(["composition", "quench rate (K/s)", "samples", "atoms", "density (g/cm³)", "volume (Å³/atom)", `plastic at ${pct(PLASTIC_STRAIN, 0)}`, `D2min for ${pct(TARGET_FRACTION, 0)} plastic (Å²)`, `−σzz at ${pct(PLASTIC_STRAIN, 0)} (GPa)`, "quench (s)", "total (s)"], conditionRows)}

**Cost.** ${costText(rows)}

## Per sample

${rows.length ? table(["id", "seed", "atoms", "density (g/cm³)", "volume (Å³/atom)", `plastic at ${pct(PLASTIC_STRAIN, 0)}`, `D2min for ${pct(TARGET_FRACTION, 0)} plastic (Å²)`, "flagged atoms", `−σzz at ${pct(PLASTIC_STRAIN, 0)} (GPa)`, "quench (s)", "total (s)"], sampleRows) : "No sample has been generated yet."}

"flagged atoms": atoms whose D2min fit was degenerate (fewer than 3 or coplanar neighbors).

## Stress-strain curves

Compressive stress −σzz = −\`v_szz_GPa\` = pzz / 10⁴ (GPa) against the compressive engineering strain −εzz (\`v_strain\` = (Lz0 − Lz) / Lz0) from each sample's deform log, thermo output every ${[...new Set(rows.map((r) => r.curve.thermoEvery))].map(int).join(" or ")} steps; colour = composition, dash = quench rate.

${rows.length ? figureText : "No sample has been generated yet."}

## Regenerate

\`\`\`sh
npm run data:generate -- --jobs 2 --commit     # resumable; skips finished samples; --list shows the plan
npm run data:generate -- --only Fe80P20_1e13_s2,Cu80Zr20@1e13 --jobs 2   # a subset, run in the order given
npm run data:generate -- --mpi 4 --jobs 1      # each sample on 4 MPI ranks (mpirun -np 4 lmp; the build stays serial)
npm run data:generate -- --plan paper --slurm DIR   # the paper's own protocol (345,600 / 131,072 atoms, 5e10-5e12 K/s) as a Slurm job array
npx tsx data/lammps/timestep-check.ts          # the timestep check (16 NVE runs, about 2 minutes each)
npm run data:report                            # this README, the figure and data/cache/ labels
\`\`\`

Debian's \`lammps\`${versions.length ? ` (${versions.join(", ")})` : ""} and \`lammps-data\` packages provide \`lmp\` and the Mendelev Cu-Zr and Fe-P potentials. Every sample's \`commands.sh\` holds the exact \`lmp\` command lines; \`sample.json\` records the seeds, the LAMMPS version and the potential's sha256. Other plans: \`data/lammps/conditions.paper.json\` (the paper's protocol, for a cluster: see \`docs/hpc.md\`) and \`conditions.paper-smoke.json\` (the same protocol shrunk to run in a test).
${dataDirLabel}`;
}

async function main(): Promise<void> {
  const dataDir = path.resolve(option("--data") ?? path.join(repo, "data"));
  const planFile = path.resolve(option("--plan") ?? path.join(repo, "data", "lammps", "conditions.json"));
  const out = path.resolve(option("--out") ?? path.join(dataDir, "README.md"));
  const plan = readPlan(planFile);
  const manifest: Manifest = fs.existsSync(manifestPath(dataDir))
    ? loadManifest(dataDir)
    : { description: "", samples: [] };
  const rows: SampleRow[] = [];
  const order = (e: ManifestEntry) => {
    const k = plan.conditions.findIndex((c) => conditionOf(c) === conditionOf(e));
    return (k < 0 ? 1e6 : k) * 100 + e.sample;
  };
  for (const entry of [...manifest.samples].sort((a, b) => order(a) - order(b))) {
    process.stderr.write(`data:report: ${entry.id}\n`);
    rows.push(await analyse(entry, dataDir));
  }
  const figure = rows.length ? writeFigure(stressStrainFigure(rows, plan), path.dirname(out), "stress-strain") : null;
  const note =
    dataDir === path.join(repo, "data")
      ? ""
      : `\n(Report of the data folder \`${path.relative(repo, dataDir) || dataDir}\`.)\n`;
  writeFileAtomic(out, render(plan, manifest, rows, figure, note, dataDir));
  process.stderr.write(`data:report: wrote ${out}${figure ? ` and ${figure}` : ""} (${rows.length} samples)\n`);
}

main().catch((e: Error) => {
  console.error(`data:report: ${e.message}`);
  process.exit(1);
});
