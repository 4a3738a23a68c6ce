import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { WANG_JAIN_2019 } from "../src/features/citations";

/*
 * The paper is Wang & Jain, Nat. Commun. 10, 5537 (2019), doi 10.1038/s41467-019-13511-9. It was once cited in
 * another journal (a Nature partner journal on computation, vol. 5) across the repository (issue 12); this keeps that citation
 * from coming back. The pattern is assembled from parts so that this file does not match itself.
 */
describe("citation of the paper", () => {
  const root = path.join(__dirname, "..");
  /** Text files tracked by git (and new ones not ignored), outside node_modules and the build output. */
  function textFiles(): string[] {
    const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    return out
      .split("\0")
      .filter((f) => f !== "" && !/^(node_modules|dist)\//.test(f) && fs.existsSync(path.join(root, f)));
  }

  it("names the right journal in src/features/citations.ts", () => {
    assert.match(WANG_JAIN_2019.text, /Nat\. Commun\. 10, 5537 \(2019\)/);
    assert.equal(WANG_JAIN_2019.doi, "10.1038/s41467-019-13511-9");
  });

  const wrongJournal = new RegExp(["npj", "Comput"].join("\\s+"), "i");

  it("never cites the paper in the wrong journal in any text file of the repository", () => {
    const files = textFiles();
    assert.ok(files.includes("README.md"), "git ls-files did not list README.md");
    const bad: string[] = [];
    for (const f of files) {
      const buf = fs.readFileSync(path.join(root, f));
      if (buf.includes(0)) continue; // binary
      const text = buf.toString("utf8");
      const m = wrongJournal.exec(text);
      if (m) bad.push(`${f}:${text.slice(0, m.index).split("\n").length}`);
    }
    assert.deepEqual(
      bad,
      [],
      `wrong journal (${wrongJournal.source}; the paper is Nat. Commun. 10, 5537 (2019)) in ${bad.join(", ")}`,
    );
  });
});
