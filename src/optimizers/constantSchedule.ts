import type { Schedule } from "./optimizer";
import { checkPositive } from "./scheduleChecks";

/** The same learning rate at every step: lr(t) = learningRate. A plain number does the same. */
export function constantSchedule(learningRate: number): Schedule {
  checkPositive("constantSchedule", "learningRate", learningRate);
  return () => learningRate;
}
