/** Argument checks for the learning-rate schedules (messages as in `checks.ts`). */

export function checkPositive(fn: string, name: string, value: unknown): number {
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${name} must be a positive number, got ${String(value)}`);
  }
  return value;
}

export function checkWholePositive(fn: string, name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`${fn}: ${name} must be a whole number >= 1, got ${String(value)}`);
  }
  return value;
}

/** A decay factor gamma in (0, 1]. */
export function checkGamma(fn: string, value: unknown): number {
  if (typeof value !== "number" || !(value > 0 && value <= 1)) {
    throw new RangeError(`${fn}: gamma must be in (0, 1], got ${String(value)}`);
  }
  return value;
}
