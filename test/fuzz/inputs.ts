import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

/** A small deterministic generator (mulberry32) so every fuzz input is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One atom row of a generated dump. */
export interface Atom {
  id: number;
  type: number;
  x: number;
  y: number;
  z: number;
}

/** A liquid-like configuration: `n` atoms at least `dmin` apart in a cube of side `L` (random sequential adding). */
export function randomAtoms(n: number, L: number, seed = 1, dmin = 2.1): Atom[] {
  const r = rng(seed);
  const atoms: Atom[] = [];
  const minImage = (d: number) => d - L * Math.round(d / L);
  let tries = 0;
  while (atoms.length < n) {
    if (++tries > 200000) throw new Error(`randomAtoms: cannot place ${n} atoms ${dmin} A apart in a ${L} A box`);
    const p = { x: r() * L, y: r() * L, z: r() * L };
    if (atoms.some((a) => minImage(a.x - p.x) ** 2 + minImage(a.y - p.y) ** 2 + minImage(a.z - p.z) ** 2 < dmin * dmin))
      continue;
    atoms.push({ id: atoms.length + 1, type: r() < 0.65 ? 1 : 2, ...p });
  }
  return atoms;
}

/** Options of a generated LAMMPS dump frame. */
export interface DumpSpec {
  atoms: Atom[];
  /** [lo, hi] per direction. */
  bounds: [number, number][];
  boundary?: string;
  timestep?: number;
  /** Columns of the ITEM: ATOMS line (default id type x y z). */
  columns?: string[];
  /** Replaces the number of atoms written in the header. */
  natomsText?: string;
}

/** The text of one dump frame. */
export function dumpText(spec: DumpSpec): string {
  const cols = spec.columns ?? ["id", "type", "x", "y", "z"];
  const lines = [
    "ITEM: TIMESTEP",
    String(spec.timestep ?? 0),
    "ITEM: NUMBER OF ATOMS",
    spec.natomsText ?? String(spec.atoms.length),
    `ITEM: BOX BOUNDS ${spec.boundary ?? "pp pp pp"}`,
    ...spec.bounds.map(([lo, hi]) => `${lo} ${hi}`),
    `ITEM: ATOMS ${cols.join(" ")}`,
  ];
  for (const a of spec.atoms) {
    const rec = a as unknown as Record<string, number>;
    lines.push(cols.map((c) => String(rec[c] ?? 0)).join(" "));
  }
  return lines.join("\n") + "\n";
}

/** The test glass: 100 atoms, types 1 and 2, in an 11.6 A periodic cube (about the density of Cu-Zr glass). */
export const GLASS_L = 11.6;
export function glassAtoms(): Atom[] {
  return randomAtoms(100, GLASS_L, 7);
}
export function glassText(extra: Partial<DumpSpec> = {}): string {
  return dumpText({
    atoms: glassAtoms(),
    bounds: [
      [0, GLASS_L],
      [0, GLASS_L],
      [0, GLASS_L],
    ],
    ...extra,
  });
}

/** Writes `content` to `dir/name` (gzip when the name ends in .gz and content is text) and returns the path. */
export function put(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  const bytes = typeof content === "string" && name.endsWith(".gz") ? zlib.gzipSync(content) : content;
  fs.writeFileSync(file, bytes);
  return file;
}
