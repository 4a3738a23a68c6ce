/** Worker handlers for test/parallel/worker-pool.test.ts (loaded inside worker threads). */

/** Posts each number of `input.values` doubled, one message each. */
export function doubleEach(input: { values: number[] }, post: (message: unknown) => void): void {
  for (const v of input.values) post(2 * v);
}

/** Adds 1 to every entry of a shared array (the caller sees the change: SharedArrayBuffers are shared). */
export function incrementShared(
  input: { shared: Int32Array; from: number; to: number },
  post: (message: unknown) => void,
): void {
  for (let i = input.from; i < input.to; i++) Atomics.add(input.shared, i, 1);
  post("done");
}

/** Throws after posting one message. */
export function failAfterOne(_input: unknown, post: (message: unknown) => void): void {
  post("first");
  throw new Error("handler failed on purpose");
}
