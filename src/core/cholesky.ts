import { Matrix, checkMatrix, shapeOf, zeros } from "./matrix";

/**
 * The Cholesky factorization A = L Lᵀ of a symmetric matrix, L lower triangular with a
 * positive diagonal. It exists exactly when A is positive definite, so it doubles as the
 * test Newton's method needs: `cholesky(H) === null` means H is not positive definite.
 *
 *   for j = 0 … n-1:
 *     L[j][j] = sqrt(A[j][j] − Σ_{k<j} L[j][k]²)            (fails when the root's argument ≤ 0)
 *     L[i][j] = (A[i][j] − Σ_{k<j} L[i][k] L[j][k]) / L[j][j]   for i > j
 *
 * About n³/3 multiply-adds: the cost that makes Newton's method impractical for large n.
 * Only the lower triangle of A is read.
 */
export function cholesky(A: Matrix): Matrix | null {
  checkMatrix("cholesky", "A", A);
  if (A.rows !== A.cols) throw new RangeError(`cholesky: A must be square, got ${shapeOf(A)}`);
  const n = A.rows;
  const L = zeros(n, n);
  const a = A.data;
  const l = L.data;
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0)) return null; // not positive definite (or NaN)
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return L;
}

/**
 * Solves A x = b given L from `cholesky(A)`: forward substitution L z = b, then back
 * substitution Lᵀ x = z. O(n²), no inverse is ever formed.
 */
export function choleskySolve(L: Matrix, b: ArrayLike<number>): Float64Array {
  checkMatrix("choleskySolve", "L", L);
  const n = L.rows;
  if (L.cols !== n) throw new RangeError(`choleskySolve: L must be square, got ${shapeOf(L)}`);
  if (b.length !== n) throw new RangeError(`choleskySolve: L is ${shapeOf(L)} but b has length ${b.length}`);
  const l = L.data;
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * x[k];
    x[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}
