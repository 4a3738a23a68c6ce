import * as assert from "node:assert/strict";
import { intOption, numberOption, parseArgs, parseKeyValues, parseList } from "../../src/cli/args";
import { UsageError } from "../../src/cli/command";

describe("cli/args", () => {
  it("separates positional arguments, valued options (both spellings) and flags", () => {
    const a = parseArgs(
      ["in.dump", "--out", "x.csv", "--types=Cu,Zr", "--radical", "--", "more"],
      ["out", "types"],
      ["radical"],
    );
    assert.deepEqual(a.positional, ["in.dump", "--", "more"]);
    assert.deepEqual(
      [...a.options],
      [
        ["out", "x.csv"],
        ["types", "Cu,Zr"],
      ],
    );
    assert.deepEqual([...a.flags], ["radical"]);
    assert.deepEqual([...parseArgs(["--help"], []).flags], ["help"]);
  });

  it("refuses unknown options, a missing value and a value given to a flag, as usage errors", () => {
    const usage = (re: RegExp) => (e: unknown) => e instanceof UsageError && re.test(e.message);
    assert.throws(() => parseArgs(["--nope"], ["out"]), usage(/unknown option --nope/));
    assert.throws(() => parseArgs(["--out"], ["out"]), usage(/--out needs a value/));
    assert.throws(() => parseArgs(["--radical=1"], [], ["radical"]), usage(/--radical takes no value/));
  });

  it("parses lists and name=number lists, refusing empty or malformed ones", () => {
    assert.deepEqual(parseList(" Cu, Zr ,"), ["Cu", "Zr"]);
    assert.equal(parseList(undefined), undefined);
    assert.throws(() => parseList(" , "), /empty list/);
    assert.deepEqual(parseKeyValues("Cu=1.26,Zr=1.58"), { Cu: 1.26, Zr: 1.58 });
    assert.throws(() => parseKeyValues("Cu=big"), /expected name=number, got "Cu=big"/);
    assert.throws(() => parseKeyValues("Cu"), /expected name=number/);
  });

  it("reads integer and number options with defaults, naming the option when the value is wrong", () => {
    const a = parseArgs(["--frame", "3", "--cutoff", "4.5", "--bad", "2.5"], ["frame", "cutoff", "bad"]);
    assert.equal(intOption(a, "frame", 0), 3);
    assert.equal(intOption(a, "missing", 7), 7);
    assert.equal(numberOption(a, "cutoff", 1), 4.5);
    assert.throws(() => intOption(a, "bad", 0), /--bad must be an integer, got "2.5"/);
    assert.throws(
      () => numberOption(parseArgs(["--cutoff", "abc"], ["cutoff"]), "cutoff", 0),
      /--cutoff must be a number, got "abc"/,
    );
  });
});
