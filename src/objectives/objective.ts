import type { Matrix } from "../core/matrix";

/**
 * A function to minimize, with its derivatives: what every optimizer in the course takes.
 * `hess` is optional: only Newton's method needs it.
 */
export interface Objective {
  /** The number of parameters x has. */
  dim: number;
  /** f(x). */
  f(x: Float64Array): number;
  /** ∇f(x), a new array of length dim. */
  grad(x: Float64Array): Float64Array;
  /** The Hessian ∇²f(x), dim×dim. */
  hess?(x: Float64Array): Matrix;
  /** A name for legends and messages. */
  name?: string;
}
