import type { Schedule } from "./optimizer";
import { checkGamma, checkPositive, checkWholePositive } from "./scheduleChecks";

/**
 * Step decay: multiply the learning rate by gamma every `stepSize` steps (the lecture's "decay
 * the learning rate by half every few epochs"; PyTorch's StepLR):
 *
 *     lr(t) = learningRate * gamma ** floor((t - 1) / stepSize)       t = 1, 2, …
 */
export function stepSchedule(options: { learningRate: number; stepSize: number; gamma?: number }): Schedule {
  const learningRate = checkPositive("stepSchedule", "learningRate", options?.learningRate);
  const stepSize = checkWholePositive("stepSchedule", "stepSize", options.stepSize);
  const gamma = checkGamma("stepSchedule", options.gamma ?? 0.1);
  return (t) => learningRate * gamma ** Math.floor((t - 1) / stepSize);
}
