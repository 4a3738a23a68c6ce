/**
 * Display data for a running tslab kernel. tslab's public `display` sends one MIME type per output; a Jupyter
 * display_data message can carry several (text/html for notebooks, text/plain for nbconvert --to text and
 * terminals), and the front end draws the richest it knows. tslab keeps the channel of the running cell in
 * `lastWriteDisplayData` of its dist/jupyter.js (tslab 1.0.22), so it is found among the loaded modules: qsoft
 * never loads tslab itself, and outside a kernel (scripts, CLI, tests) there is simply no channel.
 */

/** A Jupyter MIME bundle: MIME type -> content (text, or base64 for binary types such as image/png). */
export type MimeBundle = Readonly<Record<string, string>>;

type WriteDisplayData = (
  msg: { data: MimeBundle; metadata: Record<string, unknown>; transient: Record<string, unknown> },
  update: boolean,
) => void;

const TSLAB_JUPYTER = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

function kernelWriter(): WriteDisplayData | null {
  for (const [file, mod] of Object.entries(require.cache)) {
    if (mod === undefined || !TSLAB_JUPYTER.test(file)) continue;
    const write = (mod.exports as { lastWriteDisplayData?: unknown }).lastWriteDisplayData;
    if (typeof write === "function") return write as WriteDisplayData;
  }
  return null;
}

/** True inside a running tslab kernel that has started executing a cell. */
export function inKernel(): boolean {
  return kernelWriter() !== null;
}

/** Sends one display output carrying every MIME type of `bundle` to the current tslab cell. */
export function displayBundle(bundle: MimeBundle): void {
  const write = kernelWriter();
  if (write === null)
    throw new Error(
      "display works only inside a running tslab notebook cell: in scripts and the CLI print tableText(x)",
    );
  write({ data: bundle, metadata: {}, transient: {} }, false);
}
