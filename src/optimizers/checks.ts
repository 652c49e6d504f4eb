import type { Schedule } from "./optimizer";

/**
 * Argument checks shared by the update rules. Each throws before any state changes, with a
 * message that starts with the rule's name and says what was expected:
 * `momentum: rho must be in [0, 1), got 1.5`.
 */

/** A learning rate: a positive finite number, or a schedule t ↦ rate. */
export type LearningRate = number | Schedule;

/** Checks `learningRate` and returns it as a schedule (a number becomes a constant function). */
export function checkLearningRate(fn: string, learningRate: unknown, name = "learningRate"): Schedule {
  if (typeof learningRate === "function") return learningRate as Schedule;
  if (typeof learningRate !== "number" || !(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new RangeError(
      `${fn}: ${name} must be a positive number or a schedule (t) => number, got ${String(learningRate)}`,
    );
  }
  return () => learningRate;
}

/** The rate a schedule gives at step t; a schedule may reach 0 (cosine decay), never below. */
export function rateAt(fn: string, schedule: Schedule, t: number): number {
  const rate = schedule(t);
  if (typeof rate !== "number" || !(rate >= 0) || !Number.isFinite(rate)) {
    throw new RangeError(`${fn}: the learningRate schedule gave ${String(rate)} at step ${t}, expected a finite number >= 0`);
  }
  return rate;
}

/** rho, beta1, beta2, decayRate: a fraction of the past to keep, in [0, 1). */
export function checkUnitInterval(fn: string, name: string, value: unknown): number {
  if (typeof value !== "number" || !(value >= 0 && value < 1)) {
    throw new RangeError(`${fn}: ${name} must be in [0, 1), got ${String(value)}`);
  }
  return value;
}

/** eps and weightDecay: a finite number >= 0. */
export function checkNonNegative(fn: string, name: string, value: unknown): number {
  if (typeof value !== "number" || !(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${name} must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}

/** x and dx must be Float64Arrays of one length: `sgd: x has length 3 but dx has length 2`. */
export function checkStep(fn: string, x: unknown, dx: unknown): void {
  if (!(x instanceof Float64Array)) throw new TypeError(`${fn}: x must be a Float64Array, got ${describe(x)}`);
  if (!(dx instanceof Float64Array)) throw new TypeError(`${fn}: dx must be a Float64Array, got ${describe(dx)}`);
  if (x.length !== dx.length) {
    throw new RangeError(`${fn}: x has length ${x.length} but dx has length ${dx.length}`);
  }
}

/**
 * A state array (velocity, cache, moment) for x of length n: zeros the first time, checked
 * against x after that (a test or a notebook may have set it by hand).
 */
export function stateArray(fn: string, name: string, value: Float64Array | null, n: number): Float64Array {
  if (value === null || value === undefined) return new Float64Array(n);
  if (!(value instanceof Float64Array)) throw new TypeError(`${fn}: state.${name} must be a Float64Array or null`);
  if (value.length !== n) throw new RangeError(`${fn}: state.${name} has length ${value.length} but x has length ${n}`);
  return value;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an Array (use Float64Array.from(...))";
  if (typeof v === "object") return (v as object).constructor?.name ?? "an object";
  return typeof v;
}
