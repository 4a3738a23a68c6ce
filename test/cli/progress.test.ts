import { strict as assert } from "node:assert";
import { formatDuration, formatRate, ProgressRenderer, type ProgressStream } from "../../src/cli/progress";

/** A stream that records what is written, and a clock the test moves by hand (milliseconds). */
function setup(tty: boolean, quiet = false, intervalMs = 5000) {
  const written: string[] = [];
  const stream: ProgressStream = { write: (t: string) => written.push(t), isTTY: tty };
  let t = 0;
  const renderer = new ProgressRenderer({ label: "d2min", stream, quiet, intervalMs, now: () => t });
  return {
    written,
    renderer,
    at: (ms: number) => {
      t = ms;
    },
  };
}

describe("cli/progress renderer", () => {
  it("in a log (not a terminal) prints one line per interval with rate and ETA, and a closing line", () => {
    const { written, renderer, at } = setup(false);
    const report = renderer.onProgress;
    assert.ok(report);
    // 1000 atoms per second of a 20,000-atom stage, reported every 500 ms.
    for (let ms = 0; ms <= 20000; ms += 500) {
      at(ms);
      report((ms / 1000) * 1000, 20000, "d2min");
    }
    // Lines at 5, 10, 15 s (each at least 5 s after the last), then the stage's end at 20 s.
    assert.deepEqual(written, [
      "d2min: d2min 5000/20000 (25 %), 1.00k/s, ETA 15.0 s\n",
      "d2min: d2min 10000/20000 (50 %), 1.00k/s, ETA 10.0 s\n",
      "d2min: d2min 15000/20000 (75 %), 1.00k/s, ETA 5.0 s\n",
      "d2min: d2min 20000/20000 (100 %), done in 20.0 s\n",
    ]);
  });

  it("in a log prints nothing for a stage shorter than the interval, and restarts the clock at each stage", () => {
    const { written, renderer, at } = setup(false);
    const report = renderer.onProgress;
    assert.ok(report);
    at(0);
    report(1, 2, "features");
    at(4000);
    report(2, 2, "features");
    assert.deepEqual(written, []);
    at(4000);
    report(0, 10, "predict");
    at(9500);
    report(5, 10, "predict");
    at(9999);
    report(6, 10, "predict");
    assert.deepEqual(written, ["d2min: predict 5/10 (50 %), 0.909/s, ETA 5.5 s\n"]);
  });

  it("on a terminal redraws one bar in place and ends it with a newline", () => {
    const { written, renderer, at } = setup(true);
    const report = renderer.onProgress;
    assert.ok(report);
    at(0);
    report(0, 100, "voronoi");
    at(50);
    report(10, 100, "voronoi"); // within 100 ms of the last redraw: not drawn
    at(1000);
    report(50, 100, "voronoi");
    at(2000);
    report(100, 100, "voronoi");
    assert.equal(written.length, 4);
    assert.ok(written[0].startsWith("\rd2min: voronoi 0/100 [------------------------]   0 % ?/s, ETA ?"));
    assert.equal(written[1], "\rd2min: voronoi 50/100 [############------------]  50 % 50.0/s, ETA 1.0 s\x1b[K");
    assert.equal(written[2], "\rd2min: voronoi 100/100 [########################] 100 % done in 2.0 s\x1b[K");
    assert.equal(written[3], "\n");
    renderer.finish();
    assert.equal(written.length, 4, "finish after a closed bar writes nothing");
  });

  it("with --quiet gives no callback and prints nothing", () => {
    const { written, renderer } = setup(true, true);
    assert.equal(renderer.onProgress, undefined);
    renderer.finish();
    assert.deepEqual(written, []);
  });

  it("formats durations and rates", () => {
    assert.equal(formatDuration(12.34), "12.3 s");
    assert.equal(formatDuration(245), "4 min 05 s");
    assert.equal(formatDuration(3725), "1 h 02 min");
    assert.equal(formatDuration(Number.POSITIVE_INFINITY), "?");
    assert.equal(formatRate(812), "812/s");
    assert.equal(formatRate(52300), "52.3k/s");
    assert.equal(formatRate(1.2e6), "1.20M/s");
  });
});
