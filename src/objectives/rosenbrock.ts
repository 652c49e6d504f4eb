import { checkWhole } from "../core/checks";
import { checkPoint } from "./checkPoint";
import type { Objective } from "./objective";

/**
 * The Rosenbrock function in n ≥ 2 dimensions, exactly as SciPy's `rosen`, `rosen_der` and
 * `rosen_hess` (scipy.optimize) define it:
 *
 *     f(x) = Σ_{i=0}^{n−2} 100 (x_{i+1} − x_i²)² + (1 − x_i)²
 *
 * A curved, flat-bottomed valley: easy to find, hard to follow. The minimum is x* = (1, …, 1)
 * with f(x*) = 0. In 2-D: f(x, y) = 100 (y − x²)² + (1 − x)², drawn on [−2, 2] × [−1, 3].
 */
export function rosenbrock(n = 2): Objective {
  checkWhole("rosenbrock", "n", n, 2);
  const name = n === 2 ? "Rosenbrock" : `Rosenbrock (${n}-D)`;
  return {
    dim: n,
    name,
    f(x) {
      checkPoint("rosenbrock", x, n);
      let s = 0;
      for (let i = 0; i < n - 1; i++) {
        const a = x[i + 1] - x[i] * x[i];
        const b = 1 - x[i];
        s += 100 * a * a + b * b;
      }
      return s;
    },
    grad(x) {
      checkPoint("rosenbrock", x, n);
      // ∂f/∂x_i gets −400 x_i (x_{i+1} − x_i²) − 2 (1 − x_i) from term i
      // and 200 (x_i − x_{i−1}²) from term i−1.
      const g = new Float64Array(n);
      for (let i = 0; i < n - 1; i++) {
        const a = x[i + 1] - x[i] * x[i];
        g[i] += -400 * x[i] * a - 2 * (1 - x[i]);
        g[i + 1] += 200 * a;
      }
      return g;
    },
    hess(x) {
      checkPoint("rosenbrock", x, n);
      // Tridiagonal: H[i][i+1] = H[i+1][i] = −400 x_i;
      // H[i][i] = 1200 x_i² − 400 x_{i+1} + 2 (i < n−1)  +  200 (i > 0).
      const H = new Float64Array(n * n);
      for (let i = 0; i < n - 1; i++) {
        H[i * n + i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
        H[(i + 1) * n + (i + 1)] += 200;
        H[i * n + i + 1] = -400 * x[i];
        H[(i + 1) * n + i] = -400 * x[i];
      }
      return { rows: n, cols: n, data: H };
    },
    minimum: { x: new Float64Array(n).fill(1), f: 0 },
    window: { x: [-2, 2], y: [-1, 3] },
  };
}
