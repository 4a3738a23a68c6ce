import * as assert from "node:assert/strict";
import { parseDecimal } from "../../src/io/decimal";

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const parse = (s: string) => parseDecimal(s, 0, s.length);

describe("io/decimal parseDecimal", () => {
  it("gives exactly Number(text) for 200,000 random numbers in every LAMMPS/printf-like spelling", () => {
    const r = rng(42);
    for (let k = 0; k < 20000; k++) {
      const x = (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20);
      const spellings = [
        String(x),
        x.toPrecision(17),
        x.toPrecision(6),
        x.toPrecision(1 + Math.floor(r() * 17)),
        x.toExponential(16),
        x.toExponential(5),
        x.toFixed(Math.min(20, Math.floor(r() * 21))),
        x.toExponential(8).replace("e", "E"),
        x.toExponential(3).replace(/e([+-])(\d)$/, "e$10$2"),
        (x < 0 ? "" : "+") + x.toPrecision(9),
      ];
      for (const s of spellings)
        assert.equal(Object.is(parse(s), Number(s)), true, `${s}: ${parse(s)} vs ${Number(s)}`);
    }
  });

  it("reads integers, signed zeros and edge spellings like Number", () => {
    for (const s of [
      "0",
      "-0",
      "+0",
      "0.0",
      "-0.0",
      "1.",
      ".5",
      "-.5",
      "007",
      "1e0",
      "1E+2",
      "5e-324",
      "1.7976931348623157e308",
      "123456789012345",
      "1234567890123456789",
      "0.1000000000000000055511151231257827",
    ]) {
      assert.equal(Object.is(parse(s), Number(s)), true, s);
    }
    // within a longer string, without slicing
    const line = "17 2 3.25 -1e-3";
    assert.equal(parseDecimal(line, 5, 9), 3.25);
    assert.equal(parseDecimal(line, 10, 15), -0.001);
  });

  it("returns NaN for anything that is not a plain decimal", () => {
    for (const s of [
      "",
      "-",
      "+",
      ".",
      "e5",
      "1e",
      "1e+",
      "nan",
      "NaN",
      "inf",
      "-inf",
      "Infinity",
      "0x10",
      "0x1234567890abcdef01",
      "0b101",
      "1.2.3",
      "1,5",
      "1e5.5",
      "--1",
      "1-",
      "abc",
      "12a",
      "0o777777777777777777",
    ]) {
      assert.ok(Number.isNaN(parse(s)), `"${s}" gave ${parse(s)}`);
    }
    assert.equal(parse("1e999"), Infinity); // syntactically a number; callers reject non-finite values
  });
});
