import { judge, type Prediction, type Verdict } from "./question";
import { question } from "./registry";

/** The verdict on a prediction for the question `id`, without printing (for tests). */
export function predictionVerdict(id: string, prediction: Prediction): Verdict {
  return judge(question(id), prediction);
}

/**
 * Prints whether a prediction is right, and why. Returns nothing, so a notebook cell ending in
 * this call shows only the verdict. An unknown id throws (a typo in the lesson); a missing
 * prediction is not an error.
 */
export function checkPrediction(id: string, prediction: Prediction): void {
  console.log(predictionVerdict(id, prediction).message);
}
