/**
 * The few WebAssembly JavaScript-API types the kernels use (the project's TypeScript libraries declare no
 * WebAssembly), and the global WebAssembly object typed with them. Shared by the kernel wrappers of ml
 * (histogram-kernels.ts) and features (symmetry-function-kernels.ts).
 */

/** A WebAssembly.Memory. `grow` adds pages (64 KiB each) and detaches the old `buffer`. */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}

/** A compiled WebAssembly.Module (opaque; it can be posted to worker threads). */
export interface WasmModule {
  readonly __wasmModule?: never;
}

/** The constructors of the global WebAssembly object that qsoft uses. */
export interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { readonly exports: object };
}

/** The global WebAssembly object. */
export const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
