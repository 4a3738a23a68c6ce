import { formatDuration, formatRate } from "../../src/cli/progress";

/** The steps a LAMMPS run of one stage covers: `vars.start` is the stage's first step when the run resumes it. */
export interface StageSpan {
  readonly stage: string;
  readonly vars: Readonly<Record<string, string | number>>;
  /** The step this run started from. */
  readonly firstStep: number;
  /** The stage's last step. */
  readonly lastStep: number;
}

/**
 * "quench step 60,000/122,500 (36 % of the stage), 9.5 steps/s, 14 min 00 s in this run, about 1 h 50 min left":
 * the share counts from the stage's first step (a resumed run starts later), the rate and the time left from
 * the steps this run has done in `seconds`.
 */
export function stageProgress(run: StageSpan, step: number, seconds: number): string {
  const stageStart = Number(run.vars.start ?? run.firstStep);
  const share = (step - stageStart) / Math.max(1, run.lastStep - stageStart);
  const rate = (step - run.firstStep) / Math.max(seconds, 1e-9);
  const left = rate > 0 ? `about ${formatDuration((run.lastStep - step) / rate)} left` : "time left not known yet";
  return (
    `${run.stage} step ${step.toLocaleString("en-US")}/${run.lastStep.toLocaleString("en-US")} ` +
    `(${(100 * share).toFixed(0)} % of the stage), ${formatRate(rate).replace("/s", " steps/s")}, ` +
    `${formatDuration(seconds)} in this run, ${left}`
  );
}
