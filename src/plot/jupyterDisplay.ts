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

function cachedExports(pattern: RegExp): Record<string, unknown>[] {
  return Object.entries(require.cache)
    .filter(([file, mod]) => pattern.test(file) && mod && mod.exports)
    .map(([, mod]) => mod!.exports as Record<string, unknown>);
}

let tslabJupyter: Record<string, unknown>[] | null = null; // found once: a progress line sends many times

function tslabWriter(): Writer | null {
  if (tslabJupyter === null || tslabJupyter.length === 0) {
    tslabJupyter = cachedExports(/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/);
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
 * Outside a kernel it returns false and sends nothing.
 */
export function sendDisplay(data: MimeBundle, options: { displayId?: string; update?: boolean } = {}): boolean {
  const write = tslabWriter();
  if (!write) return false;
  const transient = options.displayId ? { display_id: options.displayId } : {};
  write({ data, metadata: {}, transient }, options.update === true);
  return true;
}

const PATCHED = Symbol.for("optimlab.queuedSend");

type Send = (this: object, message: unknown) => Promise<void>;

/**
 * Keeps a kernel's output from being lost.
 *
 * tslab 1.0 sends every output message (printed text, displays) on its iopub socket without
 * waiting for the previous one. zeromq 6 sends up to 512 messages at once, then hands one to its
 * I/O thread, and a send made before that one has gone throws EBUSY ("Socket is busy writing").
 * tslab drops the message: a cell that prints 1500 lines in a loop shows about 500 (measured).
 * Here, once per kernel, the iopub socket's `send` is wrapped: a message refused as busy waits in
 * a queue and goes out, in order, when the one in flight has gone. Called when optimlab is
 * imported in a kernel; elsewhere it does nothing and returns false.
 */
export function queueKernelOutput(): boolean {
  if (cachedExports(/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/).length === 0) return false;
  let patched = false;
  for (const zmq of cachedExports(/[\\/]zeromq[\\/]lib[\\/]index\.js$/)) {
    const Publisher = zmq.Publisher as { prototype: Record<string | symbol, unknown> } | undefined;
    if (!Publisher) continue;
    const proto = Publisher.prototype;
    patched = true;
    if (proto[PATCHED]) continue;
    const send = proto.send as Send; // the native send, inherited
    const queues = new WeakMap<object, { waiting: unknown[]; inFlight: Promise<void> }>();
    const drain = (socket: object): void => {
      const q = queues.get(socket)!;
      while (q.waiting.length > 0) {
        try {
          q.inFlight = send.call(socket, q.waiting[0]);
          q.waiting.shift();
        } catch (e) {
          if ((e as { code?: string }).code !== "EBUSY") {
            q.waiting.shift(); // a message zeromq rejects for good is dropped, as before
            continue;
          }
          q.inFlight.then(() => drain(socket), () => drain(socket));
          return;
        }
      }
    };
    const queuedSend = function (this: object, message: unknown): Promise<void> {
      let q = queues.get(this);
      if (!q) queues.set(this, (q = { waiting: [], inFlight: Promise.resolve() }));
      if (q.waiting.length > 0) {
        q.waiting.push(message); // keep the order: wait behind the others
        return q.inFlight;
      }
      try {
        q.inFlight = send.call(this, message);
      } catch (e) {
        if ((e as { code?: string }).code !== "EBUSY") throw e;
        q.waiting.push(message);
        const socket = this;
        q.inFlight.then(() => drain(socket), () => drain(socket));
      }
      return q.inFlight;
    };
    try {
      // `send` is inherited and read-only: define it on Publisher's own prototype
      Object.defineProperty(proto, "send", { value: queuedSend, writable: true, configurable: true });
      proto[PATCHED] = true;
    } catch {
      patched = false; // a zeromq we do not know: leave it as it is
    }
  }
  return patched;
}

// Importing optimlab in a notebook is enough to keep its output whole.
queueKernelOutput();
