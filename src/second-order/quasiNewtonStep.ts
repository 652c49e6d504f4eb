import { allFinite, dot } from "../core/vector";
import type { ValueAndGrad } from "./evaluator";
import { lineAlong } from "./lineFunction";
import { moreThuente } from "./moreThuente";

/** What `quasiNewtonStep` found: the next point and the pair (s, y), or why there is none. */
export type QuasiNewtonStep =
  | { status: "step"; x: Float64Array; f: number; grad: Float64Array; s: Float64Array; y: Float64Array; alpha: number; slope: number; message: string }
  | { status: "diverged"; x: Float64Array | null; message: string }
  | { status: "line-search-failed"; message: string };

/**
 * The step BFGS and L-BFGS share, once they have a direction p at (x, f, ∇f):
 *
 *   αₖ from a strong-Wolfe (Moré–Thuente) line search along p, tried first at alpha0
 *   xₖ₊₁ = xₖ + αₖpₖ
 *   sₖ = xₖ₊₁ − xₖ = αₖpₖ,   yₖ = ∇fₖ₊₁ − ∇fₖ        (the pair the inverse-Hessian update learns from)
 *
 * "diverged": f falls without bound along p, or is not finite at the new point (x is the last
 * point tried); "line-search-failed": p does not descend, or no step satisfies the conditions.
 * `iteration` (1, 2, …) goes into the messages.
 */
export function quasiNewtonStep(
  evaluate: (point: Float64Array) => ValueAndGrad,
  x: Float64Array, f: number, grad: Float64Array, p: Float64Array,
  search: { alpha0: number; c1?: number; c2?: number },
  iteration: number,
): QuasiNewtonStep {
  const slope = dot(grad, p);
  if (!(slope < 0)) return { status: "line-search-failed", message: `the line search failed at iteration ${iteration}: not a descent direction` };
  const line = lineAlong(evaluate, x, p);
  const result = moreThuente(line.phi, f, slope, search);
  const next = line.last;
  if (result.status === "max-step") {
    return { status: "diverged", x: next ? next.x : null, message: `f decreases without bound along the search direction (${result.message}) at iteration ${iteration}` };
  }
  if (result.status === "failed" || !next) {
    return { status: "line-search-failed", message: `the line search failed at iteration ${iteration}: ${result.message}` };
  }
  if (!Number.isFinite(next.f) || !allFinite(next.grad)) {
    return { status: "diverged", x: next.x, message: `f or ∇f is not finite at iteration ${iteration}` };
  }
  const s = Float64Array.from(p, (pj) => result.alpha * pj);
  const y = Float64Array.from(next.grad, (g, j) => g - grad[j]);
  return { status: "step", x: next.x, f: next.f, grad: next.grad, s, y, alpha: result.alpha, slope, message: result.message };
}
