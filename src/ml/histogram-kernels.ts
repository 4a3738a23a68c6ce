import { type WasmMemory, type WasmModule, wasm } from "../parallel/wasm";
import { HISTOGRAM_KERNELS_WASM } from "./histogram-kernels-wasm";

export type { WasmMemory, WasmModule } from "../parallel/wasm";

/**
 * The WebAssembly histogram kernels (histogram-kernels.wat) bound to one shared memory. Arguments are byte
 * addresses in that memory (a typed array view's byteOffset); the kernels are the WebAssembly twins of
 * buildRootHistogram and buildHistogram (unweighted) in histogram.ts, bitwise the same sums.
 */
export interface HistogramKernels {
  /** buildRootHistogram(hist, codes, n, ., g, counts, f0, f1). */
  root(hist: number, codes: number, n: number, g: number, counts: number, f0: number, f1: number): void;
  /** buildHistogram(hist, codes, n, ., order, start, end, gOrd, null, f0, f1). */
  node(
    hist: number,
    codes: number,
    n: number,
    order: number,
    start: number,
    end: number,
    gOrd: number,
    f0: number,
    f1: number,
  ): void;
  /** out[p] = a[p] - b[p] for `len` doubles. */
  subtract(out: number, a: number, b: number, len: number): void;
  /**
   * The best split over features [f0, f1) of an unweighted histogram (scanHistogram feature after feature, the
   * first strictly best kept): writes [proxy, bin, feature] as f64 at `out` (-Infinity, -1, -1 when none).
   * `nBins`: the address of an Int32Array of bins per feature.
   */
  scan(
    hist: number,
    f0: number,
    f1: number,
    nBins: number,
    cnt: number,
    sum: number,
    minLeaf: number,
    out: number,
  ): void;
  /**
   * Stable partition of order[start..end) (an Int32Array at `order`): rows whose code (bytes at `codes`, one
   * per row) is <= `bin` first; `scratch` has room for end - start i32. Returns the split position.
   */
  partition(order: number, scratch: number, start: number, end: number, codes: number, bin: number): number;
}

let compiled: WasmModule | null = null;

/** The compiled kernel module (compiled once per thread; a WebAssembly.Module can also be posted to workers). */
export function histogramKernelsModule(): WasmModule {
  compiled ??= new wasm.Module(Buffer.from(HISTOGRAM_KERNELS_WASM, "base64"));
  return compiled;
}

/** The kernels on `memory` (a shared WebAssembly.Memory; see HistogramMemory). */
export function histogramKernels(memory: WasmMemory, module = histogramKernelsModule()): HistogramKernels {
  const instance = new wasm.Instance(module, { env: { memory } });
  return instance.exports as unknown as HistogramKernels;
}

/** Largest shared memory the kernels address: i32 byte addresses, kept below 2^31 so they stay positive. */
export const MAX_KERNEL_MEMORY_BYTES = 2 ** 31 - 2 ** 16;

/**
 * Bump allocation of typed arrays in one new shared WebAssembly.Memory of `bytes` bytes (rounded up to whole
 * 64 KiB pages, zeroed): every array the kernels read or write lives there, so the worker threads share it.
 */
export class KernelMemory {
  readonly memory: WasmMemory;
  private used = 0;

  constructor(readonly bytes: number) {
    if (!(bytes <= MAX_KERNEL_MEMORY_BYTES))
      throw new RangeError(`KernelMemory: ${bytes} bytes exceed the kernels' ${MAX_KERNEL_MEMORY_BYTES}`);
    const pages = Math.max(1, Math.ceil(bytes / 65536));
    this.memory = new wasm.Memory({ initial: pages, maximum: pages, shared: true });
  }

  /** Bytes `take` needs for arrays of these byte lengths (each aligned to 16 bytes). */
  static sizeOf(byteLengths: readonly number[]): number {
    return byteLengths.reduce((s, b) => s + Math.ceil(b / 16) * 16, 0);
  }

  /** The next `length` elements of the memory as `Kind` (aligned to 16 bytes). */
  take<T>(
    Kind: new (buffer: ArrayBufferLike, byteOffset: number, length: number) => T,
    length: number,
    bytesPer: number,
  ): T {
    const at = this.used;
    const bytes = Math.ceil((length * bytesPer) / 16) * 16;
    if (at + bytes > this.memory.buffer.byteLength) throw new RangeError("KernelMemory: out of its memory");
    this.used = at + bytes;
    return new Kind(this.memory.buffer, at, length);
  }
}
