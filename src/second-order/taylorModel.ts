import type { Objective } from "../objectives/objective";
import { checkStart } from "./checkStart";

/**
 * The Taylor approximation of f around x₀, as an Objective you can plot or minimize:
 *
 *   order 1 (linear):     m(x) = f(x₀) + ∇f(x₀)ᵀ(x − x₀)
 *   order 2 (quadratic):  m(x) = f(x₀) + ∇f(x₀)ᵀ(x − x₀) + ½ (x − x₀)ᵀ H (x − x₀),   H = ∇²f(x₀)
 *
 * The linear model has no minimum (first-order methods must choose a step size); the quadratic
 * one, when H is positive definite, is minimized at x₀ − H⁻¹∇f(x₀): the Newton step.
 */
export function taylorModel(objective: Objective, x0: ArrayLike<number>, order: 1 | 2): Objective {
  if (order !== 1 && order !== 2) throw new RangeError(`taylorModel: order must be 1 or 2, got ${order}`);
  const c = checkStart("taylorModel", objective, x0, 1, 0);
  const n = c.length;
  if (order === 2 && typeof objective.hess !== "function") {
    throw new TypeError("taylorModel: objective has no hess (the quadratic model needs the Hessian)");
  }
  const f0 = objective.f(c);
  const g0 = objective.grad(c);
  const H = order === 2 ? objective.hess!(c).data : null;
  const Hd = (x: Float64Array) => {
    const out = new Float64Array(n);
    if (!H) return out;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i] += H[i * n + j] * (x[j] - c[j]);
    return out;
  };
  return {
    dim: n,
    name: `${order === 1 ? "linear" : "quadratic"} model of ${objective.name ?? "f"}`,
    window: objective.window,
    f(x) {
      const Hx = Hd(x);
      let s = f0;
      for (let i = 0; i < n; i++) s += (g0[i] + 0.5 * Hx[i]) * (x[i] - c[i]);
      return s;
    },
    grad(x) {
      const Hx = Hd(x);
      return Float64Array.from(g0, (g, i) => g + Hx[i]);
    },
    hess: H ? () => ({ rows: n, cols: n, data: H.slice() }) : undefined,
  };
}
