import { cholesky } from "../core/cholesky";
import { checkMatrix, matrix, type Matrix } from "../core/matrix";
import { checkPoint } from "./checkPoint";
import type { Objective } from "./objective";

/**
 * The quadratic bowl with Hessian H, centred at c:
 *
 *     f(x) = ½ (x − c)ᵀ H (x − c)        ∇f(x) = H (x − c)        ∇²f(x) = H
 *
 * Its level sets are ellipses whose axes are the eigenvectors of H; the ratio of the largest to
 * the smallest eigenvalue (the condition number) is what makes plain gradient descent zig-zag.
 * When H is positive definite the minimum is x* = c with f(x*) = 0.
 *
 * @param H a symmetric n×n matrix (nested arrays or a Matrix).
 */
export function quadratic(
  H: number[][] | Matrix,
  options: { center?: ArrayLike<number>; name?: string; window?: Objective["window"] } = {},
): Objective {
  const h = Array.isArray(H) ? matrix(H) : H;
  checkMatrix("quadratic", "H", h);
  const n = h.rows;
  if (h.cols !== n || n === 0) throw new RangeError(`quadratic: H must be square, got ${h.rows}×${h.cols}`);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = h.data[i * n + j];
      if (!Number.isFinite(a)) throw new RangeError(`quadratic: H[${i}][${j}] must be finite, got ${a}`);
      if (a !== h.data[j * n + i]) {
        throw new RangeError(`quadratic: H must be symmetric, H[${i}][${j}] = ${a} but H[${j}][${i}] = ${h.data[j * n + i]}`);
      }
    }
  }
  const c = options.center ? Float64Array.from(options.center) : new Float64Array(n);
  if (c.length !== n) throw new RangeError(`quadratic: center must have length ${n}, got ${c.length}`);
  const Hd = h.data.slice();
  const name = options.name ?? "quadratic";

  /** H (x − c) */
  function Hx(x: ArrayLike<number>): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += Hd[i * n + j] * (x[j] - c[j]);
      out[i] = s;
    }
    return out;
  }
  return {
    dim: n,
    name,
    f(x) {
      checkPoint("quadratic", x, n);
      const g = Hx(x);
      let s = 0;
      for (let i = 0; i < n; i++) s += (x[i] - c[i]) * g[i];
      return 0.5 * s;
    },
    grad(x) {
      checkPoint("quadratic", x, n);
      return Hx(x);
    },
    hess(x) {
      checkPoint("quadratic", x, n);
      return { rows: n, cols: n, data: Hd.slice() };
    },
    minimum: cholesky({ rows: n, cols: n, data: Hd }) !== null ? { x: c.slice(), f: 0 } : undefined, // positive definite: a bowl
    window: options.window ?? (n === 2 ? { x: [c[0] - 5, c[0] + 5], y: [c[1] - 5, c[1] + 5] } : undefined),
  };
}

/**
 * The lecture's elongated bowl f(x, y) = 0.1x² + 2y² (Hessian diag(0.2, 4), condition number
 * 20): gradient descent zig-zags across the steep y direction and crawls along the shallow x one.
 */
export const quadratic2d: Objective = quadratic([[0.2, 0], [0, 4]], {
  name: "0.1x² + 2y²",
  window: { x: [-10, 10], y: [-5, 5] },
});
