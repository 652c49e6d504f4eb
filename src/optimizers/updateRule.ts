import { describe } from "../core/checks";
import type { Schedule, UpdateRule } from "./optimizer";

/** A learning rate: a positive finite number, or a schedule t ↦ rate. */
export type LearningRate = number | Schedule;

/** What a rule's loop sees at each step: its state arrays (zeros at the first step). */
export type StateArrays<K extends string> = { [name in K]: Float64Array };

/** The state of a rule made by `updateRule`: the step count t and the named arrays (null until the first step). */
export type RuleState<K extends string> = { t: number } & { [name in K]: Float64Array | null };

/**
 * The machinery every update rule shares, written once, so that a rule file holds only the
 * slide: its pseudo-code, its defaults and its loop. `updateRule` checks `learningRate` (a number
 * or a schedule), and on every `step(x, dx)`:
 *
 *     check x and dx (Float64Arrays of one length)
 *     t = t + 1
 *     learning_rate = schedule(t)                 (checked: finite, >= 0)
 *     the state arrays: zeros of x's length the first time, checked against x after that
 *     update(x, dx, arrays, learning_rate, t)     (the rule's loop)
 *
 * Every check comes before anything changes, so a bad call leaves x and the state as they were.
 * `reset()` forgets t and the arrays. `fn` starts every message: `adam: x has length 3 but dx
 * has length 2`.
 */
export function updateRule<K extends string>(
  fn: string,
  name: string,
  learningRate: unknown,
  arrays: readonly K[],
  update: (x: Float64Array, dx: Float64Array, state: StateArrays<K>, learningRate: number, t: number) => void,
): UpdateRule<RuleState<K>> {
  const schedule = checkLearningRate(fn, learningRate);
  const fresh = (): RuleState<K> => {
    const state = { t: 0 } as RuleState<K>;
    for (const a of arrays) (state as Record<string, unknown>)[a] = null;
    return state;
  };
  const self: UpdateRule<RuleState<K>> = {
    name,
    state: fresh(),
    step(x, dx) {
      checkStep(fn, x, dx);
      const t = self.state.t + 1;
      const rate = rateAt(fn, schedule, t);
      const current = {} as StateArrays<K>;
      for (const a of arrays) current[a] = stateArray(fn, a, self.state[a], x.length);
      Object.assign(self.state, current);
      update(x, dx, current, rate, t);
      self.state.t = t;
    },
    reset() {
      self.state = fresh();
    },
  };
  return self;
}

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

/** A learning rate that must be a number (a schedule's own): `learningRate must be a positive number, got 0`. */
export function checkRate(fn: string, name: string, value: unknown): number {
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${name} must be a positive number, got ${String(value)}`);
  }
  return value;
}

/** The rate a schedule gives at step t; a schedule may reach 0 (cosine decay), never below. */
function rateAt(fn: string, schedule: Schedule, t: number): number {
  const rate = schedule(t);
  if (typeof rate !== "number" || !(rate >= 0) || !Number.isFinite(rate)) {
    throw new RangeError(`${fn}: the learningRate schedule gave ${String(rate)} at step ${t}, expected a finite number >= 0`);
  }
  return rate;
}

/** x and dx must be Float64Arrays of one length: `sgd: x has length 3 but dx has length 2`. */
function checkStep(fn: string, x: unknown, dx: unknown): void {
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
function stateArray(fn: string, name: string, value: Float64Array | null, n: number): Float64Array {
  if (value === null || value === undefined) return new Float64Array(n);
  if (!(value instanceof Float64Array)) throw new TypeError(`${fn}: state.${name} must be a Float64Array or null`);
  if (value.length !== n) throw new RangeError(`${fn}: state.${name} has length ${value.length} but x has length ${n}`);
  return value;
}
