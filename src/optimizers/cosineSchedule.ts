import type { Schedule } from "./optimizer";
import { checkWhole } from "../core/checks";
import { checkRate } from "./updateRule";

/**
 * Cosine decay from `learningRate` at t = 1 to `minLearningRate` after `steps` more steps, then
 * flat (Loshchilov & Hutter's SGDR without restarts; PyTorch's CosineAnnealingLR with
 * T_max = steps):
 *
 *     lr(t) = minLearningRate + (learningRate - minLearningRate) * (1 + cos(pi * (t - 1) / steps)) / 2
 */
export function cosineSchedule(
  options: { learningRate: number; steps: number; minLearningRate?: number },
): Schedule {
  const learningRate = checkRate("cosineSchedule", "learningRate", options?.learningRate);
  const steps = checkWhole("cosineSchedule", "steps", options.steps, 1);
  const minLearningRate = options.minLearningRate ?? 0;
  if (typeof minLearningRate !== "number" || !(minLearningRate >= 0 && minLearningRate <= learningRate)) {
    throw new RangeError(
      `cosineSchedule: minLearningRate must be in [0, learningRate = ${learningRate}], got ${String(minLearningRate)}`,
    );
  }
  return (t) => {
    const progress = Math.min(t - 1, steps) / steps;
    return minLearningRate + ((learningRate - minLearningRate) * (1 + Math.cos(Math.PI * progress))) / 2;
  };
}
