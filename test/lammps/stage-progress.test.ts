import { strict as assert } from "node:assert";
import { stageProgress } from "../../data/lammps/stage-progress";

describe("data:generate progress lines (stageProgress)", () => {
  // A quench from step 25,000 to 122,500, resumed at 55,000; 5,000 steps done in 500 s.
  const resumed = { stage: "quench", vars: { start: 25000, nsteps: 122500 }, firstStep: 55000, lastStep: 122500 };

  it("counts the share from the stage's first step, the rate and time left from this run's steps", () => {
    // share (60,000 - 25,000) / 97,500 = 35.9 %; rate 5,000 / 500 = 10 steps/s; left 62,500 / 10 = 6,250 s.
    assert.equal(
      stageProgress(resumed, 60000, 500),
      "quench step 60,000/122,500 (36 % of the stage), 10.0 steps/s, 8 min 20 s in this run, about 1 h 44 min left",
    );
  });

  it("a run that has logged no step beyond its first gives no time left", () => {
    assert.match(
      stageProgress(resumed, 55000, 30),
      /\(31 % of the stage\), 0\.00 steps\/s, .*time left not known yet$/,
    );
  });

  it("a stage without a start variable counts from the run's first step", () => {
    const deform = { stage: "deform", vars: { nsteps: 40000 }, firstStep: 0, lastStep: 40000 };
    assert.match(stageProgress(deform, 10000, 100), /^deform step 10,000\/40,000 \(25 % of the stage\), 100 steps\/s/);
  });
});
