/**
 * How a long library call tells its caller how far it got: `done` of `total` units of its current `stage`
 * (atoms of "voronoi" or "d2min", feature sets of "features", folds of "cv", ...). Within one stage `done` never
 * decreases and the stage's last call has `done === total`; a call may pass through several stages in turn.
 * The library only calls it (it prints nothing); the command line draws it (src/cli/progress.ts).
 */
export type ProgressCallback = (done: number, total: number, stage: string) => void;

/**
 * A reporter for a loop over `total` units of `stage`: `tick(done)` calls `onProgress` once at least
 * `total / steps` units have passed since the last call, and always at `done === total` (exactly once), so a
 * hot loop can tick every unit at the cost of one comparison. `done` values below the last reported one are
 * ignored (progress stays monotonic). Without `onProgress`, `tick` does nothing.
 */
export function progressReporter(
  onProgress: ProgressCallback | undefined,
  total: number,
  stage: string,
  steps = 100,
): (done: number) => void {
  if (onProgress === undefined) return () => undefined;
  const step = Math.max(1, Math.floor(total / steps));
  let next = Math.min(step, total);
  let finished = false;
  return (done: number) => {
    if (finished || done < next) return;
    const d = Math.min(done, total);
    if (d >= total) finished = true;
    else next = Math.min(total, d + step);
    onProgress(d, total, stage);
  };
}
