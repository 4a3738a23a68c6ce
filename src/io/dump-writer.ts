import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { formatNumber } from "../table/csv";
import { writeFileAtomic } from "../files/atomic-write";
import type { Frame } from "../structure/frame";
import { dumpBoundsOfCell, isRestrictedTriclinic, lammpsBoxOfCell } from "../structure/lammps-box";

/** Options of `writeDump`. */
export interface WriteDumpOptions {
  /**
   * Extra per-atom columns (e.g. features, softness), written after the frame's own `columns`; a name already in
   * `frame.columns` replaces it. Each must have `frame.natoms` finite numbers.
   */
  columns?: Record<string, ArrayLike<number>>;
  /** Write unwrapped coordinates `xu yu zu` (from `frame.unwrapped`, or positions + images) instead of `x y z ix iy iz`. */
  unwrapped?: boolean;
  /** Append the frame to an existing dump (which is rewritten atomically with the new frame at the end). */
  append?: boolean;
}

const RESERVED = new Set([
  "id",
  "type",
  "x",
  "y",
  "z",
  "xs",
  "ys",
  "zs",
  "xu",
  "yu",
  "zu",
  "xsu",
  "ysu",
  "zsu",
  "ix",
  "iy",
  "iz",
  "element",
]);

/** The dump header (TIMESTEP ... ITEM: ATOMS line) for a frame. */
function header(frame: Frame, columnNames: string[]): string {
  const cell = frame.cell;
  const b = frame.boundary.join(" ");
  const f = formatNumber;
  let box: string;
  if (cell.isOrthogonal && cell.matrix[0] > 0 && cell.matrix[4] > 0 && cell.matrix[8] > 0) {
    const p = lammpsBoxOfCell(cell);
    box = `ITEM: BOX BOUNDS ${b}\n${f(p.lo[0])} ${f(p.hi[0])}\n${f(p.lo[1])} ${f(p.hi[1])}\n${f(p.lo[2])} ${f(p.hi[2])}\n`;
  } else if (isRestrictedTriclinic(cell)) {
    // Bounding box of the parallelepiped plus tilts (LAMMPS `dump` manual, triclinic BOX BOUNDS).
    const p = lammpsBoxOfCell(cell);
    const q = dumpBoundsOfCell(cell);
    box =
      `ITEM: BOX BOUNDS xy xz yz ${b}\n${f(q[0])} ${f(q[1])} ${f(p.tilt[0])}\n` +
      `${f(q[2])} ${f(q[3])} ${f(p.tilt[1])}\n${f(q[4])} ${f(q[5])} ${f(p.tilt[2])}\n`;
  } else {
    // General triclinic (LAMMPS `dump_modify triclinic/general`): rows "ax ay az originx" etc.
    const m = cell.matrix;
    const o = cell.origin;
    box = `ITEM: BOX BOUNDS abc origin ${b}\n`;
    for (let r = 0; r < 3; r++) box += `${f(m[3 * r])} ${f(m[3 * r + 1])} ${f(m[3 * r + 2])} ${f(o[r])}\n`;
  }
  return `ITEM: TIMESTEP\n${frame.timestep}\nITEM: NUMBER OF ATOMS\n${frame.natoms}\n${box}ITEM: ATOMS ${columnNames.join(" ")}\n`;
}

/** The text of one dump frame (see `writeDump`). */
export function formatDumpFrame(frame: Frame, options: WriteDumpOptions = {}): string {
  const n = frame.natoms;
  const extra = new Map<string, ArrayLike<number>>(frame.columns);
  for (const [name, col] of Object.entries(options.columns ?? {})) extra.set(name, col);
  for (const [name, col] of extra) {
    if (RESERVED.has(name)) throw new Error(`writeDump: column "${name}" clashes with a coordinate/id/type column`);
    if (!/^\S+$/.test(name))
      throw new Error(`writeDump: column name "${name}" must not be empty or contain whitespace`);
    if (col.length !== n)
      throw new Error(`writeDump: column "${name}" has ${col.length} values, expected ${n} (one per atom)`);
  }

  let coords: Float64Array;
  let images: Int32Array | null = null;
  let coordNames: string[];
  if (options.unwrapped) {
    if (frame.unwrapped) coords = frame.unwrapped;
    else if (frame.images) {
      coords = new Float64Array(3 * n);
      const shift = new Float64Array(3);
      for (let i = 0; i < n; i++) {
        frame.cell.imageShift(frame.images[3 * i], frame.images[3 * i + 1], frame.images[3 * i + 2], shift);
        for (let d = 0; d < 3; d++) coords[3 * i + d] = frame.positions[3 * i + d] + shift[d];
      }
    } else throw new Error("writeDump: unwrapped output needs frame.unwrapped or frame.images");
    coordNames = ["xu", "yu", "zu"];
  } else {
    coords = frame.positions;
    images = frame.images;
    coordNames = images ? ["x", "y", "z", "ix", "iy", "iz"] : ["x", "y", "z"];
  }
  const names = ["id", "type", ...coordNames, ...extra.keys()];
  const cols = [...extra.values()];
  const parts: string[] = [header(frame, names)];
  const rows: string[] = [];
  const f = formatNumber;
  for (let i = 0; i < n; i++) {
    let row = `${frame.ids[i]} ${frame.types[i]} ${f(coords[3 * i])} ${f(coords[3 * i + 1])} ${f(coords[3 * i + 2])}`;
    if (images) row += ` ${images[3 * i]} ${images[3 * i + 1]} ${images[3 * i + 2]}`;
    for (let k = 0; k < cols.length; k++) {
      const v = cols[k][i];
      if (!(v - v === 0))
        throw new Error(
          `writeDump: column "${names[coordNames.length + 2 + k]}" of atom id ${frame.ids[i]} is ${v}; dumps hold finite numbers only`,
        );
      row += " " + f(v);
    }
    rows.push(row);
    if (rows.length === 8192) {
      parts.push(rows.join("\n") + "\n");
      rows.length = 0;
    }
  }
  if (rows.length > 0) parts.push(rows.join("\n") + "\n");
  return parts.join("");
}

/**
 * Writes a frame as a LAMMPS custom dump (`id type x y z [ix iy iz]` or `id type xu yu zu`, then the frame's
 * columns and `options.columns`), readable by LAMMPS `read_dump`, OVITO and our readers; OVITO can colour by any
 * extra column. Numbers are written so that they read back to the same doubles; box bounds are chosen so that
 * the LAMMPS bound conversion gives back the cell exactly whenever doubles allow it (else to one ulp). Orthogonal, restricted triclinic (`xy xz yz`) and
 * general triclinic (`abc origin`) cells. Gzip when the path ends in ".gz". The file is replaced atomically
 * (with `append`, the old content plus the new frame).
 */
export function writeDump(path: string, frame: Frame, options: WriteDumpOptions = {}): void {
  const text = Buffer.from(formatDumpFrame(frame, options), "utf8");
  const gz = path.endsWith(".gz");
  const body = gz ? zlib.gzipSync(text) : text;
  if (options.append && fs.existsSync(path)) {
    // A gzip file may hold several members one after another (RFC 1952, section 2.2); readers inflate them all.
    writeFileAtomic(path, Buffer.concat([fs.readFileSync(path), body]));
  } else {
    writeFileAtomic(path, body);
  }
}
