import type { Matrix } from "../core/matrix";

/**
 * A function to minimize, with its derivatives: what every optimizer in the course takes.
 * `hess` is optional: only Newton's method needs it.
 *
 * The toy functions in this folder also say where their minimum is and which window of the
 * plane shows them best, so a notebook can draw the contour and mark the answer.
 */
export interface Objective {
  /** The number of parameters x has. */
  dim: number;
  /** f(x). */
  f(x: Float64Array): number;
  /** ∇f(x), a new array of length dim. */
  grad(x: Float64Array): Float64Array;
  /** f(x) and ∇f(x) from one pass (a loss computes them together); every method uses it when present. */
  valueAndGrad?(x: Float64Array): { f: number; grad: Float64Array };
  /** The Hessian ∇²f(x), dim×dim. */
  hess?(x: Float64Array): Matrix;
  /** A name for legends and messages. */
  name?: string;
  /** A known global minimizer x* and f(x*) (when there are several, one of them). */
  minimum?: { x: Float64Array; f: number };
  /** Every known local minimizer, when there is more than one (Himmelblau's four, …). */
  localMinima?: Float64Array[];
  /** A plotting window that shows the interesting part: the x range, and the y range in 2-D. */
  window?: { x: [number, number]; y?: [number, number] };
}
