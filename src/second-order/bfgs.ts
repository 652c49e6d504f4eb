import { dot, normInf } from "../core/vector";
import { checkFirstEvaluation, checkStart, type SecondOrderOptions } from "./checkStart";
import { countEvaluations, type FusedObjective } from "./evaluator";
import { quasiNewtonStep } from "./quasiNewtonStep";
import type { Trace } from "../training/trace";
import { recorder } from "./recorder";

/**
 * BFGS (Nocedal & Wright, Algorithm 6.1): keep an approximation H of the inverse Hessian, built
 * from how the gradient changed along each step, and move along p = −H∇f:
 *
 *   pₖ = −Hₖ∇fₖ;   xₖ₊₁ = xₖ + αₖpₖ          (αₖ from a strong-Wolfe line search)
 *   sₖ = xₖ₊₁ − xₖ,   yₖ = ∇fₖ₊₁ − ∇fₖ,   ρₖ = 1 / yₖᵀsₖ
 *   Hₖ₊₁ = (I − ρₖsₖyₖᵀ) Hₖ (I − ρₖyₖsₖᵀ) + ρₖsₖsₖᵀ      (a rank-2 update)
 *
 * H₀ = I for the first step (tried at α = 1/‖∇f‖₂), then rescaled to (sᵀy / yᵀy) I before the first
 * update (N&W eq. 6.20). An update with yᵀs ≤ ε·(−∇fᵀs) is skipped: it would break the curvature
 * condition yᵀs > 0 that keeps H positive definite. The line search is Moré–Thuente with
 * c₁ = 1e-4, c₂ = 0.9 (as SciPy's BFGS). n² numbers of memory and O(n²) work per step.
 */
export function bfgs(objective: FusedObjective, x0: ArrayLike<number>, options: SecondOrderOptions = {}): Trace {
  const { tol = 1e-5 } = options;
  const maxIter = options.maxIter ?? 200 * (objective && Number.isInteger(objective.dim) ? objective.dim : 1);
  let x = checkStart("bfgs", objective, x0, tol, maxIter);
  const n = x.length;
  const counted = countEvaluations("bfgs", objective);
  const evaluate = (v: Float64Array) => counted.valueAndGrad(v);
  let { f, grad } = evaluate(x);
  checkFirstEvaluation("bfgs", f, grad);
  const trace = recorder(options);
  trace.record(x, f, grad, counted.counts.nfev);
  const end = (status: Trace["status"], message: string) => trace.finish(x, status, counted.counts, message);

  const H = new Float64Array(n * n); // the inverse-Hessian approximation, row-major
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  let updates = 0;
  const p = new Float64Array(n);
  for (let k = 0; ; k++) {
    if (normInf(grad) <= tol) return end("converged", `‖∇f‖∞ = ${normInf(grad).toExponential(2)} ≤ tol = ${tol}`);
    if (k >= maxIter) return end("max-iterations", `stopped after maxIter = ${maxIter} iterations`);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += H[i * n + j] * grad[j];
      p[i] = -s;
    }
    const alpha0 = updates === 0 ? Math.min(1 / Math.sqrt(dot(p, p)), 1e10) : 1;
    const step = quasiNewtonStep(evaluate, x, f, grad, p, { alpha0, c1: 1e-4, c2: 0.9 }, k + 1);
    if (step.status === "diverged") {
      if (step.x) x = step.x;
      return end("diverged", step.message);
    }
    if (step.status === "line-search-failed") {
      if (updates === 0) return end("line-search-failed", step.message);
      H.fill(0); // forget the curvature learned so far and restart from steepest descent
      for (let i = 0; i < n; i++) H[i * n + i] = 1;
      updates = 0;
      continue;
    }
    const { s, y, slope } = step;
    const fOld = f;
    ({ x, f, grad } = step);
    trace.record(x, f, grad, counted.counts.nfev);
    if (normInf(grad) <= tol) continue;
    if (!(fOld - f > 0)) return end("line-search-failed", `f stopped decreasing at iteration ${k + 1} (${step.message})`);

    const sy = dot(s, y);
    if (!(sy > Number.EPSILON * -slope * step.alpha)) continue; // skip: curvature condition broken
    if (updates === 0) {
      const scale = sy / dot(y, y); // H₀ = (sᵀy / yᵀy) I
      H.fill(0);
      for (let i = 0; i < n; i++) H[i * n + i] = scale;
    }
    // H ← H + ((sᵀy + yᵀHy) / (sᵀy)²) ssᵀ − (Hy sᵀ + s (Hy)ᵀ) / sᵀy   (the product form expanded; H stays symmetric)
    const rho = 1 / sy;
    const Hy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v += H[i * n + j] * y[j];
      Hy[i] = v;
    }
    const c = (sy + dot(y, Hy)) * rho * rho;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) H[i * n + j] += c * s[i] * s[j] - rho * (Hy[i] * s[j] + s[i] * Hy[j]);
    }
    updates++;
  }
}
