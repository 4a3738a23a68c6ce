/**
 * A script that plots (issue 17): the shipped quench-in softness model on its unseen test glass, drawn with the
 * figure builders the notebooks use and opened in a browser through nodeplotlib (src/plot/open-in-browser.ts).
 *
 *   npx tsx scripts/plot-example.ts            # three interactive figures in the browser; close the tab to end
 *   npx tsx scripts/plot-example.ts --no-open  # prints the URL only (remote shells; also QSOFT_NO_BROWSER=1)
 *
 * Figures: the 3-D glass coloured by QS, the QS distribution of plastic and non-plastic atoms (D2min > 5 A^2 at
 * 4 % strain, the paper's label), and the ROC curve of QS against those labels. About 10 s to compute.
 * In your own script import from "qsoft" instead of ../src (this script runs from the checkout, without a build).
 */
import { performance } from "node:perf_hooks";
import { loadSample } from "../src/dataset/sample";
import { MIRACLE_RADII } from "../src/features/radii";
import { rocCurve } from "../src/ml/metrics/roc-curve";
import { atomScatter3d } from "../src/plot/atom-scatter-3d";
import { histogram } from "../src/plot/histogram";
import { openInBrowser } from "../src/plot/open-in-browser";
import { rocPlot } from "../src/plot/roc";
import { QuenchInSoftness } from "../src/softness/quench-in-softness";

/** The shipped Cu65Zr35 model (models/cu65zr35-interstice.card.json) and, below, its unseen test glass. */
const MODEL = "cu65zr35-interstice";

async function main(argv: string[]): Promise<void> {
  const unknown = argv.filter((a) => a !== "--no-open");
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]} (usage: plot-example.ts [--no-open])`);
  const t0 = performance.now();
  const model = QuenchInSoftness.shipped(MODEL);
  const id = model.card?.testedOn[0];
  if (id === undefined) throw new Error("the shipped model's card names no test glass");
  const sample = await loadSample(id);
  const frame = sample.quenched;
  const qs = model.compute(frame).qs;
  const { plastic } = await sample.labels(0.04);
  const roc = rocCurve(plastic, qs);
  const plasticQs = qs.filter((_, i) => plastic[i] === 1);
  const otherQs = qs.filter((_, i) => plastic[i] === 0);
  console.log(`${id}: ${frame.natoms} atoms, QS and D2min labels in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const figures = [
    atomScatter3d(
      { ...frame, columns: new Map([["QS", qs]]) },
      {
        color: "QS",
        colorTitle: "Quench-in softness",
        colorRange: [0, 1],
        radii: MIRACLE_RADII,
        pixelsPerAngstrom: 2.2,
        title: `${id}: quench-in softness`,
      },
    ),
    histogram({
      series: [
        { name: `plastic (${plasticQs.length} atoms)`, values: plasticQs },
        { name: `not plastic (${otherQs.length} atoms)`, values: otherQs },
      ],
      xTitle: "Quench-in softness",
      normalization: "density",
      range: [0, 1],
      bins: 40,
      title: "QS of atoms that do and do not become plastic at 4 % strain",
    }),
    rocPlot({ curves: [{ name: MODEL, fpr: roc.fpr, tpr: roc.tpr }], title: `ROC on ${id}` }),
  ];
  const url = await openInBrowser(figures, { open: argv.includes("--no-open") ? false : undefined });
  console.log(`figures at ${url} (the script ends when the page is closed; Ctrl-C stops it)`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
