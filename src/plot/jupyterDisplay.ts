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

function tslabWriter(): Writer | null {
  for (const [file, mod] of Object.entries(require.cache)) {
    if (/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file) && mod && mod.exports) {
      const w = (mod.exports as { lastWriteDisplayData?: Writer | null }).lastWriteDisplayData;
      if (typeof w === "function") return w;
    }
  }
  return null;
}

/** True inside a running tslab kernel, where rich output can be shown. */
export function inKernel(): boolean {
  return tslabWriter() !== null;
}

type Pending = () => void;
const pending: Pending[] = [];

/**
 * zeromq 6 (under tslab) sends up to 512 messages at once, then hands the next one to its I/O
 * thread; a send made before the event loop has turned throws EBUSY ("Socket is busy writing").
 * Such a message is kept and sent, in order, once the event loop has turned.
 */
function sendOrQueue(send: Pending): void {
  if (pending.length > 0) {
    pending.push(send);
    return;
  }
  try {
    send();
  } catch (e) {
    if ((e as { code?: string }).code !== "EBUSY") throw e;
    pending.push(send);
    setImmediate(flush);
  }
}

function flush(): void {
  while (pending.length > 0) {
    try {
      pending[0]();
      pending.shift();
    } catch (e) {
      if ((e as { code?: string }).code !== "EBUSY") {
        pending.shift();
        throw e;
      }
      setImmediate(flush);
      return;
    }
  }
}

/**
 * Sends a MIME bundle as one display message. With a `displayId`, a later call with the same
 * id and `update: true` replaces the output in place (a progress line that does not scroll).
 * Outside a kernel it returns false and sends nothing.
 */
export function sendDisplay(data: MimeBundle, options: { displayId?: string; update?: boolean } = {}): boolean {
  const write = tslabWriter();
  if (!write) return false;
  const transient = options.displayId ? { display_id: options.displayId } : {};
  sendOrQueue(() => write({ data, metadata: {}, transient }, options.update === true));
  return true;
}
