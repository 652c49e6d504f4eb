import type { Matrix } from "../core/matrix";
import { checkFiniteX, checkLossArgs } from "./checkLossArgs";
import { exampleScores } from "./exampleScores";
import type { LossResult } from "./lossResult";
import { regularizedMean } from "./regularizedMean";

/**
 * The softmax (cross-entropy) loss with explicit loops: the version to read.
 *
 *     s = W x_i                               (the C scores of example i, "unnormalized log probabilities")
 *     p_j = e^{s_j} / Σ_k e^{s_k}             (probabilities)
 *     L_i = −log p_{y_i}
 *     L = (1/N) Σ_i L_i + reg Σ W²
 *
 * For numerical stability the row maximum is subtracted from the scores first: it cancels in
 * p_j and keeps e^{s} from overflowing. Gradient: ∂L_i/∂W_j = (p_j − [j = y_i]) x_i.
 *
 * W is C×D, X is N×D, y has N labels in 0..C−1. Returns { loss, grad } with grad C×D.
 */
export function softmaxLossNaive(W: Matrix, X: Matrix, y: ArrayLike<number>, reg: number): LossResult {
  const labels = checkLossArgs("softmaxLossNaive", W, X, y, reg);
  checkFiniteX("softmaxLossNaive", X);
  const C = W.rows, D = W.cols, N = X.rows;
  const dW = new Float64Array(C * D);
  let loss = 0;
  const s = new Float64Array(C);
  for (let i = 0; i < N; i++) {
    // s = W x_i, then shift by the maximum
    exampleScores(W, X, i, s);
    let max = -Infinity;
    for (let j = 0; j < C; j++) max = Math.max(max, s[j]);
    let total = 0;
    for (let j = 0; j < C; j++) total += Math.exp(s[j] - max);
    const yi = labels[i];
    loss += -(s[yi] - max - Math.log(total)); // −log p_{y_i}
    for (let j = 0; j < C; j++) {
      const p = Math.exp(s[j] - max) / total;
      const coeff = p - (j === yi ? 1 : 0);
      for (let d = 0; d < D; d++) dW[j * D + d] += coeff * X.data[i * D + d];
    }
  }
  return regularizedMean(loss, dW, W, N, reg);
}
