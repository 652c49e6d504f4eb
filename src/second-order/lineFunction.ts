import type { ValueAndGrad } from "./evaluator";

/** φ(α) = f(x + α d) and its slope φ'(α) = ∇f(x + α d)·d, evaluated together. */
export type LineFunction = (alpha: number) => { phi: number; dphi: number };

/** What a line search returns: the step α it chose, φ(α), φ'(α) and how many times it evaluated φ. */
export interface LineSearchResult {
  alpha: number;
  phi: number;
  dphi: number;
  evaluations: number;
  /**
   * "converged": the Wolfe (or Armijo) conditions hold at α. "warning": no further progress is
   * possible (rounding errors, interval below tolerance) and α is the best point found.
   * "max-step": α reached alphaMax with f still falling (f may be unbounded below).
   * "failed": no acceptable α within the allowed evaluations.
   */
  status: "converged" | "warning" | "max-step" | "failed";
  message: string;
}

/** A line function along d from x that remembers the last point it evaluated (x, f, ∇f). */
export interface Line {
  phi: LineFunction;
  /** The last point evaluated: α, x + αd, f and ∇f there. */
  last: { alpha: number; x: Float64Array; f: number; grad: Float64Array } | null;
}

/**
 * φ along the ray x + αd of a function that gives value and gradient together. The caller reads
 * `line.last` after the search, so the accepted point is not evaluated twice.
 */
export function lineAlong(evaluate: (x: Float64Array) => ValueAndGrad, x: Float64Array, d: Float64Array): Line {
  const n = x.length;
  const line: Line = {
    last: null,
    phi(alpha) {
      const xa = new Float64Array(n);
      for (let i = 0; i < n; i++) xa[i] = x[i] + alpha * d[i];
      const { f, grad } = evaluate(xa);
      let slope = 0;
      for (let i = 0; i < n; i++) slope += grad[i] * d[i];
      line.last = { alpha, x: xa, f, grad };
      return { phi: f, dphi: slope };
    },
  };
  return line;
}
