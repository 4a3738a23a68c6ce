import { strict as assert } from "node:assert";
import { freshQs, qsCrossover } from "../../../src/analysis/ledger/claims-softness";
import type { StrainSeries } from "../../../src/analysis/ledger/context";

/**
 * A hand-made Figure 3e series: 400 atoms with QS = i / 400; strains 0.125 % ... 4 %. Up to 2 % (index 15) the
 * softest atoms turn plastic, 4 per strain (QS ranks them above every elastic atom: AUC 1); from 2.125 % on, atoms of
 * every QS below 0.84 turn plastic, atom i at strain index 16 + (7 i mod 16), spread evenly over QS (AUC ~0.5),
 * except every 5th, which never does.
 */
function series(): StrainSeries {
  const n = 400;
  const strains = Array.from({ length: 32 }, (_, k) => 0.00125 * (k + 1));
  const qs = Float64Array.from({ length: n }, (_, i) => i / n);
  const firstPlastic = new Int32Array(n).fill(-1);
  // Elastic stage: 4 atoms per strain, from the top of the QS scale down (QS 0.9975, 0.995, ...).
  let top = n - 1;
  for (let k = 0; k < 16; k++) for (let j = 0; j < 4; j++) firstPlastic[top--] = k;
  // Avalanche: the remaining atoms below QS 0.84, each step's atoms spread over that whole range.
  for (let i = 0; i < 336; i++) if (i % 5 !== 0) firstPlastic[i] = 16 + ((7 * i) % 16);
  return { sample: "toy", unseen: true, strains, qs, firstPlastic };
}

describe("ledger, Figure 3e crossover", () => {
  it("freshQs returns the QS of the atoms first plastic in a strain range", () => {
    const s = series();
    assert.deepEqual(
      freshQs(s, 0, 1).sort(),
      [396, 397, 398, 399].map((i) => i / 400),
    );
    assert.equal(freshQs(s, 16, 32).length, 336 - 68);
  });

  it("finds the strain where QS stops separating the new plastic atoms from the elastic ones", () => {
    const r = qsCrossover(series(), 0.005, 0.55);
    // A window is 4 snapshots. From 2.125 % on it holds only avalanche atoms (AUC ~0.5). The window starting at 2 %
    // holds the last 4 elastic-stage atoms (ranked above every elastic atom) and ~50 avalanche atoms, so its AUC is
    // about (4 * 1 + 50 * 0.5) / 54 = 0.54 <= 0.55: the crossover is 2 %. The window at 1.875 % holds 8 elastic-stage
    // atoms among ~42: (8 + 34 * 0.5) / 42 = 0.60 > 0.55.
    assert.ok(r.strain !== null);
    assert.ok(
      Math.abs((r.strain as number) - 0.02) < 1e-9,
      `crossover at ${r.strain}, window AUCs ${r.auc.map((x) => x.toFixed(2)).join(" ")}`,
    );
    assert.ok(r.auc[15] <= 0.55 && r.auc[14] > 0.55);
    const early = r.auc.slice(0, 10).filter((x) => !Number.isNaN(x));
    assert.ok(
      early.every((x) => x > 0.95),
      `elastic-stage AUCs ${early.join(", ")}`,
    );
  });

  it("returns null when QS still separates the atoms at the end of the series", () => {
    const s = series();
    const cut: StrainSeries = {
      ...s,
      strains: s.strains.slice(0, 16),
      firstPlastic: s.firstPlastic.map((k) => (k >= 16 ? -1 : k)),
    };
    assert.equal(qsCrossover(cut).strain, null);
  });
});
