import { allFinite, dot, normInf } from "../core/vector";
import { backtracking } from "./backtracking";
import { checkFirstEvaluation, checkStart, type SecondOrderOptions } from "./checkStart";
import { countEvaluations, type FusedObjective } from "./evaluator";
import { newtonDirection } from "./newtonDirection";
import type { Trace, TraceWith } from "../training/trace";
import { recorder } from "./recorder";

/** The old name of Newton's Trace: it also fills `shifts` (τ added to the Hessian per step) and `nhev`. */
export type NewtonTrace = TraceWith<"shifts" | "nhev">;

/**
 * Newton's method: minimize the second-order Taylor model of f at x,
 *
 *   f(x + p) ≈ f(x) + ∇f(x)ᵀp + ½ pᵀH p,   minimized at  H p = −∇f   (θ* = θ₀ − H⁻¹∇J on the slide)
 *
 * and step there: x ← x + αp. On a quadratic with positive definite H the model is exact and one
 * full step (α = 1) lands on the minimum. Elsewhere two safeguards:
 *   - H not positive definite (a saddle, Rosenbrock far from its valley): H + τI is used instead,
 *     τ > 0 the smallest shift found that makes it positive definite (`newtonDirection`); the
 *     trace's `shifts` and message say when that happened;
 *   - a backtracking (Armijo) line search from α = 1 keeps a step from overshooting.
 * Stops when ‖∇f‖∞ ≤ tol. The objective must have `hess`.
 */
export function newton(objective: FusedObjective, x0: ArrayLike<number>, options: SecondOrderOptions = {}): NewtonTrace {
  const { maxIter = 100, tol = 1e-8 } = options;
  if (objective && typeof objective.hess !== "function") {
    throw new TypeError("newton: objective has no hess (Newton's method needs the Hessian)");
  }
  let x = checkStart("newton", objective, x0, tol, maxIter);
  const n = x.length;
  const counted = countEvaluations("newton", objective);
  let f = counted.value(x);
  let grad = counted.grad(x);
  checkFirstEvaluation("newton", f, grad);
  const trace = recorder(options);
  trace.record(x, f, grad, counted.counts.nfev);
  const shifts: number[] = [];
  const end = (status: Trace["status"], message: string): NewtonTrace => {
    const shifted = shifts.filter((s) => s > 0).length;
    const note = shifted > 0 ? `; the Hessian was not positive definite at ${shifted} of ${shifts.length} steps (H + τI used)` : "";
    return { ...trace.finish(x, status, counted.counts, message + note), shifts, nhev: counted.counts.nhev };
  };
  for (let k = 0; ; k++) {
    if (normInf(grad) <= tol) return end("converged", `‖∇f‖∞ = ${normInf(grad).toExponential(2)} ≤ tol = ${tol}`);
    if (k >= maxIter) return end("max-iterations", `stopped after maxIter = ${maxIter} iterations`);
    const H = counted.hess(x);
    if (!allFinite(H.data)) return end("diverged", `the Hessian is not finite at iteration ${k + 1}`);
    const { p, shift } = newtonDirection(H, grad);
    shifts.push(shift);
    const slope = dot(grad, p);
    if (!(slope < 0)) return end("line-search-failed", `the Newton direction does not descend at iteration ${k + 1}`);
    const trial = new Float64Array(n);
    const search = backtracking((alpha) => {
      for (let i = 0; i < n; i++) trial[i] = x[i] + alpha * p[i];
      const value = counted.value(trial);
      return Number.isNaN(value) ? Infinity : value;
    }, f, slope);
    if (search.status === "failed") return end("line-search-failed", `backtracking found no decrease at iteration ${k + 1}`);
    for (let i = 0; i < n; i++) trial[i] = x[i] + search.alpha * p[i];
    x = trial.slice();
    f = search.phi;
    if (f === -Infinity) return end("diverged", `f = −Infinity at iteration ${k + 1}`);
    grad = counted.grad(x);
    if (!allFinite(grad)) return end("diverged", `∇f is not finite at iteration ${k + 1}`);
    trace.record(x, f, grad, counted.counts.nfev);
  }
}
