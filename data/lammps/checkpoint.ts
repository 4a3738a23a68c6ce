/**
 * Checkpoints of unfinished LAMMPS samples that travel with the repository (issue 12): a long sample's work folder
 * (data/work/<id>/, not committed) is lost with the machine, so `data:generate -- --checkpoint` packs the state
 * needed to resume it into data/checkpoints/<id>.tar.gz (committed, only the latest kept) with a JSON sidecar, and
 * `data:generate` unpacks it into an empty work folder before it resumes.
 *
 * What resuming needs (see generate.ts): the newest restart file of the furthest stage reached (LAMMPS restart
 * files carry positions, velocities, box and the Nose-Hoover state), the stage logs written so far (they end up in
 * the finished sample), commands.sh (the provenance) and quenched.dump.gz once relax has written it.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { sha256 } from "./plan";

/** The generation stages that write restart files, in order; deform always restarts from relax.final.restart. */
export const RESTART_STAGES = ["melt", "quench", "relax"] as const;
export type RestartStage = (typeof RESTART_STAGES)[number];

/** A restart file in a work folder: `stage.final.restart` (step null) or `stage.<step>.restart`. */
export interface RestartFile {
  stage: RestartStage;
  /** Step of a mid-stage restart; null for the stage's final restart. */
  step: number | null;
  file: string;
}

/** Every restart file in `work`, furthest first (later stage first; within a stage final, then by step down). */
export function restartFiles(work: string): RestartFile[] {
  if (!fs.existsSync(work)) return [];
  const out: RestartFile[] = [];
  for (const f of fs.readdirSync(work)) {
    const m = /^(melt|quench|relax)\.(final|\d+)\.restart$/.exec(f);
    if (!m) continue;
    out.push({ stage: m[1] as RestartStage, step: m[2] === "final" ? null : Number(m[2]), file: path.join(work, f) });
  }
  const rank = (r: RestartFile) => RESTART_STAGES.indexOf(r.stage) * 1e12 + (r.step === null ? 1e11 : r.step);
  return out.sort((a, b) => rank(b) - rank(a));
}

/**
 * Whether `stage` is finished in `work`: its final restart is there, or a later stage has begun (a checkpoint keeps
 * only the furthest restart, so earlier stages' finals are gone after an unpack).
 */
export function stageDone(work: string, stage: RestartStage): boolean {
  const k = RESTART_STAGES.indexOf(stage);
  return restartFiles(work).some((r) => {
    const j = RESTART_STAGES.indexOf(r.stage);
    return j > k || (j === k && r.step === null);
  });
}

/** The sidecar data/checkpoints/<id>.json: what the archive holds. */
export interface CheckpointInfo {
  id: string;
  /** The furthest restart packed, e.g. "quench.120000.restart". */
  restart: string;
  stage: RestartStage;
  step: number | null;
  files: string[];
  /** sha256 of the .tar.gz. */
  sha256: string;
  created: string;
}

export const checkpointDir = (dataDir: string): string => path.join(dataDir, "checkpoints");
export const checkpointArchive = (dataDir: string, id: string): string =>
  path.join(checkpointDir(dataDir), `${id}.tar.gz`);
export const checkpointSidecar = (dataDir: string, id: string): string =>
  path.join(checkpointDir(dataDir), `${id}.json`);

function tar(args: string[]): void {
  const r = spawnSync("tar", args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`tar ${args.join(" ")} failed: ${r.stderr || r.error?.message}`);
}

/**
 * Packs the resumable state of the sample `id` from `work` into data/checkpoints/<id>.tar.gz (written beside, then
 * renamed, so an interrupted pack leaves the previous checkpoint intact). Returns null when `work` has no restart.
 */
export function packCheckpoint(dataDir: string, id: string, work: string): CheckpointInfo | null {
  const [latest] = restartFiles(work);
  if (!latest) return null;
  const keep = fs
    .readdirSync(work)
    .filter((f) => /^log\..*\.lammps$/.test(f) || f === "commands.sh" || f === "quenched.dump.gz" || f === "inputs")
    .sort();
  const files = [path.basename(latest.file), ...keep];
  fs.mkdirSync(checkpointDir(dataDir), { recursive: true });
  const archive = checkpointArchive(dataDir, id);
  const tmp = `${archive}.${process.pid}.tmp`;
  try {
    tar(["-czf", tmp, "-C", work, "--", ...files]);
    fs.renameSync(tmp, archive);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const info: CheckpointInfo = {
    id,
    restart: path.basename(latest.file),
    stage: latest.stage,
    step: latest.step,
    files,
    sha256: sha256(archive),
    created: new Date().toISOString(),
  };
  fs.writeFileSync(checkpointSidecar(dataDir, id), JSON.stringify(info, null, 2) + "\n");
  return info;
}

/**
 * Unpacks data/checkpoints/<id>.tar.gz into `work` when `work` holds no restart file yet (a fresh clone or a new
 * machine). Checks the archive against its sidecar's sha256 first. Returns what was restored, or null.
 */
export function restoreCheckpoint(dataDir: string, id: string, work: string): CheckpointInfo | null {
  const archive = checkpointArchive(dataDir, id);
  if (!fs.existsSync(archive) || restartFiles(work).length > 0) return null;
  const sidecar = checkpointSidecar(dataDir, id);
  const info = JSON.parse(fs.readFileSync(sidecar, "utf8")) as CheckpointInfo;
  const actual = sha256(archive);
  if (actual !== info.sha256)
    throw new Error(
      `${archive}: sha256 ${actual} does not match ${sidecar} (${info.sha256}); the checkpoint is damaged`,
    );
  fs.mkdirSync(work, { recursive: true });
  tar(["-xzf", archive, "-C", work]);
  return info;
}

/** Removes the checkpoint of a finished sample; returns the paths that existed. */
export function dropCheckpoint(dataDir: string, id: string): string[] {
  const gone: string[] = [];
  for (const f of [checkpointArchive(dataDir, id), checkpointSidecar(dataDir, id)]) {
    if (fs.existsSync(f)) {
      fs.rmSync(f);
      gone.push(f);
    }
  }
  return gone;
}
