import type { Matrix } from "../core/matrix";

/**
 * What every optimization run returns (`minimize`, `train`, `twoLayerNetTrain`, `newton`,
 * `bfgs`, `lbfgs`): the whole history, so plots read it and nothing else (as fmin's
 * gradientDescent records {x, fx, fxprime} at every step).
 *
 * A full-batch run records every iterate x₀ … x_nit: fs[k] = f(x_k). A minibatch run records
 * every step k = 0 … nit − 1: fs[k] is the loss of step k's minibatch at x_k, before the update
 * (the last iterate is not evaluated: that would need another batch). The optional records
 * below say more where a run has it to say.
 */
export interface Trace {
  /** The final point. */
  x: Float64Array;
  /** Every iterate, xs[0] = x0, when asked (`recordIterates`); otherwise just x0 and the final point. */
  xs: Float64Array[];
  /** f at every iterate (full batch); the minibatch loss at every step (minibatches). */
  fs: number[];
  /** ‖∇f‖₂ at every iterate (of the minibatch gradient, for minibatches). */
  gradNorms: number[];
  status: "converged" | "max-iterations" | "diverged" | "line-search-failed";
  /** Iterations (minibatch runs: steps begun), function and gradient evaluations, as SciPy counts them. */
  nit: number;
  nfev: number;
  ngev: number;
  /** Wall time in seconds from the start, at every entry of fs. */
  seconds: number[];
  /** A human sentence about how the run ended (why it stopped, at which step it diverged). */
  message: string;
  /** Function evaluations used up to every entry of fs (second-order methods take several per step). */
  nfevs: number[];

  // Newton's method
  /** The shift τ added to the Hessian at every step (0: a pure Newton step). */
  shifts?: number[];
  /** Hessian evaluations. */
  nhev?: number;

  // minibatch runs over a dataset
  /** The final point as the loss's weight matrix (`train`): W.data is x. */
  W?: Matrix;
  /** Epochs begun. */
  epochs?: number;
  /** The steps after which the records below were measured (every k steps and at the end). */
  recordSteps?: number[];
  /** The loss on all the training data (not a minibatch) at recordSteps, when asked. */
  fullLosses?: number[];
  /** Accuracy on the training data at recordSteps. */
  trainAccuracies?: number[];
  /** Accuracy on the validation data at recordSteps (with `validation`). */
  valAccuracies?: number[];
}

/** A Trace whose optional records K are always filled (`train` always has W and its accuracies). */
export type TraceWith<K extends keyof Trace> = Trace & Required<Pick<Trace, K>>;
