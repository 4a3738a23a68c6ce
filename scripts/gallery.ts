/**
 * Writes the README gallery (docs/gallery/<name>.png): one key figure per notebook, the PNG stored in the executed
 * notebook's output (each figure output carries an image/png, see src/plot/notebook-display.ts). Run it after
 * `npm run notebooks`: `npx tsx scripts/gallery.ts`. A notebook whose figure is missing (not executed yet) is
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
}

/** The gallery: the figure that best shows each notebook. */
export const GALLERY: readonly GalleryEntry[] = [
  { name: "01-interstices", notebook: "01-interstices", cell: "showFigures(figs);", nth: 0 },
  { name: "02-prediction", notebook: "02-prediction", cell: "fractionPredictedFigure({", nth: 0 },
  { name: "03-softness", notebook: "03-softness", cell: "plasticProbabilityFigure({", nth: 1 },
  { name: "04-generalization", notebook: "04-generalization", cell: "generalizationFigure({", nth: 1 },
  {
    name: "05-feature-sets",
    notebook: "05-feature-sets",
    cell: "partialDependenceMap({\n  grid: overlay.grid",
    nth: 0,
  },
  { name: "06-explore", notebook: "06-explore", cell: "softnessDistributionFigure({", nth: 0 },
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

function main(): void {
  const root = path.resolve(__dirname, "..");
  const out = path.join(root, "docs", "gallery");
  fs.mkdirSync(out, { recursive: true });
  const missing: string[] = [];
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
    console.log(`${path.relative(root, file)}: ${(png.length / 1024).toFixed(0)} KB`);
  }
  if (missing.length > 0) {
    console.error(`not written:\n${missing.join("\n")}`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
