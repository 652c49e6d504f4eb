/**
 * Reads the lines a submission's process writes on its result pipe, as untrusted input: the
 * process runs the submission's code and can write anything there.
 *
 * - buffering is linear: each chunk is searched for a newline once, never the whole buffer;
 * - a line longer than `maxLineBytes`, or nested deeper than `maxDepth` (counted before
 *   JSON.parse, skipping strings), or more than `maxMessages` lines, stops the reader with a
 *   reason (the sandbox then ends the process);
 * - a line that is not JSON, or not an object, is dropped;
 * - nothing here throws: `onMessage` is called inside a try, and its errors stop the reader.
 */

export interface ReaderLimits {
  maxLineBytes: number;
  maxDepth: number;
  maxMessages: number;
}

export interface MessageReader {
  /** Feed one chunk; returns a reason when the reader stopped (and ignores everything after). */
  push(chunk: Buffer): string | undefined;
}

/** Nesting depth of a JSON text, counting [ and { outside strings; stops early past `limit`. */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

export function messageReader(limits: ReaderLimits, onMessage: (m: Record<string, unknown>) => void): MessageReader {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let messages = 0;
  let stopped: string | undefined;
  const line = (buf: Buffer): void => {
    if (++messages > limits.maxMessages) {
      stopped = `sent more than ${limits.maxMessages} messages`;
      return;
    }
    const text = buf.toString("utf8");
    if (jsonDepth(text, limits.maxDepth) > limits.maxDepth) {
      stopped = `sent a value nested deeper than ${limits.maxDepth}`;
      return;
    }
    let m: unknown;
    try {
      m = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof m !== "object" || m === null || Array.isArray(m)) return;
    try {
      onMessage(m as Record<string, unknown>);
    } catch (e) {
      stopped = `sent a message the grader could not read (${e instanceof Error ? e.name : typeof e})`;
    }
  };
  return {
    push(chunk: Buffer): string | undefined {
      let start = 0;
      while (!stopped) {
        const nl = chunk.indexOf(10, start);
        const end = nl < 0 ? chunk.length : nl;
        partBytes += end - start;
        if (partBytes > limits.maxLineBytes) {
          stopped = `sent a line longer than ${limits.maxLineBytes >> 20} MB`;
          break;
        }
        if (end > start) parts.push(chunk.subarray(start, end));
        if (nl < 0) break;
        const whole = parts.length === 1 ? parts[0] : Buffer.concat(parts, partBytes);
        parts = [];
        partBytes = 0;
        line(whole);
        start = nl + 1;
      }
      if (stopped) parts = [];
      return stopped;
    },
  };
}
