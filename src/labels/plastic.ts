import { percentileLinear } from "../table/quantiles";

/**
 * The paper's plastic label: an atom is plastic when its D2min between the quenched (undeformed) glass and the
 * glass compressed to 4.0 % strain exceeds 5.0 A^2 (Wang & Jain, "Mapping plastic atoms to quenched-in defects"
 * and Methods: about 3.5-6.0 % of atoms are plastic at 4.0 % strain).
 */

/** Strain at which the paper labels plastic atoms. */
export const PLASTIC_STRAIN = 0.04;
/** D2min threshold of the paper (Angstrom^2, un-normalised D2min with a 5 A neighbor cutoff). */
export const PLASTIC_THRESHOLD = 5.0;

/** 1 where d2min > threshold (strictly), else 0. NaN never counts as plastic. */
export function plasticLabels(d2min: ArrayLike<number>, threshold: number = PLASTIC_THRESHOLD): Uint8Array {
  resolvePlasticThreshold(threshold);
  const out = new Uint8Array(d2min.length);
  for (let i = 0; i < d2min.length; i++) out[i] = d2min[i] > threshold ? 1 : 0;
  return out;
}

/** Fraction of atoms with d2min > threshold (NaN when there are no atoms). */
export function plasticFraction(d2min: ArrayLike<number>, threshold: number = PLASTIC_THRESHOLD): number {
  resolvePlasticThreshold(threshold);
  let c = 0;
  for (let i = 0; i < d2min.length; i++) if (d2min[i] > threshold) c++;
  return d2min.length > 0 ? c / d2min.length : NaN;
}

/**
 * The D2min threshold that labels a target fraction of atoms plastic: the (1 - fraction) quantile of d2min with
 * linear interpolation between order statistics, i.e. numpy.quantile(d2min, 1 - fraction) (Hyndman & Fan 1996,
 * definition 7). With distinct values, about fraction * N atoms lie strictly above it.
 */
export function thresholdForFraction(d2min: ArrayLike<number>, fraction: number): number {
  if (!(fraction >= 0 && fraction <= 1))
    throw new Error(`thresholdForFraction: fraction must be in [0, 1], got ${fraction}`);
  const n = d2min.length;
  if (n === 0) throw new Error("thresholdForFraction: no values");
  const sorted = Float64Array.from(d2min);
  for (let i = 0; i < n; i++) if (Number.isNaN(sorted[i])) throw new Error(`thresholdForFraction: value ${i} is NaN`);
  sorted.sort();
  return percentileLinear(sorted, 100 * (1 - fraction));
}

/**
 * The one resolver of the plastic threshold: PLASTIC_THRESHOLD when none is given, else the value, which must be
 * a finite number (a label is plastic when strictly above it). `name` is how the caller names it in the message
 * (e.g. "--threshold" on the command line).
 */
export function resolvePlasticThreshold(
  threshold: number | undefined = PLASTIC_THRESHOLD,
  name = "plastic threshold",
): number {
  if (!Number.isFinite(threshold)) throw new Error(`${name} must be a finite number, got ${threshold}`);
  return threshold;
}
