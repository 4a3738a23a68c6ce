import * as fs from "node:fs";
import { scratchFile } from "../files/atomic-write";

/** Bytes of read buffers `RowSpill.chunks` holds by default, over all runs. */
const READ_BUFFER_BYTES = 1 << 26;

/** A run of rows in the scratch file: where it starts and how many rows it holds. */
interface Run {
  readonly offset: number;
  readonly rows: number;
}

/**
 * Rows of a numeric matrix (rows x width doubles) that arrive in runs, each run's rows in ascending order but
 * the runs interleaved (the spatial domains of a frame: each domain's atoms ascending, the domains spread over
 * the frame), put back in row order at bounded memory. Each run is appended to a scratch file beside the output
 * (8 bytes x width per row; removed by `dispose`); `chunks` then reads the runs back side by side, a buffer of
 * a few thousand rows per run, and yields the rows in order. Values are kept bitwise (NaN payloads included).
 */
export class RowSpill {
  private readonly owner: Int32Array;
  private readonly runs: Run[] = [];
  private readonly scratch: { readonly path: string; remove(): void };
  private readonly fd: number;
  private bytes = 0;
  private added = 0;
  private open = true;

  /**
   * @param beside the output file the scratch file is written beside (same folder)
   * @param rows rows of the whole matrix
   * @param width values per row
   */
  constructor(
    beside: string,
    readonly rows: number,
    readonly width: number,
  ) {
    if (!(Number.isInteger(width) && width >= 0)) throw new Error(`RowSpill: width must be a count, got ${width}`);
    this.owner = new Int32Array(rows).fill(-1);
    this.scratch = scratchFile(beside);
    try {
      this.fd = fs.openSync(this.scratch.path, "w+");
    } catch (e) {
      this.scratch.remove();
      throw e;
    }
  }

  /** Appends a run: row indices `rows` (ascending, each given once over all runs) and their values, row-major. */
  add(rows: Int32Array, values: Float64Array): void {
    if (values.length !== rows.length * this.width)
      throw new Error(`RowSpill: ${rows.length} rows need ${rows.length * this.width} values, got ${values.length}`);
    const run = this.runs.length;
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      if (!(i >= 0 && i < this.rows)) throw new Error(`RowSpill: row ${i} is outside 0..${this.rows - 1}`);
      if (r > 0 && i <= rows[r - 1]) throw new Error(`RowSpill: the rows of a run must ascend (${rows[r - 1]}, ${i})`);
      if (this.owner[i] !== -1) throw new Error(`RowSpill: row ${i} was given twice`);
    }
    for (let r = 0; r < rows.length; r++) this.owner[rows[r]] = run;
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    for (let at = 0; at < bytes.length; ) at += fs.writeSync(this.fd, bytes, at, bytes.length - at, this.bytes + at);
    this.runs.push({ offset: this.bytes, rows: rows.length });
    this.bytes += bytes.length;
    this.added += rows.length;
  }

  /**
   * The rows in order, `chunkRows` at a time: `start` (the first row's index) and the chunk's values, row-major
   * (the array is reused from chunk to chunk: copy what you keep), reading the runs through buffers of
   * `bufferBytes` in all (at least 64 rows per run). Throws if some row was never added.
   */
  *chunks(chunkRows = 65536, bufferBytes = READ_BUFFER_BYTES): Generator<{ start: number; values: Float64Array }> {
    if (this.added !== this.rows)
      throw new Error(`RowSpill: ${this.rows - this.added} of ${this.rows} rows were never given`);
    const w = this.width;
    const per = Math.max(64, Math.floor(bufferBytes / Math.max(1, this.runs.length * w * 8)));
    const buffers = this.runs.map((run) => new Float64Array(Math.min(per, run.rows) * w));
    const read = new Int32Array(this.runs.length); // rows of each run read into its buffer so far
    const used = new Int32Array(this.runs.length); // rows of each run's buffer taken
    const filled = new Int32Array(this.runs.length); // rows in each run's buffer
    const out = new Float64Array(Math.min(chunkRows, this.rows) * w);
    for (let start = 0; start < this.rows; start += chunkRows) {
      const end = Math.min(this.rows, start + chunkRows);
      for (let i = start; i < end; i++) {
        const k = this.owner[i];
        if (used[k] === filled[k]) {
          const n = Math.min(buffers[k].length / w, this.runs[k].rows - read[k]);
          const bytes = new Uint8Array(buffers[k].buffer, 0, n * w * 8);
          const from = this.runs[k].offset + read[k] * w * 8;
          for (let at = 0; at < bytes.length; ) {
            const got = fs.readSync(this.fd, bytes, at, bytes.length - at, from + at);
            if (got === 0) throw new Error(`RowSpill: the scratch file ${this.scratch.path} ended early`);
            at += got;
          }
          read[k] += n;
          filled[k] = n;
          used[k] = 0;
        }
        const src = buffers[k];
        const s0 = used[k] * w;
        const o0 = (i - start) * w;
        for (let c = 0; c < w; c++) out[o0 + c] = src[s0 + c];
        used[k]++;
      }
      yield { start, values: out.subarray(0, (end - start) * w) };
    }
  }

  /** Closes and removes the scratch file. */
  dispose(): void {
    if (!this.open) return;
    this.open = false;
    fs.closeSync(this.fd);
    this.scratch.remove();
  }
}
