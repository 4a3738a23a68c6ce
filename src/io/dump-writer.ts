import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { AtomicWriter } from "../files/atomic-write";
import { formatNumber } from "../table/number-format";
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

/** Rows formatted per piece of text: a few MB, so a frame of any size streams in bounded memory. */
const ROWS_PER_CHUNK = 16384;

/** The text of one dump frame in pieces (header, then blocks of rows); see `writeDump`. */
export function* dumpFrameChunks(frame: Frame, options: WriteDumpOptions = {}): Generator<string> {
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

  let coords: Float64Array | null;
  let images: Int32Array | null = null;
  let coordNames: string[];
  if (options.unwrapped) {
    if (!frame.unwrapped && !frame.images)
      throw new Error("writeDump: unwrapped output needs frame.unwrapped or frame.images");
    // Without frame.unwrapped, each row adds its image shift (no 3 x natoms copy).
    coords = frame.unwrapped;
    coordNames = ["xu", "yu", "zu"];
  } else {
    coords = frame.positions;
    images = frame.images;
    coordNames = images ? ["x", "y", "z", "ix", "iy", "iz"] : ["x", "y", "z"];
  }
  const names = ["id", "type", ...coordNames, ...extra.keys()];
  const cols = [...extra.values()];
  yield header(frame, names);
  const shift = new Float64Array(3);
  const f = formatNumber;
  let text = "";
  for (let i = 0; i < n; i++) {
    let x: number;
    let y: number;
    let z: number;
    if (coords !== null) {
      x = coords[3 * i];
      y = coords[3 * i + 1];
      z = coords[3 * i + 2];
    } else {
      const im = frame.images as Int32Array;
      frame.cell.imageShift(im[3 * i], im[3 * i + 1], im[3 * i + 2], shift);
      x = frame.positions[3 * i] + shift[0];
      y = frame.positions[3 * i + 1] + shift[1];
      z = frame.positions[3 * i + 2] + shift[2];
    }
    let row = `${frame.ids[i]} ${frame.types[i]} ${f(x)} ${f(y)} ${f(z)}`;
    if (images) row += ` ${images[3 * i]} ${images[3 * i + 1]} ${images[3 * i + 2]}`;
    for (let k = 0; k < cols.length; k++) {
      const v = cols[k][i];
      if (!(v - v === 0))
        throw new Error(
          `writeDump: column "${names[coordNames.length + 2 + k]}" of atom id ${frame.ids[i]} is ${v}; dumps hold finite numbers only`,
        );
      row += " " + f(v);
    }
    text += row + "\n";
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield text;
      text = "";
    }
  }
  if (text.length > 0) yield text;
}

/**
 * The text of one dump frame as one string (see `writeDump`). A string holds at most about 512 MB (V8's limit,
 * some 7 million atoms with a few columns): larger frames go through `writeDump` or `dumpFrameChunks`.
 */
export function formatDumpFrame(frame: Frame, options: WriteDumpOptions = {}): string {
  return [...dumpFrameChunks(frame, options)].join("");
}

/** Bytes of text per gzip member when writing ".gz". */
const GZIP_MEMBER_BYTES = 1 << 24;

/**
 * Writes a frame as a LAMMPS custom dump (`id type x y z [ix iy iz]` or `id type xu yu zu`, then the frame's
 * columns and `options.columns`), readable by LAMMPS `read_dump`, OVITO and our readers; OVITO can colour by any
 * extra column. Numbers are written so that they read back to the same doubles; box bounds are chosen so that
 * the LAMMPS bound conversion gives back the cell exactly whenever doubles allow it (else to one ulp). Orthogonal, restricted triclinic (`xy xz yz`) and
 * general triclinic (`abc origin`) cells. Gzip when the path ends in ".gz" (a gzip member per 16 MB of text,
 * which every gzip reader inflates as one stream: RFC 1952, section 2.2). Rows are streamed into a temporary
 * file that replaces `path` only once complete (with `append`, the old content is copied first), so frames of
 * any size write in bounded memory.
 */
export function writeDump(path: string, frame: Frame, options: WriteDumpOptions = {}): void {
  const gz = path.endsWith(".gz");
  const old = options.append && fs.existsSync(path) ? path : null;
  const out = new AtomicWriter(path);
  try {
    if (old !== null) {
      const fd = fs.openSync(old, "r");
      try {
        const buf = Buffer.allocUnsafe(1 << 22);
        for (let got = fs.readSync(fd, buf); got > 0; got = fs.readSync(fd, buf)) out.write(buf.subarray(0, got));
      } finally {
        fs.closeSync(fd);
      }
    }
    const pending: string[] = [];
    let pendingLength = 0;
    const flush = (): void => {
      if (pending.length === 0) return;
      const text = Buffer.from(pending.join(""), "utf8");
      out.write(gz ? zlib.gzipSync(text) : text);
      pending.length = 0;
      pendingLength = 0;
    };
    for (const piece of dumpFrameChunks(frame, options)) {
      pending.push(piece);
      pendingLength += piece.length;
      if (pendingLength >= (gz ? GZIP_MEMBER_BYTES : 1 << 22)) flush();
    }
    flush();
    out.close();
  } catch (e) {
    out.abort();
    throw e;
  }
}
