/**
 * Sending rich output to Jupyter from inside the tslab kernel.
 *
 * tslab's public `display.raw()` sends one MIME type per message. To send one `display_data`
 * message carrying several MIME types (so each front end picks the one it renders), we use the
 * writer tslab keeps for the running cell: `lastWriteDisplayData` in its module
 * `tslab/dist/jupyter.js`. We look it up in `require.cache`, which finds the copy of tslab that
 * is actually running the kernel, whichever copy this module would resolve itself.
 */
export type MimeBundle = Record<string, unknown>;

type Writer = (content: { data: MimeBundle; metadata: object; transient: object }, update: boolean) => void;

let tslabJupyter: Record<string, unknown>[] | null = null; // found once: a progress line sends many times

function tslabWriter(): Writer | null {
  if (tslabJupyter === null || tslabJupyter.length === 0) {
    tslabJupyter = Object.entries(require.cache)
      .filter(([file, mod]) => /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file) && mod && mod.exports)
      .map(([, mod]) => mod!.exports as Record<string, unknown>);
  }
  for (const jupyter of tslabJupyter) {
    const w = jupyter.lastWriteDisplayData; // read each time: tslab sets it for every cell
    if (typeof w === "function") return w as Writer;
  }
  return null;
}

/** True inside a running tslab kernel, where rich output can be shown. */
export function inKernel(): boolean {
  return tslabWriter() !== null;
}

/**
 * Sends a MIME bundle as one display message. With a `displayId`, a later call with the same
 * id and `update: true` replaces the output in place (a progress line that does not scroll).
 * Outside a kernel it returns false and sends nothing. (The message waits its turn in the
 * kernel's output queue, `outputQueue.ts`: none is dropped, none overtakes another.)
 */
export function sendDisplay(data: MimeBundle, options: { displayId?: string; update?: boolean } = {}): boolean {
  const write = tslabWriter();
  if (!write) return false;
  const transient = options.displayId ? { display_id: options.displayId } : {};
  write({ data, metadata: {}, transient }, options.update === true);
  return true;
}
