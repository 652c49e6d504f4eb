import { checkWhole } from "../core/checks";
import { axpy, dot, normInf } from "../core/vector";
import { checkFirstEvaluation, checkStart, type SecondOrderOptions } from "./checkStart";
import { countEvaluations, type FusedObjective } from "./evaluator";
import { quasiNewtonStep } from "./quasiNewtonStep";
import type { Trace } from "../training/trace";
import { recorder } from "./recorder";

/**
 * L-BFGS: BFGS that keeps only the last m pairs sₖ = xₖ₊₁ − xₖ, yₖ = ∇fₖ₊₁ − ∇fₖ and never forms a
 * matrix. The direction p = −H∇f comes from the two-loop recursion (Nocedal & Wright, Algorithm 7.4):
 *
 *   q = ∇f
 *   for i = k−1, …, k−m:   αᵢ = ρᵢ sᵢᵀq;  q = q − αᵢ yᵢ          (ρᵢ = 1 / yᵢᵀsᵢ)
 *   r = γ q,   γ = sᵀy / yᵀy of the newest pair                  (H₀ = γ I)
 *   for i = k−m, …, k−1:   β = ρᵢ yᵢᵀr;  r = r + sᵢ (αᵢ − β)
 *   p = −r
 *
 * then x ← x + αp with a strong-Wolfe step from the Moré–Thuente search, tried first at α = 1
 * (at α = 1/‖∇f‖₂ on the first iteration, when p = −∇f has no scale yet). 2mn multiply-adds per
 * step and 2mn numbers of memory, instead of BFGS's n².
 *
 * The choices are those of SciPy's L-BFGS-B without bounds (Byrd, Lu, Nocedal & Zhu 1995, v3.0):
 * line search c₁ = 1e-3, c₂ = 0.9 and at most 20 evaluations; a pair with sᵀy ≤ ε·(−∇fᵀs) is skipped
 * (it would break the curvature condition sᵀy > 0 that keeps H positive definite); a failed line
 * search clears the memory and restarts from −∇f once before giving up ("line-search-failed");
 * it stops when ‖∇f‖∞ ≤ tol, or when f no longer decreases. So it takes about as many evaluations
 * as SciPy's minimize(method="L-BFGS-B", options={"gtol": tol, "ftol": 0}).
 *
 * nfev counts evaluations of f (each with its gradient, so ngev = nfev).
 */
export function lbfgs(
  objective: FusedObjective,
  x0: ArrayLike<number>,
  options: SecondOrderOptions & { m?: number } = {},
): Trace {
  const { m = 10, maxIter = 15000, tol = 1e-5 } = options;
  checkWhole("lbfgs", "m", m, 1);
  let x = checkStart("lbfgs", objective, x0, tol, maxIter);
  const n = x.length;
  const counted = countEvaluations("lbfgs", objective);
  const evaluate = (point: Float64Array) => counted.valueAndGrad(point);
  let { f, grad } = evaluate(x);
  checkFirstEvaluation("lbfgs", f, grad);
  const trace = recorder(options);
  trace.record(x, f, grad, counted.counts.nfev);

  // the memory: the last m pairs (s, y) and ρ = 1/yᵀs, oldest first
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  let gamma = 1;
  const alphas = new Float64Array(m);
  const p = new Float64Array(n);
  const end = (status: Trace["status"], message: string) => trace.finish(x, status, counted.counts, message);

  for (let k = 0; ; k++) {
    if (normInf(grad) <= tol) return end("converged", `‖∇f‖∞ = ${normInf(grad).toExponential(2)} ≤ tol = ${tol}`);
    if (k >= maxIter) return end("max-iterations", `stopped after maxIter = ${maxIter} iterations`);

    // two-loop recursion: p = −H∇f
    p.set(grad);
    for (let i = S.length - 1; i >= 0; i--) {
      alphas[i] = rho[i] * dot(S[i], p);
      axpy(-alphas[i], Y[i], p);
    }
    for (let j = 0; j < n; j++) p[j] *= gamma;
    for (let i = 0; i < S.length; i++) {
      const beta = rho[i] * dot(Y[i], p);
      axpy(alphas[i] - beta, S[i], p);
    }
    for (let j = 0; j < n; j++) p[j] = -p[j];

    const alpha0 = k === 0 ? Math.min(1 / Math.sqrt(dot(p, p)), 1e10) : 1;
    const step = quasiNewtonStep(evaluate, x, f, grad, p, { alpha0 }, k + 1);
    if (step.status === "diverged") {
      if (step.x) x = step.x;
      return end("diverged", step.message);
    }
    if (step.status === "line-search-failed") {
      if (S.length === 0) return end("line-search-failed", step.message);
      S.length = Y.length = rho.length = 0; // forget the memory and restart from steepest descent
      gamma = 1;
      continue;
    }
    // the new point, and the new pair s = αp, y = ∇f₊ − ∇f
    const { s, y, slope } = step;
    const fOld = f;
    ({ x, f, grad } = step);
    trace.record(x, f, grad, counted.counts.nfev);

    if (normInf(grad) <= tol) continue; // the convergence test at the top of the loop ends the run
    if (!(fOld - f > 0)) return end("line-search-failed", `f stopped decreasing at iteration ${k + 1} (${step.message})`);
    const sy = dot(s, y);
    if (sy > Number.EPSILON * -slope * step.alpha) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      gamma = sy / dot(y, y);
    }
  }
}
