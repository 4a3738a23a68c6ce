import type { Frame } from "../structure/frame";
import * as path from "node:path";
import { type ProgressCallback, progressReporter } from "../parallel/progress";
import { WorkerThreads } from "../parallel/worker-pool";
import { checkNeighborBudget } from "../neighbors/neighbor-budget";
import type { NeighborList } from "../neighbors/neighbor-list";
import { cellData, type D2minJob, float64, int32, runD2minChunks } from "./d2min-kernel";
import { type D2minNormalization, type D2minOptions, resolveD2minOptions } from "./d2min-options";

export { D2MIN_CUTOFF, type D2minNormalization, type D2minOptions, resolveD2minOptions } from "./d2min-options";

/** Bit flags of {@link D2min.flags}. */
export { D2minFlag } from "./d2min-kernel";

/** The frame data {@link D2min} reads (a whole {@link Frame} fits). */
export type D2minFrame = Pick<Frame, "natoms" | "ids" | "positions" | "unwrapped" | "images" | "cell"> & {
  source?: Frame["source"];
  /** Atom types; when both frames give them, an atom whose type differs between the frames is an error. */
  types?: Frame["types"];
};

/** Which displacements were used: exact unwrapped ones, or the minimum image in the deformed frame (fallback). */
export type D2minDisplacements = "unwrapped" | "minimum-image";

interface D2minResults {
  ids: Int32Array;
  d2min: Float64Array;
  shearStrain: Float64Array;
  volumetricStrain: Float64Array;
  neighborCounts: Int32Array;
  flags: Uint8Array;
  deformationGradients: Float64Array;
  displacements: D2minDisplacements;
  warnings: string[];
}

/**
 * Non-affine squared displacement D2min (Falk & Langer, Phys. Rev. E 57, 7192 (1998), eqs. 2.11-2.14) and the
 * von Mises local shear strain (Shimizu, Ogata & Li, Mater. Trans. 48, 2923 (2007)) of every atom between a
 * reference (undeformed) and a deformed frame, in one pass. A compute object (freud style): configure once,
 * `compute(reference, deformed)`, read the per-atom arrays (in reference-frame atom order, see `ids`).
 *
 * For atom i with reference neighbors j (0 < |d_ref| < cutoff, periodic images included):
 *   X = sum d_def d_ref^T,  Y = sum d_ref d_ref^T,  J = X Y^-1,  D2min = sum |d_def - J d_ref|^2,
 *   E = (J^T J - I) / 2,  eta_Mises = sqrt(E_yz^2 + E_xz^2 + E_xy^2 + ((E_yy-E_zz)^2 + (E_xx-E_zz)^2 + (E_xx-E_yy)^2)/6).
 * This is OVITO's Atomic strain modifier (its F = (V^-1 W)^T equals J; D2min not normalised).
 *
 * Bonds. When both frames give unwrapped positions (xu, or x plus image flags), the bond vector of a pair is
 * d_ref = u_j - u_i + m H_ref with the image m chosen in the reference frame, and the same pair in the deformed
 * frame is d_def = u'_j - u'_i + m H_def (H = lattice vectors as rows), so box shape changes, tilts and boundary
 * crossings are exact. Otherwise the deformed bond is the minimum image of r'_j - r'_i in the deformed cell
 * (correct while bonds stay shorter than half the cell; a warning is printed once per process).
 *
 * Degenerate neighborhoods never throw and never give infinities: J = X Y+ + P0 with Y+ the pseudo-inverse from
 * the eigen-decomposition of Y (tolerance `rcond`) and P0 the projector on its null space (directions no bond
 * probes are taken as undeformed). D2min does not depend on that choice (every d_ref is orthogonal to the null
 * space); the strains of such atoms are estimates and the atoms are flagged. An atom without neighbors gets
 * D2min = 0, J = I, strain 0 and both flags.
 */
export class D2min {
  readonly cutoff: number;
  readonly normalize: D2minNormalization;
  readonly rcond: number;
  readonly threads: number;
  private results: D2minResults | null = null;

  constructor(options: D2minOptions = {}) {
    const o = resolveD2minOptions(options);
    this.cutoff = o.cutoff;
    this.normalize = o.normalize;
    this.rcond = o.rcond;
    this.threads = o.threads;
  }

  /**
   * Computes D2min and the atomic strains of `deformed` relative to `reference`; atoms are matched by id.
   * `neighbors`: the reference neighbors of every atom (rows in reference-frame order, vectors r_j(image) - r_i
   * in the reference frame), e.g. Voronoi neighbors; default the atoms within `cutoff` (cutoffNeighbors, found
   * atom by atom, so the whole list is never stored). `onProgress` is told the atoms done (stage "d2min").
   */
  compute(
    reference: D2minFrame,
    deformed: D2minFrame,
    neighbors?: NeighborList,
    options: { readonly onProgress?: ProgressCallback } = {},
  ): this {
    const n = reference.natoms;
    const map = matchIds(reference, deformed);
    if (neighbors !== undefined && neighbors.n !== n)
      throw new Error(
        `D2min: the neighbor list has ${neighbors.n} rows for ${n} atoms of ${name(reference, "reference")}`,
      );
    const uRef = unwrappedOf(reference);
    const uDef = unwrappedOf(deformed);
    // Without periodic directions every position is unwrapped: the displacements are exact.
    const periodic = reference.cell.periodic.some((p) => p) || deformed.cell.periodic.some((p) => p);
    const exact = (uRef !== null && uDef !== null) || !periodic;
    const warnings: string[] = [];
    if (!exact) {
      warnings.push(
        `D2min: ${uRef === null ? name(reference, "reference") : name(deformed, "deformed")} frame has no unwrapped positions ` +
          "(xu/yu/zu or image flags ix/iy/iz); deformed bonds use the minimum image along the periodic directions, which is wrong for bonds longer than half the cell",
      );
    }
    const refPositions = exact ? (uRef ?? reference.positions) : reference.positions;
    const defPositions = exact ? (uDef ?? deformed.positions) : deformed.positions;
    if (!exact) {
      const half = Math.min(...deformed.cell.widths.filter((_, d) => deformed.cell.periodic[d])) / 2;
      if (this.cutoff >= half) {
        throw new Error(
          `D2min: a ${this.cutoff} A cutoff needs bonds longer than half the deformed cell (${half.toPrecision(4)} A), which the ` +
            "minimum image cannot follow; give unwrapped positions (xu yu zu, or image flags ix iy iz) or a smaller cutoff",
        );
      }
    }
    if (!neighbors)
      checkNeighborBudget(n, reference.cell.volume, this.cutoff, `D2min: ${name(reference, "reference")}`);
    // Each atom's row, image and fit are independent: chunks of atoms go to the threads (the calling one
    // included) through an atomic counter; every atom is computed alike whichever thread takes it.
    const threads = Math.max(1, Math.min(this.threads, Math.ceil(n / 256)));
    const shared = threads > 1;
    const job: D2minJob = {
      n,
      cutoff: this.cutoff,
      perNeighbor: this.normalize === "neighbors",
      rcond: this.rcond,
      exact,
      referenceCell: cellData(reference.cell),
      deformedCell: cellData(deformed.cell),
      searchPositions: shared ? float64(3 * n, true, reference.positions) : reference.positions,
      referencePositions: shared ? float64(3 * n, true, refPositions) : refPositions,
      deformedPositions: shared ? float64(3 * n, true, defPositions) : defPositions,
      map: shared ? int32(n, true, map) : map,
      neighbors:
        neighbors === undefined
          ? null
          : shared
            ? {
                offsets: int32(n + 1, true, neighbors.offsets),
                indices: int32(neighbors.indices.length, true, neighbors.indices),
                vectors: float64(neighbors.vectors.length, true, neighbors.vectors),
              }
            : neighbors,
      // One chunk on one thread, unless progress is reported (the chunking does not change the result).
      chunkSize:
        shared || options.onProgress ? Math.max(64, Math.min(1024, Math.ceil(n / (64 * threads)))) : Math.max(n, 1),
      counter: new Int32Array(shared ? new SharedArrayBuffer(4) : new ArrayBuffer(4)),
      d2min: float64(n, shared),
      shearStrain: float64(n, shared),
      volumetricStrain: float64(n, shared),
      neighborCounts: int32(n, shared),
      flags: new Uint8Array(shared ? new SharedArrayBuffer(n) : new ArrayBuffer(n)),
      deformationGradients: float64(9 * n, shared),
    };
    const report = progressReporter(options.onProgress, n, "d2min");
    const onChunk = options.onProgress ? (taken: number) => report(Math.min(n, taken * job.chunkSize)) : undefined;
    if (!shared) {
      runD2minChunks(job, onChunk);
    } else {
      const workers = WorkerThreads.start(
        { module: path.join(__dirname, "d2min-kernel"), handler: "d2minWorker" },
        Array.from({ length: threads - 1 }, () => job),
        "qsoft d2min",
      );
      try {
        runD2minChunks(job, onChunk);
      } catch (e) {
        workers.terminate();
        throw e;
      }
      try {
        workers.waitSync();
      } catch (e) {
        throw new Error(`D2min: ${(e as Error).message}`);
      }
    }
    report(n);
    const { d2min: d2, shearStrain: shear, volumetricStrain: volumetric, neighborCounts: counts, flags } = job;
    const gradients = job.deformationGradients;
    this.results = {
      ids: Int32Array.from(reference.ids),
      d2min: d2,
      shearStrain: shear,
      volumetricStrain: volumetric,
      neighborCounts: counts,
      flags,
      deformationGradients: gradients,
      displacements: exact ? "unwrapped" : "minimum-image",
      warnings,
    };
    return this;
  }

  private get computed(): D2minResults {
    if (this.results === null) throw new Error("D2min: no results yet, call compute(reference, deformed) first");
    return this.results;
  }

  /** Atom ids, in reference-frame order (the order of every per-atom result). */
  get ids(): Int32Array {
    return this.computed.ids;
  }
  /** D2min per atom (Angstrom^2; divided by the neighbor count when normalize = "neighbors"). */
  get d2min(): Float64Array {
    return this.computed.d2min;
  }
  /** von Mises local shear strain per atom (dimensionless). */
  get shearStrain(): Float64Array {
    return this.computed.shearStrain;
  }
  /** Volumetric strain (E_xx + E_yy + E_zz) / 3 per atom. */
  get volumetricStrain(): Float64Array {
    return this.computed.volumetricStrain;
  }
  /** Number of reference neighbors of each atom (periodic images counted separately). */
  get neighborCounts(): Int32Array {
    return this.computed.neighborCounts;
  }
  /** {@link D2minFlag} bits per atom; 0 for a well-posed fit. */
  get flags(): Uint8Array {
    return this.computed.flags;
  }
  /** Best-fit deformation gradient J of each atom, row-major, 9 per atom. */
  get deformationGradients(): Float64Array {
    return this.computed.deformationGradients;
  }
  /** "unwrapped" (exact) or "minimum-image" (fallback when a frame had no unwrapped positions). */
  get displacements(): D2minDisplacements {
    return this.computed.displacements;
  }
  /** What the caller should tell the user about this result (e.g. the minimum-image fallback); empty when nothing. */
  get warnings(): readonly string[] {
    return this.computed.warnings;
  }
  /** Number of atoms with any flag set. */
  get flaggedCount(): number {
    let c = 0;
    for (const f of this.computed.flags) if (f !== 0) c++;
    return c;
  }
}

function name(frame: D2minFrame, role: string): string {
  return frame.source ? `${role} (${frame.source.file})` : role;
}

/** Index in `deformed` of each atom of `reference`, matched by id; throws naming the first mismatch. */
function matchIds(reference: D2minFrame, deformed: D2minFrame): Int32Array {
  for (const [f, role] of [
    [reference, "reference"],
    [deformed, "deformed"],
  ] as const) {
    if (f.ids.length !== f.natoms || f.positions.length !== 3 * f.natoms) {
      throw new Error(
        `D2min: ${name(f, role)} frame is inconsistent: natoms ${f.natoms}, ${f.ids.length} ids, ${f.positions.length / 3} positions`,
      );
    }
  }
  if (reference.natoms !== deformed.natoms) {
    throw new Error(
      `D2min: ${name(reference, "reference")} has ${reference.natoms} atoms but ${name(deformed, "deformed")} has ${deformed.natoms}; the frames must hold the same atoms`,
    );
  }
  const where = new Map<number, number>();
  for (let k = 0; k < deformed.natoms; k++) {
    const id = deformed.ids[k];
    if (where.has(id)) throw new Error(`D2min: atom id ${id} appears twice in ${name(deformed, "deformed")}`);
    where.set(id, k);
  }
  const seen = new Set<number>();
  const map = new Int32Array(reference.natoms);
  for (let k = 0; k < reference.natoms; k++) {
    const id = reference.ids[k];
    if (seen.has(id)) throw new Error(`D2min: atom id ${id} appears twice in ${name(reference, "reference")}`);
    seen.add(id);
    const at = where.get(id);
    if (at === undefined)
      throw new Error(
        `D2min: atom id ${id} of ${name(reference, "reference")} is missing from ${name(deformed, "deformed")}; the frames must hold the same atom ids`,
      );
    if (reference.types && deformed.types && reference.types[k] !== deformed.types[at]) {
      throw new Error(
        `D2min: atom id ${id} has type ${reference.types[k]} in ${name(reference, "reference")} but type ${deformed.types[at]} in ` +
          `${name(deformed, "deformed")}; the frames must hold the same atoms (same id, same type)`,
      );
    }
    map[k] = at;
  }
  return map;
}

/** Unwrapped positions of a frame: given, or rebuilt as x + image flags times the lattice vectors; else null. */
function unwrappedOf(frame: D2minFrame): Float64Array | null {
  if (frame.unwrapped) return frame.unwrapped;
  if (!frame.images) return null;
  const out = new Float64Array(frame.positions.length);
  const shift = new Float64Array(3);
  for (let i = 0; i < frame.natoms; i++) {
    frame.cell.imageShift(frame.images[3 * i], frame.images[3 * i + 1], frame.images[3 * i + 2], shift);
    out[3 * i] = frame.positions[3 * i] + shift[0];
    out[3 * i + 1] = frame.positions[3 * i + 1] + shift[1];
    out[3 * i + 2] = frame.positions[3 * i + 2] + shift[2];
  }
  return out;
}
