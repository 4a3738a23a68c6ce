import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { Cell } from "../structure/cell";
import { formatNumber } from "../table/csv";
import { writeFileAtomic } from "../files/atomic-write";
import { resolvePositions } from "./atom-positions";
import { parseDecimal } from "./decimal";
import type { Frame } from "../structure/frame";
import { sortById } from "../structure/frame";
import { readLinesSync } from "./line-reader";
import { ParseError } from "./parse-error";

/**
 * Extended XYZ (the ASE/QUIP convention, also read and written by OVITO): per frame a line with the atom count,
 * a comment line of key=value pairs (`Lattice="ax ay az bx by bz cx cy cz"` with the lattice vectors as rows,
 * `Properties=name:type:ncols:...` with types S string, R real, I integer, L logical, `pbc="T T T"`, and the
 * non-standard `Origin="x y z"` OVITO writes), then one row per atom.
 */

/** Options of the extended-XYZ readers. */
export interface ReadExtxyzOptions {
  /** Element type map: species s gets type types.indexOf(s) + 1. Default: types in order of first appearance. */
  types?: string[];
  /** 0-based frame index, negative from the end (readExtxyz only); default 0. */
  frame?: number;
  /** Sort atoms by id (only meaningful when the file has an `id` property). */
  sort?: boolean;
}

/** Options of `writeExtxyz`. */
export interface WriteExtxyzOptions {
  /** Extra per-atom real columns, after the frame's own `columns`. */
  columns?: Record<string, ArrayLike<number>>;
  /** Element names of types (default `frame.elements`); required when the frame has no type map. */
  elements?: string[];
  /** Append to an existing file (rewritten atomically). */
  append?: boolean;
}

interface Property {
  name: string;
  kind: "S" | "R" | "I" | "L";
  count: number;
}

/** Parses the key=value pairs of a comment line; values may be "double quoted" (with \" escapes) or {braced}. */
export function parseExtxyzComment(line: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  const n = line.length;
  const isSpace = (c: string) => c === " " || c === "\t" || c === "\r";
  while (i < n) {
    while (i < n && isSpace(line[i])) i++;
    if (i >= n) break;
    const k0 = i;
    while (i < n && line[i] !== "=" && !isSpace(line[i])) i++;
    const key = line.slice(k0, i);
    while (i < n && isSpace(line[i])) i++;
    if (line[i] !== "=") {
      out.set(key, "T"); // a bare key is a true flag
      continue;
    }
    i++;
    while (i < n && isSpace(line[i])) i++;
    let value = "";
    if (line[i] === '"') {
      i++;
      while (i < n && line[i] !== '"') {
        if (line[i] === "\\" && i + 1 < n) i++;
        value += line[i++];
      }
      i++;
    } else if (line[i] === "{") {
      const close = line.indexOf("}", i);
      value = line.slice(i + 1, close < 0 ? n : close);
      i = close < 0 ? n : close + 1;
    } else {
      const v0 = i;
      while (i < n && !isSpace(line[i])) i++;
      value = line.slice(v0, i);
    }
    out.set(key, value);
  }
  return out;
}

function getKey(info: Map<string, string>, key: string): string | undefined {
  const lower = key.toLowerCase();
  for (const [k, v] of info) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function parseBool(s: string): boolean | null {
  const t = s.toLowerCase();
  if (t === "t" || t === "true" || t === "1") return true;
  if (t === "f" || t === "false" || t === "0") return false;
  return null;
}

/** Names given to the components of a multi-column property: _x _y _z for 3 columns, else _0, _1, ... */
function componentName(name: string, k: number, count: number): string {
  if (count === 1) return name;
  return count === 3 ? `${name}_${"xyz"[k]}` : `${name}_${k}`;
}

/** Parses one frame starting at lines[start]; returns it and the index of the line after it. */
function parseFrame(
  lines: string[],
  start: number,
  file: string,
  frameIndex: number,
  typeMap: Map<string, number> | null,
  firstSeen: Map<string, number>,
): { frame: Frame; next: number } {
  const fail = (line: number, problem: string): never => {
    throw new ParseError(file, line, problem);
  };
  const countText = lines[start].trim();
  const n = Number(countText);
  if (!Number.isSafeInteger(n) || n < 0 || countText === "")
    fail(start + 1, `expected the atom count of frame ${frameIndex}, got "${countText.slice(0, 60)}"`);
  if (start + 1 >= lines.length)
    fail(start + 1, `file ends after the atom count of frame ${frameIndex} (truncated file?)`);
  const info = parseExtxyzComment(lines[start + 1]);
  const commentLine = start + 2;

  const propText = getKey(info, "Properties") ?? "species:S:1:pos:R:3";
  const parts = propText.split(":");
  if (parts.length % 3 !== 0) fail(commentLine, `Properties "${propText}" is not a list of name:type:count triples`);
  const props: Property[] = [];
  for (let k = 0; k < parts.length; k += 3) {
    const kind = parts[k + 1].toUpperCase();
    const count = Number(parts[k + 2]);
    if (!["S", "R", "I", "L"].includes(kind) || !Number.isInteger(count) || count < 1) {
      fail(commentLine, `bad property "${parts.slice(k, k + 3).join(":")}" (expected name:S|R|I|L:count)`);
    }
    props.push({ name: parts[k], kind: kind as Property["kind"], count });
  }
  const pos = props.find((p) => p.name === "pos");
  if (pos?.kind !== "R" || pos.count !== 3) fail(commentLine, `Properties must include pos:R:3 (got "${propText}")`);
  for (const p of props) {
    if (p.kind === "S" && p.name !== "species")
      fail(commentLine, `string property "${p.name}" is not supported (only species)`);
  }
  const nfields = props.reduce((s, p) => s + p.count, 0);

  // Cell.
  const latticeText = getKey(info, "Lattice");
  const pbcText = getKey(info, "pbc");
  let periodic: [boolean, boolean, boolean] = latticeText !== undefined ? [true, true, true] : [false, false, false];
  if (pbcText !== undefined) {
    const flags = pbcText.trim().split(/\s+/).map(parseBool);
    if (flags.length !== 3 || flags.some((f) => f === null))
      fail(commentLine, `pbc must be three T/F flags, got "${pbcText}"`);
    periodic = flags as [boolean, boolean, boolean];
    if (latticeText === undefined && periodic.some((p) => p))
      fail(commentLine, "pbc has periodic directions but there is no Lattice");
  }
  const numbers = (text: string, count: number, what: string): number[] => {
    const f = text.trim().split(/\s+/);
    const v = f.map((s) => parseDecimal(s, 0, s.length));
    if (f.length !== count || v.some((x) => !Number.isFinite(x)))
      fail(commentLine, `${what} must be ${count} numbers, got "${text}"`);
    return v;
  };
  const originText = getKey(info, "Origin");
  const origin = originText !== undefined ? numbers(originText, 3, "Origin") : [0, 0, 0];

  // Rows.
  const ids = new Int32Array(n);
  const types = new Int32Array(n);
  const coords = new Float64Array(3 * n);
  const colNames: string[] = [];
  const colData: Float64Array[] = [];
  let idCol: Float64Array | null = null;
  let typeCol: Float64Array | null = null;
  const fieldTarget: (
    | { kind: "species" }
    | { kind: "pos"; d: number }
    | { kind: "col"; data: Float64Array; logical: boolean; integer: boolean; name: string }
  )[] = [];
  for (const p of props) {
    for (let k = 0; k < p.count; k++) {
      if (p.name === "species") fieldTarget.push({ kind: "species" });
      else if (p.name === "pos") fieldTarget.push({ kind: "pos", d: k });
      else {
        const data = new Float64Array(n);
        const name = componentName(p.name, k, p.count);
        if (p.name === "id" && p.count === 1 && p.kind === "I") idCol = data;
        else if (p.name === "type" && p.count === 1 && p.kind === "I") typeCol = data;
        else {
          colNames.push(name);
          colData.push(data);
        }
        fieldTarget.push({ kind: "col", data, logical: p.kind === "L", integer: p.kind === "I", name });
      }
    }
  }
  const hasSpecies = props.some((p) => p.name === "species");
  for (let i = 0; i < n; i++) {
    const li = start + 2 + i;
    if (li >= lines.length)
      fail(lines.length, `file ends inside frame ${frameIndex}: expected ${n} atom rows, found ${i} (truncated file?)`);
    const f = lines[li].trim().split(/\s+/);
    if (f.length !== nfields || f[0] === "")
      fail(li + 1, `atom row has ${f[0] === "" ? 0 : f.length} fields, expected ${nfields} (${propText})`);
    for (let j = 0; j < nfields; j++) {
      const t = fieldTarget[j];
      const s = f[j];
      if (t.kind === "species") {
        let type = (typeMap ?? firstSeen).get(s);
        if (type === undefined) {
          if (typeMap) fail(li + 1, `species "${s}" is not in the type map [${[...typeMap.keys()].join(", ")}]`);
          type = firstSeen.size + 1;
          firstSeen.set(s, type);
        }
        types[i] = type;
      } else if (t.kind === "pos") {
        const v = parseDecimal(s, 0, s.length);
        if (!Number.isFinite(v)) fail(li + 1, `position value "${s}" is not a finite number`);
        coords[3 * i + t.d] = v;
      } else {
        let v: number;
        if (t.logical) {
          const b = parseBool(s);
          if (b === null) fail(li + 1, `value "${s}" of logical property "${t.name}" is not T or F`);
          v = b ? 1 : 0;
        } else {
          v = parseDecimal(s, 0, s.length);
          if (!Number.isFinite(v)) fail(li + 1, `value "${s}" of property "${t.name}" is not a finite number`);
          if (t.integer && !Number.isInteger(v))
            fail(li + 1, `value "${s}" of integer property "${t.name}" is not an integer`);
        }
        t.data[i] = v;
      }
    }
  }
  if (idCol) {
    const seen = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const v = idCol[i];
      if (v < 1 || v > 0x7fffffff) fail(start + 3 + i, `atom id ${v} is not a positive 32-bit integer`);
      const prev = seen.get(v);
      if (prev !== undefined) fail(start + 3 + i, `duplicate atom id ${v} (also on line ${start + 3 + prev})`);
      seen.set(v, i);
      ids[i] = v;
    }
  } else for (let i = 0; i < n; i++) ids[i] = i + 1;
  if (!hasSpecies) {
    for (let i = 0; i < n; i++) {
      const t = typeCol ? typeCol[i] : 1;
      if (t < 1) fail(start + 3 + i, `atom type ${t} is not a positive integer`);
      if (typeMap && t > typeMap.size)
        fail(start + 3 + i, `atom type ${t} is outside the type map [${[...typeMap.keys()].join(", ")}]`);
      types[i] = t;
    }
  } else if (typeCol) {
    colNames.push("type");
    colData.push(typeCol);
  }

  let cell: Cell;
  try {
    if (latticeText !== undefined) {
      cell = new Cell(numbers(latticeText, 9, "Lattice"), origin, periodic);
    } else {
      // No lattice: the bounding box of the atoms (at least 1 Angstrom wide), non-periodic.
      const lo = [Infinity, Infinity, Infinity];
      const hi = [-Infinity, -Infinity, -Infinity];
      for (let i = 0; i < n; i++) {
        for (let d = 0; d < 3; d++) {
          lo[d] = Math.min(lo[d], coords[3 * i + d]);
          hi[d] = Math.max(hi[d], coords[3 * i + d]);
        }
      }
      if (n === 0) {
        lo.fill(0);
        hi.fill(1);
      }
      cell = Cell.orthogonal(Math.max(hi[0] - lo[0], 1), Math.max(hi[1] - lo[1], 1), Math.max(hi[2] - lo[2], 1), lo, [
        false,
        false,
        false,
      ]);
    }
  } catch (e) {
    return fail(commentLine, `bad cell: ${(e as Error).message}`);
  }

  // Wrap into the cell; positions outside it mean the file holds continuous (unwrapped) coordinates.
  const wrapped = resolvePositions(cell, n, null, { coords, scaled: false }, null);
  let outside = false;
  for (let k = 0; k < 3 * n && !outside; k++) if (wrapped.images![k] !== 0) outside = true;
  const tsText = getKey(info, "Timestep") ?? getKey(info, "step");
  const ts = tsText !== undefined ? Number(tsText) : 0;
  const columns = new Map<string, Float64Array>();
  colNames.forEach((name, k) => columns.set(name, colData[k]));
  const flag = (p: boolean) => (p ? "pp" : "ff");
  const frame: Frame = {
    timestep: Number.isSafeInteger(ts) ? ts : 0,
    natoms: n,
    ids,
    types,
    positions: outside ? wrapped.positions : coords,
    unwrapped: outside ? coords : null,
    images: outside ? wrapped.images : null,
    cell,
    boundary: [flag(periodic[0]), flag(periodic[1]), flag(periodic[2])],
    columns,
    elements: hasSpecies ? [...(typeMap ?? firstSeen).keys()] : null,
    source: { file, frameIndex, line: start + 1 },
  };
  return { frame, next: start + 2 + n };
}

function checkTypes(types: string[] | undefined): Map<string, number> | null {
  if (types === undefined) return null;
  if (!Array.isArray(types) || types.length === 0)
    throw new Error("extxyz: types must be a non-empty array of element names");
  const map = new Map<string, number>();
  types.forEach((t, k) => {
    if (map.has(t)) throw new Error(`extxyz: element "${t}" appears twice in types`);
    map.set(t, k + 1);
  });
  return map;
}

/**
 * All frames of an extended XYZ file (plain or gzip). Species map to types through `types`, or in order of
 * first appearance across the file (so types agree between frames); `frame.elements` is that list.
 * An `id:I:1` property gives the ids, `type:I:1` the types when there is no species; other R/I/L properties go to
 * `columns` (multi-column ones as name_x/_y/_z, or name_0, name_1, ...). Positions are wrapped into the cell;
 * when some lie outside it the file's positions are kept as `unwrapped` with the matching `images`.
 */
export function readExtxyzFrames(path: string, options: ReadExtxyzOptions = {}): Frame[] {
  const typeMap = checkTypes(options.types);
  const lines = readLinesSync(path);
  const frames: Frame[] = [];
  const seen = new Map<string, number>();
  let k = 0;
  while (k < lines.length) {
    if (lines[k].trim() === "") {
      k++;
      continue;
    }
    const { frame, next } = parseFrame(lines, k, path, frames.length, typeMap, seen);
    frames.push(options.sort ? sortById(frame) : frame);
    k = next;
  }
  if (frames.length === 0) throw new ParseError(path, 0, "no frames found (empty file)");
  // Every frame shares the final first-appearance list.
  if (!typeMap) for (const f of frames) if (f.elements) f.elements = [...seen.keys()];
  return frames;
}

/** One frame of an extended XYZ file (see `readExtxyzFrames`); `frame` selects it (negative from the end). */
export function readExtxyz(path: string, options: ReadExtxyzOptions = {}): Frame {
  const frames = readExtxyzFrames(path, options);
  const index = options.frame ?? 0;
  if (!Number.isInteger(index)) throw new Error(`readExtxyz: frame must be an integer, got ${index}`);
  const k = index < 0 ? frames.length + index : index;
  if (k < 0 || k >= frames.length)
    throw new ParseError(
      path,
      0,
      `frame ${index} not found (the file has ${frames.length} frame${frames.length === 1 ? "" : "s"})`,
    );
  return frames[k];
}

/** The text of one extended XYZ frame (see `writeExtxyz`). */
export function formatExtxyzFrame(frame: Frame, options: WriteExtxyzOptions = {}): string {
  const n = frame.natoms;
  const elements = options.elements ?? frame.elements;
  if (!elements)
    throw new Error("writeExtxyz: the frame has no type map; pass elements, e.g. { elements: ['Cu', 'Zr'] }");
  const extra = new Map<string, ArrayLike<number>>(frame.columns);
  for (const [name, col] of Object.entries(options.columns ?? {})) extra.set(name, col);
  for (const [name, col] of extra) {
    if (["species", "pos", "id"].includes(name) || !/^[A-Za-z_][\w-]*$/.test(name)) {
      throw new Error(`writeExtxyz: column name "${name}" is reserved or not a valid property name`);
    }
    if (col.length !== n) throw new Error(`writeExtxyz: column "${name}" has ${col.length} values, expected ${n}`);
  }
  const f = formatNumber;
  const m = frame.cell.matrix;
  const o = frame.cell.origin;
  const props = ["species:S:1", "pos:R:3", "id:I:1", ...[...extra.keys()].map((c) => `${c}:R:1`)].join(":");
  const pbc = frame.cell.periodic.map((p) => (p ? "T" : "F")).join(" ");
  let comment = `Lattice="${Array.from(m, f).join(" ")}" Properties=${props} pbc="${pbc}" Timestep=${frame.timestep}`;
  if (o[0] !== 0 || o[1] !== 0 || o[2] !== 0) comment += ` Origin="${Array.from(o, f).join(" ")}"`;
  const cols = [...extra.values()];
  const names = [...extra.keys()];
  const rows: string[] = [String(n), comment];
  for (let i = 0; i < n; i++) {
    const e = elements[frame.types[i] - 1];
    if (e === undefined)
      throw new Error(
        `writeExtxyz: atom id ${frame.ids[i]} has type ${frame.types[i]}, outside the type map [${elements.join(", ")}]`,
      );
    let row = `${e} ${f(frame.positions[3 * i])} ${f(frame.positions[3 * i + 1])} ${f(frame.positions[3 * i + 2])} ${frame.ids[i]}`;
    for (let k = 0; k < cols.length; k++) {
      const v = cols[k][i];
      if (!(v - v === 0))
        throw new Error(
          `writeExtxyz: column "${names[k]}" of atom id ${frame.ids[i]} is ${v}; only finite numbers are written`,
        );
      row += " " + f(v);
    }
    rows.push(row);
  }
  return rows.join("\n") + "\n";
}

/**
 * Writes frames as extended XYZ (species, wrapped positions, ids and real columns; lattice rows, pbc, Origin when
 * not zero, Timestep), readable by ASE and OVITO, with numbers that read back to the same doubles. Gzip when the
 * path ends in ".gz"; the file is replaced atomically (with `append`, old content plus the new frames).
 */
export function writeExtxyz(path: string, frames: Frame | Frame[], options: WriteExtxyzOptions = {}): void {
  const list = Array.isArray(frames) ? frames : [frames];
  const text = list.map((fr) => formatExtxyzFrame(fr, options)).join("");
  const body = path.endsWith(".gz") ? zlib.gzipSync(Buffer.from(text, "utf8")) : Buffer.from(text, "utf8");
  const old = options.append && fs.existsSync(path) ? fs.readFileSync(path) : Buffer.alloc(0);
  writeFileAtomic(path, Buffer.concat([old, body]));
}
