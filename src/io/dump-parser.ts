import { Cell } from "../structure/cell";
import { notDecimalReason, parseDecimal } from "./decimal";
import { resolvePositions, type CoordinateSource } from "./atom-positions";
import { dumpColumnLayout, type DumpColumnLayout } from "./dump-columns";
import { nonPeriodicBounds } from "./nonperiodic-bounds";
import type { Frame } from "../structure/frame";
import { sortById } from "../structure/frame";
import { boxFromDumpBounds, cellFromBox, periodicFromBoundary } from "../structure/lammps-box";
import { ParseError } from "./parse-error";

/** Options shared by the dump readers (see `ReadDumpOptions` in dump-reader.ts). */
export interface DumpParseOptions {
  /** Element type map: type t is types[t - 1]. */
  types?: readonly string[];
  /** Sort the atoms of every frame by id. */
  sort?: boolean;
}

/** Decides at each frame's ATOMS header whether its rows are parsed (true) or only counted (false). */
export type FrameFilter = (frameIndex: number, timestep: number) => boolean;

type BoxKind = "orthogonal" | "triclinic" | "general";

type State = "item" | "timestep" | "natoms" | "box" | "atoms" | "skip" | "time" | "units";

/** Header of the frame being read. */
interface FrameHeader {
  index: number;
  line: number;
  timestep: number | null;
  natoms: number | null;
  natomsLine: number;
  boxKind: BoxKind | null;
  boxLine: number;
  boundary: [string, string, string];
  box: number[];
  cell: Cell | null;
}

/** True when ids increase along the rows. */
export function isSorted(ids: Int32Array): boolean {
  for (let r = 1; r < ids.length; r++) if (ids[r] < ids[r - 1]) return false;
  return true;
}

/** True when `line` starts with "ITEM:" (cheap test used on every atom row). */
function isItem(line: string): boolean {
  return line.charCodeAt(0) === 73 && line.startsWith("ITEM:");
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) > 32) return false;
  return true;
}

/** Whitespace-separated tokens (header lines only; atom rows are scanned in place). */
function tokens(line: string): string[] {
  return line
    .trim()
    .split(/\s+/)
    .filter((t) => t !== "");
}

/**
 * Incremental parser of LAMMPS text dumps (`dump atom` and `dump custom`; LAMMPS manual, `dump` command):
 * lines are fed in order, complete frames come out. A frame is handed out only once the line after its last
 * atom row (an ITEM line, or the end of the file) confirms its atom count, so no partial frame ever escapes.
 */
export class DumpParser {
  /** Frames completed and confirmed, waiting to be taken. */
  readonly frames: Frame[] = [];
  /** Number of frames started so far (the next frame's index). */
  frameCount = 0;
  /** Timesteps of all frames seen (for "not found" messages). */
  readonly timesteps: number[] = [];

  private state: State = "item";
  private header: FrameHeader | null = null;
  private layout: DumpColumnLayout | null = null;
  private boxRow = 0;
  private row = 0;
  private rowsStart = 0;
  private data: Float64Array[] = [];
  private elementNames: string[] | null = null;
  private pending: Frame | null = null;
  /** Inside a frame: from its first ITEM line to its last atom row. */
  private inFrame = false;
  /** Just after a frame's last atom row, until the next ITEM line. */
  private afterRows = false;
  private lastLine = 0;
  /** Frames confirmed so far (handed to `frames`, possibly already taken). */
  private confirmed = 0;
  private readonly typeIndex: Map<string, number> | null;

  constructor(
    readonly file: string,
    private readonly options: DumpParseOptions,
    private readonly filter: FrameFilter,
    /** Stop reading lines once this many frames are confirmed (later lines are not even looked at). */
    private readonly limit = Infinity,
  ) {
    this.typeIndex = options.types ? new Map(options.types.map((e, k) => [e, k + 1])) : null;
  }

  private fail(line: number, problem: string): never {
    throw new ParseError(this.file, line, problem);
  }

  /** True once `limit` frames are confirmed: the caller should stop feeding. */
  get done(): boolean {
    return this.confirmed >= this.limit;
  }

  /** Feeds consecutive lines; `firstLine` is the 1-based number of lines[0]. Stops early once `done`. */
  feed(lines: readonly string[], firstLine: number): void {
    for (let k = 0; k < lines.length; k++) {
      if (this.confirmed >= this.limit) return;
      const line = lines[k];
      const lineNo = firstLine + k;
      if (this.state === "atoms") {
        this.atomRow(line, lineNo);
        continue;
      }
      if (this.state === "skip") {
        if (isItem(line)) this.fail(lineNo, this.shortMessage());
        if (++this.row === this.header!.natoms) this.endFrame(null);
        continue;
      }
      this.headerLine(line, lineNo);
    }
    if (lines.length > 0) this.lastLine = firstLine + lines.length - 1;
  }

  /** Signals the end of the file: confirms the last frame or reports a truncated one. */
  finish(): void {
    if (this.inFrame) {
      const h = this.header!;
      const where = `frame ${h.index}${h.timestep !== null ? ` (timestep ${h.timestep})` : ""}`;
      let what: string;
      if (this.state === "atoms" || this.state === "skip") what = `expected ${h.natoms} atom rows, found ${this.row}`;
      else if (this.state === "box") what = `expected 3 BOX BOUNDS lines, found ${this.boxRow}`;
      else if (this.state !== "item") what = "the value after the last ITEM line is missing";
      else if (h.timestep === null) what = "no TIMESTEP";
      else if (h.natoms === null) what = "no NUMBER OF ATOMS";
      else if (h.cell === null) what = "no BOX BOUNDS";
      else what = "no ATOMS section";
      this.fail(this.lastLine, `file ends inside ${where}: ${what} (truncated file?)`);
    }
    this.flush();
    if (this.frameCount === 0) this.fail(0, "no frames found (empty file or not a LAMMPS text dump)");
  }

  private flush(): void {
    if (this.pending !== null) {
      this.frames.push(this.pending);
      this.confirmed++;
      this.pending = null;
    }
  }

  private shortMessage(): string {
    const h = this.header!;
    return `NUMBER OF ATOMS is ${h.natoms} (line ${h.natomsLine}) but only ${this.row} atom rows precede this ITEM line`;
  }

  private newHeader(lineNo: number): FrameHeader {
    return {
      index: this.frameCount,
      line: lineNo,
      timestep: null,
      natoms: null,
      natomsLine: 0,
      boxKind: null,
      boxLine: 0,
      boundary: ["pp", "pp", "pp"],
      box: [],
      cell: null,
    };
  }

  private headerLine(line: string, lineNo: number): void {
    switch (this.state) {
      case "item":
        break;
      case "time":
      case "units":
        this.state = "item";
        return;
      case "timestep": {
        const t = tokens(line);
        const v = t.length === 1 ? Number(t[0]) : NaN;
        if (!Number.isSafeInteger(v) || v < 0)
          this.fail(lineNo, `TIMESTEP must be a non-negative integer, got "${line.trim()}"`);
        this.header!.timestep = v;
        this.timesteps.push(v);
        this.state = "item";
        return;
      }
      case "natoms": {
        const t = tokens(line);
        const v = t.length === 1 ? Number(t[0]) : NaN;
        if (!Number.isSafeInteger(v) || v < 0 || v > 0x7fffffff) {
          this.fail(lineNo, `NUMBER OF ATOMS must be a non-negative integer, got "${line.trim()}"`);
        }
        this.header!.natoms = v;
        this.header!.natomsLine = lineNo;
        this.state = "item";
        return;
      }
      case "box": {
        this.boxLine(line, lineNo);
        return;
      }
      default:
        break;
    }
    // state "item": expect an ITEM line (blank lines between sections are tolerated).
    if (isBlank(line)) return;
    if (!isItem(line)) {
      if (this.afterRows) {
        const h = this.header!;
        this.fail(lineNo, `NUMBER OF ATOMS is ${h.natoms} (line ${h.natomsLine}) but there are more atom rows`);
      }
      const shown = line.trim().slice(0, 60);
      const printable = shown.replace(/[^\x20-\x7e]/g, "?");
      this.fail(
        lineNo,
        `expected an "ITEM:" line, got "${printable}"${printable !== shown ? " (a binary file?)" : ""}`,
      );
    }
    const item = line.slice(5).trim();
    this.afterRows = false;
    if (item === "TIMESTEP" || item === "TIME" || item === "UNITS") {
      // TIME and UNITS are optional headers written before TIMESTEP (dump_modify time/units); values not kept.
      if (!this.inFrame) {
        this.flush();
        this.startFrame(lineNo);
      } else if (this.header!.timestep !== null) {
        this.fail(
          lineNo,
          `"ITEM: ${item}" inside frame ${this.header!.index} (timestep ${this.header!.timestep}), which has no ATOMS section yet`,
        );
      }
      this.state = item === "TIMESTEP" ? "timestep" : item === "TIME" ? "time" : "units";
    } else if (item === "NUMBER OF ATOMS") {
      this.requireTimestep(lineNo, item);
      this.state = "natoms";
    } else if (item.startsWith("BOX BOUNDS")) {
      this.requireTimestep(lineNo, item);
      this.boxHeader(item, lineNo);
    } else if (item.startsWith("ATOMS")) {
      this.requireTimestep(lineNo, item);
      const h = this.header!;
      if (h.natoms === null) this.fail(lineNo, "ATOMS section before NUMBER OF ATOMS");
      if (h.cell === null) this.fail(lineNo, "ATOMS section before BOX BOUNDS");
      this.atomsHeader(item, lineNo);
    } else {
      this.fail(
        lineNo,
        `unknown dump section "ITEM: ${item}" (expected TIMESTEP, NUMBER OF ATOMS, BOX BOUNDS or ATOMS)`,
      );
    }
  }

  private startFrame(lineNo: number): void {
    this.header = this.newHeader(lineNo);
    this.frameCount++;
    this.inFrame = true;
  }

  private requireTimestep(lineNo: number, item: string): void {
    if (!this.inFrame) this.fail(lineNo, `"ITEM: ${item}" outside a frame; expected "ITEM: TIMESTEP"`);
    if (this.header!.timestep === null) this.fail(lineNo, `"ITEM: ${item}" before "ITEM: TIMESTEP"`);
  }

  private boxHeader(item: string, lineNo: number): void {
    const words = tokens(item).slice(2);
    let kind: BoxKind = "orthogonal";
    if (words[0] === "xy") {
      if (words[1] !== "xz" || words[2] !== "yz")
        this.fail(lineNo, `triclinic BOX BOUNDS header must read "xy xz yz", got "${item}"`);
      kind = "triclinic";
      words.splice(0, 3);
    } else if (words[0] === "abc") {
      if (words[1] !== "origin")
        this.fail(lineNo, `general triclinic BOX BOUNDS header must read "abc origin", got "${item}"`);
      kind = "general";
      words.splice(0, 2);
    }
    const h = this.header!;
    if (words.length === 3) {
      for (const w of words) {
        if (!/^[pfsm]{2}$/.test(w))
          this.fail(lineNo, `boundary flag "${w}" is not a LAMMPS boundary (pp, ff, ss, mm, fs, ...)`);
      }
      h.boundary = [words[0], words[1], words[2]];
    } else if (words.length !== 0) {
      this.fail(lineNo, `BOX BOUNDS needs 3 boundary flags (e.g. "pp pp pp"), got "${words.join(" ")}"`);
    }
    h.boxKind = kind;
    h.boxLine = lineNo;
    h.box = [];
    this.boxRow = 0;
    this.state = "box";
  }

  private boxLine(line: string, lineNo: number): void {
    const h = this.header!;
    const want = h.boxKind === "orthogonal" ? 2 : h.boxKind === "triclinic" ? 3 : 4;
    const t = tokens(line);
    if (t.length !== want)
      this.fail(lineNo, `BOX BOUNDS line must have ${want} numbers, got ${t.length}: "${line.trim()}"`);
    for (const s of t) {
      const v = parseDecimal(s, 0, s.length);
      if (!Number.isFinite(v)) this.fail(lineNo, `BOX BOUNDS value "${s}" is not a finite number`);
      h.box.push(v);
    }
    if (++this.boxRow < 3) return;
    this.state = "item";
    const periodic = periodicFromBoundary(h.boundary);
    const b = h.box;
    try {
      if (h.boxKind === "general") {
        // LAMMPS `dump_modify triclinic/general`: rows "ax ay az originx", "bx by bz originy", "cx cy cz originz".
        h.cell = new Cell([b[0], b[1], b[2], b[4], b[5], b[6], b[8], b[9], b[10]], [b[3], b[7], b[11]], periodic);
      } else if (h.boxKind === "triclinic") {
        h.cell = cellFromBox(boxFromDumpBounds([b[0], b[1], b[3], b[4], b[6], b[7]], [b[2], b[5], b[8]]), periodic);
      } else {
        h.cell = cellFromBox({ lo: [b[0], b[2], b[4]], hi: [b[1], b[3], b[5]], tilt: [0, 0, 0] }, periodic);
      }
    } catch (e) {
      this.fail(h.boxLine, `bad box: ${(e as Error).message}`);
    }
  }

  private atomsHeader(item: string, lineNo: number): void {
    const names = tokens(item).slice(1);
    const layout = dumpColumnLayout(names, lineNo, (problem) => this.fail(lineNo, problem));
    this.layout = layout;

    const h = this.header!;
    this.row = 0;
    this.rowsStart = lineNo + 1;
    const natoms = h.natoms!;
    if (!this.filter(h.index, h.timestep!)) {
      this.state = "skip";
      if (natoms === 0) this.endFrame(null);
      return;
    }
    this.data = names.map((_, k) => (k === layout.element ? new Float64Array(0) : new Float64Array(natoms)));
    this.elementNames = layout.element >= 0 ? new Array<string>(natoms) : null;
    this.state = "atoms";
    if (natoms === 0) this.endFrame(this.build());
  }

  private atomRow(line: string, lineNo: number): void {
    const ncol = this.data.length;
    const data = this.data;
    const r = this.row;
    const elementCol = this.layout!.element;
    const len = line.length;
    let pos = 0;
    let f = 0;
    for (;;) {
      while (pos < len && line.charCodeAt(pos) <= 32) pos++;
      if (pos >= len) break;
      const start = pos;
      while (pos < len && line.charCodeAt(pos) > 32) pos++;
      if (f < ncol) {
        if (f === elementCol) this.elementNames![r] = line.slice(start, pos);
        else {
          const v = parseDecimal(line, start, pos);
          if (!(v - v === 0)) this.badValue(line, lineNo, start, pos, f);
          data[f][r] = v;
        }
      }
      f++;
    }
    if (f !== ncol) {
      if (isItem(line)) this.fail(lineNo, this.shortMessage());
      this.fail(lineNo, `atom row has ${f} fields, expected ${ncol} (${this.layout!.names.join(" ")})`);
    }
    if (++this.row === this.header!.natoms) this.endFrame(this.build());
  }

  private badValue(line: string, lineNo: number, start: number, end: number, f: number): never {
    const text = line.slice(start, end);
    const name = this.layout!.names[f];
    if (isItem(line)) this.fail(lineNo, this.shortMessage());
    this.fail(lineNo, `value "${text}" of column "${name}" ${notDecimalReason(text)}`);
  }

  private endFrame(frame: Frame | null): void {
    this.state = "item";
    this.data = [];
    this.elementNames = null;
    this.pending = frame;
    this.inFrame = false;
    this.afterRows = true;
  }

  /** Builds the Frame from the parsed columns; errors name the offending row's line. */
  private build(): Frame {
    const h = this.header!;
    const L = this.layout!;
    const n = h.natoms!;
    const data = this.data;
    const rowLine = (r: number) => this.rowsStart + r;
    const cell = h.cell!;

    const ids = new Int32Array(n);
    if (L.id >= 0) {
      const c = data[L.id];
      for (let r = 0; r < n; r++) {
        const v = c[r];
        if (!Number.isInteger(v) || v < 1 || v > 0x7fffffff)
          this.fail(rowLine(r), `atom id ${v} is not a positive 32-bit integer`);
        ids[r] = v;
      }
      this.checkUniqueIds(ids, rowLine);
    } else {
      for (let r = 0; r < n; r++) ids[r] = r + 1;
    }

    const types = new Int32Array(n);
    let elements: string[] | null = this.options.types ? [...this.options.types] : null;
    if (L.type >= 0) {
      const c = data[L.type];
      const ntypes = elements ? elements.length : Infinity;
      for (let r = 0; r < n; r++) {
        const v = c[r];
        if (!Number.isInteger(v) || v < 1) this.fail(rowLine(r), `atom type ${v} is not a positive integer`);
        if (v > ntypes) {
          this.fail(rowLine(r), `atom id ${ids[r]} has type ${v}, outside the type map [${elements!.join(", ")}]`);
        }
        types[r] = v;
      }
    } else if (this.elementNames === null) {
      types.fill(1);
    }
    if (this.elementNames !== null) elements = this.typesFromElements(types, L.type >= 0, elements, rowLine);

    const triple = (cols: [number, number, number]): Float64Array => {
      const out = new Float64Array(3 * n);
      const [a, b, c] = [data[cols[0]], data[cols[1]], data[cols[2]]];
      for (let r = 0; r < n; r++) {
        out[3 * r] = a[r];
        out[3 * r + 1] = b[r];
        out[3 * r + 2] = c[r];
      }
      return out;
    };
    const wrapped: CoordinateSource | null = L.wrapped
      ? { coords: triple(L.wrapped.cols), scaled: L.wrapped.scaled }
      : null;
    const unwrapped: CoordinateSource | null = L.unwrapped
      ? { coords: triple(L.unwrapped.cols), scaled: L.unwrapped.scaled }
      : null;
    let images: Int32Array | null = null;
    if (L.image) {
      const f = triple(L.image);
      images = new Int32Array(3 * n);
      for (let k = 0; k < 3 * n; k++) {
        if (!Number.isInteger(f[k]) || Math.abs(f[k]) > 0x3fffffff) {
          this.fail(rowLine(Math.floor(k / 3)), `image flag ${f[k]} (${L.names[L.image[k % 3]]}) is not an integer`);
        }
        images[k] = f[k];
      }
    }
    const resolved = resolvePositions(cell, n, wrapped, unwrapped, images);
    const box = nonPeriodicBounds(cell, h.boundary, resolved.positions, (r, problem) =>
      this.fail(rowLine(r), `atom id ${ids[r]} ${problem}`),
    );

    const columns = new Map<string, Float64Array>();
    for (const k of L.extra) columns.set(L.names[k], data[k]);

    let frame: Frame = {
      timestep: h.timestep!,
      natoms: n,
      ids,
      types,
      positions: resolved.positions,
      unwrapped: resolved.unwrapped,
      images: resolved.images,
      cell: box,
      boundary: h.boundary,
      columns,
      elements,
      source: { file: this.file, frameIndex: h.index, line: h.line },
    };
    if (this.options.sort && !isSorted(ids)) frame = sortById(frame);
    return frame;
  }

  /** Types from an `element` column (dump_modify element): through the type map, or in order of first appearance. */
  private typesFromElements(
    types: Int32Array,
    haveTypes: boolean,
    map: string[] | null,
    rowLine: (r: number) => number,
  ): string[] {
    const names = this.elementNames!;
    const n = names.length;
    if (map !== null) {
      const index = this.typeIndex!;
      for (let r = 0; r < n; r++) {
        const t = index.get(names[r]);
        if (t === undefined) this.fail(rowLine(r), `element "${names[r]}" is not in the type map [${map.join(", ")}]`);
        if (haveTypes && types[r] !== t) {
          this.fail(
            rowLine(r),
            `atom has type ${types[r]} but element "${names[r]}", which the type map makes type ${t}`,
          );
        }
        types[r] = t;
      }
      return map;
    }
    if (haveTypes) {
      // The file's own type -> element pairs become the type map; they must be consistent.
      const byType: string[] = [];
      for (let r = 0; r < n; r++) {
        const t = types[r];
        const prev = byType[t - 1];
        if (prev === undefined) byType[t - 1] = names[r];
        else if (prev !== names[r])
          this.fail(rowLine(r), `type ${t} is element "${names[r]}" here but "${prev}" on an earlier row`);
      }
      for (let t = 0; t < byType.length; t++) if (byType[t] === undefined) byType[t] = `type${t + 1}`;
      return byType;
    }
    const order: string[] = [];
    const seen = new Map<string, number>();
    for (let r = 0; r < n; r++) {
      let t = seen.get(names[r]);
      if (t === undefined) {
        order.push(names[r]);
        t = order.length;
        seen.set(names[r], t);
      }
      types[r] = t;
    }
    return order;
  }

  private checkUniqueIds(ids: Int32Array, rowLine: (r: number) => number): void {
    const n = ids.length;
    if (n === 0) return;
    let min = ids[0];
    let max = ids[0];
    for (let r = 1; r < n; r++) {
      if (ids[r] < min) min = ids[r];
      if (ids[r] > max) max = ids[r];
    }
    if (max - min < 4 * n + 1024) {
      const slot = new Int32Array(max - min + 1).fill(-1);
      for (let r = 0; r < n; r++) {
        const s = ids[r] - min;
        if (slot[s] >= 0) this.fail(rowLine(r), `duplicate atom id ${ids[r]} (also on line ${rowLine(slot[s])})`);
        slot[s] = r;
      }
      return;
    }
    const sorted = Int32Array.from(ids).sort();
    for (let k = 1; k < n; k++) {
      if (sorted[k] === sorted[k - 1]) {
        const rows: number[] = [];
        for (let r = 0; r < n && rows.length < 2; r++) if (ids[r] === sorted[k]) rows.push(r);
        this.fail(rowLine(rows[1]), `duplicate atom id ${sorted[k]} (also on line ${rowLine(rows[0])})`);
      }
    }
  }
}
