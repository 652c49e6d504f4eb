import type { Schedule } from "./optimizer";
import { checkGamma, checkPositive } from "./scheduleChecks";

/**
 * Exponential decay: the learning rate shrinks by the factor gamma at every step (PyTorch's
 * ExponentialLR; the lecture's α = α₀ e^{−kt} with gamma = e^{−k}):
 *
 *     lr(t) = learningRate * gamma ** (t - 1)       t = 1, 2, …
 */
export function exponentialSchedule(options: { learningRate: number; gamma: number }): Schedule {
  const learningRate = checkPositive("exponentialSchedule", "learningRate", options?.learningRate);
  const gamma = checkGamma("exponentialSchedule", options.gamma);
  return (t) => learningRate * gamma ** (t - 1);
}
