/**
 * Shared by the benchmarks: a large glass made by replicating the 1,372-atom Cu-Zr fixture glass (the paper's
 * sample size is reached with 7 x 6 x 6 copies = 345,744 atoms), and the voro++ command line run on it.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { Cell } from "../src/structure/cell";
import { readDumpSync } from "../src/io/dump-reader";
import type { Frame } from "../src/structure/frame";

const fixture = path.join(__dirname, "..", "test", "fixtures", "voronoi", "glass.dump.gz");

/** `--name value` from the command line, or the fallback. */
export function option(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
}

/** The fixture glass replicated reps[0] x reps[1] x reps[2] times (periodic; the same local environments). */
export function replicatedGlass(reps: readonly number[]): Frame {
  const g = readDumpSync(fixture, { types: ["Cu", "Zr"], sort: true });
  const m = g.cell.matrix;
  const n0 = g.natoms;
  const n = n0 * reps[0] * reps[1] * reps[2];
  const pos = new Float64Array(3 * n);
  const ids = new Int32Array(n);
  const types = new Int32Array(n);
  let k = 0;
  for (let a = 0; a < reps[0]; a++)
    for (let b = 0; b < reps[1]; b++)
      for (let c = 0; c < reps[2]; c++)
        for (let i = 0; i < n0; i++) {
          for (let d = 0; d < 3; d++) pos[3 * k + d] = g.positions[3 * i + d] + a * m[d] + b * m[3 + d] + c * m[6 + d];
          ids[k] = k + 1;
          types[k] = g.types[i];
          k++;
        }
  const cell = new Cell(
    [
      reps[0] * m[0],
      reps[0] * m[1],
      reps[0] * m[2],
      reps[1] * m[3],
      reps[1] * m[4],
      reps[1] * m[5],
      reps[2] * m[6],
      reps[2] * m[7],
      reps[2] * m[8],
    ],
    g.cell.origin,
  );
  return { ...g, natoms: n, ids, types, positions: pos, unwrapped: null, images: null, cell };
}

/** Writes voro++'s input file (id x y z per line); not timed. */
export function writeVoroppInput(frame: Frame, dir: string): string {
  const input = path.join(dir, "points.txt");
  const lines: string[] = [];
  for (let i = 0; i < frame.natoms; i++)
    lines.push(`${frame.ids[i]} ${frame.positions[3 * i]} ${frame.positions[3 * i + 1]} ${frame.positions[3 * i + 2]}`);
  fs.writeFileSync(input, lines.join("\n") + "\n");
  return input;
}

/**
 * voro++ (periodic, orthogonal box) on the same points with the custom output `format`; wall time, and
 * user+system CPU and peak memory through /usr/bin/time when available.
 */
export function runVoropp(
  frame: Frame,
  input: string,
  format: string,
): { wall: number; cpu: number | null; maxRssMB: number | null; output: string } {
  const m = frame.cell.matrix;
  const o = frame.cell.origin;
  const bounds = [o[0], o[0] + m[0], o[1], o[1] + m[4], o[2], o[2] + m[8]].map(String);
  const args = ["-p", "-c", format, ...bounds, input];
  const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
  const w0 = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ["-f", "%U %S %M", "voro++", ...args], { encoding: "utf8" })
    : spawnSync("voro++", args, { encoding: "utf8" });
  const wall = (performance.now() - w0) / 1000;
  if (r.status !== 0) throw new Error(`voro++ failed (is Debian's voro++ installed?): ${r.stderr ?? r.error}`);
  let cpu: number | null = null;
  let maxRssMB: number | null = null;
  if (timeBin) {
    const last = r.stderr.trim().split("\n").pop() ?? "";
    const [u, s, kb] = last.split(/\s+/).map(Number);
    cpu = u + s;
    maxRssMB = kb / 1024;
  }
  return { wall, cpu, maxRssMB, output: `${input}.vol` };
}
