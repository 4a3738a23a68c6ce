import * as fs from "node:fs";
import * as path from "node:path";
import { Random } from "../../src/ml/random";

export const FIXTURES = path.join(__dirname, "..", "fixtures", "ml");

export function fixture<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8")) as T;
}

/** Row-major matrix from rows. */
export function flat(rows: number[][]): { X: Float64Array; nFeatures: number } {
  const d = rows[0].length;
  const X = new Float64Array(rows.length * d);
  rows.forEach((r, i) => X.set(r, i * d));
  return { X, nFeatures: d };
}

/** A synthetic problem: n x d standard normals, y = 1 when x0 + 0.5 x1 x2 > 0 (plus noise `noise`). */
export function synthetic(
  n: number,
  d: number,
  seed: number,
  noise = 0.3,
): { X: Float64Array; y: Uint8Array; nFeatures: number } {
  const rng = new Random(seed);
  const X = new Float64Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) X[i * d + k] = rng.normal();
    y[i] = X[i * d] + 0.5 * X[i * d + 1] * X[i * d + 2] + noise * rng.normal() > 0 ? 1 : 0;
  }
  return { X, y, nFeatures: d };
}

export function closeTo(a: ArrayLike<number>, b: ArrayLike<number>, tol: number, what = "arrays"): void {
  if (a.length !== b.length) throw new Error(`${what}: lengths ${a.length} vs ${b.length}`);
  for (let i = 0; i < a.length; i++) {
    if (!(Math.abs(a[i] - b[i]) <= tol)) throw new Error(`${what}[${i}]: ${a[i]} vs ${b[i]} (tol ${tol})`);
  }
}
