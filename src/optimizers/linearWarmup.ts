import { checkWhole } from "../core/checks";
import type { Schedule } from "./optimizer";
import { checkLearningRate, type LearningRate } from "./updateRule";

/**
 * Linear warm-up: start small and rise in a straight line to the first rate of `then`, reached
 * at step `warmupSteps`; from there follow `then` (a number or a schedule), restarted so that
 * its step 1 falls on step `warmupSteps`:
 *
 *     peak = then(1)
 *     lr(t) = peak * t / warmupSteps          for t < warmupSteps
 *     lr(t) = then(t - warmupSteps + 1)       for t >= warmupSteps
 *
 * Goyal et al., "Accurate, Large Minibatch SGD" (2017), warm up this way when the batch (and so
 * the learning rate) is large.
 */
export function linearWarmup(options: { warmupSteps: number; then: LearningRate }): Schedule {
  const warmupSteps = checkWhole("linearWarmup", "warmupSteps", options?.warmupSteps, 1);
  const then = checkLearningRate("linearWarmup", options.then, "then");
  return (t) => (t < warmupSteps ? (then(1) * t) / warmupSteps : then(t - warmupSteps + 1));
}
