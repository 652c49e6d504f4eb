import { checkFiniteEntries, checkWhole } from "../core/checks";
import { toVector } from "../core/vector";
import type { FusedObjective } from "./evaluator";

/** The options every second-order method takes. */
export interface SecondOrderOptions {
  /** Stop after this many iterations (status "max-iterations"). */
  maxIter?: number;
  /** Stop when ‖∇f‖∞ ≤ tol (status "converged"). */
  tol?: number;
  /** Keep every iterate in trace.xs (default true); false keeps only x0 and the final point. */
  recordIterates?: boolean;
  /** Called after every iteration, e.g. to show progress in a notebook. */
  onIteration?: (info: { nit: number; f: number; gradNorm: number; nfev: number }) => void;
}

/**
 * Checks what every method checks before it touches anything, and returns a copy of x0:
 * the objective's shape, x0's length and values, tol and maxIter.
 */
export function checkStart(
  fn: string, objective: FusedObjective, x0: ArrayLike<number>, tol: number, maxIter: number,
): Float64Array {
  if (!objective || typeof objective.f !== "function" || typeof objective.grad !== "function") {
    throw new TypeError(`${fn}: objective must have f(x) and grad(x)`);
  }
  checkWhole(fn, "objective.dim", objective.dim, 1);
  if (!x0 || typeof x0.length !== "number") throw new TypeError(`${fn}: x0 must be an array of numbers`);
  if (x0.length !== objective.dim) {
    throw new RangeError(`${fn}: x0 has length ${x0.length} but objective.dim is ${objective.dim}`);
  }
  checkFiniteEntries(fn, "x0", x0);
  if (!(tol > 0) || !Number.isFinite(tol)) throw new RangeError(`${fn}: tol must be a finite number > 0, got ${tol}`);
  checkWhole(fn, "maxIter", maxIter, 0);
  return toVector(x0);
}

/** Throws unless f(x0) and ∇f(x0) are finite: a NaN there is a bug in the objective, not a divergence. */
export function checkFirstEvaluation(fn: string, f: number, grad: Float64Array): void {
  if (!Number.isFinite(f)) throw new RangeError(`${fn}: objective.f(x0) must be finite, got ${f}`);
  for (let i = 0; i < grad.length; i++) {
    if (!Number.isFinite(grad[i])) throw new RangeError(`${fn}: objective.grad(x0) must be finite, got ${grad[i]} at index ${i}`);
  }
}
