import { matmulABt, matmulAtB, reusable } from "../compute/matmul";
import type { Matrix } from "../core/matrix";
import { allFinite } from "../core/vector";
import { checkFiniteX, checkLossArgs } from "./checkLossArgs";
import type { LossOptions, LossResult } from "./lossResult";

/**
 * The multiclass SVM loss, vectorized: the same numbers as `svmLossNaive`, as matrix products.
 *
 *     S = X Wᵀ                                     N×C scores
 *     M = max(0, S − S[i, y_i] + 1), M[i, y_i] = 0  the margins
 *     L = (1/N) Σ M + reg Σ W²
 *
 *     dS[i, j] = 1 where M[i, j] > 0,  dS[i, y_i] = −(number of positive margins in row i)
 *     dW = (1/N) dSᵀ X + 2 reg W                   C×D
 *
 * W is C×D, X is N×D, y has N labels in 0..C−1. Returns { loss, grad } with grad C×D; with
 * `{ gradient: false }` only the loss (half the work: random search needs no gradient).
 * If W is so large that the scores overflow, the loss is Infinity or NaN: divergence is a
 * result, not an error.
 */
export function svmLoss(W: Matrix, X: Matrix, y: ArrayLike<number>, reg: number): LossResult;
export function svmLoss(W: Matrix, X: Matrix, y: ArrayLike<number>, reg: number, options: LossOptions): { loss: number; grad?: Matrix };
export function svmLoss(W: Matrix, X: Matrix, y: ArrayLike<number>, reg: number, options: LossOptions = {}): { loss: number; grad?: Matrix } {
  const labels = checkLossArgs("svmLoss", W, X, y, reg);
  const N = X.rows, C = W.rows;
  const Xr = reusable(X); // X made ready once for both products (its zeros found, or its copy for the fast kernels)
  const S = matmulABt(Xr, W); // scores, N×C
  if (!allFinite(S.data)) checkFiniteX("svmLoss", X); // a NaN/Infinity in X shows up here

  // Margins, then S is overwritten with dS / N, the gradient of the loss with respect to the scores.
  let loss = 0;
  const s = S.data;
  for (let i = 0; i < N; i++) {
    const row = i * C, yi = labels[i];
    const correct = s[row + yi];
    let positive = 0;
    for (let j = 0; j < C; j++) {
      const margin = s[row + j] - correct + 1;
      if (j !== yi && margin > 0) {
        loss += margin;
        s[row + j] = 1 / N;
        positive++;
      } else {
        s[row + j] = 0;
      }
    }
    s[row + yi] = -positive / N;
  }
  loss /= N;
  if (options.gradient === false) {
    for (const w of W.data) loss += reg * w * w; // the same sum, in the same order, as below
    return { loss };
  }

  const dW = matmulAtB(S, Xr); // dSᵀ X / N, C×D
  const w = W.data, g = dW.data;
  for (let k = 0; k < w.length; k++) {
    loss += reg * w[k] * w[k];
    g[k] += 2 * reg * w[k];
  }
  return { loss, grad: dW };
}
