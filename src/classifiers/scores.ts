import { matmulABt } from "../compute/matmul";
import { checkMatrix, shapeOf, type Matrix } from "../core/matrix";

/**
 * The linear score function f(x, W) = Wx for every example at once.
 *
 * W is C×D (one row — one template — per class), X is N×D (one example per row), so the
 * N×C scores are X Wᵀ: scores[i][c] = W_c · x_i, the dot product of class c's template with
 * example i. With the bias trick (a column of ones appended to X, see `addBias`) the bias is
 * W's last column.
 */
export function scores(W: Matrix, X: Matrix): Matrix {
  checkMatrix("scores", "W", W);
  checkMatrix("scores", "X", X);
  if (W.cols !== X.cols) throw new RangeError(`scores: W is ${shapeOf(W)} but X is ${shapeOf(X)} (W must be C×D for X N×D)`);
  return matmulABt(X, W);
}
