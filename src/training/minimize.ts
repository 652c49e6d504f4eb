import { checkFiniteEntries, checkWhole } from "../core/checks";
import type { Objective } from "../objectives/objective";
import type { Optimizer } from "../optimizers/optimizer";
import { run } from "./run";
import type { Trace } from "./trace";

export interface MinimizeOptions {
  /** The most update steps to take. */
  steps: number;
  /** Stop as converged once ‖∇f(x)‖₂ <= tol (default 0: run all the steps unless ∇f is exactly 0). */
  tol?: number;
  /** Call optimizer.reset() first, so the run starts with no velocity or moments (default true). */
  reset?: boolean;
  /** Keep every iterate in trace.xs (default true: the contour plots draw them). */
  recordIterates?: boolean;
  /** Called after every step, e.g. to update a progress line. */
  onStep?: (info: { step: number; loss: number }) => void;
}

/**
 * Runs a first-order update rule on an objective from x0, the loop of every slide:
 *
 *     x = x0
 *     for t in range(1, steps + 1):
 *         dx = grad f(x)
 *         optimizer.step(x, dx)        # x -= learning_rate * dx, or momentum, Adam, …
 *
 * and records every iterate, f, ‖∇f‖₂ and the time in a `Trace` for plots (the loop is `run`).
 * The run stops early as `converged` when ‖∇f‖₂ <= tol, and as `diverged` when f or x stops
 * being finite (the message names the step); otherwise it ends with `max-iterations`. nit
 * counts the steps taken; nfev and ngev count the evaluations of f and ∇f (one each per
 * iterate, x0 included; `valueAndGrad` is used when the objective has it). x0 is never changed.
 */
export function minimize(
  objective: Objective,
  optimizer: Optimizer,
  x0: ArrayLike<number>,
  options: MinimizeOptions,
): Trace {
  checkArgs(objective, optimizer, x0, options);
  if (options.reset ?? true) optimizer.reset();
  const valueAndGrad = objective.valueAndGrad
    ? (x: Float64Array) => objective.valueAndGrad!(x)
    : (x: Float64Array) => ({ f: objective.f(x), grad: objective.grad(x) });
  return run({ kind: "full-batch", valueAndGrad }, optimizer, Float64Array.from(x0), options);
}

function checkArgs(objective: Objective, optimizer: Optimizer, x0: ArrayLike<number>, options: MinimizeOptions): void {
  if (!objective || typeof objective.f !== "function" || typeof objective.grad !== "function") {
    throw new TypeError("minimize: objective must have f(x) and grad(x)");
  }
  if (!optimizer || typeof optimizer.step !== "function" || typeof optimizer.reset !== "function") {
    throw new TypeError("minimize: optimizer must have step(x, dx) and reset(), e.g. sgd({ learningRate: 0.1 })");
  }
  if (!x0 || typeof x0.length !== "number") throw new TypeError("minimize: x0 must be a Float64Array or number[]");
  checkFiniteEntries("minimize", "x0", x0);
  if (typeof objective.dim === "number" && x0.length !== objective.dim) {
    throw new RangeError(`minimize: x0 has length ${x0.length} but the objective has dim ${objective.dim}`);
  }
  checkWhole("minimize", "steps", options?.steps, 0);
  const tol = options.tol ?? 0;
  if (typeof tol !== "number" || !(tol >= 0)) throw new RangeError(`minimize: tol must be a number >= 0, got ${String(tol)}`);
}
