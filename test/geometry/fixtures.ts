import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { Cell } from "../../src/geometry/cell";
import type { Frame } from "../../src/io/frame";
import { frameOf } from "./crystals";

export const fixtureDir = path.join(__dirname, "..", "fixtures", "voronoi");

/** Lines of a (gzipped) fixture file. */
export function fixtureLines(name: string): string[] {
  const raw = fs.readFileSync(path.join(fixtureDir, name));
  const text = name.endsWith(".gz") ? zlib.gunzipSync(raw).toString("utf8") : raw.toString("utf8");
  return text.split("\n").filter((l) => l.trim() !== "");
}

/**
 * The glass fixture (LAMMPS `write_dump ... custom id type x y z`, orthogonal pp pp pp box), read by a minimal
 * test-only parser so that these tests do not depend on src/io.
 */
export function glassFrame(): Frame {
  const lines = fixtureLines("glass.dump.gz");
  const n = Number(lines[3]);
  const bounds = [5, 6, 7].map((k) => lines[k].trim().split(/\s+/).map(Number));
  const lo = bounds.map((b) => b[0]) as [number, number, number];
  const hi = bounds.map((b) => b[1]) as [number, number, number];
  const cell = Cell.fromLammps(lo, hi);
  const pos: number[] = [];
  const types: number[] = [];
  const ids: number[] = [];
  for (let k = 9; k < 9 + n; k++) {
    const f = lines[k].trim().split(/\s+/).map(Number);
    ids.push(f[0]);
    types.push(f[1]);
    pos.push(f[2], f[3], f[4]);
  }
  const frame = frameOf(cell, pos, types);
  frame.ids = Int32Array.from(ids);
  frame.elements = ["Cu", "Zr"];
  return frame;
}

/** One voro++ output row: `%i %v %s %n %f %a` (id, volume, face count, neighbor ids, face areas, face orders). */
export interface VoroppCell {
  id: number;
  volume: number;
  neighbors: number[];
  areas: number[];
  edges: number[];
}

export function voroppCells(name: string): VoroppCell[] {
  return fixtureLines(name).map((line) => {
    const f = line.trim().split(/\s+/).map(Number);
    const s = f[2];
    return { id: f[0], volume: f[1], neighbors: f.slice(3, 3 + s), areas: f.slice(3 + s, 3 + 2 * s), edges: f.slice(3 + 2 * s, 3 + 3 * s) };
  });
}
