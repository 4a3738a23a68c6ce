import type { Frame } from "../structure/frame";
import { DumpParser, type FrameFilter } from "./dump-parser";
import { readLineBatches, readLinesSync } from "./line-reader";
import { ParseError } from "./parse-error";

/** Options of the LAMMPS dump readers. */
export interface ReadDumpOptions {
  /** Element type map, e.g. ["Cu", "Zr"]: type t is types[t - 1]; a type outside it is an error. */
  types?: string[];
  /** 0-based frame index; negative counts from the end (-1 = last). Default: the first frame. */
  frame?: number;
  /** Select the (first) frame with this timestep instead of an index. */
  timestep?: number;
  /** Sort the atoms of each frame by id. */
  sort?: boolean;
}

interface Selection {
  frame: number | null;
  timestep: number | null;
}

function checkOptions(options: ReadDumpOptions): Selection {
  const { frame, timestep, types } = options;
  if (frame !== undefined && !Number.isInteger(frame))
    throw new Error(`readDump: frame must be an integer, got ${frame}`);
  if (timestep !== undefined && !(Number.isInteger(timestep) && timestep >= 0)) {
    throw new Error(`readDump: timestep must be a non-negative integer, got ${timestep}`);
  }
  if (frame !== undefined && timestep !== undefined)
    throw new Error("readDump: give either frame or timestep, not both");
  if (types !== undefined) {
    if (!Array.isArray(types) || types.length === 0)
      throw new Error("readDump: types must be a non-empty array of element names");
    const seen = new Set<string>();
    for (const t of types) {
      if (typeof t !== "string" || t.trim() === "")
        throw new Error(`readDump: bad element name "${String(t)}" in types`);
      if (seen.has(t)) throw new Error(`readDump: element "${t}" appears twice in types`);
      seen.add(t);
    }
  }
  return { frame: frame ?? null, timestep: timestep ?? null };
}

function notFound(file: string, sel: Selection, parser: DumpParser): ParseError {
  if (sel.timestep !== null) {
    const ts = parser.timesteps;
    const list = ts.length <= 12 ? ts.join(", ") : `${ts.slice(0, 6).join(", ")}, ..., ${ts.slice(-3).join(", ")}`;
    return new ParseError(file, 0, `timestep ${sel.timestep} not found (the file has timesteps ${list})`);
  }
  return new ParseError(
    file,
    0,
    `frame ${sel.frame} not found (the file has ${parser.frameCount} frame${parser.frameCount === 1 ? "" : "s"})`,
  );
}

/** The filter picking the selected frame; `count` resolves negative indices. */
function selector(sel: Selection, count: number): FrameFilter {
  if (sel.timestep !== null) {
    const t = sel.timestep;
    let found = false;
    return (_i, ts) => {
      if (found || ts !== t) return false;
      found = true;
      return true;
    };
  }
  const index = sel.frame === null ? 0 : sel.frame < 0 ? count + sel.frame : sel.frame;
  return (i) => i === index;
}

/** Counts the frames of a dump without parsing atom rows (for negative frame indices). */
async function countFrames(file: string): Promise<number> {
  const parser = new DumpParser(file, {}, () => false);
  for await (const batch of readLineBatches(file)) parser.feed(batch.lines, batch.firstLine);
  parser.finish();
  return parser.frameCount;
}

/**
 * Reads one frame of a LAMMPS text dump (`dump atom` or `dump custom`, plain or gzip), streaming the file so
 * only that frame is held in memory; reading stops right after it. Default: the first frame. A negative index
 * reads the file twice (a first pass counts frames without parsing atom rows).
 * See `ReadDumpOptions` for selection; errors are `ParseError`s naming the file and line.
 */
export async function readDump(path: string, options: ReadDumpOptions = {}): Promise<Frame> {
  const sel = checkOptions(options);
  const count = sel.frame !== null && sel.frame < 0 ? await countFrames(path) : 0;
  const parser = new DumpParser(path, options, selector(sel, count), 1);
  for await (const batch of readLineBatches(path)) {
    parser.feed(batch.lines, batch.firstLine);
    if (parser.done) return parser.frames[0];
  }
  parser.finish();
  if (parser.frames.length > 0) return parser.frames[0];
  throw notFound(path, sel, parser);
}

/** Synchronous `readDump` that reads the whole file into memory first (for small files). */
export function readDumpSync(path: string, options: ReadDumpOptions = {}): Frame {
  const sel = checkOptions(options);
  const lines = readLinesSync(path);
  let count = 0;
  if (sel.frame !== null && sel.frame < 0) {
    const counter = new DumpParser(path, {}, () => false);
    counter.feed(lines, 1);
    counter.finish();
    count = counter.frameCount;
  }
  const parser = new DumpParser(path, options, selector(sel, count), 1);
  parser.feed(lines, 1);
  if (!parser.done) parser.finish();
  if (parser.frames.length > 0) return parser.frames[0];
  throw notFound(path, sel, parser);
}

/**
 * Streams the frames of a dump one by one (memory: one frame at a time). With `frame` or `timestep` only the
 * matching frame is yielded (negative `frame` is refused: it needs the frame count; use `readDump`).
 */
export async function* iterateDump(path: string, options: ReadDumpOptions = {}): AsyncGenerator<Frame> {
  const sel = checkOptions(options);
  if (sel.frame !== null && sel.frame < 0) throw new Error("iterateDump: negative frame indices need readDump");
  const filter: FrameFilter = sel.frame === null && sel.timestep === null ? () => true : selector(sel, 0);
  const single = sel.frame !== null || sel.timestep !== null;
  const parser = new DumpParser(path, options, filter, single ? 1 : Infinity);
  let yielded = 0;
  // Frames confirmed before an error further on are still handed out, then the error is thrown.
  let error: unknown = null;
  for await (const batch of readLineBatches(path)) {
    try {
      parser.feed(batch.lines, batch.firstLine);
    } catch (e) {
      error = e;
    }
    while (parser.frames.length > 0) {
      yield parser.frames.shift() as Frame;
      yielded++;
    }
    if (error !== null) throw error;
    if (parser.done) return;
  }
  try {
    parser.finish();
  } catch (e) {
    error = e;
  }
  while (parser.frames.length > 0) {
    yield parser.frames.shift() as Frame;
    yielded++;
  }
  if (error !== null) throw error;
  if (yielded === 0 && single) throw notFound(path, sel, parser);
}

/** All frames of a dump (or the selected one) in memory; see `iterateDump`. */
export async function readDumpFrames(path: string, options: ReadDumpOptions = {}): Promise<Frame[]> {
  const sel = checkOptions(options);
  if (sel.frame !== null && sel.frame < 0) return [await readDump(path, options)];
  const frames: Frame[] = [];
  for await (const f of iterateDump(path, options)) frames.push(f);
  return frames;
}
