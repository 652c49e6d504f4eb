/**
 * The argument checks of the whole library, written once. Each throws before any work is done,
 * with a message that starts with the caller's name, names the argument and says what was
 * expected: `train: batchSize must be a whole number in [1, N = 30], got 31`.
 */

/**
 * A whole number in [min, max]: `name must be a whole number >= 1, got 2.5`. `maxName` names the
 * upper bound in the message (`in [1, N = 30]`).
 */
export function checkWhole(fn: string, name: string, value: unknown, min: number, max = Infinity, maxName?: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const upper = maxName ? `${maxName} = ${max}` : `${max}`;
    const range = max === Infinity ? `>= ${min}` : `in [${min}, ${upper}]`;
    throw new RangeError(`${fn}: ${name} must be a whole number ${range}, got ${String(value)}`);
  }
  return value;
}

/** A finite number > 0, or >= 0: `h must be a finite number > 0, got 0`. */
export function checkFinite(fn: string, name: string, value: unknown, bound: "> 0" | ">= 0"): number {
  const ok = typeof value === "number" && Number.isFinite(value) && (bound === "> 0" ? value > 0 : value >= 0);
  if (!ok) throw new RangeError(`${fn}: ${name} must be a finite number ${bound}, got ${String(value)}`);
  return value as number;
}

/** A number in an interval written as on paper: "[0, 1)", "(0, 1]", "(0, 1)" or "[0, 1]". */
export function checkInterval(fn: string, name: string, value: unknown, interval: "[0, 1)" | "(0, 1]" | "(0, 1)" | "[0, 1]"): number {
  const v = value as number;
  const low = interval[0] === "[" ? v >= 0 : v > 0;
  const high = interval[interval.length - 1] === "]" ? v <= 1 : v < 1;
  if (typeof value !== "number" || !(low && high)) {
    throw new RangeError(`${fn}: ${name} must be in ${interval}, got ${String(value)}`);
  }
  return v;
}

/** Every entry of a vector finite: `x0[1] must be finite, got NaN`. */
export function checkFiniteEntries(fn: string, name: string, v: ArrayLike<number>): void {
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== "number" || !Number.isFinite(v[i])) throw new RangeError(`${fn}: ${name}[${i}] must be finite, got ${v[i]}`);
  }
}

/** What a value is, for messages: "null", "an Array (use Float64Array.from(...))", "Float32Array", "string". */
export function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an Array (use Float64Array.from(...))";
  if (typeof v === "object") return (v as object).constructor?.name ?? "an object";
  return typeof v;
}
