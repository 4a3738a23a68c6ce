/**
 * Speed and memory of the periodic Voronoi tessellation on a replicated Cu-Zr glass (>= 300,000 atoms; default
 * 7 x 6 x 6 copies of the 1,372-atom fixture = 345,744 atoms, the size of the paper's 345,600-atom samples),
 * against the voro++ command line (Debian voro++ 0.4.6) on the same points in the same run: qsoft with 1 and
 * 2 threads, voro++ writing the same per-cell data (volume, neighbors, face areas, face edge counts). Also the
 * cell-list vs kd-tree k-nearest search and the cutoff search on a smaller copy.
 *
 * Each configuration runs in a fresh child process (clean peak memory), `--repeat` times (best wall time).
 * Ratios measured in one run stay meaningful on a loaded machine; absolute times do not.
 *
 * Run: npm run bench:voronoi [-- --reps 7,6,6 --repeat 2]
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Cell } from "../src/structure/cell";
import { Voronoi } from "../src/geometry/voronoi";
import { cutoffNeighbors } from "../src/neighbors/cutoff-neighbors";
import { kNearest } from "../src/neighbors/k-nearest";
import { option, replicatedGlass, runVoropp, writeVoroppInput } from "./reference-glass";

interface ChildResult {
  wall: number;
  cpu: number;
  maxRssMB: number;
  volumeSum: number;
  faces: number;
  flagged: number;
  volumes?: string;
}

/** Child process: one qsoft tessellation. */
function child(): void {
  const reps = option("reps", "7,6,6").split(",").map(Number);
  const threads = Number(option("threads", "1"));
  const frame = replicatedGlass(reps);
  const v = new Voronoi({ threads });
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const t = v.compute(frame);
  const wall = (performance.now() - w0) / 1000;
  const c1 = process.cpuUsage(c0);
  let volumeSum = 0;
  let flagged = 0;
  for (let i = 0; i < t.n; i++) {
    volumeSum += t.volumes[i];
    if (t.flags[i]) flagged++;
  }
  const out: ChildResult = {
    wall,
    cpu: (c1.user + c1.system) / 1e6,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    volumeSum,
    faces: t.faceOffsets[t.n],
    flagged,
  };
  const dumpTo = option("volumes", "");
  if (dumpTo) fs.writeFileSync(dumpTo, Buffer.from(t.volumes.buffer, t.volumes.byteOffset, t.volumes.byteLength));
  process.stdout.write(JSON.stringify(out));
}

function runChild(args: string[]): ChildResult {
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, "--child", ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

function main(): void {
  if (process.argv.includes("--child")) {
    child();
    return;
  }
  const reps = option("reps", "7,6,6");
  const repeat = Number(option("repeat", "2"));
  const r = reps.split(",").map(Number);
  const frame = replicatedGlass(r);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsoft-voronoi-bench-"));
  const cpus = os.cpus().length;
  console.log(
    `Voronoi benchmark: ${frame.natoms} atoms (glass fixture x ${r.join(" x ")}), node ${process.version}, ${cpus} cores`,
  );
  console.log(
    `load average at start: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")} (other jobs share the cores: compare ratios, not absolute times)`,
  );
  try {
    const input = writeVoroppInput(frame, dir);
    let vp: ReturnType<typeof runVoropp> | null = null;
    let vpVol: ReturnType<typeof runVoropp> | null = null;
    let one: ChildResult | null = null;
    let two: ChildResult | null = null;
    const volumesFile = path.join(dir, "volumes.f64");
    for (let k = 0; k < repeat; k++) {
      const v = runVoropp(frame, input, "%i %v %s %n %f %a");
      if (!vp || v.wall < vp.wall) vp = v;
      // Volumes only: voro++'s cell computation with almost no output to format and write.
      const w = runVoropp(frame, input, "%i %v");
      if (!vpVol || w.wall < vpVol.wall) vpVol = w;
      const a = runChild(["--reps", reps, "--threads", "1", ...(k === 0 ? ["--volumes", volumesFile] : [])]);
      if (!one || a.wall < one.wall) one = a;
      const b = runChild(["--reps", reps, "--threads", "2"]);
      if (!two || b.wall < two.wall) two = b;
    }
    if (!vp || !vpVol || !one || !two) return;
    // Agreement: every qsoft volume against voro++'s 6-digit output.
    const ours = new Float64Array(fs.readFileSync(volumesFile).buffer.slice(0));
    let worst = 0;
    for (const line of fs.readFileSync(vp.output, "utf8").split("\n")) {
      if (!line) continue;
      const f = line.split(" ", 2);
      const i = Number(f[0]) - 1;
      worst = Math.max(worst, Math.abs(ours[i] - Number(f[1])) / Number(f[1]));
    }
    const fmt = (x: number | null, d = 2) => (x === null ? "n/a" : x.toFixed(d));
    const row = (name: string, wall: number, cpu: number | null, rss: number | null) =>
      console.log(
        `${name.padEnd(30)} wall ${fmt(wall).padStart(7)} s   cpu ${fmt(cpu).padStart(7)} s   wall/voro++ ${fmt(wall / vp!.wall).padStart(5)}   cpu/voro++ ${cpu !== null && vp!.cpu ? fmt(cpu / vp!.cpu).padStart(5) : "  n/a"}   peak RSS ${fmt(rss, 0).padStart(5)} MB`,
      );
    console.log(`best of ${repeat}:`);
    row("voro++ -p, faces (reference)", vp.wall, vp.cpu, vp.maxRssMB);
    row("qsoft Voronoi, 1 thread", one.wall, one.cpu, one.maxRssMB);
    row("qsoft Voronoi, 2 threads", two.wall, two.cpu, two.maxRssMB);
    const vol = vpVol;
    console.log(
      `voro++ -p, volumes only        wall ${fmt(vol.wall).padStart(7)} s   cpu ${fmt(vol.cpu).padStart(7)} s   (qsoft 1 thread / this: ${fmt(one.wall / vol.wall)}x wall, ${vol.cpu ? fmt(one.cpu / vol.cpu) : "n/a"}x cpu)`,
    );
    console.log(
      `qsoft: ${one.faces} faces, ${one.flagged} flagged atoms; volume sum / box ${(one.volumeSum / frame.cell.volume).toFixed(12)}; max |V - V_voro++| / V_voro++ = ${worst.toExponential(2)} (voro++ prints 6 digits)`,
    );
    console.log(
      `goals: 1 thread <= 2x voro++ (${(one.wall / vp.wall).toFixed(2)}x wall, ${vp.cpu ? (one.cpu / vp.cpu).toFixed(2) : "n/a"}x cpu); 2 threads <= 1x (${(two.wall / vp.wall).toFixed(2)}x wall); peak <= 2 GB (${(Math.max(one.maxRssMB, two.maxRssMB) / 1024).toFixed(2)} GB)`,
    );

    // Neighbor searches on a smaller copy (the kd-tree package builds one JS object per point).
    const small = replicatedGlass([3, 3, 3]);
    const time = (fn: () => unknown) => {
      const t0 = performance.now();
      fn();
      return (performance.now() - t0) / 1000;
    };
    const tCells = time(() => kNearest(small, 12, { method: "cell-list" }));
    const tTree = time(() => kNearest(small, 12, { method: "kd-tree" }));
    const tCut = time(() => cutoffNeighbors(small, 4.0));
    console.log(
      `k-nearest (k = 12, ${small.natoms} atoms, periodic): cell list ${tCells.toFixed(2)} s, kd-tree-javascript ${tTree.toFixed(2)} s (${(tTree / tCells).toFixed(1)}x); cutoff 4 A: ${tCut.toFixed(2)} s`,
    );
    // A finite clustered set (10 dense blobs far apart), where uniform bins degenerate and the kd-tree serves.
    const blobs = new Float64Array(3 * 10000);
    let seed = 1;
    const rand = (): number => {
      seed = (seed * 16807) % 2147483647;
      return (seed - 1) / 2147483646;
    };
    for (let i = 0; i < 10000; i++) {
      blobs[3 * i] = 50 + 90 * (i % 10) + 6 * rand();
      blobs[3 * i + 1] = 50 + 6 * rand();
      blobs[3 * i + 2] = 50 + 6 * rand();
    }
    const finite = { cell: Cell.orthogonal(1000, 100, 100, [0, 0, 0], [false, false, false]), positions: blobs };
    const tBlobCells = time(() => kNearest(finite, 12, { method: "cell-list" }));
    const tBlobTree = time(() => kNearest(finite, 12, { method: "kd-tree" }));
    console.log(
      `k-nearest (k = 12, 10000 atoms in 10 finite blobs): cell list ${tBlobCells.toFixed(2)} s, kd-tree-javascript ${tBlobTree.toFixed(2)} s (method "auto" picks the kd-tree here)`,
    );
    console.log(
      `voro++ commands: ${execFileSync("sh", ["-c", "command -v voro++"], { encoding: "utf8" }).trim()} -p -c "%i %v %s %n %f %a" (or "%i %v") <box bounds> points.txt`,
    );
    console.log("qsoft times exclude writing results; voro++'s include formatting and writing its output file.");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
