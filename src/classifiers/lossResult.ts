import type { Matrix } from "../core/matrix";

/** What a loss returns: the loss value and its gradient ∂loss/∂W, the same shape as W (C×D). */
export interface LossResult {
  loss: number;
  grad: Matrix;
}

/** `gradient: false` asks a loss for its value only. */
export interface LossOptions {
  gradient?: boolean;
}
