import * as os from "node:os";

/**
 * Number density (atoms per A^3) above which a structure is refused: twice that of diamond (0.176 A^-3, the
 * densest element at ambient pressure; Kittel, Introduction to Solid State Physics, 8th ed., ch. 1, table of
 * densities and atomic concentrations). Metallic glasses
 * lie between about 0.04 (Al-rich, Ca-based) and 0.09 A^-3 (Fe-B, Ni-P), so a denser input is a unit or box error.
 */
export const MAX_NUMBER_DENSITY = 0.35;

/**
 * Number density below which a fully periodic structure is refused: under half that of caesium (0.0091 A^-3, the
 * least dense metal; same table). Such a box is mostly empty space (a box error), and its huge Voronoi
 * cells cost time without meaning. Boxes with a non-periodic direction (clusters, slabs in vacuum) are exempt.
 */
export const MIN_PERIODIC_NUMBER_DENSITY = 0.004;

/**
 * Largest mean number of neighbors per atom a cutoff query may return: about 30 times the count of a glass
 * within the 8 A cutoffs used here (0.065 A^-3 x 4/3 pi 8^3 = 139). Angular sums cost the square of it per atom.
 */
export const MAX_NEIGHBORS_PER_ATOM = 4000;

/** A count for a message: whole below a million, else 3 significant digits ("2.34e+17"). */
function count(x: number): string {
  return x < 1e6 ? String(Math.round(x)) : x.toPrecision(3);
}

/** What a cutoff neighbor query of `natoms` atoms in `volume` A^3 is expected to hold. */
export interface NeighborEstimate {
  density: number;
  /** Mean neighbors per atom, rho 4/3 pi rc^3 (uniform density; images included). */
  perAtom: number;
  /** Bytes of the list at `bytesPerEntry` per neighbor entry. */
  bytes: number;
}

/** Expected size of a cutoff neighbor list (uniform density: rho 4/3 pi rc^3 neighbors per atom). */
export function estimateNeighbors(
  natoms: number,
  volume: number,
  cutoff: number,
  bytesPerEntry: number,
): NeighborEstimate {
  const density = natoms / volume;
  const perAtom = density * (4 / 3) * Math.PI * cutoff ** 3;
  return { density, perAtom, bytes: natoms * perAtom * bytesPerEntry };
}

/**
 * Refuses a structure denser than any solid (`MAX_NUMBER_DENSITY`), or a fully periodic one (`periodic`, one flag
 * per direction) less dense than any solid (`MIN_PERIODIC_NUMBER_DENSITY`): a unit or box error in a dump, which
 * would also make neighbor queries explode or Voronoi cells huge. `what` names the input (e.g. the dump file).
 */
export function checkNumberDensity(
  natoms: number,
  volume: number,
  what: string,
  periodic: readonly boolean[] = [false],
): void {
  if (natoms === 0) return;
  if (!(volume > 0) || !Number.isFinite(volume))
    throw new Error(`${what}: the box volume is ${volume} A^3; expected a positive finite volume`);
  const density = natoms / volume;
  if (density > MAX_NUMBER_DENSITY) {
    throw new Error(
      `${what}: ${natoms} atoms in ${volume.toPrecision(4)} A^3 is ${density.toPrecision(3)} atoms/A^3, denser than any solid ` +
        `(metallic glasses: 0.04-0.09; limit ${MAX_NUMBER_DENSITY}); check the box bounds and the length unit (Angstrom)`,
    );
  }
  if (periodic.every((p) => p) && density < MIN_PERIODIC_NUMBER_DENSITY) {
    throw new Error(
      `${what}: ${natoms} atoms in a periodic box of ${volume.toPrecision(4)} A^3 is ${density.toPrecision(3)} atoms/A^3, less dense than any ` +
        `solid (metallic glasses: 0.04-0.09; limit ${MIN_PERIODIC_NUMBER_DENSITY}); check the box bounds and the length unit (Angstrom)`,
    );
  }
}

/**
 * Refuses, before any work, a cutoff whose neighbor list would exceed `MAX_NEIGHBORS_PER_ATOM` per atom, half
 * the machine's memory or the largest typed array. `bytesPerEntry` (default 16: a 4-byte neighbor index and
 * 12 bytes of distance or image data per entry) sizes the list. `what` names the input in the message.
 */
export function checkNeighborBudget(
  natoms: number,
  volume: number,
  cutoff: number,
  what: string,
  bytesPerEntry = 16,
): NeighborEstimate {
  const est = estimateNeighbors(natoms, volume, cutoff, bytesPerEntry);
  if (natoms === 0 || !(volume > 0)) return est;
  const limit = Math.min(os.totalmem() / 2, 2 ** 31 * 4);
  if (est.perAtom > MAX_NEIGHBORS_PER_ATOM || est.bytes > limit) {
    throw new Error(
      `${what}: a ${cutoff} A cutoff gives about ${count(est.perAtom)} neighbors per atom ` +
        `(${(est.bytes / 2 ** 30).toPrecision(3)} GiB for ${natoms} atoms at ${est.density.toPrecision(3)} atoms/A^3); the limit is ` +
        `${MAX_NEIGHBORS_PER_ATOM} per atom and ${(limit / 2 ** 30).toFixed(1)} GiB: use a smaller cutoff (a glass has about 17 neighbors within 4 A)`,
    );
  }
  return est;
}
