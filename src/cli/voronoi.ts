import { atomRadii } from "../features/radii";
import { VORONOI_FAILED, VORONOI_WALL, Voronoi } from "../geometry/voronoi";
import { PAPER_MIN_AREA_FRACTION, voronoiNeighbors } from "../geometry/voronoi-neighbors";
import { checkOutputPath } from "../files/atomic-write";
import { readDump } from "../io/dump-reader";
import { checkNumberDensity } from "../neighbors/neighbor-budget";
import { sortById } from "../structure/frame";
import { makeTable } from "../table/csv";
import { writeTable } from "../table/table-file";
import { tableText } from "../table/table-text";
import { intOption, numberOption, parseArgs, parseKeyValues, parseList } from "./args";
import { UsageError, type Command } from "./command";

const usage = `usage: qsoft voronoi DUMP --out FILE.csv|FILE.parquet [--types Cu,Zr] [--frame N] [--min-face-fraction ${PAPER_MIN_AREA_FRACTION}]
                     [--min-face-area A] [--min-edge-length L] [--radical [--radii Cu=1.26,Zr=1.58]]
                     [--threads N]

Exact periodic Voronoi cells of every atom of one frame of a LAMMPS text dump (plain or .gz; orthogonal or
triclinic box; along non-periodic directions the cells are cut by the box walls). Faces smaller than a
fraction of the mean face area of the atom's cell are removed before counting (the paper's convention).

  --out FILE               table written (Parquet for .parquet, else CSV): id,type,cn_voro,voro_n3,voro_n4,voro_n5,voro_n6,voro_n7,voro_vol,
                           one row per atom sorted by id; cn_voro counts kept faces (8+ edges included),
                           voro_n3..n7 kept faces by their edge count, voro_vol the volume of the whole cell;
                           atoms whose cell failed (e.g. two atoms on one point) get NaN
  --types A,B              element names of types 1, 2, ... (needed by --radical without --radii)
  --frame N                frame index, 0-based, negative from the end (default 0)
  --min-face-fraction F    remove faces with area < F x mean face area of the cell (default ${PAPER_MIN_AREA_FRACTION}; 0 keeps all)
  --min-face-area A        also remove faces with area < A Angstrom^2 (OVITO/LAMMPS face_threshold; default 0)
  --min-edge-length L      edges shorter than L Angstrom do not count in a face's edge number (OVITO's
                           edge_threshold; default 0: every edge counts, as in voro++)
  --radical                radical (Laguerre) tessellation weighted by atomic radii
  --radii E=r,...          radii by element (Angstrom); default Miracle et al. (2006) radii
  --threads N              threads (default 1); results are identical for any N`;

/** Most common Voronoi indices as the lines of a text table: index, percent of the atoms, atoms. */
function commonIndices(index: Int32Array, ok: (i: number) => boolean, n: number, top: number): string[] {
  const counts = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!ok(i)) continue;
    const key = `<${Array.from(index.subarray(5 * i, 5 * i + 5)).join(",")}>`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top);
  const rows = ranked.map(([k, c]) => ({ "<n3,n4,n5,n6,n7>": k, "% of atoms": (100 * c) / total, atoms: c }));
  return tableText(rows, { index: false, precision: 2 })
    .split("\n")
    .map((l) => `  ${l}`);
}

/** `qsoft voronoi`: per-atom Voronoi coordination, index and volume, as CSV. */
export const voronoiCommand: Command = {
  name: "voronoi",
  summary: "Voronoi coordination number, index <n3..n7> and cell volume of every atom (exact periodic cells), as CSV",
  usage,
  async run(argv: string[]): Promise<number> {
    const args = parseArgs(
      argv,
      ["out", "types", "frame", "min-face-fraction", "min-face-area", "min-edge-length", "radii", "threads"],
      ["radical"],
    );
    if (args.positional.length !== 1) throw new UsageError(`expected one DUMP file, got ${args.positional.length}`);
    const file = args.positional[0];
    const out = args.options.get("out");
    if (out === undefined) throw new UsageError("--out FILE.csv is required");
    checkOutputPath(out);
    const types = parseList(args.options.get("types"));
    const frameIndex = intOption(args, "frame", 0);
    const fraction = numberOption(args, "min-face-fraction", PAPER_MIN_AREA_FRACTION);
    if (!(fraction >= 0 && fraction < 1))
      throw new UsageError(`--min-face-fraction must be in [0, 1), got ${fraction}`);
    const minArea = numberOption(args, "min-face-area", 0);
    if (!(minArea >= 0)) throw new UsageError(`--min-face-area must be >= 0, got ${minArea}`);
    const minEdgeLength = numberOption(args, "min-edge-length", 0);
    if (!(minEdgeLength >= 0)) throw new UsageError(`--min-edge-length must be >= 0, got ${minEdgeLength}`);
    const threads = intOption(args, "threads", 1);
    if (threads < 1) throw new UsageError(`--threads must be >= 1, got ${threads}`);
    const radical = args.flags.has("radical");
    const radiiOption = parseKeyValues(args.options.get("radii"));
    if (radiiOption && !radical) throw new UsageError("--radii is used only with --radical");

    const t0 = performance.now();
    const frame = sortById(await readDump(file, { types, frame: frameIndex }));
    checkNumberDensity(frame.natoms, frame.cell.volume, file, frame.cell.periodic);
    const t1 = performance.now();
    if (radical && !frame.elements)
      throw new UsageError("--radical needs element names: give --types (e.g. --types Cu,Zr)");
    const radii = radical ? atomRadii(frame, radiiOption) : undefined;
    const tess = new Voronoi(radical ? { radical, radii, threads, minEdgeLength } : { threads, minEdgeLength }).compute(
      frame,
    );
    const t2 = performance.now();
    const vn = voronoiNeighbors(tess, { minAreaFraction: fraction, minArea });

    const n = frame.natoms;
    const failed = (i: number) => (tess.flags[i] & VORONOI_FAILED) !== 0;
    const cn = new Float64Array(n);
    const idx = [0, 1, 2, 3, 4].map(() => new Float64Array(n));
    const vol = new Float64Array(n);
    let cnSum = 0;
    let good = 0;
    let walls = 0;
    const flaggedIds: number[] = [];
    for (let i = 0; i < n; i++) {
      if (tess.flags[i] & VORONOI_WALL) walls++;
      if (failed(i)) {
        flaggedIds.push(frame.ids[i]);
        cn[i] = NaN;
        vol[i] = NaN;
        for (let k = 0; k < 5; k++) idx[k][i] = NaN;
        continue;
      }
      cn[i] = vn.coordination[i];
      vol[i] = tess.volumes[i];
      for (let k = 0; k < 5; k++) idx[k][i] = vn.index[5 * i + k];
      cnSum += vn.coordination[i];
      good++;
    }
    writeTable(
      out,
      makeTable([
        ["id", frame.ids],
        ["type", frame.types],
        ["cn_voro", cn],
        ["voro_n3", idx[0]],
        ["voro_n4", idx[1]],
        ["voro_n5", idx[2]],
        ["voro_n6", idx[3]],
        ["voro_n7", idx[4]],
        ["voro_vol", vol],
      ]),
    );
    const t3 = performance.now();
    const filterText = `faces < ${fraction} x mean face area removed${minArea > 0 ? `, and < ${minArea} A^2` : ""}${minEdgeLength > 0 ? `, edges < ${minEdgeLength} A not counted` : ""}`;
    const lines = [
      `${out}: ${n} atoms (${file}, timestep ${frame.timestep}), ${radical ? "radical" : "Voronoi"} cells, ${filterText}`,
      `mean CN ${good > 0 ? (cnSum / good).toFixed(3) : "n/a"}; most common Voronoi indices:`,
      ...commonIndices(vn.index, (i) => !failed(i), n, 5),
      `time: read ${((t1 - t0) / 1000).toFixed(2)} s, tessellation ${((t2 - t1) / 1000).toFixed(2)} s (${threads} thread${threads > 1 ? "s" : ""}), total ${((t3 - t0) / 1000).toFixed(2)} s`,
    ];
    if (flaggedIds.length > 0) {
      const shown = flaggedIds.slice(0, 10).join(", ") + (flaggedIds.length > 10 ? ", ..." : "");
      lines.push(`warning: ${flaggedIds.length} atom(s) whose cell failed (NaN in the CSV), ids ${shown}`);
    } else lines.push("flagged atoms: none");
    if (walls > 0)
      lines.push(`note: ${walls} atom(s) touch a wall of a non-periodic direction (wall faces are not counted)`);
    console.log(lines.join("\n"));
    return 0;
  },
};
