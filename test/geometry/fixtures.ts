import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { readDumpSync } from "../../src/io/dump-reader";
import type { Frame } from "../../src/structure/frame";

export const fixtureDir = path.join(__dirname, "..", "fixtures", "voronoi");

/** Lines of a (gzipped) fixture file. */
export function fixtureLines(name: string): string[] {
  const raw = fs.readFileSync(path.join(fixtureDir, name));
  const text = name.endsWith(".gz") ? zlib.gunzipSync(raw).toString("utf8") : raw.toString("utf8");
  return text.split("\n").filter((l) => l.trim() !== "");
}

/** The glass fixture (LAMMPS `write_dump ... custom id type x y z`, orthogonal pp pp pp box), atoms sorted by id. */
export function glassFrame(): Frame {
  return readDumpSync(path.join(fixtureDir, "glass.dump.gz"), { types: ["Cu", "Zr"], sort: true });
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
    return {
      id: f[0],
      volume: f[1],
      neighbors: f.slice(3, 3 + s),
      areas: f.slice(3 + s, 3 + 2 * s),
      edges: f.slice(3 + 2 * s, 3 + 3 * s),
    };
  });
}
