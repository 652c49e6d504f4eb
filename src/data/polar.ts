import { checkMatrix, Matrix, shapeOf } from "../core/matrix";

/**
 * The polar feature transform f(x, y) = (r, θ): r = √(x² + y²), θ = atan2(y, x) ∈ (-π, π].
 * Two concentric circles, which no line separates in (x, y), become two horizontal bands in
 * (r, θ), separated by the line r = const: a good feature turns a non-linear problem into a
 * linear one. X is N×2; the result is a new N×2 matrix with columns r, θ.
 */
export function polar(X: Matrix): Matrix {
  checkMatrix("polar", "X", X);
  if (X.cols !== 2) throw new RangeError(`polar: X must be N×2 (columns x, y), got ${shapeOf(X)}`);
  const out = new Float64Array(X.data.length);
  for (let i = 0; i < X.rows; i++) {
    const x = X.data[2 * i];
    const y = X.data[2 * i + 1];
    out[2 * i] = Math.hypot(x, y);
    out[2 * i + 1] = Math.atan2(y, x);
  }
  return { rows: X.rows, cols: 2, data: out };
}
