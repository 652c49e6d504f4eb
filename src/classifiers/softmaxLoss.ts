import { matmulABt, matmulAtB, reusable } from "../compute/matmul";
import type { Matrix } from "../core/matrix";
import { allFinite } from "../core/vector";
import { checkFiniteX, checkLossArgs } from "./checkLossArgs";
import type { LossOptions, LossResult } from "./lossResult";

/**
 * The softmax loss, vectorized: the same numbers as `softmaxLossNaive`, as matrix products.
 *
 *     S = X Wᵀ − rowmax                          N×C shifted scores (numerically stable)
 *     P = exp(S) / rowsum(exp(S))                probabilities
 *     L = −(1/N) Σ_i log P[i, y_i] + reg Σ W²
 *     dS = (P − Y) / N   (Y one-hot)
 *     dW = dSᵀ X + 2 reg W                       C×D
 *
 * W is C×D, X is N×D, y has N labels in 0..C−1. Returns { loss, grad } with grad C×D; with
 * `{ gradient: false }` only the loss (half the work: random search needs no gradient).
 */
export function softmaxLoss(W: Matrix, X: Matrix, y: ArrayLike<number>, reg: number): LossResult;
export function softmaxLoss(W: Matrix, X: Matrix, y: ArrayLike<number>, reg: number, options: LossOptions): { loss: number; grad?: Matrix };
export function softmaxLoss(W: Matrix, X: Matrix, y: ArrayLike<number>, reg: number, options: LossOptions = {}): { loss: number; grad?: Matrix } {
  const labels = checkLossArgs("softmaxLoss", W, X, y, reg);
  const N = X.rows, C = W.rows;
  const Xr = reusable(X); // X made ready once for both products (its zeros found, or its copy for the fast kernels)
  const S = matmulABt(Xr, W); // scores, N×C
  if (!allFinite(S.data)) checkFiniteX("softmaxLoss", X);

  // Overwrite S with dS = (P − Y) / N, row by row.
  let loss = 0;
  const s = S.data;
  for (let i = 0; i < N; i++) {
    const row = i * C, yi = labels[i];
    let max = -Infinity;
    for (let j = 0; j < C; j++) if (s[row + j] > max) max = s[row + j];
    const correct = s[row + yi] - max;
    let total = 0;
    for (let j = 0; j < C; j++) {
      const e = Math.exp(s[row + j] - max);
      s[row + j] = e;
      total += e;
    }
    loss += Math.log(total) - correct; // −log(e^{s_y − max} / total)
    for (let j = 0; j < C; j++) s[row + j] /= total * N;
    s[row + yi] -= 1 / N;
  }
  loss /= N;
  if (options.gradient === false) {
    for (const w of W.data) loss += reg * w * w; // the same sum, in the same order, as below
    return { loss };
  }

  const dW = matmulAtB(S, Xr); // dSᵀ X, C×D
  const w = W.data, g = dW.data;
  for (let k = 0; k < w.length; k++) {
    loss += reg * w[k] * w[k];
    g[k] += 2 * reg * w[k];
  }
  return { loss, grad: dW };
}
