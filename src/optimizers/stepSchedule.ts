import type { Schedule } from "./optimizer";
import { checkInterval, checkWhole } from "../core/checks";
import { checkRate } from "./updateRule";

/**
 * Step decay: multiply the learning rate by gamma every `stepSize` steps (the lecture's "decay
 * the learning rate by half every few epochs"; PyTorch's StepLR):
 *
 *     lr(t) = learningRate * gamma ** floor((t - 1) / stepSize)       t = 1, 2, …
 */
export function stepSchedule(options: { learningRate: number; stepSize: number; gamma?: number }): Schedule {
  const learningRate = checkRate("stepSchedule", "learningRate", options?.learningRate);
  const stepSize = checkWhole("stepSchedule", "stepSize", options.stepSize, 1);
  const gamma = checkInterval("stepSchedule", "gamma", options.gamma ?? 0.1, "(0, 1]");
  return (t) => learningRate * gamma ** Math.floor((t - 1) / stepSize);
}
