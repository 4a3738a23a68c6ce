import { strict as assert } from "node:assert";
import { claimsMarkdown, PAPER_CLAIMS, reproduceClaims, verdictCounts } from "../../src/analysis/paper-claims";
import type { LedgerRow } from "../../src/analysis/ledger/claim";

describe("reproduction ledger (paper-claims)", () => {
  it("declares at least 35 claims, each with where, claim, paper value and criterion", () => {
    assert.ok(PAPER_CLAIMS.length >= 35, `${PAPER_CLAIMS.length} claims`);
    for (const c of PAPER_CLAIMS) {
      assert.ok(c.where.trim() && c.claim.trim() && c.paper.trim(), JSON.stringify(c));
      assert.ok(["tolerance", "range", "atMost", "atLeast", "checks", "untestable"].includes(c.criterion.kind));
    }
    const claims = PAPER_CLAIMS.map((c) => `${c.where} ${c.claim}`);
    assert.equal(new Set(claims).size, claims.length, "a claim is declared twice");
  });

  it("covers every figure of the paper and the Methods", () => {
    for (const w of [
      "Fig. 1",
      "Fig. 2",
      "Fig. 3a",
      "Fig. 3b",
      "Fig. 3c",
      "Fig. 3d",
      "Fig. 3e",
      "Fig. 3f",
      "Fig. 4",
      "Fig. 5a",
      "Fig. 5b",
      "Methods",
    ]) {
      assert.ok(
        PAPER_CLAIMS.some((c) => c.where.split(",").some((p) => p.trim().startsWith(w))),
        `no claim for ${w}`,
      );
    }
  });

  it("computes Figure 1's claims without data: bcc interstices are exact, the representation has 16 + 64 features", async () => {
    const rows = await reproduceClaims({ where: ["Fig. 1"], dataDir: "/nonexistent" });
    assert.deepEqual(
      rows.map((r) => r.n),
      [1, 2, 4],
    );
    assert.equal(rows[0].ours, (1 - (3 * Math.PI) / 16).toFixed(6));
    assert.equal(rows[1].ours, (1 - (Math.PI * Math.sqrt(3)) / 8).toFixed(6));
    assert.equal(rows[2].ours, "16 + 64");
    assert.deepEqual(verdictCounts(rows), { reproduced: 3, partly: 0, "not reproduced": 0, "not testable here": 0 });
  });

  it("writes the rows as a Markdown table with pipes escaped", () => {
    const row: LedgerRow = {
      n: 7,
      where: "Fig. 2",
      claim: "a | b",
      paper: "1",
      ours: "2",
      criterion: "c",
      verdict: "partly",
      why: "w",
    };
    const md = claimsMarkdown([row]).split("\n");
    assert.equal(md.length, 3);
    assert.equal(md[2], "| 7 | Fig. 2 | a \\| b | 1 | 2 | c | **partly** | w |");
  });
});
