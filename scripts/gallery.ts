/**
 * Writes the README gallery (docs/gallery/<name>.png): one key figure per notebook, the PNG stored in the executed
 * notebook's output (each figure output carries an image/png, see src/plot/notebook-display.ts). Run it after
 * `npm run notebooks`: `npx tsx scripts/gallery.ts` (`--markdown` also prints the README table). A notebook whose figure is missing (not executed yet) is
 * reported by name and skipped (exit code 1); the others are written.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { writeFileAtomic } from "../src/files/atomic-write";

interface GalleryEntry {
  /** Output file name in docs/gallery. */
  name: string;
  notebook: string;
  /** A piece of the source of the cell whose figure is taken. */
  cell: string;
  /** Which of the cell's PNG outputs (0 = first). */
  nth: number;
  /** The README caption (what the figure shows, in words). */
  caption: string;
}

/**
 * The gallery: the figure that best shows each notebook. 08-general-model prints tables only (no figure output),
 * so it has no entry.
 */
export const GALLERY: readonly GalleryEntry[] = [
  {
    name: "00-quickstart",
    notebook: "00-quickstart",
    cell: "atomScatter3d(",
    nth: 0,
    caption: "quench-in softness of every atom of a glass, in 3-D",
  },
  {
    name: "01-interstices",
    notebook: "01-interstices",
    cell: "showFigures(figs);",
    nth: 0,
    caption: "one Zr atom's neighbor shell with its area and volume interstices (Figure 1)",
  },
  {
    name: "02-prediction",
    notebook: "02-prediction",
    cell: "fractionPredictedFigure({",
    nth: 0,
    caption: "fraction predicted plastic against D2min on the unseen glass, with bootstrap intervals (Figure 2b)",
  },
  {
    name: "03-softness",
    notebook: "03-softness",
    cell: "plasticProbabilityFigure({",
    nth: 1,
    caption: "P(plastic | QS) and its ratio to P(plastic), the paper's values marked (Figure 3b)",
  },
  {
    name: "04-generalization",
    notebook: "04-generalization",
    cell: "generalizationFigure({",
    nth: 1,
    caption: "AUC drop when a model is transferred, by scenario, against the paper's 0.015 (Figure 4)",
  },
  {
    name: "05-feature-sets",
    notebook: "05-feature-sets",
    cell: "partialDependenceMap({\n  grid: overlay.grid",
    nth: 0,
    caption: "partial dependence on the two leading features with the Voronoi motifs overlaid (Figure 5b)",
  },
  {
    name: "06-explore",
    notebook: "06-explore",
    cell: 'rocPlot({ curves: [{ name: "shipped model"',
    nth: 0,
    caption: "the shipped model scored on your own glass against its deformed snapshot (ROC from D2min)",
  },
  {
    name: "07-what-limits-auc",
    notebook: "07-what-limits-auc",
    cell: "const td = trainingData;",
    nth: 0,
    caption: "AUC on the unseen glass against the number of training atoms, with the paper's point",
  },
];

interface NotebookCell {
  cell_type: string;
  source: string | string[];
  outputs?: { data?: Record<string, string | string[]> }[];
}

/** The nth PNG (bytes) of the first code cell whose source contains `cell`. */
export function notebookPng(file: string, cell: string, nth: number): Buffer {
  const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: NotebookCell[] };
  const hit = nb.cells.find((c) => c.cell_type === "code" && [c.source].flat().join("").includes(cell));
  if (!hit) throw new Error(`${file}: no code cell contains ${JSON.stringify(cell)}`);
  const pngs = (hit.outputs ?? []).flatMap((o) => (o.data?.["image/png"] !== undefined ? [o.data["image/png"]] : []));
  if (pngs.length <= nth)
    throw new Error(
      `${file}: the cell with ${JSON.stringify(cell)} has ${pngs.length} PNG outputs, need #${nth} (execute it first)`,
    );
  return Buffer.from([pngs[nth]].flat().join(""), "base64");
}

/**
 * The README table for the entries in `written`: two figures a row, each with a caption row beneath
 * (`npx tsx scripts/gallery.ts --markdown`).
 */
export function galleryMarkdown(written: readonly GalleryEntry[]): string {
  const cell = (text: string): string => text.replaceAll("|", "\\|");
  const image = (g: GalleryEntry): string => `![${cell(g.caption)}](docs/gallery/${g.name}.png)`;
  const caption = (g: GalleryEntry): string => `\`${g.notebook}\`: ${cell(g.caption)}`;
  const lines = ["| | |", "|---|---|"];
  for (let i = 0; i < written.length; i += 2) {
    const pair = written.slice(i, i + 2);
    const cells = (f: (g: GalleryEntry) => string): string =>
      `| ${pair.map(f).join(" | ")} |${pair.length < 2 ? " |" : ""}`;
    lines.push(cells(image), cells(caption));
  }
  return lines.join("\n");
}

function main(): void {
  const root = path.resolve(__dirname, "..");
  const out = path.join(root, "docs", "gallery");
  fs.mkdirSync(out, { recursive: true });
  const missing: string[] = [];
  const written: GalleryEntry[] = [];
  for (const g of GALLERY) {
    let png: Buffer;
    try {
      png = notebookPng(path.join(root, "notebooks", `${g.notebook}.ipynb`), g.cell, g.nth);
    } catch (e) {
      missing.push((e as Error).message);
      continue;
    }
    const file = path.join(out, `${g.name}.png`);
    writeFileAtomic(file, png);
    written.push(g);
    console.error(`${path.relative(root, file)}: ${(png.length / 1024).toFixed(0)} KB`);
  }
  if (process.argv.includes("--markdown")) console.log(galleryMarkdown(written));
  if (missing.length > 0) {
    console.error(`not written:\n${missing.join("\n")}`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
