import type { Schedule } from "./optimizer";
import { checkRate } from "./updateRule";

/** The same learning rate at every step: lr(t) = learningRate. A plain number does the same. */
export function constantSchedule(learningRate: number): Schedule {
  checkRate("constantSchedule", "learningRate", learningRate);
  return () => learningRate;
}
