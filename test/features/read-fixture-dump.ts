import { readFileSync } from "node:fs";
import { Cell } from "../../src/structure/cell";

/** A minimal reader of the orthogonal single-frame LAMMPS dumps saved as fixtures (independent of src/io). */
export interface FixtureDump {
  n: number;
  cell: Cell;
  ids: Int32Array;
  types: Int32Array;
  positions: Float64Array;
  columns: Map<string, Float64Array>;
}

export function readFixtureDump(path: string): FixtureDump {
  const lines = readFileSync(path, "utf8").split("\n");
  const n = Number(lines[3]);
  const lo: number[] = [];
  const hi: number[] = [];
  for (let d = 0; d < 3; d++) {
    const [a, b] = lines[5 + d].trim().split(/\s+/).map(Number);
    lo.push(a);
    hi.push(b);
  }
  const header = lines[8].trim().split(/\s+/).slice(2);
  const col = (name: string) => header.indexOf(name);
  const ids = new Int32Array(n);
  const types = new Int32Array(n);
  const positions = new Float64Array(3 * n);
  const columns = new Map<string, Float64Array>();
  for (const h of header) columns.set(h, new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const f = lines[9 + i].trim().split(/\s+/).map(Number);
    ids[i] = f[col("id")];
    types[i] = f[col("type")];
    positions[3 * i] = f[col("x")];
    positions[3 * i + 1] = f[col("y")];
    positions[3 * i + 2] = f[col("z")];
    header.forEach((h, k) => ((columns.get(h) as Float64Array)[i] = f[k]));
  }
  const cell = Cell.orthogonal(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], lo);
  return { n, cell, ids, types, positions, columns };
}
