import { sendDisplay } from "./sendDisplay";

export interface Progress {
  /** Replaces the progress line with `text`. */
  update(text: string): void;
  /** Writes the last line (kept in the notebook) and, outside a kernel, prints it. */
  done(text?: string): void;
}

let progressCount = 0;

/**
 * One output that updates in place, for long loops (random search, training): a notebook shows
 * one line, not thousands. Updates are throttled to one every `minIntervalMs` (default 250 ms).
 * Outside a kernel nothing is shown until `done`, which prints the last line.
 */
export function progress(initial = "", options: { minIntervalMs?: number } = {}): Progress {
  const displayId = `optimlab-progress-${process.pid}-${++progressCount}`;
  const minInterval = options.minIntervalMs ?? 250;
  let last = initial;
  let lastSent = 0;
  let shown = sendDisplay({ "text/plain": initial }, { displayId });
  return {
    update(text: string) {
      last = text;
      const now = Date.now();
      if (shown && now - lastSent >= minInterval) {
        sendDisplay({ "text/plain": text }, { displayId, update: true });
        lastSent = now;
      }
    },
    done(text?: string) {
      if (text !== undefined) last = text;
      if (shown) sendDisplay({ "text/plain": last }, { displayId, update: true });
      else console.log(last);
      shown = false;
    },
  };
}
