import * as fs from "node:fs";
import * as path from "node:path";
import { softnessGroups } from "../analysis/softness-statistics";
import { loadSample } from "../dataset/sample";
import { rocAucScore } from "../ml/metrics/roc-auc";
import { atomScatter3d } from "../plot/atom-scatter-3d";
import { chromiumAvailable, CHROMIUM_INSTALL_HINT } from "../plot/chromium";
import { writeFigureHtml } from "../plot/figure-html";
import { renderToFile } from "../plot/render-image";
import { QuenchInSoftness, PAPER_MODEL } from "../softness/quench-in-softness";
import { makeTable, writeCsv } from "../table/csv";
import { parseArgs } from "./args";
import type { Command } from "./command";

const usage = `usage: qsoft demo [--model NAME] [--out-dir DIR]

The main job on shipped data: predicts quench-in softness (QS) of the shipped model's unseen test glass
(data/samples/), scores it against that glass's own D2min labels (D2min at 4 % strain > 5 A^2), and writes
DIR/qs.csv and DIR/qs.png (the glass coloured by QS; DIR/qs.html without Chromium). Default DIR: demo/.`;

/** `qsoft demo`: predict QS on a shipped test glass and score it against D2min. */
export const demoCommand: Command = {
  name: "demo",
  summary: "predict quench-in softness on a shipped test glass, score it against D2min, draw it",
  usage,
  async run(argv: string[]): Promise<number> {
    const args = parseArgs(argv, ["model", "out-dir"]);
    const outDir = args.options.get("out-dir") ?? "demo";
    if (outDir.trim() === "") throw new Error("--out-dir: the folder name is empty");
    if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory())
      throw new Error(`${outDir}: exists and is not a folder (--out-dir)`);
    const started = Date.now();
    const softness = QuenchInSoftness.shipped(args.options.get("model") ?? PAPER_MODEL);
    const card = softness.card;
    if (!card) throw new Error("the shipped model has no card");
    const sampleId = card.testedOn[0];
    const sample = await loadSample(sampleId);
    console.log(
      `qsoft demo: model ${card.name} (trained on ${card.trainedOn.join(", ")}), test glass ${sampleId}: ${sample.quenched.natoms} atoms`,
    );
    const r = softness.compute(sample.quenched);
    const labels = await sample.labels(card.label.strain, {
      threshold: card.label.threshold,
      cutoff: card.label.cutoff,
    });
    const rows: number[] = [];
    for (let i = 0; i < r.qs.length; i++)
      if (
        Number.isFinite(r.qs[i]) &&
        (!card.host || sample.quenched.elements?.[sample.quenched.types[i] - 1] === card.host)
      )
        rows.push(i);
    const y = Uint8Array.from(rows, (i) => labels.plastic[i]);
    const p = Float64Array.from(rows, (i) => r.qs[i]);
    const auc = rocAucScore(y, p);
    let tp = 0;
    let pos = 0;
    rows.forEach((_, k) => {
      if (y[k]) {
        pos++;
        if (p[k] > 0.5) tp++;
      }
    });
    const g = softnessGroups(p);
    console.log(
      `  plastic atoms (D2min at ${(100 * card.label.strain).toFixed(1)} % > ${card.label.threshold} A^2): ${(100 * labels.plasticFraction).toFixed(2)} %`,
    );
    console.log(
      `  AUC-ROC ${auc.toFixed(3)} (paper, its own Cu65Zr35 glass: 0.771); recall at QS > 0.5: ${(100 * (tp / pos)).toFixed(1)} % (paper: 74.2 %)`,
    );
    console.log(
      `  QS std ${g.std.toFixed(3)}; hardest (QS < 0.1) ${(100 * g.hardFraction).toFixed(1)} %, softest (QS > 0.7) ${(100 * g.softFraction).toFixed(1)} %`,
    );
    fs.mkdirSync(outDir, { recursive: true });
    writeCsv(
      path.join(outDir, "qs.csv"),
      makeTable([
        ["id", r.ids],
        ["type", r.types],
        ["qs", r.qs],
        ["d2min", labels.d2min],
      ]),
    );
    const fig = atomScatter3d(
      {
        positions: sample.quenched.positions,
        types: sample.quenched.types,
        elements: sample.quenched.elements,
        cell: sample.quenched.cell,
      },
      {
        color: r.qs,
        colorTitle: "QS",
        colorRange: [0, 1],
        title: `Quench-in softness of ${sampleId} (AUC ${auc.toFixed(3)} vs D2min)`,
        markerSize: 3,
      },
    );
    if (chromiumAvailable()) {
      renderToFile(fig, path.join(outDir, "qs.png"), { width: 800, height: 700 });
      console.log(
        `  wrote ${path.join(outDir, "qs.csv")} and ${path.join(outDir, "qs.png")} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } else {
      writeFigureHtml(fig, path.join(outDir, "qs.html"));
      console.log(
        `  wrote ${path.join(outDir, "qs.csv")} and ${path.join(outDir, "qs.html")} (for a PNG: ${CHROMIUM_INSTALL_HINT})`,
      );
    }
    return 0;
  },
};
