import * as assert from "node:assert/strict";
import { frameSpecies } from "../../src/features/species";

describe("features/species frameSpecies", () => {
  const types = Int32Array.of(2, 1, 3, 2);

  it("takes the type map's types and names, marking atoms of other types -1", () => {
    const s = frameSpecies({ natoms: 4, types, elements: ["Cu", "Zr"] });
    assert.deepEqual(s.types, [1, 2]);
    assert.deepEqual(s.names, ["Cu", "Zr"]);
    assert.deepEqual([...s.index], [1, 0, -1, 1]);
  });

  it("without a type map uses types 1..max present, named t<type>", () => {
    const s = frameSpecies({ natoms: 4, types, elements: null });
    assert.deepEqual(s.types, [1, 2, 3]);
    assert.deepEqual(s.names, ["t1", "t2", "t3"]);
    assert.deepEqual([...s.index], [1, 0, 2, 1]);
  });

  it("follows the given types in their order, naming types outside the map t<type>", () => {
    const s = frameSpecies({ natoms: 4, types, elements: ["Cu", "Zr"] }, [3, 2]);
    assert.deepEqual(s.names, ["t3", "Zr"]);
    assert.deepEqual([...s.index], [1, -1, 0, 1]);
  });

  it("refuses empty, non-integer or repeated types", () => {
    const f = { natoms: 4, types, elements: null };
    assert.throws(() => frameSpecies(f, []), /at least one atom type/);
    assert.throws(() => frameSpecies(f, [0]), /integers >= 1, got 0/);
    assert.throws(() => frameSpecies(f, [1, 1]), /repeated: 1, 1/);
  });
});
