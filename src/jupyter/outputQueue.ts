/**
 * Keeps every message the kernel sends, in the order the cell made them.
 *
 * tslab 1.0.22 sends each message (printed text, displays, display updates, errors, the
 * `busy`/`idle` status and the replies) with `socket.send(frames)` in `signAndSend`, and never
 * waits for it. On zeromq 6 that loses messages. Measured on the guard cell (2000 printed
 * lines, 1500 progress updates, 3 figures; one core kept busy, machine load 7 to 13):
 * 1. zeromq sends up to 512 messages at once; a send made while the 513th waits for a later
 *    turn of the event loop throws EBUSY. Printed text: `console.log` swallows the throw and
 *    the line is gone. A figure: the throw fails the cell. With no fix the cell died after 253
 *    lines in 5 runs of 5.
 * 2. Retrying EBUSY in order (this project's first fix) still lost 67 to 959 lines in 7 runs of
 *    10: zeromq.js accepted every message, a reader straight on the socket (jupyter_client,
 *    no nbclient) still missed runs of them, each run starting a few lines before a multiple of
 *    512 messages, where zeromq.js defers a send to a later turn of the event loop.
 * 3. A publisher socket (iopub) silently drops what it cannot queue when Jupyter reads slower
 *    than the cell writes (beyond 1000 messages queued for a subscriber); a refused send
 *    rejects the promise it returned, which tslab never looks at.
 *
 * The fix, one place for every kind of output: all sends of the kernel's publisher (iopub) and
 * router (shell, control, stdin) sockets go through one outbox, one message at a time, each
 * sent when the one before has gone, with `sendTimeout = 0` (every send tried at once: no
 * deferred path) and `noDrop` (zeromq refuses with EAGAIN instead of dropping); a refused
 * message waits and goes again. Because the outbox is shared, a reply (`execute_reply`) goes
 * out after the output made before it. Nothing is ever thrown at the cell; a message zeromq
 * rejects for good (a closed socket) is counted and reported on the kernel's own stderr (the
 * terminal Jupyter runs in). A socket's close waits for the outbox.
 *
 * `npm run build` writes a kernelspec that loads this before tslab (`preload.ts`), so every
 * notebook on the course kernel is covered from its first message; importing optimlab in a
 * tslab kernel started some other way applies the same fix (from then on).
 */
import * as fs from "fs";

/** The part of zeromq's module this needs: its socket classes. */
export interface ZeromqModule {
  Publisher?: { prototype: object };
  Router?: { prototype: object };
}

type NativeSend = (this: object, message: unknown) => Promise<void>;

interface Pending {
  socket: object;
  send: NativeSend;
  message: unknown;
  resolve: () => void;
}

const QUEUED = Symbol.for("optimlab.outputQueue");

/** What the outbox did, for tests and for a kernel log. */
export const outputQueueStats = { sent: 0, refused: 0, lost: 0 };

const outbox: Pending[] = [];
let sending = false;
const configured = new WeakSet<object>();

function errorCode(e: unknown): string | undefined {
  return (e as { code?: string } | null)?.code;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends the outbox's messages one after the other, in order; a refused one goes again. */
async function drain(): Promise<void> {
  sending = true;
  let backoff = 0;
  while (outbox.length > 0) {
    const next = outbox[0];
    try {
      await next.send.call(next.socket, next.message); // may throw (EBUSY) or reject (EAGAIN)
      outbox.shift();
      outputQueueStats.sent++;
      backoff = 0;
      next.resolve();
    } catch (e) {
      const code = errorCode(e);
      if (code === "EAGAIN" || code === "EBUSY") {
        outputQueueStats.refused++;
        backoff = Math.min(50, Math.max(1, backoff * 2)); // Jupyter is busy reading: wait for it
        await wait(backoff);
        continue;
      }
      outbox.shift(); // rejected for good (the socket is closed): nothing can carry it
      outputQueueStats.lost++;
      try {
        fs.writeSync(2, `optimlab: a kernel message could not be sent: ${(e as Error).message ?? e}\n`);
      } catch {
        // no stderr either
      }
      next.resolve();
    }
  }
  sending = false;
  for (const run of whenEmpty.splice(0)) run();
}

/** Callbacks waiting for the outbox to be empty (a socket's close). */
const whenEmpty: (() => void)[] = [];

function queuedClose(close: (this: object) => void) {
  return function (this: object): void {
    // tslab closes its sockets right after queueing its last replies (shutdown): send them first
    if (sending) whenEmpty.push(() => close.call(this));
    else close.call(this);
  };
}

/**
 * The two socket options (see the top of this file), set on a socket's first send. libzmq
 * applies both at once on a bound socket; zeromq.js warns about every option set after bind
 * that is not on its own list (noDrop is not), and the warning would print into the cell.
 */
function configure(socket: object, isPublisher: boolean): void {
  const emitWarning = process.emitWarning;
  process.emitWarning = () => undefined;
  try {
    (socket as { sendTimeout: number }).sendTimeout = 0;
    if (isPublisher) (socket as { noDrop: boolean }).noDrop = true;
  } catch {
    // a zeromq without these options: the outbox still keeps the order and retries refusals
  } finally {
    process.emitWarning = emitWarning;
  }
}

function queuedSend(send: NativeSend, isPublisher: boolean): NativeSend {
  return function (this: object, message: unknown): Promise<void> {
    if (!configured.has(this)) {
      configured.add(this);
      configure(this, isPublisher);
    }
    return new Promise<void>((resolve) => {
      outbox.push({ socket: this, send, message, resolve });
      if (!sending) void drain();
    });
  };
}

/**
 * Puts the sockets of a zeromq module (the one tslab loads) behind the outbox. Once per module;
 * returns true when its sockets go through the outbox.
 */
export function queueZeromq(zmq: ZeromqModule): boolean {
  let queued = false;
  for (const [name, isPublisher] of [["Publisher", true], ["Router", false]] as const) {
    const proto = zmq[name]?.prototype as Record<string | symbol, unknown> | undefined;
    if (!proto || typeof proto.send !== "function") continue;
    if (proto[QUEUED]) {
      queued = true;
      continue;
    }
    // `send` is zeromq's native method, inherited and read-only: define it on this class's prototype
    Object.defineProperty(proto, "send", { value: queuedSend(proto.send as NativeSend, isPublisher), writable: true, configurable: true });
    Object.defineProperty(proto, "close", { value: queuedClose(proto.close as (this: object) => void), writable: true, configurable: true });
    Object.defineProperty(proto, QUEUED, { value: true });
    queued = true;
  }
  return queued;
}

/**
 * Inside a tslab kernel: puts the zeromq that tslab loaded behind the outbox (found in
 * `require.cache`, whichever copy it is). Elsewhere it does nothing and returns false.
 */
export function queueKernelOutput(): boolean {
  const files = Object.keys(require.cache);
  if (!files.some((f) => /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(f))) return false;
  let queued = false;
  for (const f of files) {
    if (!/[\\/]zeromq[\\/]lib[\\/]index\.js$/.test(f)) continue;
    const zmq = require.cache[f]?.exports as ZeromqModule | undefined;
    if (zmq && queueZeromq(zmq)) queued = true;
  }
  return queued;
}
