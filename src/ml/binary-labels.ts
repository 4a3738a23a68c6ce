/**
 * Class labels of a binary problem as a Uint8Array of 0/1. Accepts numbers 0/1 or booleans; anything else
 * (2, 0.5, NaN, "1") is refused with its position, and the length must equal `nSamples`.
 */
export function toBinaryLabels(y: ArrayLike<number | boolean>, nSamples: number, what = "y"): Uint8Array {
  if (y === null || typeof y !== "object" || typeof y.length !== "number")
    throw new Error(`${what}: expected an array of 0/1 labels`);
  if (y.length !== nSamples) throw new Error(`${what} has ${y.length} labels but X has ${nSamples} samples`);
  const out = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v === 1 || v === true) out[i] = 1;
    else if (v !== 0 && v !== false)
      throw new Error(`${what}[${i}] = ${String(v)}; labels must be 0 or 1 (or booleans)`);
  }
  return out;
}

/** Numbers of negatives and positives. */
export function classCounts(y: ArrayLike<number>): [number, number] {
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i];
  return [y.length - pos, pos];
}

/** Throws unless both classes are present. */
export function requireBothClasses(y: Uint8Array, what = "y"): void {
  const [neg, pos] = classCounts(y);
  if (neg === 0 || pos === 0) {
    throw new Error(`${what} has only one class (${neg} zeros, ${pos} ones); a binary classifier needs both`);
  }
}
