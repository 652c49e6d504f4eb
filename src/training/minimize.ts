import { norm2 } from "../core/vector";
import type { Objective } from "../objectives/objective";
import type { Optimizer } from "../optimizers/optimizer";
import type { Trace } from "./trace";

export interface MinimizeOptions {
  /** The most update steps to take. */
  steps: number;
  /** Stop as converged once ‖∇f(x)‖₂ <= tol (default 0: run all the steps unless ∇f is exactly 0). */
  tol?: number;
  /** Call optimizer.reset() first, so the run starts with no velocity or moments (default true). */
  reset?: boolean;
}

/**
 * Runs a first-order update rule on an objective from x0, the loop of every slide:
 *
 *     x = x0
 *     for t in range(1, steps + 1):
 *         dx = grad f(x)
 *         optimizer.step(x, dx)        # x -= learning_rate * dx, or momentum, Adam, …
 *
 * and records every iterate, f and ‖∇f‖₂ in a `Trace` for plots. The run stops early as
 * `converged` when ‖∇f‖₂ <= tol, and as `diverged` when f or x stops being finite (the message
 * names the step); otherwise it ends with `max-iterations`. nit counts the steps taken; nfev and
 * ngev count the calls of f and ∇f (one each per iterate, x0 included). x0 is never changed.
 */
export function minimize(
  objective: Objective,
  optimizer: Optimizer,
  x0: ArrayLike<number>,
  options: MinimizeOptions,
): Trace {
  checkArgs(objective, optimizer, x0, options);
  const steps = options.steps;
  const tol = options.tol ?? 0;
  if (options.reset ?? true) optimizer.reset();

  const x = Float64Array.from(x0);
  const xs: Float64Array[] = [];
  const fs: number[] = [];
  const gradNorms: number[] = [];
  let nfev = 0;
  let ngev = 0;
  /** Evaluates f and ∇f at x, records them, and returns ∇f. */
  function record(): Float64Array {
    const f = objective.f(x);
    nfev++;
    const dx = objective.grad(x);
    ngev++;
    xs.push(x.slice());
    fs.push(f);
    gradNorms.push(norm2(dx));
    return dx;
  }
  const done = (status: Trace["status"], nit: number, message: string): Trace => ({
    x: x.slice(), xs, fs, gradNorms, status, nit, nfev, ngev, message,
  });

  let dx = record();
  for (let t = 0; ; t++) {
    const f = fs[t];
    const gradNorm = gradNorms[t];
    if (!Number.isFinite(f) || !Number.isFinite(gradNorm)) {
      const what = Number.isFinite(f) ? `‖∇f‖₂ = ${gradNorm}` : `f = ${f}`;
      return done("diverged", t, `diverged at step ${t}: ${what}`);
    }
    if (gradNorm <= tol) {
      return done("converged", t, `converged at step ${t}: ‖∇f‖₂ = ${gradNorm.toExponential(3)} <= tol = ${tol}`);
    }
    if (t === steps) {
      return done("max-iterations", t, `stopped after ${steps} steps: ‖∇f‖₂ = ${gradNorm.toExponential(3)}, f = ${f}`);
    }
    optimizer.step(x, dx);
    if (!isFiniteVector(x)) {
      // Overflowed: record the point, but do not evaluate f or ∇f at it.
      xs.push(x.slice());
      fs.push(NaN);
      gradNorms.push(NaN);
      return done("diverged", t + 1, `diverged at step ${t + 1}: x is not finite`);
    }
    dx = record();
  }
}

function isFiniteVector(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}

function checkArgs(objective: Objective, optimizer: Optimizer, x0: ArrayLike<number>, options: MinimizeOptions): void {
  if (!objective || typeof objective.f !== "function" || typeof objective.grad !== "function") {
    throw new TypeError("minimize: objective must have f(x) and grad(x)");
  }
  if (!optimizer || typeof optimizer.step !== "function" || typeof optimizer.reset !== "function") {
    throw new TypeError("minimize: optimizer must have step(x, dx) and reset(), e.g. sgd({ learningRate: 0.1 })");
  }
  if (!x0 || typeof x0.length !== "number") throw new TypeError("minimize: x0 must be a Float64Array or number[]");
  for (let i = 0; i < x0.length; i++) {
    if (!Number.isFinite(x0[i])) throw new RangeError(`minimize: x0[${i}] must be finite, got ${x0[i]}`);
  }
  if (typeof objective.dim === "number" && x0.length !== objective.dim) {
    throw new RangeError(`minimize: x0 has length ${x0.length} but the objective has dim ${objective.dim}`);
  }
  const steps = options?.steps;
  if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 0) {
    throw new RangeError(`minimize: steps must be a whole number >= 0, got ${String(steps)}`);
  }
  const tol = options.tol ?? 0;
  if (typeof tol !== "number" || !(tol >= 0)) throw new RangeError(`minimize: tol must be a number >= 0, got ${String(tol)}`);
}
