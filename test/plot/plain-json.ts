import * as assert from "node:assert/strict";

/**
 * Asserts that a value is plain JSON as Plotly receives it: objects, arrays, strings, booleans, finite numbers and
 * null only (no typed arrays, NaN, Infinity or undefined members, which JSON.stringify would mangle or drop).
 */
export function assertPlainJson(value: unknown, where = "figure"): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    assert.ok(Number.isFinite(value), `${where} is ${value}, not a finite number`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertPlainJson(v, `${where}[${i}]`));
    return;
  }
  assert.equal(typeof value, "object", `${where} has type ${typeof value}`);
  assert.equal(
    Object.getPrototypeOf(value),
    Object.prototype,
    `${where} is not a plain object or array (${Object.prototype.toString.call(value)})`,
  );
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    assert.notEqual(v, undefined, `${where}.${k} is undefined`);
    assertPlainJson(v, `${where}.${k}`);
  }
}
