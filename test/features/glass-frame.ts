import { join } from "node:path";
import type { Frame } from "../../src/structure/frame";
import { readFixtureDump } from "./read-fixture-dump";

/** The 500-atom Cu64Zr36 glass of test/fixtures/features-b as a Frame (types 1 = Cu, 2 = Zr). */
export function glassFrame(): Frame {
  const dump = readFixtureDump(join(__dirname, "../fixtures/features-b/glass.dump"));
  return {
    timestep: 0,
    natoms: dump.n,
    ids: dump.ids,
    types: dump.types,
    positions: dump.positions,
    unwrapped: null,
    images: null,
    cell: dump.cell,
    boundary: ["pp", "pp", "pp"],
    columns: dump.columns,
    elements: ["Cu", "Zr"],
  };
}
