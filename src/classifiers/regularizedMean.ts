import type { Matrix } from "../core/matrix";
import type { LossResult } from "./lossResult";

/**
 * L = (1/N) Σ_i L_i + reg Σ W², and its gradient (1/N) Σ_i ∂L_i/∂W + 2 reg W: the naive losses'
 * last line, from the summed data loss and the summed gradient dW (divided here, in place).
 */
export function regularizedMean(dataLossSum: number, dW: Float64Array, W: Matrix, N: number, reg: number): LossResult {
  let loss = dataLossSum / N;
  for (let k = 0; k < dW.length; k++) {
    loss += reg * W.data[k] * W.data[k];
    dW[k] = dW[k] / N + 2 * reg * W.data[k];
  }
  return { loss, grad: { rows: W.rows, cols: W.cols, data: dW } };
}
