/**
 * What every optimization run returns: the whole history, so plots read it and nothing else
 * (as fmin's gradientDescent records {x, fx, fxprime} at every step).
 */
export interface Trace {
  /** The final point. */
  x: Float64Array;
  /** Every iterate, xs[0] = x0. */
  xs: Float64Array[];
  /** f at every iterate. */
  fs: number[];
  /** ‖∇f‖₂ at every iterate. */
  gradNorms: number[];
  status: "converged" | "max-iterations" | "diverged" | "line-search-failed";
  /** Iterations, function evaluations and gradient evaluations, as SciPy counts them. */
  nit: number;
  nfev: number;
  ngev: number;
  /** A human sentence about how the run ended (why it stopped, at which step it diverged). */
  message?: string;
}
