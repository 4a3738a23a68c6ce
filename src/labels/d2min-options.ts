import { DEFAULT_RCOND } from "./symmetric-eigen3";

/** How D2min is scaled: the plain sum over neighbors (Falk & Langer 1998; the paper's D^2), or its mean. */
export type D2minNormalization = "none" | "neighbors";

/** Default neighbor cutoff of D2min (Angstrom): the paper's D^2 with its 5.0 A^2 plastic threshold. */
export const D2MIN_CUTOFF = 5.0;

export interface D2minOptions {
  /** Neighbors of atom i are the atoms with 0 < d < cutoff in the reference frame (Angstrom); default 5. */
  cutoff?: number;
  /**
   * "none" (default): D2min = sum over neighbors of |d_def - J d_ref|^2, in Angstrom^2, as in Falk & Langer (1998),
   * OVITO's Atomic strain modifier and the paper's 5.0 A^2 threshold. "neighbors": that sum divided by the
   * neighbor count (0 for an atom without neighbors).
   */
  normalize?: D2minNormalization;
  /**
   * Relative tolerance of the pseudo-inverse of Y = sum d_ref d_ref^T: eigenvalues <= rcond * (largest eigenvalue)
   * count as zero and the atom is flagged {@link D2minFlag.Degenerate}. Default 1e-10, which for a typical metallic
   * neighbor shell (Y eigenvalues ~ 100 A^2) means neighbors within ~1e-4 A of a common plane or line.
   */
  rcond?: number;
  /**
   * Threads: 1 computes on the calling thread; n > 1 adds n - 1 worker threads that share the frames through
   * SharedArrayBuffers and take chunks of atoms (the result is identical for any number). Default 1.
   */
  threads?: number;
}

/** D2min options with every default filled in and every value checked. */
export type ResolvedD2minOptions = Readonly<Required<D2minOptions>>;

/** How the caller names each option in its messages (e.g. `{ cutoff: "--cutoff" }` for the command line). */
export type D2minOptionNames = Readonly<Partial<Record<keyof D2minOptions, string>>>;

/** Option objects made by {@link resolveD2minOptions} (frozen): they pass through it unchanged. */
const RESOLVED = new WeakSet<object>();

/**
 * The one resolver of D2min's options: defaults (D2MIN_CUTOFF, "none", DEFAULT_RCOND) filled in and every value
 * checked before any work, once (a resolved object passes through unchanged); a message names the option as the caller does (`names`, default "D2min: cutoff" ...),
 * echoes the value and gives the allowed values.
 */
export function resolveD2minOptions(options: D2minOptions = {}, names: D2minOptionNames = {}): ResolvedD2minOptions {
  if (RESOLVED.has(options)) return options as ResolvedD2minOptions;
  const name = (k: keyof D2minOptions): string => names[k] ?? `D2min: ${k}`;
  const cutoff = options.cutoff ?? D2MIN_CUTOFF;
  const normalize = options.normalize ?? "none";
  const rcond = options.rcond ?? DEFAULT_RCOND;
  if (!(cutoff > 0) || !Number.isFinite(cutoff))
    throw new Error(`${name("cutoff")} must be a positive number of Angstrom, got ${options.cutoff}`);
  if (normalize !== "none" && normalize !== "neighbors")
    throw new Error(`${name("normalize")} must be "none" or "neighbors", got "${String(normalize)}"`);
  if (!(rcond >= 0 && rcond < 1)) throw new Error(`${name("rcond")} must be in [0, 1), got ${options.rcond}`);
  const threads = options.threads ?? 1;
  if (!(Number.isInteger(threads) && threads >= 1))
    throw new Error(`${name("threads")} must be a positive integer, got ${options.threads}`);
  const resolved: ResolvedD2minOptions = Object.freeze({ cutoff, normalize, rcond, threads });
  RESOLVED.add(resolved);
  return resolved;
}
