/**
 * Backtracking line search (Armijo): start at α₀ and shrink α ← ρα until the sufficient-decrease
 * condition holds (Nocedal & Wright, Algorithm 3.1):
 *
 *   α = α₀
 *   while f(x + αp) > f(x) + c₁ α ∇f(x)ᵀp:   α = ρ α
 *
 * `phi(α)` is f(x + αp); `phi0` = f(x) and `dphi0` = ∇f(x)ᵀp < 0 (p is a descent direction).
 * Newton's method uses it with α₀ = 1, so near the minimum the full Newton step is taken.
 * A NaN or Infinity at a trial step counts as "not decreasing enough", so the step shrinks.
 */
export function backtracking(
  phi: (alpha: number) => number,
  phi0: number,
  dphi0: number,
  { alpha0 = 1, c1 = 1e-4, rho = 0.5, maxEvaluations = 60 }:
    { alpha0?: number; c1?: number; rho?: number; maxEvaluations?: number } = {},
): { alpha: number; phi: number; evaluations: number; status: "converged" | "failed" } {
  if (!(dphi0 < 0)) throw new RangeError(`backtracking: dphi0 must be < 0 (a descent direction), got ${dphi0}`);
  if (!(alpha0 > 0)) throw new RangeError(`backtracking: alpha0 must be > 0, got ${alpha0}`);
  if (!(c1 > 0 && c1 < 1)) throw new RangeError(`backtracking: c1 must be in (0, 1), got ${c1}`);
  if (!(rho > 0 && rho < 1)) throw new RangeError(`backtracking: rho must be in (0, 1), got ${rho}`);
  let alpha = alpha0;
  for (let evaluations = 1; evaluations <= maxEvaluations; evaluations++) {
    const value = phi(alpha);
    if (value <= phi0 + c1 * alpha * dphi0) return { alpha, phi: value, evaluations, status: "converged" };
    if (evaluations === maxEvaluations) return { alpha, phi: value, evaluations, status: "failed" };
    alpha *= rho;
  }
  return { alpha, phi: NaN, evaluations: 0, status: "failed" }; // only when maxEvaluations < 1
}
