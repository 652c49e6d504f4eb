import type { Schedule } from "./optimizer";
import { checkInterval } from "../core/checks";
import { checkRate } from "./updateRule";

/**
 * Exponential decay: the learning rate shrinks by the factor gamma at every step (PyTorch's
 * ExponentialLR; the lecture's α = α₀ e^{−kt} with gamma = e^{−k}):
 *
 *     lr(t) = learningRate * gamma ** (t - 1)       t = 1, 2, …
 */
export function exponentialSchedule(options: { learningRate: number; gamma: number }): Schedule {
  const learningRate = checkRate("exponentialSchedule", "learningRate", options?.learningRate);
  const gamma = checkInterval("exponentialSchedule", "gamma", options.gamma, "(0, 1]");
  return (t) => learningRate * gamma ** (t - 1);
}
