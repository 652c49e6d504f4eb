import type { Matrix } from "../core/matrix";
import { checkFiniteX, checkLossArgs } from "./checkLossArgs";
import { exampleScores } from "./exampleScores";
import type { LossResult } from "./lossResult";
import { regularizedMean } from "./regularizedMean";

/**
 * The multiclass SVM (hinge) loss with explicit loops: the version to read.
 *
 *     s = W x_i                                   (the C scores of example i)
 *     L_i = Σ_{j ≠ y_i} max(0, s_j − s_{y_i} + 1)  (margin delta = 1)
 *     L = (1/N) Σ_i L_i + reg Σ W²
 *
 * Gradient, one example at a time: every class j ≠ y_i whose margin is positive pushes its
 * own row up the loss (∂L_i/∂W_j = x_i) and the correct row down (∂L_i/∂W_{y_i} −= x_i);
 * the regularization adds 2 reg W.
 *
 * W is C×D, X is N×D, y has N labels in 0..C−1. Returns { loss, grad } with grad C×D.
 */
export function svmLossNaive(W: Matrix, X: Matrix, y: ArrayLike<number>, reg: number): LossResult {
  const labels = checkLossArgs("svmLossNaive", W, X, y, reg);
  checkFiniteX("svmLossNaive", X);
  const C = W.rows, D = W.cols, N = X.rows;
  const dW = new Float64Array(C * D);
  let loss = 0;
  const s = new Float64Array(C);
  for (let i = 0; i < N; i++) {
    // s = W x_i
    exampleScores(W, X, i, s);
    const yi = labels[i];
    for (let j = 0; j < C; j++) {
      if (j === yi) continue;
      const margin = s[j] - s[yi] + 1;
      if (margin > 0) {
        loss += margin;
        for (let d = 0; d < D; d++) {
          dW[j * D + d] += X.data[i * D + d];
          dW[yi * D + d] -= X.data[i * D + d];
        }
      }
    }
  }
  return regularizedMean(loss, dW, W, N, reg);
}
