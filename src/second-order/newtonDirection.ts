import { cholesky, choleskySolve } from "../core/cholesky";
import { Matrix, checkMatrix, shapeOf } from "../core/matrix";

/**
 * The Newton step: solve H p = −∇f for p (by a Cholesky factorization, never by forming H⁻¹).
 * When H is not positive definite, p would not point downhill (at a saddle it points to the
 * saddle), so a multiple of the identity is added until the factorization succeeds
 * (Nocedal & Wright, Algorithm 3.3, "Cholesky with added multiple of the identity"):
 *
 *   τ = 0 if min Hᵢᵢ > 0, else −min Hᵢᵢ + β;     β = 1e-3 · max(1, max |Hᵢᵢ|)
 *   while cholesky(H + τI) fails:  τ = max(2τ, β)
 *
 * Returns p and the shift τ used (0: the pure Newton step). O(n³) time and n² memory.
 */
export function newtonDirection(H: Matrix, grad: ArrayLike<number>): { p: Float64Array; shift: number } {
  checkMatrix("newtonDirection", "H", H);
  const n = grad.length;
  if (H.rows !== n || H.cols !== n) throw new RangeError(`newtonDirection: H is ${shapeOf(H)} but grad has length ${n}`);
  const minusGrad = Float64Array.from(grad, (v) => -v);
  let L = cholesky(H);
  let shift = 0;
  if (!L) {
    let minDiagonal = Infinity;
    let maxDiagonal = 0;
    for (let i = 0; i < n; i++) {
      minDiagonal = Math.min(minDiagonal, H.data[i * n + i]);
      maxDiagonal = Math.max(maxDiagonal, Math.abs(H.data[i * n + i]));
    }
    const beta = 1e-3 * Math.max(1, maxDiagonal);
    shift = minDiagonal > 0 ? beta : -minDiagonal + beta;
    const shifted: Matrix = { rows: n, cols: n, data: H.data.slice() };
    for (let attempt = 0; attempt < 200; attempt++) {
      for (let i = 0; i < n; i++) shifted.data[i * n + i] = H.data[i * n + i] + shift;
      L = cholesky(shifted);
      if (L) break;
      shift = Math.max(2 * shift, beta);
    }
    if (!L) throw new RangeError("newtonDirection: H has non-finite entries (no shift makes it positive definite)");
  }
  return { p: choleskySolve(L, minusGrad), shift };
}
